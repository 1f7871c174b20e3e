import { ACTION_DEFINITIONS, ACTION_LABELS_ZH, Action, isAction } from '../actions/actionCatalog';
import { CAUSE_LABELS, Cause, CAUSES } from '../actions/churnCause';
import { VALUE_TIERS } from '../actions/valueTier';
import { STAGE_LABELS, STAGE_LABELS_ZH, Stage } from '../lifecycle/stages';
import { Language } from '../values/language';
import { Dimension, Verdict } from './campaignEvaluation';

/** The words of a campaign evaluation in the reader's language: dimensions, values, verdicts. */
const DIMENSIONS: Record<Language, Record<Dimension, string>> = {
	en: { overall: 'Overall', campaign: 'Campaign', action: 'Action', channel: 'Channel', cause: 'Cause', segment: 'Segment', stage: 'Stage', valueTier: 'Value tier', causeAction: 'Cause × action' },
	'zh-CN': { overall: '总体', campaign: '活动', action: '动作', channel: '渠道', cause: '原因', segment: '客群', stage: '阶段', valueTier: '价值层级', causeAction: '原因 × 动作' },
};

const CHANNELS: Record<Language, Record<string, string>> = {
	en: { email: 'Email', sms: 'SMS', push: 'Push', crm: 'CRM task' },
	'zh-CN': { email: '邮件', sms: '短信', push: '推送', crm: 'CRM 任务' },
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
			return isCause(value) ? CAUSE_LABELS[language][value] : value;
		case 'channel':
			return CHANNELS[language][value] ?? value;
		case 'stage':
			return value in STAGE_LABELS ? (language === 'zh-CN' ? STAGE_LABELS_ZH : STAGE_LABELS)[value as Stage] : value;
		case 'valueTier':
			return (VALUE_TIERS as readonly string[]).includes(value) ? TIERS[language][value] : value;
		case 'causeAction': {
			const [cause, action] = value.split(' × ');
			return `${isCause(cause) ? CAUSE_LABELS[language][cause] : cause} × ${actionName(action, language)}`;
		}
		default:
			return value;
	}
}

export function dimensionName(dimension: Dimension, language: Language): string {
	return DIMENSIONS[language][dimension];
}

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
