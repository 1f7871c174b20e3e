import { ByteKeyTable } from '../../../lib/ingest/bytes/byteKeyTable';

/** The order IDs seen, as the cleaner keeps them: a key table that finds numbered IDs by value. */
type OrderKeys = ByteKeyTable;
const orderKeys = (): OrderKeys => new ByteKeyTable({ numericKeys: true });
/** Adds an ID read from the bytes of a row; true when it was new. */
const addBytes = (set: OrderKeys, key: string, tag = 0) => {
	const bytes = Buffer.from(`,${key},`, 'utf8');
	set.intern(bytes, 1, bytes.length - 1, tag);
	return set.added;
};
/** Adds an ID that arrived as a string; true when it was new. */
const addString = (set: OrderKeys, key: string, tag: number) => {
	set.internString(key, tag);
	return set.added;
};

describe('the order IDs seen (a key table that finds numbered IDs by value)', () => {
	it('says whether each ID is new, numeric or not, whichever way it arrives', () => {
		const set = orderKeys();
		expect(addBytes(set, '1001')).toBe(true);
		expect(addString(set, '1001', 0)).toBe(false);
		expect(addString(set, 'SO-77', 0)).toBe(true);
		expect(addBytes(set, 'SO-77')).toBe(false);
		expect(addString(set, '订单9', 0)).toBe(true);
		expect(addBytes(set, '订单9')).toBe(false);
	});

	it('keeps IDs that only read as the same number apart', () => {
		const set = orderKeys();
		expect(addString(set, '42', 0)).toBe(true);
		expect(addString(set, '0042', 0)).toBe(true);
		expect(addBytes(set, '0042')).toBe(false);
		expect(addString(set, '+42', 0)).toBe(true);
		expect(addString(set, '42.0', 0)).toBe(true);
		expect(addString(set, '0', 0)).toBe(true);
		expect(addBytes(set, '0')).toBe(false);
		expect(addString(set, '1234567890123456', 0)).toBe(true);
		expect(addBytes(set, '1234567890123456')).toBe(false);
	});

	it('tells an order from the refund line that repeats its ID', () => {
		const set = orderKeys();
		expect(addString(set, '7', 0)).toBe(true);
		expect(addString(set, '7', 1)).toBe(true);
		expect(addBytes(set, '7', 1)).toBe(false);
		expect(addString(set, 'A7', 1)).toBe(true);
		expect(addString(set, 'A7', 0)).toBe(true);
	});

	it('remembers every ID when sparse numeric IDs move from the pages to the hash table', () => {
		const set = orderKeys();
		// Twelve-digit IDs far apart (as some platforms issue them): one page each, until the pages give up.
		const ids = Array.from({ length: 3000 }, (_, i) => String(450_000_000_000 + i * 9_999_991));
		ids.forEach((id, i) => expect(i % 2 ? addString(set, id, 0) : addBytes(set, id)).toBe(true));
		ids.forEach((id, i) => expect(i % 2 ? addBytes(set, id) : addString(set, id, 0)).toBe(false));
		expect(addString(set, '1', 0)).toBe(true);
		expect(addBytes(set, '1')).toBe(false);
	});

	it('counts dense numeric IDs exactly across pages', () => {
		const set = orderKeys();
		let added = 0;
		for (let id = 0; id < 300_000; id += 3) if (addBytes(set, String(id))) added++;
		for (let id = 0; id < 300_000; id++) if (addString(set, String(id), 0)) added++;
		expect(added).toBe(300_000);
	});
});
