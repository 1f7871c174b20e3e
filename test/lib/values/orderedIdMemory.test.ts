import fc from 'fast-check';
import { mapFromStore } from '../../../lib/values/idKeyedStore';
import { OrderedIdMemory } from '../../../lib/values/orderedIdMemory';

/*
 * A node's memory of each customer from one run to the next, kept in the order of the run's
 * customers. It answers as a lookup by ID would, in any order, and a run over the same customers
 * in the same order finds each at its own place.
 */

const readNumber = (value: unknown) => (typeof value === 'number' ? value : null);
const stored = (entries: Array<[string, number]>) => ({ format: 'columns', ids: entries.map(([id]) => id), values: entries.map(([, value]) => value) });

describe('memory kept in the order of the customers', () => {
	it('remembers nothing at first, and keeps this run in its order', () => {
		const memory = OrderedIdMemory.empty<number>();
		expect(memory.recall('C1', 0)).toBeUndefined();
		memory.keep('C1', 10);
		memory.keep('C2', 20);
		expect(memory.toStore()).toEqual({ format: 'columns', ids: ['C1', 'C2'], values: [10, 20] });
	});

	it('finds customers who moved, and keeps those this run did not see after this run', () => {
		const memory = OrderedIdMemory.fromStore(stored([['A', 1], ['B', 2], ['C', 3]]), readNumber);
		expect(memory.recall('C', 0)).toBe(3);
		memory.keep('C', 30);
		expect(memory.recall('New', 1)).toBeUndefined();
		memory.keep('New', 40);
		expect(memory.recall('A', 2)).toBe(1);
		memory.keep('A', 10);
		expect(memory.toStore()).toEqual(stored([['C', 30], ['New', 40], ['A', 10], ['B', 2]]));
	});

	it('reads what earlier versions stored (pairs, an object), and drops entries it cannot read', () => {
		expect(OrderedIdMemory.fromStore([['A', 1], ['B', 'x']], readNumber).toStore()).toEqual(stored([['A', 1]]));
		expect(OrderedIdMemory.fromStore(JSON.parse('{"A": 1, "__proto__": 2}'), readNumber).recall('__proto__', 5)).toBe(2);
		expect(OrderedIdMemory.fromStore({ format: 'columns', ids: ['A', 7, 'C'], values: [1, 2, 'three'] }, readNumber).toStore()).toEqual(stored([['A', 1]]));
		expect(OrderedIdMemory.fromStore(undefined, readNumber).toStore()).toEqual(stored([]));
	});

	it('answers as a lookup by ID over any runs, whatever order the customers come in', () => {
		const ids = fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'E', 'F', '__proto__', 'constructor'), { maxLength: 8 });
		const run = ids.chain((customers) => fc.tuple(fc.constant(customers), fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: customers.length, maxLength: customers.length })));
		fc.assert(
			fc.property(fc.array(run, { minLength: 1, maxLength: 5 }), (runs) => {
				const truth = new Map<string, number>();
				let saved: unknown = undefined;
				for (const [customers, values] of runs) {
					const memory = OrderedIdMemory.fromStore(saved, readNumber);
					customers.forEach((id, position) => {
						expect(memory.recall(id, position)).toBe(truth.get(id));
						memory.keep(id, values[position]);
					});
					customers.forEach((id, position) => truth.set(id, values[position]));
					saved = JSON.parse(JSON.stringify(memory.toStore()));
					expect(mapFromStore(saved, readNumber)).toEqual(truth);
				}
			}),
			{ numRuns: 300 },
		);
	});
});
