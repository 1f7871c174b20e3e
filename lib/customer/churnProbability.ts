import { parseOptionalNumber } from '../values/cellValues';
import { fieldPath, FieldSource } from '../values/fieldSource';

const CHURN_PROBABILITY = fieldPath('churnProbability');
const P_ALIVE = fieldPath('pAlive');
export const CHURN_PROBABILITY_PATHS = [CHURN_PROBABILITY, P_ALIVE] as const;

/**
 * A record's probability of having churned: its `churnProbability` (Churn Risk's, by the
 * node's churn definition), else 1 - `pAlive` for records scored elsewhere; null when neither.
 */
export function churnProbabilityOf(fields: FieldSource): number | null {
	const given = parseOptionalNumber(fields.get(CHURN_PROBABILITY));
	if (given !== null) return given;
	const pAlive = parseOptionalNumber(fields.get(P_ALIVE));
	return pAlive === null ? null : 1 - pAlive;
}
