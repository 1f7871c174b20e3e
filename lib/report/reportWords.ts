import { ACTION_DEFINITIONS, ACTION_LABELS_ZH, Action, CHANNEL_NAMES, isAction, isChannel } from '../actions/actionCatalog';
import { CAUSE_LABELS, Cause, CAUSES } from '../actions/churnCause';
import { VALUE_TIERS } from '../actions/valueTier';
import { STAGE_LABELS, STAGE_LABELS_ZH, Stage } from '../lifecycle/stages';
import { Language } from '../values/language';
import { RFM_SEGMENT_NAMES_ZH, RfmSegment } from '../models/rfm';
import { Dimension, Verdict } from './campaignEvaluation';
import { SCORE_METHOD } from './proportionComparison';

/** The words of a campaign evaluation in the reader's language: dimensions, values, verdicts. */
const DIMENSIONS: Record<Language, Record<Dimension, string>> = {
	en: { overall: 'Overall', campaign: 'Campaign', action: 'Action', channel: 'Channel', cause: 'Cause', segment: 'Segment', stage: 'Stage', valueTier: 'Value tier', causeAction: 'Cause × action' },
	'zh-CN': { overall: '总体', campaign: '活动', action: '动作', channel: '渠道', cause: '原因', segment: '客群', stage: '阶段', valueTier: '价值层级', causeAction: '原因 × 动作' },
};

const TIERS: Record<Language, Record<string, string>> = {
	en: { vip: 'VIP', high: 'High', medium: 'Medium', low: 'Low' },
	'zh-CN': { vip: 'VIP', high: '高', medium: '中', low: '低' },
};

const OVERALL: Record<Language, Record<string, string>> = {
	en: { 'all customers': 'All customers', 'all campaigns': 'All campaigns', '(no campaign ID)': '(no campaign ID)' },
	'zh-CN': { 'all customers': '全部客户', 'all campaigns': '全部活动', '(no campaign ID)': '（无活动编号）' },
};

const isCause = (value: string): value is Cause => (CAUSES as readonly string[]).includes(value);
const STAGE_BY_LABEL = new Map(Object.entries(STAGE_LABELS).map(([stage, label]) => [label, stage as Stage]));

export function segmentName(value: string, language: Language): string {
	return language === 'zh-CN' ? (RFM_SEGMENT_NAMES_ZH[value as RfmSegment] ?? value) : value;
}

/** A stage given by its key (atRisk) or its English label (At Risk). */
export function stageName(value: string, language: Language): string {
	const stage = value in STAGE_LABELS ? (value as Stage) : STAGE_BY_LABEL.get(value);
	if (!stage) return value;
	return (language === 'zh-CN' ? STAGE_LABELS_ZH : STAGE_LABELS)[stage];
}

export function causeName(value: string, language: Language): string {
	return isCause(value) ? CAUSE_LABELS[language][value] : value;
}

function actionName(value: string, language: Language): string {
	if (!isAction(value)) return value;
	return language === 'zh-CN' ? ACTION_LABELS_ZH[value as Action] : ACTION_DEFINITIONS[value as Action].label;
}

/** A line's value as a reader would name it: "Discount coupon", not discountCoupon. */
export function valueName(dimension: Dimension, value: string, language: Language): string {
	switch (dimension) {
		case 'overall':
		case 'campaign':
			return OVERALL[language][value] ?? value;
		case 'action':
			return actionName(value, language);
		case 'cause':
			return causeName(value, language);
		case 'segment':
			return segmentName(value, language);
		case 'channel':
			return isChannel(value) ? CHANNEL_NAMES[language][value] : value;
		case 'stage':
			return stageName(value, language);
		case 'valueTier':
			return (VALUE_TIERS as readonly string[]).includes(value) ? TIERS[language][value] : value;
		case 'causeAction': {
			const [cause, action] = value.split(' × ');
			return `${causeName(cause, language)} × ${actionName(action, language)}`;
		}
		default:
			return value;
	}
}

export function dimensionName(dimension: Dimension, language: Language): string {
	return DIMENSIONS[language][dimension];
}

/** Which control customers a line compares with, in words: its own (same action, cause...) or all. */
export function controlBasisText(basis: 'same' | 'all', dimension: Dimension, language: Language): string {
	if (language === 'zh-CN') return basis === 'same' ? `同一${DIMENSIONS['zh-CN'][dimension]}的对照组客户` : '整个对照组';
	return basis === 'same' ? `control customers of the same ${DIMENSIONS.en[dimension].toLowerCase()}` : 'the whole control group';
}

/** The test behind a line's p-value and interval, in words. */
export const METHOD_TEXT: Record<Language, string> = {
	en: SCORE_METHOD,
	'zh-CN': '得分检验及其反演区间（Mee 1984）：当且仅当 p ≥ 0.05 时区间包含 0',
};

export function verdictText(verdict: Verdict, language: Language): string {
	if (language === 'zh-CN') {
		switch (verdict.kind) {
			case 'noControl':
				return '没有对照组可比：下次请保留部分客户作为对照';
			case 'lift':
				return '显著提升';
			case 'drop':
				return '显著下降：效果不如不触达';
			case 'tooFew':
				return `样本太少，无法判断（此效果每组约需 ${verdict.needed} 位客户）`;
			case 'noEffect':
				return '未发现可检测的效果';
		}
	}
	switch (verdict.kind) {
		case 'noControl':
			return 'no control group to compare with: hold some customers out next time';
		case 'lift':
			return 'significant lift';
		case 'drop':
			return 'significant drop: the action did worse than doing nothing';
		case 'tooFew':
			return `too few customers to tell (about ${verdict.needed} per group needed for this effect)`;
		case 'noEffect':
			return 'no detectable effect';
	}
}

/** The churn alert, from its figures, in the reader's language. */
export function churnAlertText(rate: number, range: { low: number; high: number }, periods: number, periodDays: number, language: Language): string {
	const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
	const above = rate > range.high;
	return language === 'zh-CN'
		? `流失率 ${pct(rate)} ${above ? '高于' : '低于'}常规区间 ${pct(range.low)}-${pct(range.high)}（前 ${periods} 个 ${periodDays} 天周期的均值 ± 2 个标准差）`
		: `Churn rate ${pct(rate)} is ${above ? 'above' : 'below'} its usual range ${pct(range.low)}-${pct(range.high)} (mean +/- 2 standard deviations of the ${periods} previous ${periodDays}-day periods)`;
}
