import fc from 'fast-check';
import { isPlainObject, TableBuilder } from '../../../lib/base/tableBuilder';

/*
 * A writer of millions of records of one shape (Customer Data's summaries) describes each row
 * to the table field by field instead of making it: the table must be, byte for byte, the one
 * built from the records themselves, whatever they hold.
 */

/** Describes a record the way a writer would: objects opened, date-times given as instants. */
function describeRecord(builder: TableBuilder, record: Record<string, unknown>): void {
	for (const [name, value] of Object.entries(record)) {
		if (isPlainObject(value)) {
			builder.open(name);
			describeRecord(builder, value);
			builder.close();
		} else if (typeof value === 'string' && isInstantText(value)) builder.instant(name, Date.parse(value));
		else builder.field(name, value);
	}
}

const isInstantText = (text: string) => {
	const ms = Date.parse(text);
	return !Number.isNaN(ms) && new Date(ms).toISOString() === text;
};

const bytesOf = (records: Array<Record<string, unknown>>) => Buffer.from(TableBuilder.of(records).finish());
const bytesDescribed = (records: Array<Record<string, unknown>>) => {
	const builder = new TableBuilder();
	for (const record of records) {
		builder.nextRow();
		describeRecord(builder, record);
	}
	return Buffer.from(builder.finish());
};

const instant = fc.date({ min: new Date(-70_000_000_000_000), max: new Date(300_000_000_000_000), noInvalidDate: true }).map((d) => d.toISOString());
const day = fc.integer({ min: 19_000, max: 19_010 }).map((d) => new Date(d * 86_400_000).toISOString());
const leaf = fc.oneof(fc.jsonValue({ maxDepth: 1 }), instant, day, fc.constant(null));
const value: fc.Arbitrary<unknown> = fc.oneof(leaf, fc.dictionary(fc.constantFrom('x', 'y', 'when'), leaf, { maxKeys: 3 }));
const record = fc.dictionary(fc.constantFrom('customerId', 'firstOrderAt', 'trend', 'consent', 'n', 'note'), value, { maxKeys: 6 });

describe('a table written row by row, field by field', () => {
	it('is byte for byte the table of the records described, whatever they hold', () => {
		fc.assert(
			fc.property(fc.array(record, { maxLength: 30 }), (records) => {
				expect(bytesDescribed(records).equals(bytesOf(records))).toBe(true);
				const added = new TableBuilder();
				for (const r of records) added.addRow(r);
				expect(Buffer.from(added.finish()).equals(bytesOf(records))).toBe(true);
			}),
			{ numRuns: 500 },
		);
	});

	it('is the same table for thousands of rows whose columns hold a null or a missing field among their values', () => {
		// Past the first thousand rows, where a column's states and values must grow while values are set.
		const rows = Array.from({ length: 5000 }, (_, i) => ({
			customerId: i === 3 ? null : `C${i}`,
			orders: i === 1 ? null : i % 40,
			...(i === 2 ? {} : { spend: i * 1.25 }),
			note: i % 1500 === 0 ? 7 : 'same',
		}));
		expect(bytesDescribed(rows).equals(bytesOf(rows))).toBe(true);
	});

	it('stores the instants of thousands of customers as instants, and a few days as a dictionary', () => {
		const customers = Array.from({ length: 6000 }, (_, i) => ({
			customerId: `C${i}`,
			firstOrderAt: new Date(Date.UTC(2024, 0, 1) + i * 61_000).toISOString(),
			firstDay: new Date(Date.UTC(2024, 0, 1 + (i % 30))).toISOString(),
			consent: { email: i % 2 === 0, sms: null },
			trend: i % 7 === 0 ? null : { windowDays: 90, orderTrend: (i % 5) / 4 },
		}));
		expect(bytesDescribed(customers).equals(bytesOf(customers))).toBe(true);
	});

	it('keeps an object whose column already holds other values, as the records path does', () => {
		const records = [{ trend: 'unknown' }, { trend: { windowDays: 90, since: '2024-05-01T10:00:00.000Z' } }, { trend: { windowDays: 30, nested: { deep: 1 } } }];
		expect(bytesDescribed(records).equals(bytesOf(records))).toBe(true);
	});
});

describe('a field named __proto__', () => {
	it('is kept as a field in an object the table keeps whole, never taken for its prototype', () => {
		// A column of numbers that meets an object keeps it whole: its fields are collected by name.
		const records = [{ n: 0 }, { n: JSON.parse('{"__proto__":null,"x":1}') as Record<string, unknown> }];
		expect(bytesDescribed(records).equals(bytesOf(records))).toBe(true);
	});
});
