import { medianSorted } from '../math/statistics';
import { typedCopy } from '../values/typedCopies';

/*
 * A customer's usual gap between purchase days, and the population's, as Churn Risk (its cadence
 * fallback) and Lifecycle Stage (at risk, comeback) both judge it: one rule, so the two nodes
 * never disagree on whether a customer is overdue.
 */

/** The customer's own usual gap: their mean gap, once they have two gaps or more; null before. */
export function ownGapDays(repeatPurchases: number, meanGapDays: number | null | undefined): number | null {
	return repeatPurchases >= 2 && meanGapDays && meanGapDays > 0 ? meanGapDays : null;
}

/** Fewer repeat customers than this say too little about the population's usual gap. */
export const MIN_CUSTOMERS_FOR_POPULATION_GAP = 5;

/** The median of the customers' own mean gaps, among those who bought on two days or more; null with too few. */
export function populationGapDays(customers: Iterable<{ repeatPurchases: number; meanGapDays: number | null }>): number | null {
	const known: number[] = [];
	for (const c of customers) if (c.repeatPurchases >= 1 && (c.meanGapDays ?? 0) > 0) known.push(c.meanGapDays as number);
	if (known.length < MIN_CUSTOMERS_FOR_POPULATION_GAP) return null;
	// A typed array sorts natively; simple-statistics' median would copy and sort a JS array.
	return medianSorted(typedCopy(Float64Array, known).sort() as unknown as number[]);
}
