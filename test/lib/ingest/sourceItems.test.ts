import fc from 'fast-check';
import { CustomerSummariser } from '../../../lib/ingest/summary/summariseCustomers';

/*
 * n8n links each customer to the input items their rows came from: the item of their first
 * order, then every other item that held one of their orders, each once, in the order met,
 * whatever items the other customers came from.
 */

describe("a customer's input items", () => {
	it('are the items of their orders, first order first, each once', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 40 }), (orders) => {
				const summariser = new CustomerSummariser();
				const expected = new Map<number, number[]>();
				for (const [customer, item] of orders) {
					const index = summariser.ids.internString(`C${customer}`);
					summariser.addOrder(index, 19_000, 19_000 * 86_400_000, 10, item);
					const items = expected.get(index) ?? [];
					if (!items.includes(item)) items.push(item);
					expected.set(index, items);
				}
				const cols = summariser.summariseColumns(19_000);
				for (let row = 0; row < cols.rows; row++) expect(summariser.sourcesAt(cols, row)).toEqual(expected.get(cols.customer[row]));
			}),
			{ numRuns: 300 },
		);
	});
});
