import { BgNbdParams, expectedPurchases } from './bgnbd';
import { History } from './customerHistory';

/**
 * The length of a month for CLV, in days. 30 is the Python lifetimes library's convention, so
 * results compare with it directly; the calendar mean would be 30.4375.
 */
export const DAYS_PER_MONTH = 30;

/**
 * Predicted customer lifetime value over `months` months: for each month i, the expected
 * purchases in it (BG/NBD, E[Y(i)] - E[Y(i-1)]) times the expected spend per purchase
 * (Gamma-Gamma), discounted by (1 + monthlyDiscountRate)^i. `unitsPerMonth` is how many of the
 * history's time units make a month (DAYS_PER_MONTH for days).
 */
export function predictedClv(
	params: BgNbdParams,
	history: History,
	expectedSpend: number,
	months: number,
	monthlyDiscountRate: number,
	unitsPerMonth = DAYS_PER_MONTH,
): number {
	let value = 0;
	let previous = 0;
	for (let i = 1; i <= months; i++) {
		const cumulative = expectedPurchases(params, i * unitsPerMonth, history);
		value += ((cumulative - previous) * expectedSpend) / Math.pow(1 + monthlyDiscountRate, i);
		previous = cumulative;
	}
	return value;
}
