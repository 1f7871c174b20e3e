import { BgNbdParams, bgnbdModel } from './bgnbd';
import { History } from './customerHistory';
import type { PurchaseModel } from './purchaseModel';

/**
 * The length of a month for CLV, in days. 30 is the Python lifetimes library's convention, so
 * results compare with it directly; the calendar mean would be 30.4375.
 */
export const DAYS_PER_MONTH = 30;

/**
 * Sum over months i = 1..months of (E[Y(i)] - E[Y(i-1)]) / (1 + d)^i for a customer known to be
 * alive: the discounted expected purchases. For the continuous models it depends on (x, T) only.
 */
export function discountedPurchasesIfAlive(
	model: PurchaseModel,
	params: number[],
	history: History,
	months: number,
	monthlyDiscountRate: number,
	unitsPerMonth = DAYS_PER_MONTH,
): number {
	let sum = 0;
	let previous = 0;
	for (let i = 1; i <= months; i++) {
		const cumulative = model.expectedIfAlive(params, i * unitsPerMonth, history);
		sum += (cumulative - previous) / Math.pow(1 + monthlyDiscountRate, i);
		previous = cumulative;
	}
	return sum;
}

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
	const list = [params.r, params.alpha, params.a, params.b];
	return bgnbdModel.probabilityAlive(list, history) * expectedSpend * discountedPurchasesIfAlive(bgnbdModel, list, history, months, monthlyDiscountRate, unitsPerMonth);
}
