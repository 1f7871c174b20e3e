import fc from 'fast-check';
import { FirstPositions } from '../../../lib/values/firstPositions';

describe('the first position of each ID in a list', () => {
	it('is the position a Set of the IDs seen so far would give, whatever the IDs', () => {
		// Few distinct IDs, so they repeat; any text, lone surrogates included.
		const id = fc.oneof(fc.constantFrom('C1', 'C2', 'c1', ' C1', '客户', '\uD800', ''), fc.string({ maxLength: 3 }), fc.string({ unit: 'binary', maxLength: 2 }));
		fc.assert(
			fc.property(fc.array(id, { maxLength: 200 }), (ids) => {
				const table = new FirstPositions(ids.length, (position) => ids[position]);
				const first = new Map<string, number>();
				ids.forEach((value, position) => {
					expect(table.firstOrAdd(value, position)).toBe(first.get(value) ?? -1);
					if (!first.has(value)) first.set(value, position);
				});
			}),
			{ numRuns: 500 },
		);
	});

	it('tells apart two IDs whose hashes are the same', () => {
		// FNV-1a over UTF-16 code units, as published; C449599 and C612382 are the first pair of
		// C0, C1, ... with one hash (found by trying them in turn).
		const fnv = (text: string) => {
			let hash = 0x811c9dc5 | 0;
			for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
			return hash;
		};
		expect(fnv('C449599')).toBe(fnv('C612382'));
		const ids = ['C449599', 'C612382', 'C612382', 'C449599'];
		const table = new FirstPositions(ids.length, (position) => ids[position]);
		expect(ids.map((id, position) => table.firstOrAdd(id, position))).toEqual([-1, -1, 1, 0]);
	});
});
