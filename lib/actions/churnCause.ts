import { Language } from '../values/language';
import { roundTo } from '../values/rounding';
import { WORDS } from '../words';
import { CAUSES, Cause, Evidence } from './causes';

/**
 * Why a customer is leaving, from what their history shows, with the evidence and how strongly
 * it points there (0 to 1). Past a stated reason or a bad experience, only customers at risk get
 * a leaving cause; the rules are checked in this order and the first that fits wins (docs/nodes/retention-action.md has the table):
 *
 * | cause | rule | strength |
 * |---|---|---|
 * | given | a cause on the item (a survey answer, a CRM field) | 0.9 |
 * | poorExperience | a complaint, returns on 30% of orders or more, satisfaction 2.5 or less (1-5); from events, an open service ticket, an NPS of 6 or less, or a review of 2 stars or less or that reads -0.5 or worse | 0.6-0.95 |
 * | notAtRisk | not at risk (stage, risk level or churn probability say so), and not a new one-order customer | 0 |
 * | priceSensitive | at least half of 2+ repeat orders bought on promotion (not the shop's own service codes, not a welcome offer on the first order) | 0.5-0.9 |
 * | priceSensitive | the last order on promotion, and nothing since for over 1.5 usual gaps | 0.4 |
 * | newUnconvinced | one order, placed within the last 90 days | 0.5 |
 * | competition | a regular (4+ orders) satisfied customer whose gaps stayed steady, silent for over 2 usual gaps: an abrupt stop, which order data alone cannot tell from a move or a life change | 0.3 |
 * | fadingEngagement | order or spend trend at -0.5 or below, the last gap 1.5x the usual one or more, or (from events) visits in the recent weeks at half their usual or less | 0.5-0.7 |
 * | neglected | last contacted 90 days ago or more | 0.3 |
 * | unknown | none of these | 0 |
 */
export const CAUSE_THRESHOLDS = {
	complaints: 1,
	returnRate: 0.3,
	lowSatisfaction: 2.5,
	promotionShare: 0.5,
	promotionOrders: 2,
	newCustomerDays: 90,
	regularOrders: 4,
	abruptStopGaps: 2,
	steadyGapRatio: 1.5,
	fadingTrend: -0.5,
	neglectedDays: 90,
	openTickets: 1,
	detractorNps: 6,
	lowRating: 2,
	negativeSentiment: -0.5,
	fewerVisitsRatio: 0.5,
	/** Below this many usual visits a drop says little. */
	usualVisits: 2,
} as const;

export interface CauseInput {
	/** At risk by the earlier nodes' judgement (stage, risk level, churn probability). */
	atRisk: boolean;
	orders: number;
	recencyDays: number | null;
	tenureDays: number | null;
	/** Mean days between purchase days; null before a second purchase day. */
	avgGapDays: number | null;
	lastGapDays: number | null;
	/** Share of repeat orders bought on promotion (Customer Data's discountShare). */
	discountShare: number;
	discountedOrders: number;
	lastOrderDiscounted: boolean;
	returnRate: number;
	returnedOrders: number;
	complaints: number;
	avgSatisfaction: number | null;
	orderTrend: number | null;
	spendTrend: number | null;
	/** A cause already on the item (survey, CRM), as given. */
	givenCause: string | null;
	/** From Customer Data's events (null, 0 without): service, NPS, reviews, visits against the usual. */
	openTickets: number;
	latestNps: number | null;
	latestRating: number | null;
	reviewSentiment: number | null;
	recentVisits: number | null;
	usualVisits: number | null;
}

export interface CauseDecision {
	cause: Cause;
	/** How strongly the evidence points to the cause: 0 (none) to 1. */
	strength: number;
	evidence: Evidence[];
}

const T = CAUSE_THRESHOLDS;

/** Reads a cause written by a person or a CRM, in any language the nodes write ("Price sensitive", "price_sensitive", "PRICE", "价格敏感", "价格"). */
export function parseCause(value: unknown): Cause | null {
	if (typeof value !== 'string') return null;
	const key = value.replace(/[\s_-]+/g, '').toLowerCase();
	if (key === '') return null;
	return (
		CAUSES.find((c) => c.toLowerCase() === key || Object.values(WORDS).some((words) => words.causes[c].replace(/[\s,]+/g, '').toLowerCase() === key)) ?? ALIASES[key] ?? null
	);
}

