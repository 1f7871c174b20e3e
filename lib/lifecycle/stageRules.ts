import { roundTo } from '../values/rounding';
import { GapRecord } from '../customer/customerSummary';
import { ownGapDays } from '../customer/purchaseGap';
import { RelationshipStage, RetailStage, Stage, StageModel } from './stages';
import { LapseLimit, WORDS } from '../words';
import { Language } from '../values/language';

/** What the stage rules read about one customer (days throughout). */
export interface LifecycleInput {
	orders: number;
	recencyDays: number | null;
	tenureDays: number | null;
	/** Distinct purchase days - 1. */
	repeatPurchases: number;
	/** Mean days between purchase days, when the customer has bought on two days or more. */
	avgGapDays: number | null;
	/** Days between the last two purchase days. */
	lastGapDays: number | null;
	/** Record gaps, newest first, each longer than every later one (CustomerSummary.longestGaps). */
	longestGaps: GapRecord[];
	/** Symmetric change of orders / spend, recent window vs the one before, in [-2, 2]. */
	orderTrend: number | null;
	spendTrend: number | null;
	churnProbability: number | null;
	rfmSegment: string | null;
	previousStage: Stage | null;
}

export interface StageSettings {
	model: StageModel;
	/** At risk once the time since the last order exceeds this many usual gaps. */
	atRiskGaps: number;
	/** Churned beyond this many usual gaps... */
	churnedGaps: number;
	/** ...or after this many days without an order (0: no fixed limit). */
	maxInactiveDays: number;
	/** Fixed bands when no usual gap is known at all (nobody in the data bought twice). */
	atRiskDays: number;
	churnedDays: number;
	/** First order within this many days: new (retail) / exploration (relationship). */
	onboardingDays: number;
	/** Loyal: at least this many orders, or an RFM segment of Champions / Loyal Customers. */
	loyalMinOrders: number;
	/** Relationship model: still exploring up to this many orders. */
	explorationMaxOrders: number;
	/**
	 * Reactivated: the customer's last lapse ended within this many days (0: the at-risk limit,
	 * i.e. At Risk After (Usual Gaps) x the usual gap, or the fixed at-risk band when no gap is known).
	 */
	reactivatedWindowDays: number;
	/** A trend beyond +/- this is growth / decline. */
	trendThreshold: number;
	/** Decide at risk / churned from the churn probability on the item instead of cadence. */
	useChurnProbability: boolean;
	atRiskProbability: number;
	churnedProbability: number;
	/** The language of the reasons (stageReason). */
	language: Language;
}

export interface StageDecision {
	stage: Stage;
	/** Why, in words, for the user and the CRM note. */
	reason: string;
	/** The usual gap used, and where it came from. */
	usualGapDays: number | null;
	gapSource: 'own' | 'population' | 'fixedBands' | 'churnProbability' | 'none';
}

const LOYAL_SEGMENTS = new Set(['Champions', 'Loyal Customers']);

/**
 * The usual gap: the customer's own mean gap when they have at least two gaps (excluding the last
 * one when judging a comeback), else the population's median gap.
 */
export function usualGapDays(c: LifecycleInput, populationGapDays: number | null): { days: number | null; source: StageDecision['gapSource'] } {
	const own = ownGapDays(c.repeatPurchases, c.avgGapDays);
	if (own !== null) return { days: own, source: 'own' };
	if (populationGapDays && populationGapDays > 0) return { days: populationGapDays, source: 'population' };
	return { days: null, source: 'fixedBands' };
}

/**
 * A stage and why. The reason is words for the user, built only when asked for: a base of a
 * million customers staged in bulk (stageOf) should not format a million sentences nobody reads.
 */
type Verdict = [Stage, () => string];

type Lapse = { stage: 'churned' | 'atRisk'; reason: () => string } | null;

function lapse(c: LifecycleInput, s: StageSettings, gap: { days: number | null; source: StageDecision['gapSource'] }): Lapse {
	const recency = c.recencyDays ?? 0;
	const words = WORDS[s.language].stageReasons;
	if (s.maxInactiveDays > 0 && recency >= s.maxInactiveDays) return { stage: 'churned', reason: () => words.noOrderForOverLimit(recency, s.maxInactiveDays) };
	if (s.useChurnProbability && c.churnProbability !== null) {
		const p = c.churnProbability;
		if (p >= s.churnedProbability) return { stage: 'churned', reason: () => words.churnProbability(p.toFixed(2), s.churnedProbability) };
		if (p >= s.atRiskProbability) return { stage: 'atRisk', reason: () => words.churnProbability(p.toFixed(2), s.atRiskProbability) };
		return null;
	}
	if (gap.days === null) {
		if (recency >= s.churnedDays) return { stage: 'churned', reason: () => words.noOrderForOverBand(recency, s.churnedDays) };
		if (recency >= s.atRiskDays) return { stage: 'atRisk', reason: () => words.noOrderForOverBand(recency, s.atRiskDays) };
		return null;
	}
	const gapDays = gap.days;
	const gaps = recency / gapDays;
	const explain = (limit: number) => () => words.overdue(recency, roundTo(gaps, 1), gap.source === 'own', roundTo(gapDays, 1), limit);
	if (gaps > s.churnedGaps) return { stage: 'churned', reason: explain(s.churnedGaps) };
	if (gaps > s.atRiskGaps) return { stage: 'atRisk', reason: explain(s.atRiskGaps) };
	return null;
}

