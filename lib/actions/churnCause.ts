import { Language } from '../values/language';
import { roundTo } from '../values/rounding';

/**
 * Why a customer is leaving, from what their history shows, with the evidence and how strongly
 * it points there (0 to 1). Past a stated reason or a bad experience, only customers at risk get
 * a leaving cause; the rules are checked in this order and the first that fits wins (docs/nodes/retention-action.md has the table):
 *
 * | cause | rule | strength |
 * |---|---|---|
 * | given | a cause on the item (a survey answer, a CRM field) | 0.9 |
 * | poorExperience | a complaint, returns on 30% of orders or more, or satisfaction 2.5 or less (1-5) | 0.6-0.95 |
 * | notAtRisk | not at risk (stage, risk level or churn probability say so), and not a new one-order customer | 0 |
 * | priceSensitive | at least half of 2+ repeat orders bought on promotion (not the shop's own service codes, not a welcome offer on the first order) | 0.5-0.9 |
 * | priceSensitive | the last order on promotion, and nothing since for over 1.5 usual gaps | 0.4 |
 * | newUnconvinced | one order, placed within the last 90 days | 0.5 |
 * | competition | a regular (4+ orders) satisfied customer whose gaps stayed steady, silent for over 2 usual gaps: an abrupt stop, which order data alone cannot tell from a move or a life change | 0.3 |
 * | fadingEngagement | order or spend trend at -0.5 or below, or the last gap 1.5x the usual one or more | 0.5-0.7 |
 * | neglected | last contacted 90 days ago or more | 0.3 |
 * | unknown | none of these | 0 |
 */
export const CAUSES = ['priceSensitive', 'poorExperience', 'competition', 'fadingEngagement', 'neglected', 'newUnconvinced', 'unknown', 'notAtRisk'] as const;
export type Cause = (typeof CAUSES)[number];

export const CAUSE_LABELS: Record<Language, Record<Cause, string>> = {
	en: {
		priceSensitive: 'Price sensitive',
		poorExperience: 'Poor experience',
		competition: 'Lost to a competitor',
		fadingEngagement: 'Fading engagement',
		neglected: 'Neglected',
		newUnconvinced: 'New, not yet convinced',
		unknown: 'Unknown',
		notAtRisk: 'Not at risk',
	},
	'zh-CN': {
		priceSensitive: '价格敏感',
		poorExperience: '体验不佳',
		competition: '流向竞品',
		fadingEngagement: '活跃度下降',
		neglected: '缺少关怀',
		newUnconvinced: '新客尚未转化',
		unknown: '原因不明',
		notAtRisk: '无流失风险',
	},
};

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
}

/** One fact behind a cause, in numbers, written out in the reader's language by describeEvidence. */
export type Evidence =
	| { kind: 'given'; text: string }
	| { kind: 'complaints'; count: number }
	| { kind: 'returns'; share: number }
	| { kind: 'satisfaction'; score: number }
	| { kind: 'promotions'; count: number; of: number; share: number }
	| { kind: 'promotionThenSilence'; days: number; gap: number }
	| { kind: 'oneOrder'; days: number }
	| { kind: 'abruptStop'; orders: number; gap: number; days: number }
	| { kind: 'orderTrend'; value: number }
	| { kind: 'spendTrend'; value: number }
	| { kind: 'longGap'; last: number; gap: number }
	| { kind: 'lastContacted'; days: number }
	| { kind: 'notAtRisk'; days: number | null; gap: number | null }
	| { kind: 'noSign' };

export interface CauseDecision {
	cause: Cause;
	/** How strongly the evidence points to the cause: 0 (none) to 1. */
	strength: number;
	evidence: Evidence[];
}

const T = CAUSE_THRESHOLDS;

