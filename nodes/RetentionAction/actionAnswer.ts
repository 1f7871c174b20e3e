import type { IDataObject } from 'n8n-workflow';
import { CHANNEL_NAMES, Channel } from '../../lib/actions/actionCatalog';
import { CAUSE_LABELS, Cause } from '../../lib/actions/churnCause';
import type { Language } from '../../lib/values/language';

const points = (x: unknown) => `${(Number(x) * 100).toFixed(1)}`;

/**
 * A customer's decision in one line, in the node's language: what to send, on which channel,
 * why, and what it is expected to bring; or why nobody contacts them (the control group that
 * measures the campaign, the holdout, a cap or consent, not worth it).
 */
export function actionInWords(d: IDataObject, language: Language): string {
	const id = String(d.customerId);
	const cause = CAUSE_LABELS[language][d.churnCause as Cause] ?? String(d.churnCause);
	const channel = d.channel ? CHANNEL_NAMES[language][d.channel as Channel] : null;
	const zh = language === 'zh-CN';
	if (d.group === 'control') {
		return zh
			? `客户 ${id} 在本次活动的对照组：不联系，用来衡量活动的效果（否则会是：${String(d.actionLabel)}）。`
			: `${id} is in this campaign's control group: no contact, so the campaign's effect can be measured against them (otherwise: ${String(d.actionLabel)}).`;
	}
	if (d.group === 'holdout') return zh ? `客户 ${id} 在全局保留组：任何活动都不联系。` : `${id} is in the global holdout: no campaign contacts them.`;
	if (d.group !== 'treatment' || !channel) return zh ? `客户 ${id} 暂不采取行动：${String(d.suppressionReason ?? '没有适用的规则')}。` : `No action for ${id}: ${String(d.suppressionReason ?? 'no rule applies')}.`;
	const discount = typeof d.discountPct === 'number' && d.discountPct > 0 ? d.discountPct : null;
	const title = d.subject ?? d.pushTitle ?? d.taskSubject;
	if (zh) {
		return [
			`建议对客户 ${id}：${String(d.actionLabel)}，通过${channel}${discount ? `，${discount}% 折扣` : ''}`,
			`可能的流失原因：${cause}（${String(d.causeEvidence)}）`,
			`预计提升 ${points(d.uplift)} 个百分点，预期增量利润 ${Number(d.expectedValue).toFixed(2)}${d.selection === 'explore' ? '（效果尚不确定，选来探索）' : ''}`,
			title ? `标题「${String(title)}」` : '',
		].filter(Boolean).join('；') + '。';
	}
	return [
		`Suggested for ${id}: ${String(d.actionLabel)} by ${channel}${discount ? `, ${discount}% off` : ''}`,
		`likely cause: ${cause} (${String(d.causeEvidence)})`,
		`expected uplift ${points(d.uplift)} points, expected incremental profit ${Number(d.expectedValue).toFixed(2)}${d.selection === 'explore' ? ' (chosen to learn: its effect is still uncertain)' : ''}`,
		title ? `subject "${String(title)}"` : '',
	].filter(Boolean).join('; ') + '.';
}

export function actionFacts(d: IDataObject): IDataObject {
	const pick = ['customerId', 'action', 'actionLabel', 'channel', 'group', 'selection', 'churnCause', 'causeEvidence', 'valueTier', 'discountPct', 'couponCode', 'uplift', 'expectedValue', 'subject', 'suppressionReason', 'nextEligibleAt', 'campaignId'];
	return Object.fromEntries(pick.filter((key) => d[key] !== undefined && d[key] !== null).map((key) => [key, d[key]]));
}
