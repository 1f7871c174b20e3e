import { ByteKeyTable } from '../../../lib/ingest/bytes/byteKeyTable';

describe('interned byte keys', () => {
	it('gives each distinct key the next index, and the same index when it comes back', () => {
		const table = new ByteKeyTable();
		const bytes = Buffer.from('xA1,B22,A1,');
		expect(table.intern(bytes, 1, 3)).toBe(0);
		expect(table.added).toBe(true);
		expect(table.intern(bytes, 4, 7)).toBe(1);
		expect(table.intern(bytes, 8, 10)).toBe(0);
		expect(table.added).toBe(false);
		expect(table.size).toBe(2);
		expect(table.keyString(1)).toBe('B22');
	});

	it('agrees between bytes and strings, Chinese text included', () => {
		const table = new ByteKeyTable();
		const index = table.internString('客户-7');
		expect(table.intern(Buffer.from('客户-7'), 0, Buffer.byteLength('客户-7'))).toBe(index);
		expect(table.findString('客户-7')).toBe(index);
		expect(table.keyString(index)).toBe('客户-7');
		expect(table.findString('客户-8')).toBe(-1);
	});

	it('keeps keys with different tags apart', () => {
		const table = new ByteKeyTable();
		const order = table.internString('O1', 0);
		const refund = table.internString('O1', 1);
		expect(refund).not.toBe(order);
		expect(table.findString('O1', 1)).toBe(refund);
	});

	it('keeps every key through growth, long keys included', () => {
		const table = new ByteKeyTable();
		const keys = Array.from({ length: 50_000 }, (_, i) => (i % 1000 === 0 ? `long-${'x'.repeat(500)}-${i}` : `C${i}`));
		keys.forEach((key, i) => expect(table.internString(key)).toBe(i));
		expect(table.size).toBe(keys.length);
		for (let i = 0; i < keys.length; i += 997) {
			expect(table.findString(keys[i])).toBe(i);
			expect(table.keyString(i)).toBe(keys[i]);
		}
		expect(table.findString('C50000')).toBe(-1);
	});
});

describe('keys that are not well-formed text', () => {
	it('keeps IDs with different unpaired surrogates apart, and gives them back unchanged', () => {
		const table = new ByteKeyTable();
		const a = table.internString('id\uD800');
		const b = table.internString('id\uDC00');
		const c = table.internString('id\uFFFD');
		expect(new Set([a, b, c]).size).toBe(3);
		expect(table.internString('id\uD800')).toBe(a);
		expect(table.findString('id\uDC00')).toBe(b);
		expect([table.keyString(a), table.keyString(b), table.keyString(c)]).toEqual(['id\uD800', 'id\uDC00', 'id\uFFFD']);
		expect(table.internString('😀')).toBe(table.intern(Buffer.from('😀'), 0, 4));
	});
});

describe('numbered keys', () => {
	it('finds numbered customers by value, and still keeps text that only looks like a number apart', () => {
		const table = new ByteKeyTable({ numericKeys: true });
		const ids = ['1', '2', '1001', '0042', '42', '4.2', '-3', 'C1'];
		ids.forEach((id, i) => expect(table.internString(id)).toBe(i));
		ids.forEach((id, i) => {
			expect(table.intern(Buffer.from(id), 0, id.length)).toBe(i);
			expect(table.find(Buffer.from(id), 0, id.length)).toBe(i);
			expect(table.keyString(i)).toBe(id);
		});
		expect(table.findString('3')).toBe(-1);
		expect(table.internString('1', 1)).toBe(ids.length);
	});

	it('keeps every index when sparse numbers move from pages to the hash table', () => {
		const table = new ByteKeyTable({ numericKeys: true });
		const ids = Array.from({ length: 5000 }, (_, i) => String(13_800_000_000 + i * 7_919_993));
		ids.forEach((id, i) => expect(table.internString(id)).toBe(i));
		ids.forEach((id, i) => expect(table.intern(Buffer.from(id), 0, id.length)).toBe(i));
		expect(table.added).toBe(false);
		expect(table.internString('7')).toBe(ids.length);
		expect(table.keyString(123)).toBe(ids[123]);
	});
});
