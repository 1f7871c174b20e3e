import type { Engagement } from '../../engagement/engagementSummary';
import { dayOfIsoDateText } from '../../values/parseDate';

type Consent = { email: boolean | null; sms: boolean | null; push: boolean | null };

/**
 * The customer's consent once their events are known: an unsubscribe on or after the day of
 * their last order (which is where the order rows' opt-in came from) withdraws consent to email
 * and to SMS. An event stream rarely says which channel ("退订" is as often a reply to a text as
 * a click in a mail), and writing to someone who opted out is worse than not writing.
 */
export function consentAfterEvents(consent: Consent, lastOrderDay: number | null, engagement: Engagement | null): Consent {
	const unsubscribed = engagement?.lastAt.unsubscribe;
	if (!unsubscribed) return consent;
	const day = dayOfIsoDateText(unsubscribed);
	if (day === null || (lastOrderDay !== null && day < lastOrderDay)) return consent;
	return { ...consent, email: false, sms: false };
}
