import fc from 'fast-check';
import { CompactRecords, Schema } from '../../../lib/base/compactRecords';
import { TableBuilder } from '../../../lib/base/tableBuilder';

/*
 * Records of one shape kept as columns are written into a base layer a column at a time: the
 * layer must be, byte for byte, the table of the records themselves, whatever the records kept
 * whole hold (other kinds, objects in several fields, other fields); where it cannot be, the
 * records are described one by one instead.
 */

interface Row {
	id: string;
	kind: string | boolean | null;
	n: number | null;
	a: unknown;
	b: unknown;
}

const SCHEMA: Schema<Row> = { id: 'text', kind: 'code', n: 'number', a: 'none', b: 'none' };

const odd = fc.oneof(fc.constant(null), fc.string({ maxLength: 4 }), fc.double(), fc.boolean(), fc.dictionary(fc.constantFrom('x', 'y'), fc.oneof(fc.integer(), fc.constant(null)), { maxKeys: 2 }));
const usual = fc.record({
	id: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('客户', '\ud800')),
	kind: fc.constantFrom('sms', 'email', true, null),
	n: fc.oneof(fc.constant(null), fc.double(), fc.constant(-0)),
	a: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: odd }),
	b: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: odd }),
});
/** Now and then another shape: a field missing, or one more. */
const record = fc.oneof(
	{ weight: 8, arbitrary: usual.map((r) => r as Record<string, unknown>) },
	{ weight: 1, arbitrary: usual.map(({ id, ...rest }) => ({ ...rest, id }) as Record<string, unknown>) },
	{ weight: 1, arbitrary: usual.map((r) => ({ ...r, extra: 1 }) as Record<string, unknown>) },
);

describe('records kept as columns, written into a layer', () => {
	it('give the table of the records, a column at a time where they can and row by row where not', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(record, fc.boolean()), { maxLength: 25 }), (rows) => {
				const store = new CompactRecords<Row>(rows.length, SCHEMA);
				rows.forEach(([r, settled], i) => (settled ? store.keep(i, r as unknown as Row) : store.keepWhole(i, r as unknown as Row)));
				const expected = Buffer.from(TableBuilder.of(rows.map(([r]) => r)).finish());
				const byRows = new TableBuilder();
				rows.forEach((_, i) => {
					byRows.nextRow();
					store.describe(i, byRows);
				});
				expect(Buffer.from(byRows.finish()).equals(expected)).toBe(true);
				const byColumns = new TableBuilder();
				if (store.writeColumns(byColumns)) expect(Buffer.from(byColumns.finish()).equals(expected)).toBe(true);
				// Records of the schema's shape with objects in the last field alone, as a plan's decisions, are always written a column at a time.
				const objectFields = new Set(rows.flatMap(([r]) => Object.keys(r).filter((k) => typeof r[k] === 'object' && r[k] !== null)));
				const shaped = rows.every(([r]) => Object.keys(r).join() === Object.keys(SCHEMA).join());
				if (shaped && [...objectFields].every((k) => k === 'b')) expect(store.writeColumns(new TableBuilder())).toBe(true);
			}),
			{ numRuns: 1000 },
		);
	});

	it('give the same table for thousands of records, whose texts leave the dictionary for bytes', () => {
		// Past the rows after which a column of mostly distinct texts is kept as UTF-8 bytes.
		const rows = Array.from({ length: 6000 }, (_, i) => ({
			id: i % 97 === 0 ? null : i % 5 === 0 ? `客户${i}` : `C${i}`,
			kind: i % 3 === 0 ? 'sms' : 'email',
			n: i % 7 === 0 ? null : i / 4,
			a: i === 5000 ? 'late text' : null,
			b: i % 1000 === 999 ? { x: i } : null,
		}));
		const store = new CompactRecords<Row>(rows.length, SCHEMA);
		rows.forEach((r, i) => (i % 11 === 0 ? store.keepWhole(i, r as Row) : store.keep(i, r as Row)));
		const byColumns = new TableBuilder();
		expect(store.writeColumns(byColumns)).toBe(true);
		expect(Buffer.from(byColumns.finish()).equals(Buffer.from(TableBuilder.of(rows).finish()))).toBe(true);
	});
});
