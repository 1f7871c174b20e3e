/** The stages of each model, in the order their rules are checked (first match wins). */
export const RETAIL_STAGES = ['prospect', 'churned', 'atRisk', 'reactivated', 'new', 'loyal', 'active'] as const;
export const RELATIONSHIP_STAGES = ['prospect', 'churned', 'exploration', 'decline', 'growth', 'maturity'] as const;

export type RetailStage = (typeof RETAIL_STAGES)[number];
export type RelationshipStage = (typeof RELATIONSHIP_STAGES)[number];
export type Stage = RetailStage | RelationshipStage;
export type StageModel = 'retail' | 'relationship';

export function stagesOf(model: StageModel): readonly Stage[] {
	return model === 'retail' ? RETAIL_STAGES : RELATIONSHIP_STAGES;
}

/** The stages of customers slipping away, and of those gone: where win-back starts. */
export const LAPSING_STAGES: readonly Stage[] = ['atRisk', 'decline'];
export const GONE_STAGES: readonly Stage[] = ['churned'];

/** Every stage of both models, for a stable numeric code in the compact stage memory. */
export const ALL_STAGES: readonly Stage[] = ['prospect', 'new', 'active', 'loyal', 'atRisk', 'churned', 'reactivated', 'exploration', 'growth', 'maturity', 'decline'];

/** The order of the per-stage outputs when routing: the journey, then the exits. */
export const ROUTE_ORDER: Record<StageModel, readonly Stage[]> = {
	retail: ['new', 'active', 'loyal', 'atRisk', 'churned', 'reactivated', 'prospect'],
	relationship: ['exploration', 'growth', 'maturity', 'decline', 'churned', 'prospect'],
};
