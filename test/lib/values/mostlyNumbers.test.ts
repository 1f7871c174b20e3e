import { MostlyNumbers } from '../../../lib/values/mostlyNumbers';

describe('values that are mostly numbers', () => {
	it('gives back each value as it was added, numbers or not, at the position it was given', () => {
		const values = new MostlyNumbers();
		const given: unknown[] = [1.5, null, undefined, '12 days', 0, -0, NaN, { days: 3 }];
		for (let i = 0; i < 5000; i++) expect(values.push(given[i % given.length])).toBe(i);
		for (let i = 0; i < 5000; i++) expect(values.get(i)).toBe(given[i % given.length]);
	});
});
