import { typedCopy } from '../values/typedCopies';

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
	/** Lowest value of each tier (Infinity for a tier nobody is in). */
	cut: FixedTierThresholds;
}

/**
 * The cut points for a set of values. Ties never split, so equal customers get equal tiers: a
 * run of equal values goes to the tier its middle rank falls in. (Sending a tie to the higher
 * tier made 20 identical customers all VIP.)
 */
export function tierRule(values: ArrayLike<number>, fixed: FixedTierThresholds): TierRule {
	const n = values.length;
	if (n < MIN_CUSTOMERS_TO_RANK) return { basis: 'fixed', cut: fixed };
	const sorted = typedCopy(Float64Array, values).sort().reverse();
	const cut: FixedTierThresholds = { vip: Infinity, high: Infinity, medium: Infinity };
	for (let start = 0; start < n; ) {
		let end = start;
		while (end + 1 < n && sorted[end + 1] === sorted[start]) end++;
		// Ranks start + 1 .. end + 1 of n; the run's middle rank as a share of the customers.
		const middle = (start + end + 2) / 2 / n;
		const value = sorted[start];
		if (middle <= TIER_SHARES.vip) cut.vip = value;
		else if (middle <= TIER_SHARES.high) cut.high = value;
		else if (middle <= TIER_SHARES.medium) cut.medium = value;
		start = end + 1;
	}
	// A tier no run reached keeps its cut at Infinity: nobody is in it.
	return { basis: 'percentile', cut };
}

export function valueTier(value: number, rule: TierRule): ValueTier {
	if (value >= rule.cut.vip && value > 0) return 'vip';
	if (value >= rule.cut.high && value > 0) return 'high';
	if (value >= rule.cut.medium && value > 0) return 'medium';
	return 'low';
}
