import { Language } from '../values/language';
import { CHANNEL_NAMES, Channel } from './actionCatalog';

/** Why a customer cannot be reached on one channel. */
export type ReachProblem = 'noEmail' | 'optedOutEmail' | 'noEmailOptIn' | 'noPhone' | 'optedOutSms' | 'noSmsOptIn' | 'optedOutPush' | 'noPushOptIn';

/**
 * Why Retention Action leaves a customer alone, in one language: every sentence it writes into
 * suppressionReason. The words before the first colon (: or ：) name the kind of reason (the node's
 * summary counts customers by it), the rest gives this customer's figures.
 */
export interface SuppressionWords {
	listedAgain: string;
	playbook(note: string): string;
	noRuleMatched: string;
	noChannelInOrder(channels: readonly Channel[]): string;
	cannotBeReached(problems: readonly ReachProblem[]): string;
	cooldown(when: { scheduledFor: string } | { daysAgo: number }, cooldownDays: number): string;
	frequencyCap(contacts: number, windowDays: number, scheduled: number, limit: number): string;
	notWorthIt(profit: number, uplift: number, value: number, cost: number): string;
	notWorthItExploreSpent(profit: number): string;
	budgetUsedUp(budget: number): string;
	globalHoldout: string;
	controlGroup: string;
}

const REACH_EN: Record<ReachProblem, string> = {
	noEmail: 'no email address',
	optedOutEmail: 'opted out of email',
	noEmailOptIn: 'no email opt-in',
	noPhone: 'no phone number',
	optedOutSms: 'opted out of SMS',
	noSmsOptIn: 'no SMS opt-in',
	optedOutPush: 'opted out of push',
	noPushOptIn: 'no push opt-in',
};

const REACH_ZH: Record<ReachProblem, string> = {
	noEmail: '没有邮箱',
	optedOutEmail: '已退订邮件',
	noEmailOptIn: '未同意接收邮件',
	noPhone: '没有手机号',
	optedOutSms: '已退订短信',
	noSmsOptIn: '未同意接收短信',
	optedOutPush: '已关闭推送',
	noPushOptIn: '未同意接收推送',
};

const EN: SuppressionWords = {
	listedAgain: 'listed again in this run: decided once, by the first record of this customer',
	playbook: (note) => `playbook: ${note}`,
	noRuleMatched: 'no playbook rule matched',
	noChannelInOrder: (channels) => `no channel for this action in the Channel Order (it goes by ${channels.join(' or ')})`,
	cannotBeReached: (problems) => `cannot be reached: ${problems.map((p) => REACH_EN[p]).join(', ')}`,
	cooldown: (when, days) => `same action ${'scheduledFor' in when ? `already scheduled for ${when.scheduledFor}` : `${when.daysAgo} days ago`} (cooldown ${days} days)`,
	frequencyCap: (contacts, windowDays, scheduled, limit) => `${contacts} contacts in the last ${windowDays} days${scheduled ? ` (${scheduled} scheduled)` : ''} (limit ${limit})`,
	notWorthIt: (profit, uplift, value, cost) => `not worth it: expected incremental profit ${profit} (uplift ${uplift} x value if won back ${value} - cost ${cost})`,
	notWorthItExploreSpent: (profit) => `not worth it: expected incremental profit ${profit}, and the share of the budget for exploring is used up`,
	budgetUsedUp: (budget) => `budget of ${budget} used up by customers with more expected profit per unit of cost`,
	globalHoldout: 'global holdout: never contacted by any campaign, to measure them all',
	controlGroup: 'control group: held out to measure the campaign',
};

const ZH_CN: SuppressionWords = {
	listedAgain: '本次重复出现：只按该客户的第一条记录决定一次',
	playbook: (note) => `策略：${note}`,
	noRuleMatched: '没有匹配的策略规则',
	noChannelInOrder: (channels) => `渠道顺序中没有此动作可用的渠道：此动作通过${channels.map((c) => CHANNEL_NAMES['zh-CN'][c]).join('或')}触达`,
	cannotBeReached: (problems) => `无法触达：${problems.map((p) => REACH_ZH[p]).join('，')}`,
	cooldown: (when, days) => `同一动作冷却中：${'scheduledFor' in when ? `已安排在 ${when.scheduledFor} 发送` : `${when.daysAgo} 天前已做过`}（冷却期 ${days} 天）`,
	frequencyCap: (contacts, windowDays, scheduled, limit) => `触达次数已满：近 ${windowDays} 天已触达 ${contacts} 次${scheduled ? `（其中 ${scheduled} 次已安排）` : ''}（上限 ${limit} 次）`,
	notWorthIt: (profit, uplift, value, cost) => `不值得触达：预期增量利润 ${profit}（提升 ${uplift} × 挽回价值 ${value} - 成本 ${cost}）`,
	notWorthItExploreSpent: (profit) => `不值得触达：预期增量利润 ${profit}，且用于探索的预算份额已用完`,
	budgetUsedUp: (budget) => `预算已用完：${budget} 的预算已分给单位成本预期利润更高的客户`,
	globalHoldout: '全局保留组：任何活动都不触达，用于衡量所有活动',
	controlGroup: '对照组：留出不触达，用于衡量本次活动',
};

/** Retention Action's reasons for leaving a customer alone, one catalogue per language. */
export const SUPPRESSION_WORDS: Record<Language, SuppressionWords> = { en: EN, 'zh-CN': ZH_CN };
