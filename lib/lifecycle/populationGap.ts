import { medianSorted } from '../math/statistics';
import { LifecycleInput } from './stageRules';

/** Fewer repeat customers than this say too little about the population's usual gap. */
export const MIN_CUSTOMERS_FOR_POPULATION_GAP = 5;

/** The median of the customers' own mean gaps, among those who bought on two days or more. */
export function populationGapDays(inputs: Array<Pick<LifecycleInput, 'repeatPurchases' | 'avgGapDays'>>): number | null {
	return medianGap(inputs.filter((c) => c.repeatPurchases >= 1).map((c) => c.avgGapDays ?? 0));
}

/** The same median from the customers' mean gaps as a column (0 or less: no gap known). */
export function medianGap(gaps: ArrayLike<number>): number | null {
	let count = 0;
	for (let i = 0; i < gaps.length; i++) if (gaps[i] > 0) count++;
	if (count < MIN_CUSTOMERS_FOR_POPULATION_GAP) return null;
	const known = new Float64Array(count);
	for (let i = 0, k = 0; i < gaps.length; i++) if (gaps[i] > 0) known[k++] = gaps[i];
	// A typed array sorts natively; simple-statistics' median would copy and sort a JS array.
	return medianSorted(known.sort() as unknown as number[]);
}
