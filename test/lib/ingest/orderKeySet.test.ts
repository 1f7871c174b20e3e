import { OrderKeySet } from '../../../lib/ingest/orderKeySet';

const bytesOf = (text: string) => Buffer.from(text, 'utf8');
const addBytes = (set: OrderKeySet, key: string, tag = 0) => {
	const bytes = bytesOf(`,${key},`);
	return set.addBytes(bytes, 1, bytes.length - 1, tag);
};

describe('the set of order IDs seen', () => {
	it('says whether each ID is new, numeric or not, whichever way it arrives', () => {
		const set = new OrderKeySet();
		expect(addBytes(set, '1001')).toBe(true);
		expect(set.addString('1001', 0)).toBe(false);
		expect(set.addString('SO-77', 0)).toBe(true);
		expect(addBytes(set, 'SO-77')).toBe(false);
		expect(set.addString('订单9', 0)).toBe(true);
		expect(addBytes(set, '订单9')).toBe(false);
	});

	it('keeps IDs that only read as the same number apart', () => {
		const set = new OrderKeySet();
		expect(set.addString('42', 0)).toBe(true);
		expect(set.addString('0042', 0)).toBe(true);
		expect(addBytes(set, '0042')).toBe(false);
		expect(set.addString('+42', 0)).toBe(true);
		expect(set.addString('42.0', 0)).toBe(true);
		expect(set.addString('0', 0)).toBe(true);
		expect(addBytes(set, '0')).toBe(false);
		expect(set.addString('1234567890123456', 0)).toBe(true);
		expect(addBytes(set, '1234567890123456')).toBe(false);
	});

	it('tells an order from the refund line that repeats its ID', () => {
		const set = new OrderKeySet();
		expect(set.addString('7', 0)).toBe(true);
		expect(set.addString('7', 1)).toBe(true);
		expect(addBytes(set, '7', 1)).toBe(false);
		expect(set.addString('A7', 1)).toBe(true);
		expect(set.addString('A7', 0)).toBe(true);
	});

	it('remembers every ID when sparse numeric IDs move from the bitmap to the hash table', () => {
		const set = new OrderKeySet();
		// Twelve-digit IDs far apart (as some platforms issue them): one bitmap page each, until it gives up.
		const ids = Array.from({ length: 3000 }, (_, i) => String(450_000_000_000 + i * 9_999_991));
		ids.forEach((id, i) => expect(i % 2 ? set.addString(id, 0) : addBytes(set, id)).toBe(true));
		ids.forEach((id, i) => expect(i % 2 ? addBytes(set, id) : set.addString(id, 0)).toBe(false));
		expect(set.addString('1', 0)).toBe(true);
		expect(addBytes(set, '1')).toBe(false);
	});

	it('counts dense numeric IDs exactly across pages', () => {
		const set = new OrderKeySet();
		let added = 0;
		for (let id = 0; id < 300_000; id += 3) if (addBytes(set, String(id))) added++;
		for (let id = 0; id < 300_000; id++) if (set.addString(String(id), 0)) added++;
		expect(added).toBe(300_000);
	});
});
