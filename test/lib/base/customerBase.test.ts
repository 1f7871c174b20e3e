import fc from 'fast-check';
import { CustomerBase, layerBytes } from '../../../lib/base/customerBase';
import { TableReader } from '../../../lib/base/tableReader';
import { decodeTable, encodeTable } from '../../../lib/base/tableEncoding';
import { deflateRawSync, inflateRawSync } from 'zlib';
import { fieldPath, jsonFields, valueAtPath } from '../../../lib/values/fieldSource';
import { forEachCustomer, layeredBases } from '../../helpers/layeredBases';

const summary = (i: number) => ({
	customerId: `C${i}`,
	email: i % 3 === 0 ? null : `c${i}@example.com`,
	consent: { email: i % 2 === 0, sms: null, push: null },
	crmIds: i % 5 === 0 ? { hubspot: `h${i}` } : {},
	orders: i % 7,
	totalSpend: i * 10.25,
	recencyDays: i % 4 === 0 ? null : i * 3,
	lastOrderAt: `2025-0${(i % 9) + 1}-01T00:00:00.000Z`,
	longestGaps: i % 2 ? [{ days: 30, endedDaysAgo: i }] : [],
	trend: i % 6 === 0 ? null : { windowDays: 90, orderTrend: -0.5 },
	modelInputs: { frequency: i % 7, recency: i, T: 400 + i, monetaryValue: 12.5 },
	analysisDate: '2025-07-01',
});

