import type { IDataObject } from 'n8n-workflow';
import type { Channel } from '../../lib/actions/actionCatalog';
import type { Cause } from '../../lib/actions/causes';
import type { Language } from '../../lib/values/language';
import { WORDS } from '../../lib/words';

/**
 * A customer's decision in one line, in the node's language: what to send, on which channel,
 * why, and what it is expected to bring; or why nobody contacts them (the control group that
 * measures the campaign, the holdout, a cap or consent, not worth it).
 */
export function actionInWords(d: IDataObject, language: Language): string {
	const text = (value: unknown) => (value === null || value === undefined ? null : String(value));
	return WORDS[language].answers.action({
		customerId: String(d.customerId),
		group: text(d.group),
		channel: (d.channel ?? null) as Channel | null,
		actionLabel: String(d.actionLabel),
		cause: d.churnCause as Cause,
		causeEvidence: String(d.causeEvidence),
		discountPct: typeof d.discountPct === 'number' && d.discountPct > 0 ? d.discountPct : null,
		upliftPoints: (Number(d.uplift) * 100).toFixed(1),
		expectedValue: Number(d.expectedValue).toFixed(2),
		explore: d.selection === 'explore',
		title: text(d.subject ?? d.pushTitle ?? d.taskSubject),
		suppressionReason: text(d.suppressionReason),
	});
}

export function actionFacts(d: IDataObject): IDataObject {
	const pick = ['customerId', 'action', 'actionLabel', 'channel', 'group', 'selection', 'churnCause', 'causeEvidence', 'valueTier', 'discountPct', 'couponCode', 'uplift', 'expectedValue', 'subject', 'suppressionReason', 'nextEligibleAt', 'campaignId'];
	return Object.fromEntries(pick.filter((key) => d[key] !== undefined && d[key] !== null).map((key) => [key, d[key]]));
}
