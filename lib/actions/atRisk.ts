import { ALL_STAGES, GONE_STAGES, LAPSING_STAGES } from '../lifecycle/stages';

/** Churn Risk's levels that count as at risk (the health report's revenue at risk uses them too). */
export const LEVELS_AT_RISK: ReadonlySet<string> = new Set(['high', 'critical']);

const STAGES_AT_RISK: ReadonlySet<string> = new Set([...LAPSING_STAGES, ...GONE_STAGES]);
const KNOWN_STAGES: ReadonlySet<string> = new Set(ALL_STAGES);

/**
 * Whether the earlier nodes see a customer at risk of leaving: Lifecycle Stage's stage when it
 * ran (at risk, decline, churned), else Churn Risk's level (high, critical), else a churn
 * probability of one half or more.
 */
export function isAtRisk(stage: string | null, riskLevel: string | null, churnProbability: number | null): boolean {
	if (stage !== null && KNOWN_STAGES.has(stage)) return STAGES_AT_RISK.has(stage);
	if (riskLevel !== null) return LEVELS_AT_RISK.has(riskLevel);
	return churnProbability !== null && churnProbability >= 0.5;
}
