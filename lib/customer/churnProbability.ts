import { parseOptionalNumber } from '../values/cellValues';

/**
 * A record's probability of having churned: its `churnProbability` (Churn Risk's, by the
 * node's churn definition), else 1 - `pAlive` for records scored elsewhere; null when neither.
 */
export function churnProbabilityOf(json: Record<string, unknown>): number | null {
	const given = parseOptionalNumber(json.churnProbability);
	if (given !== null) return given;
	const pAlive = parseOptionalNumber(json.pAlive);
	return pAlive === null ? null : 1 - pAlive;
}
