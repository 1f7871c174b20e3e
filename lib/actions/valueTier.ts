/**
 * A customer's value tier, from predicted CLV (else historic spend): by percentile within the
 * customers of the run when there are enough of them to rank, else by fixed thresholds (a
 * CRM webhook brings one customer at a time).
 */
export const VALUE_TIERS = ['vip', 'high', 'medium', 'low'] as const;
export type ValueTier = (typeof VALUE_TIERS)[number];

/** Top 10% VIP, next 20% high, next 40% medium, the rest low. */
export const TIER_SHARES: Record<Exclude<ValueTier, 'low'>, number> = { vip: 0.1, high: 0.3, medium: 0.7 };
/** Fewer customers than this are tiered by the fixed thresholds. */
export const MIN_CUSTOMERS_TO_RANK = 20;

export interface FixedTierThresholds {
	vip: number;
	high: number;
	medium: number;
}

export interface TierRule {
	/** How the tiers were drawn, for the output hint. */
	basis: 'percentile' | 'fixed';
	/** Lowest value of each tier. */
	cut: FixedTierThresholds;
}

/**
 * The cut points for a set of values. Ties never split: a value shared across a cut goes to
 * the higher tier, so equal customers always get equal tiers.
 */
export function tierRule(values: readonly number[], fixed: FixedTierThresholds): TierRule {
	if (values.length < MIN_CUSTOMERS_TO_RANK) return { basis: 'fixed', cut: fixed };
	const sorted = Float64Array.from(values).sort().reverse();
	const at = (share: number) => sorted[Math.max(0, Math.ceil(sorted.length * share) - 1)];
	return { basis: 'percentile', cut: { vip: at(TIER_SHARES.vip), high: at(TIER_SHARES.high), medium: at(TIER_SHARES.medium) } };
}

export function valueTier(value: number, rule: TierRule): ValueTier {
	if (value >= rule.cut.vip && value > 0) return 'vip';
	if (value >= rule.cut.high && value > 0) return 'high';
	if (value >= rule.cut.medium && value > 0) return 'medium';
	return 'low';
}
