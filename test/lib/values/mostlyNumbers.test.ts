import { MostlyNumbers } from '../../../lib/values/mostlyNumbers';

describe('values that are mostly numbers', () => {
	it('gives back each value as it was set, numbers or not, and the latest one set', () => {
		const values = new MostlyNumbers();
		const given: unknown[] = [1.5, null, undefined, '12 days', 0, -0, NaN, { days: 3 }];
		for (let i = 0; i < 5000; i++) values.set(i, given[i % given.length]);
		for (let i = 0; i < 5000; i++) expect(values.get(i)).toBe(given[i % given.length]);
		values.set(3, 7);
		values.set(0, 'soon');
		expect([values.get(3), values.get(0)]).toEqual([7, 'soon']);
	});
});
