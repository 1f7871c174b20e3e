import { median } from '../math/statistics';
import { LifecycleInput } from './stageRules';

/** Fewer repeat customers than this say too little about the population's usual gap. */
export const MIN_CUSTOMERS_FOR_POPULATION_GAP = 5;

/** The median of the customers' own mean gaps, among those who bought on two days or more. */
export function populationGapDays(inputs: Array<Pick<LifecycleInput, 'repeatPurchases' | 'avgGapDays'>>): number | null {
	const gaps = inputs.filter((c) => c.repeatPurchases >= 1 && c.avgGapDays && c.avgGapDays > 0).map((c) => c.avgGapDays as number);
	return gaps.length >= MIN_CUSTOMERS_FOR_POPULATION_GAP ? median(gaps) : null;
}