const ALIASES: Record<string, Cause> = {
	price: 'priceSensitive',
	价格: 'priceSensitive',
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

/** `lastContactedDaysAgo`: days since the customer was last contacted, as of the send time; null when unknown. */
export function decideCause(c: CauseInput, lastContactedDaysAgo: number | null): CauseDecision {
	const gap = c.avgGapDays && c.avgGapDays > 0 ? c.avgGapDays : null;
	const recency = c.recencyDays ?? 0;
	const isNew = c.orders === 1 && (c.tenureDays ?? Infinity) <= T.newCustomerDays;

	const given = parseCause(c.givenCause);
	if (given && given !== 'notAtRisk') return { cause: given, strength: 0.9, evidence: [{ kind: 'given', text: String(c.givenCause) }] };

	const experience: Array<{ evidence: Evidence; strength: number }> = [];
	if (c.complaints >= T.complaints) experience.push({ evidence: { kind: 'complaints', count: c.complaints }, strength: 0.8 });
	if (c.returnedOrders > 0 && c.returnRate >= T.returnRate) experience.push({ evidence: { kind: 'returns', share: c.returnRate }, strength: 0.6 });
	if (c.avgSatisfaction !== null && c.avgSatisfaction <= T.lowSatisfaction) experience.push({ evidence: { kind: 'satisfaction', score: roundTo(c.avgSatisfaction, 1) }, strength: 0.7 });
	if (c.openTickets >= T.openTickets) experience.push({ evidence: { kind: 'openTickets', count: c.openTickets }, strength: 0.8 });
	if (c.latestNps !== null && c.latestNps <= T.detractorNps) experience.push({ evidence: { kind: 'detractor', score: c.latestNps }, strength: 0.6 });
	const lowRating = c.latestRating !== null && c.latestRating <= T.lowRating;
	const readsBadly = c.reviewSentiment !== null && c.reviewSentiment <= T.negativeSentiment;
	if (lowRating || readsBadly) experience.push({ evidence: { kind: 'badReviews', rating: c.latestRating, sentiment: c.reviewSentiment === null ? null : roundTo(c.reviewSentiment, 2) }, strength: 0.7 });
	if (experience.length) {
		const strength = Math.min(0.95, Math.max(...experience.map((e) => e.strength)) + 0.1 * (experience.length - 1));
		return { cause: 'poorExperience', strength, evidence: experience.map((e) => e.evidence) };
	}

	// A stated reason or a bad experience is a warning in itself; past them, only customers the
	// earlier nodes see at risk (and new one-order customers) get a reason for leaving.
	if (!c.atRisk && !isNew) return { cause: 'notAtRisk', strength: 0, evidence: [{ kind: 'notAtRisk', days: c.recencyDays, gap }] };

	if (c.discountedOrders >= T.promotionOrders && c.discountShare >= T.promotionShare) {
		const strength = roundTo(0.5 + (0.4 * (c.discountShare - T.promotionShare)) / (1 - T.promotionShare), 2);
		return { cause: 'priceSensitive', strength, evidence: [{ kind: 'promotions', count: c.discountedOrders, of: Math.max(c.discountedOrders, c.orders - 1), share: c.discountShare }] };
	}
	if (c.lastOrderDiscounted && c.discountedOrders > 0 && gap !== null && recency > T.steadyGapRatio * gap) {
		return { cause: 'priceSensitive', strength: 0.4, evidence: [{ kind: 'promotionThenSilence', days: recency, gap }] };
	}

	if (isNew) return { cause: 'newUnconvinced', strength: 0.5, evidence: [{ kind: 'oneOrder', days: c.tenureDays ?? 0 }] };

	const satisfied = c.complaints === 0 && (c.avgSatisfaction === null || c.avgSatisfaction >= 4);
	// Steady gaps up to the last order, then silence: a trend over a window cannot tell this
	// from a fade (both end at no recent orders), the gaps before the silence can.
	const steady = c.lastGapDays === null || gap === null || c.lastGapDays <= T.steadyGapRatio * gap;
	if (c.orders >= T.regularOrders && gap !== null && satisfied && steady && recency > T.abruptStopGaps * gap) {
		return { cause: 'competition', strength: 0.3, evidence: [{ kind: 'abruptStop', orders: c.orders, gap, days: recency }] };
	}

	const fading: Evidence[] = [];
	if (c.orderTrend !== null && c.orderTrend <= T.fadingTrend) fading.push({ kind: 'orderTrend', value: c.orderTrend });
	if (c.spendTrend !== null && c.spendTrend <= T.fadingTrend) fading.push({ kind: 'spendTrend', value: c.spendTrend });
	if (c.lastGapDays !== null && gap !== null && c.lastGapDays >= T.steadyGapRatio * gap && c.orders >= 3) fading.push({ kind: 'longGap', last: c.lastGapDays, gap });
	const fewerVisits = c.recentVisits !== null && c.usualVisits !== null && c.usualVisits >= T.usualVisits && c.recentVisits <= T.fewerVisitsRatio * c.usualVisits;
	if (fewerVisits) fading.push({ kind: 'fewerVisits', recent: c.recentVisits as number, usual: roundTo(c.usualVisits as number, 1) });
	if (fading.length && (c.orders >= 2 || fewerVisits)) return { cause: 'fadingEngagement', strength: Math.min(0.7, 0.4 + 0.1 * fading.length), evidence: fading };

	if (lastContactedDaysAgo !== null && lastContactedDaysAgo >= T.neglectedDays) {
		return { cause: 'neglected', strength: 0.3, evidence: [{ kind: 'lastContacted', days: lastContactedDaysAgo }] };
	}
	return { cause: 'unknown', strength: 0, evidence: [{ kind: 'noSign' }] };
}

/** The evidence in words, in the reader's language. */
export function describeEvidence(evidence: readonly Evidence[], language: Language): string {
	const words = WORDS[language];
	return evidence.map((e) => words.evidence(e)).join(words.evidenceSeparator);
}