/**
 * A comeback: the customer came back recently after a lapse, or was churned before. A lapse is a
 * gap longer than the churn limit (Churned After (Usual Gaps) x the usual gap of the customer's
 * other gaps, or the population's; or Max Days Inactive), and "recently" means it ended within
 * the reactivation window. Every gap counts, not only the last one: a customer who came back
 * and has since ordered again is still a comeback while the window lasts.
 */
function cameBack(c: LifecycleInput, s: StageSettings, populationGapDays: number | null): (() => string) | null {
	const words = WORDS[s.language].stageReasons;
	if (c.previousStage === 'churned') return () => words.orderedAfterChurned;
	if (c.repeatPurchases < 1) return null;
	const span = c.avgGapDays !== null ? c.avgGapDays * c.repeatPurchases : null;
	for (const gap of c.longestGaps) {
		// The usual gap without this one, so a long lapse does not excuse itself.
		const usual = c.repeatPurchases >= 2 && span !== null ? (span - gap.days) / (c.repeatPurchases - 1) : populationGapDays;
		const hasUsual = usual !== null && usual > 0;
		const window = s.reactivatedWindowDays > 0 ? s.reactivatedWindowDays : hasUsual ? s.atRiskGaps * (usual as number) : s.atRiskDays;
		if (gap.endedDaysAgo > window) continue;
		const limit = hasUsual ? s.churnedGaps * (usual as number) : s.churnedDays;
		const overLimit = gap.days > limit;
		const overMax = s.maxInactiveDays > 0 && gap.days >= s.maxInactiveDays;
		if (!overLimit && !overMax) continue;
		const why: LapseLimit = overLimit
			? hasUsual
				? { kind: 'gaps', gaps: s.churnedGaps, usualDays: roundTo(usual as number, 1) }
				: { kind: 'band', days: s.churnedDays }
			: { kind: 'limit', days: s.maxInactiveDays };
		return () => words.cameBack(gap.endedDaysAgo, gap.days, why);
	}
	return null;
}

function judge(c: LifecycleInput, s: StageSettings, populationGapDays: number | null, gap: ReturnType<typeof usualGapDays>): Verdict {
	if (c.orders <= 0 || c.recencyDays === null) return ['prospect', () => WORDS[s.language].stageReasons.noOrderYet];
	const lapsed = lapse(c, s, gap);
	if (lapsed?.stage === 'churned') return ['churned', lapsed.reason];
	return s.model === 'retail' ? retailStage(c, s, lapsed, populationGapDays) : relationshipStage(c, s, lapsed);
}

export function decideStage(c: LifecycleInput, s: StageSettings, populationGapDays: number | null): StageDecision {
	const gap = usualGapDays(c, populationGapDays);
	const [stage, reason] = judge(c, s, populationGapDays, gap);
	return {
		stage,
		reason: reason(),
		usualGapDays: gap.days === null ? null : roundTo(gap.days, 1),
		gapSource: s.useChurnProbability && c.churnProbability !== null ? 'churnProbability' : gap.source,
	};
}

/** The stage alone, by the same rules as decideStage, for staging a whole base in bulk. */
export function stageOf(c: LifecycleInput, s: StageSettings, populationGapDays: number | null): Stage {
	return judge(c, s, populationGapDays, usualGapDays(c, populationGapDays))[0];
}

function retailStage(c: LifecycleInput, s: StageSettings, lapsed: Lapse, populationGapDays: number | null): [RetailStage, () => string] {
	if (lapsed) return [lapsed.stage, lapsed.reason];
	const comeback = cameBack(c, s, populationGapDays);
	if (comeback) return ['reactivated', comeback];
	const words = WORDS[s.language].stageReasons;
	if ((c.tenureDays ?? Infinity) <= s.onboardingDays) return ['new', () => words.firstOrder(c.tenureDays as number, s.onboardingDays)];
	if (c.orders >= s.loyalMinOrders) return ['loyal', () => words.ordersOnCadence(c.orders)];
	const segment = c.rfmSegment;
	if (segment && LOYAL_SEGMENTS.has(segment)) return ['loyal', () => words.segmentOnCadence(segment)];
	return ['active', () => words.onCadence];
}

function relationshipStage(c: LifecycleInput, s: StageSettings, lapsed: Lapse): [RelationshipStage, () => string] {
	const words = WORDS[s.language].stageReasons;
	const fmt = (t: number | null) => (t === null ? words.unknown : (t > 0 ? '+' : '') + t.toFixed(2));
	if (c.orders <= s.explorationMaxOrders || (c.tenureDays ?? Infinity) <= s.onboardingDays) {
		return ['exploration', () => words.exploring(c.orders, c.tenureDays)];
	}
	const isFalling = (t: number | null) => t !== null && t <= -s.trendThreshold;
	if (lapsed) return ['decline', lapsed.reason];
	if (isFalling(c.spendTrend) || isFalling(c.orderTrend)) return ['decline', () => words.trends(fmt(c.spendTrend), fmt(c.orderTrend), false)];
	const rising = [c.spendTrend, c.orderTrend].some((t) => t !== null && t >= s.trendThreshold);
	const gapsShrinking = c.lastGapDays !== null && c.avgGapDays !== null && c.repeatPurchases >= 2 && c.lastGapDays < c.avgGapDays / 1.5;
	if (rising || gapsShrinking) return ['growth', () => (rising ? words.trends(fmt(c.spendTrend), fmt(c.orderTrend), true) : words.gapsShrinking)];
	return ['maturity', () => words.stable];
}
