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

export const STAGE_LABELS_ZH: Record<Stage, string> = {
	prospect: '潜在客户',
	new: '新客',
	active: '活跃',
	loyal: '忠诚',
	atRisk: '有流失风险',
	churned: '已流失',
	reactivated: '已召回',
	exploration: '探索期',
	growth: '成长期',
	maturity: '成熟期',
	decline: '衰退期',
};

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
