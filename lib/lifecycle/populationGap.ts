import { medianSorted } from '../math/statistics';
import { LifecycleInput } from './stageRules';

/** Fewer repeat customers than this say too little about the population's usual gap. */
export const MIN_CUSTOMERS_FOR_POPULATION_GAP = 5;

/** The median of the customers' own mean gaps, among those who bought on two days or more. */
export function populationGapDays(inputs: Array<Pick<LifecycleInput, 'repeatPurchases' | 'avgGapDays'>>): number | null {
	const known = Float64Array.from(inputs.filter((c) => c.repeatPurchases >= 1 && (c.avgGapDays ?? 0) > 0), (c) => c.avgGapDays as number);
	if (known.length < MIN_CUSTOMERS_FOR_POPULATION_GAP) return null;
	// A typed array sorts natively; simple-statistics' median would copy and sort a JS array.
	return medianSorted(known.sort() as unknown as number[]);
}
