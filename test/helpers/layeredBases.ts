import fc from 'fast-check';
import { BaseCursor, CustomerBase, layerBytes } from '../../lib/base/customerBase';

/** Customer bases of 1 to `maxRows` customers in 1 to `maxLayers` layers, each layer's records drawn from `record`. */
export function layeredBases(record: fc.Arbitrary<Record<string, unknown>>, maxRows: number, maxLayers: number): fc.Arbitrary<CustomerBase> {
	return fc
		.integer({ min: 1, max: maxRows })
		.chain((rows) => fc.array(fc.array(record, { minLength: rows, maxLength: rows }), { minLength: 1, maxLength: maxLayers }))
		.map((layers) => CustomerBase.fromBytes(layers.map((records) => layerBytes(records))));
}

/** Each customer of the base through one cursor, with the record the base gives of them. */
export function forEachCustomer(base: CustomerBase, check: (cursor: BaseCursor, record: Record<string, unknown>) => void): void {
	const cursor = base.cursor();
	for (let row = 0; row < base.rows; row++) {
		cursor.row = row;
		check(cursor, base.record(row));
	}
}
