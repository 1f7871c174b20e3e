import { mapFromStore, storeFromMap } from '../../../lib/values/idKeyedStore';

const number = (value: unknown) => (typeof value === 'number' ? value : null);

describe('per-customer memory in workflow static data', () => {
	it('is stored as two lists, IDs and values, and read back into the same map, whatever the IDs', () => {
		const memory = new Map<string, number>([
			['C1', 3],
			['__proto__', 7],
			['constructor', 1],
			['客户', 2],
		]);
		const stored = storeFromMap(memory);
		expect(stored).toEqual({ format: 'columns', ids: ['C1', '__proto__', 'constructor', '客户'], values: [3, 7, 1, 2] });
		expect(mapFromStore(JSON.parse(JSON.stringify(stored)), number)).toEqual(memory);
	});

	it('still reads what earlier versions stored: [id, value] pairs, or an object keyed by ID', () => {
		expect(mapFromStore([['C1', 3], ['C2', 'x'], 'junk'], number)).toEqual(new Map([['C1', 3]]));
		expect(mapFromStore({ C1: 3, C2: 4 }, number)).toEqual(new Map([['C1', 3], ['C2', 4]]));
		expect(mapFromStore(undefined, number)).toEqual(new Map());
	});

	it('keeps a million customers in two arrays, not a million', () => {
		const memory = new Map(Array.from({ length: 1_000_000 }, (_, i) => [`C${i}`, i % 7] as [string, number]));
		const stored = storeFromMap(memory);
		expect(stored.ids).toHaveLength(1_000_000);
		expect(mapFromStore(stored, number).get('C999999')).toBe(999999 % 7);
	});
});
