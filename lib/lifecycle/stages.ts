/** The stages of each model, in the order their rules are checked (first match wins). */
export const RETAIL_STAGES = ['prospect', 'churned', 'atRisk', 'reactivated', 'new', 'loyal', 'active'] as const;
export const RELATIONSHIP_STAGES = ['prospect', 'churned', 'exploration', 'decline', 'growth', 'maturity'] as const;

export type RetailStage = (typeof RETAIL_STAGES)[number];
export type RelationshipStage = (typeof RELATIONSHIP_STAGES)[number];
export type Stage = RetailStage | RelationshipStage;
export type StageModel = 'retail' | 'relationship';

export const STAGE_LABELS: Record<Stage, string> = {
	prospect: 'Prospect',
	new: 'New',
	active: 'Active',
	loyal: 'Loyal',
	atRisk: 'At Risk',
	churned: 'Churned',
	reactivated: 'Reactivated',
	exploration: 'Exploration',
	growth: 'Growth',
	maturity: 'Maturity',
	decline: 'Decline',
};

export function stagesOf(model: StageModel): readonly Stage[] {
	return model === 'retail' ? RETAIL_STAGES : RELATIONSHIP_STAGES;
}

/** Every stage of both models, for a stable numeric code in the compact stage memory. */
export const ALL_STAGES: readonly Stage[] = ['prospect', 'new', 'active', 'loyal', 'atRisk', 'churned', 'reactivated', 'exploration', 'growth', 'maturity', 'decline'];

/** The order of the per-stage outputs when routing: the journey, then the exits. */
export const ROUTE_ORDER: Record<StageModel, readonly Stage[]> = {
	retail: ['new', 'active', 'loyal', 'atRisk', 'churned', 'reactivated', 'prospect'],
	relationship: ['exploration', 'growth', 'maturity', 'decline', 'churned', 'prospect'],
};