describe('a customer base', () => {
	it('gives back every record as it was written, fields in their order', () => {
		const records = Array.from({ length: 300 }, (_, i) => summary(i));
		const base = CustomerBase.fromBytes([layerBytes(records)]);
		expect(base.rows).toBe(300);
		for (let i = 0; i < 300; i++) {
			expect(base.record(i)).toEqual(records[i]);
			expect(Object.keys(base.record(i))).toEqual(Object.keys(records[i]));
		}
	});

	it('keeps any JSON a record holds: values of another kind, lists, deep objects, absent fields', () => {
		const json = fc.jsonValue({ maxDepth: 3 });
		const record = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'customerId'), json, { maxKeys: 5 });
		fc.assert(
			fc.property(fc.array(record, { minLength: 1, maxLength: 40 }), (records) => {
				const base = CustomerBase.fromBytes([layerBytes(records)]);
				// JSON round trip: -0 is 0 in JSON, as n8n stores items.
				records.forEach((r, i) => expect(base.record(i)).toEqual(JSON.parse(JSON.stringify(r))));
			}),
			{ numRuns: 300 },
		);
	});

	it('keeps lists of records (record gaps, products) as columns of their own, exactly', () => {
		const element = fc.record({ days: fc.integer({ min: 0, max: 5000 }), endedDaysAgo: fc.integer({ min: 0, max: 5000 }), note: fc.option(fc.string(), { nil: undefined }), tags: fc.array(fc.record({ k: fc.string() }), { maxLength: 2 }) }, { requiredKeys: ['days', 'endedDaysAgo', 'tags'] });
		const record = fc.record({ customerId: fc.string(), longestGaps: fc.oneof(fc.array(element, { maxLength: 4 }), fc.constant(null)) }, { requiredKeys: ['customerId'] });
		fc.assert(
			fc.property(fc.array(record, { minLength: 1, maxLength: 30 }), (records) => {
				const base = CustomerBase.fromBytes([layerBytes(records)]);
				records.forEach((r, i) => expect(base.record(i)).toEqual(JSON.parse(JSON.stringify(r))));
			}),
			{ numRuns: 300 },
		);
		const gaps = Array.from({ length: 10_000 }, (_, i) => ({ longestGaps: i % 3 ? [{ days: 30 + (i % 50), endedDaysAgo: i % 400 }] : [] }));
		// About 4 bytes a customer for the list's end and 4 for each gap's two small numbers, where JSON text took 30.
		expect(layerBytes(gaps).byteLength).toBeLessThan(10_000 * 8 + 2_000);
	});

	it("reads a newer layer's fields over an older one's, customerId first, like a node's item", () => {
		const customers = [summary(1), summary(2)];
		const scores = [{ riskLevel: 'high', orders: 99 }, { riskLevel: 'low' }];
		const base = CustomerBase.fromBytes([layerBytes(customers), layerBytes(scores)]);
		expect(base.record(0)).toEqual({ ...customers[0], riskLevel: 'high', orders: 99 });
		expect(Object.keys(base.record(0)).slice(0, 3)).toEqual(['customerId', 'riskLevel', 'orders']);
		// The second customer has no orders field in the newer layer: the older one stands.
		expect(base.record(1).orders).toBe(customers[1].orders);
	});

	it('reads only the fields asked for', () => {
		const base = CustomerBase.fromBytes([layerBytes([summary(5)])]);
		expect(base.record(0, ['modelInputs', 'orders'])).toEqual({ customerId: 'C5', modelInputs: summary(5).modelInputs, orders: 5 });
	});

	it('reads any field path of a customer as the record has it, from the newest layer with its top field', () => {
		const names = ['a', 'b', 'c'];
		const paths = [...names.map((n) => [n]), ...names.flatMap((n) => names.map((m) => [n, m])), ...names.flatMap((n) => names.flatMap((m) => names.map((k) => [n, m, k])))];
		// Objects, lists, texts, numbers, null and missing fields, mixed in one column from row to row.
		const record = fc.object({ key: fc.constantFrom(...names), maxDepth: 3, maxKeys: 3 });
		fc.assert(
			fc.property(layeredBases(record, 12, 3), (base) => {
				forEachCustomer(base, (cursor, whole) => {
					for (const path of paths) expect(cursor.get(fieldPath(...path))).toEqual(valueAtPath(whole, path));
				});
			}),
			{ numRuns: 400 },
		);
	});

	it('reads the fields of customers of a base like those of items, from any layer', () => {
		const customers = Array.from({ length: 50 }, (_, i) => summary(i));
		const scores = customers.map((_, i) => (i % 4 === 0 ? {} : { riskLevel: i % 2 ? 'high' : 'low', orders: 100 + i, trend: i % 3 ? null : { orderTrend: 1 } }));
		const base = CustomerBase.fromBytes([layerBytes(customers), layerBytes(scores)]);
		const cursor = base.cursor();
		const paths = [['orders'], ['riskLevel'], ['modelInputs', 'T'], ['longestGaps'], ['trend', 'orderTrend'], ['trend', 'windowDays'], ['email'], ['notThere'], ['consent'], ['customerId']];
		for (let row = 0; row < 50; row++) {
			cursor.row = row;
			const item = { ...customers[row], ...scores[row] };
			for (const path of paths) expect(cursor.get(fieldPath(...path))).toEqual(jsonFields(item).get(fieldPath(...path)));
		}
		cursor.row = 7;
		expect(cursor.get(fieldPath('orders'))).toBe(107);
		// A newer layer's trend, even null, stands for the whole object.
		cursor.row = 3;
		expect(cursor.get(fieldPath('trend', 'windowDays'))).toBeUndefined();
	});

	it('reads -0 as 0, as JSON does, whatever else the column holds', () => {
		const base = CustomerBase.fromBytes([layerBytes([{ c: -0 }, { c: 0 }, {}, { c: 0.5 }, { c: -0 }])]);
		expect([0, 1, 3, 4].map((row) => Object.is(base.record(row).c, -0))).toEqual([false, false, false, false]);
		expect(base.record(3)).toEqual({ c: 0.5 });
	});

	it('stores a number in as few bytes as its values need', () => {
		const small = layerBytes(Array.from({ length: 10_000 }, (_, i) => ({ orders: i % 100 })));
		const wide = layerBytes(Array.from({ length: 10_000 }, (_, i) => ({ orders: i / 3 })));
		expect(small.byteLength).toBeLessThan(10_000 * 1.2);
		expect(wide.byteLength).toBeGreaterThan(10_000 * 8);
		expect(CustomerBase.fromBytes([small]).record(42)).toEqual({ orders: 42 });
	});

	it('keeps money and rounded probabilities as whole numbers of their smallest unit, and gives back the same doubles', () => {
		const records = Array.from({ length: 10_000 }, (_, i) => ({ spend: Math.round(i * 137.13) / 100, pAlive: Math.round((i % 997) / 0.997) / 10000, ratio: i / 7 }));
		const bytes = layerBytes(records);
		const base = CustomerBase.fromBytes([bytes]);
		records.forEach((record, i) => expect(base.record(i)).toEqual(record));
		// spend: 4 bytes (cents up to 13.7 million), pAlive: 2 (1/10000 up to 1), ratio: a double.
		expect(bytes.byteLength).toBeLessThan(10_000 * (4 + 2 + 8) + 2_000);
	});

	it('keeps order dates as instants, 8 bytes each, and gives back the same text', () => {
		const records = Array.from({ length: 5_000 }, (_, i) => ({ lastOrderAt: new Date(Date.UTC(2024, 0, 1) + i * 61_001).toISOString() }));
		const bytes = layerBytes([...records, { lastOrderAt: null }]);
		const base = CustomerBase.fromBytes([bytes]);
		records.forEach((record, i) => expect(base.record(i)).toEqual(record));
		expect(base.record(5_000)).toEqual({ lastOrderAt: null });
		expect(bytes.byteLength).toBeLessThan(5_001 * 9 + 1_000);
		// Any instant from year 0 to 9999 (toISOString's four-digit years).
		fc.assert(
			fc.property(fc.array(fc.date({ min: new Date(-62167219200000), max: new Date(253402300799999), noInvalidDate: true }), { minLength: 50, maxLength: 50 }), (dates) => {
				const texts = dates.map((d) => ({ at: d.toISOString() }));
				const stored = layerBytes(texts);
				// Few distinct instants are kept as a dictionary instead, in the header.
				expect(stored.byteLength).toBeLessThan(50 * 8 + 50 * 30 + 300);
				const read = CustomerBase.fromBytes([stored]);
				texts.forEach((t, i) => expect(read.record(i)).toEqual(t));
			}),
			{ numRuns: 200 },
		);
		// Text that only looks like an instant stays text.
		const odd = CustomerBase.fromBytes([layerBytes([{ at: '2024-01-01T00:00:00.000Z' }, { at: '2024-02-30T00:00:00.000Z' }, { at: 'soon' }])]);
		expect([0, 1, 2].map((i) => odd.record(i).at)).toEqual(['2024-01-01T00:00:00.000Z', '2024-02-30T00:00:00.000Z', 'soon']);
	});

	it('deflates long texts per customer and gives them back as they were', () => {
		const records = Array.from({ length: 20_000 }, (_, i) => ({ stageReason: `${70 + (i % 300)} days since the last order = ${((i % 97) / 10).toFixed(1)}× their usual gap of ${20 + (i % 80)} days (> 2×) · 最近一次购买` }));
		const bytes = layerBytes(records);
		const base = CustomerBase.fromBytes([bytes]);
		records.forEach((record, i) => expect(base.record(i)).toEqual(record));
		const raw = records.reduce((sum, r) => sum + Buffer.byteLength(r.stageReason), 0);
		expect(bytes.byteLength).toBeLessThan(raw / 3);
	});

	it('writes long texts as raw DEFLATE, and reads those an earlier version deflated with zlib', () => {
		const records = Array.from({ length: 20_000 }, (_, i) => ({ stageReason: `${70 + (i % 300)} days since the last order, ${i % 97} orders · 最近一次购买` }));
		const { header, block } = decodeTable(layerBytes(records));
		const column = header.columns[0];
		expect(column.deflated).toBe(true);
		const texts = inflateRawSync(block(column.text as number));
		// The same texts deflated by Node's zlib at its default level, in the same layout.
		const blocks = header.blocks.map((_, i) => (i === column.text ? new Uint8Array(deflateRawSync(texts)) : new Uint8Array(block(i))));
		const base = CustomerBase.fromBytes([encodeTable(header.rows, header.columns, blocks)]);
		records.forEach((record, i) => expect(base.record(i)).toEqual(record));
	});

	it('stores each text column the way its values call for, deciding as they arrive, and gives every text back', () => {
		const kindOf = (bytes: Uint8Array) => decodeTable(bytes).header.columns[0].kind;
		const roundTrip = (records: Array<Record<string, unknown>>) => {
			const bytes = layerBytes(records);
			const base = CustomerBase.fromBytes([bytes]);
			const differing = records.flatMap((record, i) => (JSON.stringify(base.record(i)) === JSON.stringify(record) ? [] : [i]));
			expect(differing).toEqual([]);
			return kindOf(bytes);
		};
		const many = 70_000; // more distinct texts than a dictionary holds
		const instant = (i: number) => new Date(Date.UTC(2024, 0, 1) + i * 60_001).toISOString();
		// A row without the text, with null, or with another kind of value, among them.
		const other = (i: number) => (i % 1000 === 1 ? {} : i % 1000 === 2 ? { at: null } : i % 1000 === 3 ? { at: 42 } : null);
		expect(roundTrip(Array.from({ length: many }, (_, i) => other(i) ?? { at: instant(i) }))).toBe('instant');
		// Instants until one that is not: the earlier ones come back as the same text.
		expect(roundTrip(Array.from({ length: many }, (_, i) => other(i) ?? { at: i === many - 5 ? 'soon' : instant(i) }))).toBe('text');
		expect(roundTrip(Array.from({ length: many }, (_, i) => other(i) ?? { at: `客户 ${i} · ${'é'.repeat(i % 4)}` }))).toBe('text');
		// Few distinct texts for the rows: a dictionary; one for every eight rows or more: text.
		expect(roundTrip(Array.from({ length: 3_000 }, (_, i) => other(i) ?? { at: `stage ${i % 300}` }))).toBe('dict16');
		expect(roundTrip(Array.from({ length: 2_000 }, (_, i) => other(i) ?? { at: `stage ${i % 300}` }))).toBe('text');
		expect(roundTrip(Array.from({ length: 2_000 }, (_, i) => other(i) ?? { at: `stage ${i % 200}` }))).toBe('dict8');
		// A column that starts out all distinct (IDs) is taken for one, even if it repeats later.
		expect(roundTrip(Array.from({ length: 40_000 }, (_, i) => other(i) ?? { at: `C${i % 4_500}` }))).toBe('text');
		expect(roundTrip(Array.from({ length: 40_000 }, (_, i) => other(i) ?? { at: `name ${i % 400}` }))).toBe('dict16');
	});

	it('refuses layers of different lengths and bytes that are not a base', () => {
		expect(() => CustomerBase.fromBytes([layerBytes([summary(1)]), layerBytes([])])).toThrow(/layers disagree/);
		expect(() => new TableReader(Buffer.from('customerId,orders\n1,2\n'))).toThrow(/not a customer base/);
	});
});
