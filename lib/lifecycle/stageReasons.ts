import { RFM_SEGMENT_NAMES_ZH, RfmSegment } from '../models/rfm';
import { Language } from '../values/language';

/** Why a lapsed customer who came back counts as a comeback. */
export type LapseLimit = { kind: 'gaps'; gaps: number; usualDays: number } | { kind: 'band'; days: number } | { kind: 'limit'; days: number };

/** A stage's reason in one language: every sentence Lifecycle Stage writes into stageReason. */
export interface StageReasonWords {
	noOrderYet: string;
	noOrderForOverLimit(days: number, limit: number): string;
	noOrderForOverBand(days: number, band: number): string;
	churnProbability(probability: string, limit: number): string;
	overdue(days: number, gaps: number, own: boolean, gapDays: number, limit: number): string;
	orderedAfterChurned: string;
	cameBack(daysAgo: number, lapseDays: number, limit: LapseLimit): string;
	firstOrder(daysAgo: number, within: number): string;
	ordersOnCadence(orders: number): string;
	segmentOnCadence(segment: string): string;
	onCadence: string;
	exploring(orders: number, days: number | null): string;
	trends(spend: string, orders: string, rising: boolean): string;
	gapsShrinking: string;
	stable: string;
	unknown: string;
}

const EN: StageReasonWords = {
	noOrderYet: 'no order yet',
	noOrderForOverLimit: (days, limit) => `no order for ${days} days (limit ${limit})`,
	noOrderForOverBand: (days, band) => `no order for ${days} days (≥ ${band}, fixed band)`,
	churnProbability: (p, limit) => `churn probability ${p} ≥ ${limit}`,
	overdue: (days, gaps, own, gapDays, limit) => `${days} days since the last order = ${gaps}× ${own ? 'their usual gap' : "the customers' median gap"} of ${gapDays} days (> ${limit}×)`,
	orderedAfterChurned: 'ordered again after being churned',
	cameBack: (daysAgo, lapseDays, limit) =>
		`came back ${daysAgo} days ago after a lapse of ${lapseDays} days without an order (${
			limit.kind === 'gaps' ? `more than ${limit.gaps}× the usual gap of ${limit.usualDays} days` : limit.kind === 'band' ? `at least the ${limit.days}-day fixed band` : `at least the ${limit.days}-day limit`
		})`,
	firstOrder: (daysAgo, within) => `first order ${daysAgo} days ago (within ${within})`,
	ordersOnCadence: (orders) => `${orders} orders and on cadence`,
	segmentOnCadence: (segment) => `RFM segment ${segment} and on cadence`,
	onCadence: 'buying on cadence',
	exploring: (orders, days) => `${orders} order${orders === 1 ? '' : 's'} ${days === null ? 'so far' : `in ${days} days`}: still getting to know each other`,
	trends: (spend, orders, rising) => `spend trend ${spend}, order trend ${orders}: ${rising ? 'rising' : 'falling'}`,
	gapsShrinking: 'gaps between orders shrinking',
	stable: 'stable spend and cadence',
	unknown: 'unknown',
};

const ZH_CN: StageReasonWords = {
	noOrderYet: '尚未下单',
	noOrderForOverLimit: (days, limit) => `${days} 天未下单（上限 ${limit} 天）`,
	noOrderForOverBand: (days, band) => `${days} 天未下单（≥ ${band} 天，固定区间）`,
	churnProbability: (p, limit) => `流失概率 ${p} ≥ ${limit}`,
	overdue: (days, gaps, own, gapDays, limit) => `距上次下单 ${days} 天 = ${own ? '其平常间隔' : '全体客户的中位间隔'} ${gapDays} 天的 ${gaps} 倍（> ${limit} 倍）`,
	orderedAfterChurned: '流失后再次下单',
	cameBack: (daysAgo, lapseDays, limit) =>
		`${daysAgo} 天前回归，此前 ${lapseDays} 天未下单（${
			limit.kind === 'gaps' ? `超过平常间隔 ${limit.usualDays} 天的 ${limit.gaps} 倍` : limit.kind === 'band' ? `达到 ${limit.days} 天固定区间` : `达到 ${limit.days} 天上限`
		}）`,
	firstOrder: (daysAgo, within) => `首单在 ${daysAgo} 天前（${within} 天内）`,
	ordersOnCadence: (orders) => `已下单 ${orders} 次，节奏正常`,
	segmentOnCadence: (segment) => `RFM 客群「${RFM_SEGMENT_NAMES_ZH[segment as RfmSegment] ?? segment}」，节奏正常`,
	onCadence: '购买节奏正常',
	exploring: (orders, days) => `${days === null ? '' : `${days} 天内`}下单 ${orders} 次：仍在相互了解`,
	trends: (spend, orders, rising) => `消费趋势 ${spend}，订单趋势 ${orders}：${rising ? '上升' : '下降'}`,
	gapsShrinking: '下单间隔在缩短',
	stable: '消费和节奏稳定',
	unknown: '未知',
};

/** Lifecycle Stage's reasons, one catalogue per language. */
export const STAGE_REASONS: Record<Language, StageReasonWords> = { en: EN, 'zh-CN': ZH_CN };
