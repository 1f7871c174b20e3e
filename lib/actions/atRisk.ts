/**
 * Whether the earlier nodes see a customer at risk of leaving: Lifecycle Stage's stage when it
 * ran (at risk, decline, churned), else Churn Risk's level (high, critical), else a churn
 * probability of one half or more.
 */
const STAGES_AT_RISK = new Set(['atRisk', 'decline', 'churned']);
const STAGES_NOT_AT_RISK = new Set(['prospect', 'new', 'active', 'loyal', 'reactivated', 'exploration', 'growth', 'maturity']);
const LEVELS_AT_RISK = new Set(['high', 'critical']);

export function isAtRisk(stage: string | null, riskLevel: string | null, churnProbability: number | null): boolean {
	if (stage !== null && STAGES_AT_RISK.has(stage)) return true;
	if (stage !== null && STAGES_NOT_AT_RISK.has(stage)) return false;
	if (riskLevel !== null) return LEVELS_AT_RISK.has(riskLevel);
	return churnProbability !== null && churnProbability >= 0.5;
}
