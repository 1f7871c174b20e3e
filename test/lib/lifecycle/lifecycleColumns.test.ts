import fc from 'fast-check';
import { emptyLifecycleInput, LifecycleColumns } from '../../../lib/lifecycle/lifecycleColumns';
import { LifecycleInput } from '../../../lib/lifecycle/stageRules';

/*
 * Lifecycle Stage reads every customer of a base once into columns (it needs the whole base's
 * usual gap before it stages anyone), then stages each from the columns: what comes out of the
 * columns is exactly what went in, whatever the customer.
 */

type Inputs = Omit<LifecycleInput, 'previousStage'>;
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const number = fc.double({ noNaN: true, min: -1e9, max: 1e9 });
const inputs: fc.Arbitrary<Inputs> = fc.record({
	orders: fc.integer({ min: 0, max: 10_000 }),
	recencyDays: maybe(number),
	tenureDays: maybe(number),
	repeatPurchases: fc.integer({ min: 0, max: 10_000 }),
	avgGapDays: maybe(number),
	lastGapDays: maybe(number),
	longestGaps: fc.array(fc.record({ days: number, endedDaysAgo: number }), { maxLength: 5 }),
	orderTrend: maybe(number),
	spendTrend: maybe(number),
	churnProbability: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
	rfmSegment: maybe(fc.oneof(fc.constantFrom('Champions', 'Loyal Customers', 'Lost'), fc.string())),
});

describe("the stage rules' inputs of a base, kept as columns", () => {
	it('read back as they were set, row by row', () => {
		fc.assert(
			fc.property(fc.array(inputs, { maxLength: 40 }), (customers) => {
				const columns = new LifecycleColumns(customers.length);
				customers.forEach((c, row) => columns.set(row, c));
				const into = emptyLifecycleInput();
				customers.forEach((c, row) => {
					expect(columns.read(row, into)).toEqual({ ...c, previousStage: null });
				});
			}),
			{ numRuns: 300 },
		);
	});

	it('give each row its own record gaps, none for a customer without any', () => {
		const columns = new LifecycleColumns(3);
		const base = emptyLifecycleInput();
		columns.set(0, { ...base, orders: 3, longestGaps: [{ days: 120, endedDaysAgo: 20 }, { days: 60, endedDaysAgo: 200 }] });
		columns.set(1, { ...base, orders: 1 });
		columns.set(2, { ...base, orders: 2, longestGaps: [{ days: 30, endedDaysAgo: 5 }] });
		const into = emptyLifecycleInput();
		expect(columns.read(2, into).longestGaps).toEqual([{ days: 30, endedDaysAgo: 5 }]);
		expect(columns.read(1, into).longestGaps).toEqual([]);
		expect(columns.read(0, into).longestGaps).toEqual([{ days: 120, endedDaysAgo: 20 }, { days: 60, endedDaysAgo: 200 }]);
	});
});