/** Reads a cause written by a person or a CRM ("Price sensitive", "price_sensitive", "PRICE", "价格"). */
export function parseCause(value: unknown): Cause | null {
	if (typeof value !== 'string') return null;
	const key = value.replace(/[\s_-]+/g, '').toLowerCase();
	if (key === '') return null;
	return (
		CAUSES.find((c) => c.toLowerCase() === key || CAUSE_LABELS.en[c].replace(/[\s,]+/g, '').toLowerCase() === key || CAUSE_LABELS['zh-CN'][c] === key) ?? ALIASES[key] ?? null
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
	if (fading.length && c.orders >= 2) return { cause: 'fadingEngagement', strength: Math.min(0.7, 0.4 + 0.1 * fading.length), evidence: fading };

	if (lastContactedDaysAgo !== null && lastContactedDaysAgo >= T.neglectedDays) {
		return { cause: 'neglected', strength: 0.3, evidence: [{ kind: 'lastContacted', days: lastContactedDaysAgo }] };
	}
	return { cause: 'unknown', strength: 0, evidence: [{ kind: 'noSign' }] };
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
const signed = (n: number) => (n > 0 ? '+' : '') + n.toFixed(2);
const daysEn = (n: number) => `${Math.round(n)} day${Math.round(n) === 1 ? '' : 's'}`;
const daysZh = (n: number) => `${Math.round(n)}天`;

function describeOne(e: Evidence, language: Language): string {
	if (language === 'zh-CN') {
		switch (e.kind) {
			case 'given':
				return `来自客户或 CRM：“${e.text}”`;
			case 'complaints':
				return `投诉${e.count}次`;
			case 'returns':
				return `${pct(e.share)}的订单有退货`;
			case 'satisfaction':
				return `平均满意度${e.score}`;
			case 'promotions':
				return `${e.of}笔复购中${e.count}笔（${pct(e.share)}）使用促销`;
			case 'promotionThenSilence':
				return `上次促销购买后${daysZh(e.days)}未再下单（通常间隔${daysZh(e.gap)}）`;
			case 'oneOrder':
				return `仅下过一单，${daysZh(e.days)}前`;
			case 'abruptStop':
				return `老顾客（${e.orders}单，约每${daysZh(e.gap)}一单）无投诉，${daysZh(e.days)}前突然停止购买（仅凭订单无法确认去向）`;
			case 'orderTrend':
				return `订单趋势${signed(e.value)}`;
			case 'spendTrend':
				return `消费趋势${signed(e.value)}`;
			case 'longGap':
				return `最近一次间隔${daysZh(e.last)}，通常${daysZh(e.gap)}`;
			case 'lastContacted':
				return `上次联系在${daysZh(e.days)}前`;
			case 'notAtRisk':
				return `暂无流失风险${e.days === null ? '' : `：最近一单在${daysZh(e.days)}前${e.gap === null ? '' : `，通常间隔${daysZh(e.gap)}`}`}`;
			case 'noSign':
				return '数据中没有迹象：可通过问卷了解或继续观察';
		}
	}
	switch (e.kind) {
		case 'given':
			return `given on the item: "${e.text}"`;
		case 'complaints':
			return `${e.count} complaint${e.count === 1 ? '' : 's'}`;
		case 'returns':
			return `${pct(e.share)} of orders returned`;
		case 'satisfaction':
			return `average satisfaction ${e.score}`;
		case 'promotions':
			return `${e.count} of ${e.of} repeat orders (${pct(e.share)}) bought on promotion`;
		case 'promotionThenSilence':
			return `no order for ${daysEn(e.days)} since one bought on promotion (usual gap ${daysEn(e.gap)})`;
		case 'oneOrder':
			return `one order, ${daysEn(e.days)} ago`;
		case 'abruptStop':
			return `a regular buyer (${e.orders} orders, every ${daysEn(e.gap)}) with no complaints who stopped abruptly ${daysEn(e.days)} ago (order data alone cannot say where they went)`;
		case 'orderTrend':
			return `order trend ${signed(e.value)}`;
		case 'spendTrend':
			return `spend trend ${signed(e.value)}`;
		case 'longGap':
			return `last gap ${daysEn(e.last)} against a usual ${daysEn(e.gap)}`;
		case 'lastContacted':
			return `last contacted ${daysEn(e.days)} ago`;
		case 'notAtRisk':
			return `not at risk${e.days === null ? '' : `: last order ${daysEn(e.days)} ago${e.gap === null ? '' : ` against a usual gap of ${daysEn(e.gap)}`}`}`;
		case 'noSign':
			return 'no sign in the data: ask (a survey) or watch';
	}
}

/** The evidence in words, in the reader's language. */
export function describeEvidence(evidence: readonly Evidence[], language: Language): string {
	return evidence.map((e) => describeOne(e, language)).join(language === 'zh-CN' ? '；' : ', ');
}
