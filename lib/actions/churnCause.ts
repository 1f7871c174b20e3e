import { roundTo } from '../values/rounding';
/**
 * Why a customer is leaving, from what their history shows, with the evidence in words. The
 * rules are checked in this order and the first that fits wins (README, Retention Action):
 *
 * | cause | rule |
 * |---|---|
 * | given | a cause on the item (a survey answer, a CRM field) |
 * | poorExperience | a complaint, returns on 30% of orders or more, or satisfaction 2.5 or less (1-5 scale) |
 * | priceSensitive | at least half of 2+ orders discounted, or the last order discounted and nothing since for over 1.5 usual gaps |
 * | newUnconvinced | one order, placed within the last 90 days |
 * | competition | a regular (4+ orders), satisfied customer whose gaps stayed steady, now silent for over 2 usual gaps: an abrupt stop rather than a fade |
 * | fadingEngagement | order or spend trend at -0.5 or below, or the last gap 1.5x the usual one or more |
 * | neglected | last contacted 90 days ago or more |
 * | unknown | none of these |
 */
export const CAUSES = ['priceSensitive', 'poorExperience', 'competition', 'fadingEngagement', 'neglected', 'newUnconvinced', 'unknown'] as const;
export type Cause = (typeof CAUSES)[number];

export const CAUSE_LABELS: Record<Cause, string> = {
	priceSensitive: 'Price sensitive',
	poorExperience: 'Poor experience',
	competition: 'Lost to a competitor',
	fadingEngagement: 'Fading engagement',
	neglected: 'Neglected',
	newUnconvinced: 'New, not yet convinced',
	unknown: 'Unknown',
};

export const CAUSE_THRESHOLDS = {
	complaints: 1,
	returnRate: 0.3,
	lowSatisfaction: 2.5,
	discountShare: 0.5,
	discountedOrders: 2,
	newCustomerDays: 90,
	regularOrders: 4,
	abruptStopGaps: 2,
	steadyGapRatio: 1.5,
	fadingTrend: -0.5,
	neglectedDays: 90,
} as const;

export interface CauseInput {
	orders: number;
	recencyDays: number | null;
	tenureDays: number | null;
	/** Mean days between purchase days; null before a second purchase day. */
	avgGapDays: number | null;
	lastGapDays: number | null;
	discountShare: number;
	discountedOrders: number;
	lastOrderDiscounted: boolean;
	returnRate: number;
	returnedOrders: number;
	complaints: number;
	avgSatisfaction: number | null;
	orderTrend: number | null;
	spendTrend: number | null;
	/** Days since the customer was last contacted; null when unknown. */
	lastContactedDaysAgo: number | null;
	/** A cause already on the item (survey, CRM), as given. */
	givenCause: string | null;
}

export interface CauseDecision {
	cause: Cause;
	evidence: string;
}

const T = CAUSE_THRESHOLDS;
const pct = (share: number) => `${Math.round(share * 100)}%`;
const days = (n: number) => `${Math.round(n)} day${Math.round(n) === 1 ? '' : 's'}`;

/** Reads a cause written by a person or a CRM ("Price sensitive", "price_sensitive", "PRICE"). */
export function parseCause(value: unknown): Cause | null {
	if (typeof value !== 'string') return null;
	const key = value.replace(/[\s_-]+/g, '').toLowerCase();
	if (key === '') return null;
	return CAUSES.find((c) => c.toLowerCase() === key || CAUSE_LABELS[c].replace(/[\s,]+/g, '').toLowerCase() === key) ?? ALIASES[key] ?? null;
}

const ALIASES: Record<string, Cause> = {
	price: 'priceSensitive',
	价格: 'priceSensitive',
	价格敏感: 'priceSensitive',
	experience: 'poorExperience',
	service: 'poorExperience',
	体验差: 'poorExperience',
	服务: 'poorExperience',
	competitor: 'competition',
	竞争对手: 'competition',
	竞品: 'competition',
	fading: 'fadingEngagement',
	neglect: 'neglected',
	new: 'newUnconvinced',
};

export function decideCause(c: CauseInput): CauseDecision {
	const given = parseCause(c.givenCause);
	if (given) return { cause: given, evidence: `given on the item: "${c.givenCause}"` };

	const experience: string[] = [];
	if (c.complaints >= T.complaints) experience.push(`${c.complaints} complaint${c.complaints === 1 ? '' : 's'}`);
	if (c.returnedOrders > 0 && c.returnRate >= T.returnRate) experience.push(`${pct(c.returnRate)} of orders returned`);
	if (c.avgSatisfaction !== null && c.avgSatisfaction <= T.lowSatisfaction) experience.push(`average satisfaction ${roundTo(c.avgSatisfaction, 1)}`);
	if (experience.length) return { cause: 'poorExperience', evidence: experience.join(', ') };

	const gap = c.avgGapDays && c.avgGapDays > 0 ? c.avgGapDays : null;
	const recency = c.recencyDays ?? 0;
	if (c.discountedOrders >= T.discountedOrders && c.discountShare >= T.discountShare) {
		return { cause: 'priceSensitive', evidence: `${c.discountedOrders} of ${c.orders} orders (${pct(c.discountShare)}) bought on discount` };
	}
	if (c.lastOrderDiscounted && c.discountedOrders > 0 && gap !== null && recency > T.steadyGapRatio * gap) {
		return { cause: 'priceSensitive', evidence: `no order for ${days(recency)} since a discounted one (usual gap ${days(gap)})` };
	}

	if (c.orders === 1 && (c.tenureDays ?? Infinity) <= T.newCustomerDays) {
		return { cause: 'newUnconvinced', evidence: `one order, ${days(c.tenureDays ?? 0)} ago` };
	}

	const satisfied = c.complaints === 0 && (c.avgSatisfaction === null || c.avgSatisfaction >= 4);
	// Steady gaps up to the last order, then silence: a trend over a window cannot tell this
	// from a fade (both end at no recent orders), the gaps before the silence can.
	const steady = c.lastGapDays === null || gap === null || c.lastGapDays <= T.steadyGapRatio * gap;
	if (c.orders >= T.regularOrders && gap !== null && satisfied && steady && recency > T.abruptStopGaps * gap) {
		return {
			cause: 'competition',
			evidence: `a regular buyer (${c.orders} orders, every ${days(gap)}) with no complaints who stopped abruptly ${days(recency)} ago`,
		};
	}

	const fading: string[] = [];
	if (c.orderTrend !== null && c.orderTrend <= T.fadingTrend) fading.push(`order trend ${signed(c.orderTrend)}`);
	if (c.spendTrend !== null && c.spendTrend <= T.fadingTrend) fading.push(`spend trend ${signed(c.spendTrend)}`);
	if (c.lastGapDays !== null && gap !== null && c.lastGapDays >= T.steadyGapRatio * gap && c.orders >= 3) fading.push(`last gap ${days(c.lastGapDays)} against a usual ${days(gap)}`);
	if (fading.length && c.orders >= 2) return { cause: 'fadingEngagement', evidence: fading.join(', ') };

	if (c.lastContactedDaysAgo !== null && c.lastContactedDaysAgo >= T.neglectedDays) {
		return { cause: 'neglected', evidence: `last contacted ${days(c.lastContactedDaysAgo)} ago` };
	}
	return { cause: 'unknown', evidence: 'no sign in the data: ask (a survey) or watch' };
}

function signed(n: number): string {
	return (n > 0 ? '+' : '') + n.toFixed(2);
}
