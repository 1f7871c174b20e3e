import { parseFlag } from '../values/yesNo';
import { CanonicalField, fieldForColumn } from '../customer/fieldCatalog';
import type { Reach } from './contactPolicy';

type Channel = keyof Reach['consent'];
const CHANNEL_OF_FIELD: Partial<Record<CanonicalField, Channel>> = { consentEmail: 'email', consentSms: 'sms', consentPush: 'push' };
/** Keys that, when true, withdraw consent on every channel. */
const UNSUBSCRIBED_KEYS = new Set(['unsubscribed', 'optedout', 'optout', 'donotcontact', 'dnc', 'blocked']);

/**
 * A customer's consent per channel, from every shape an item may carry it in: our own
 * `consent: { email, sms, push }` (any case of the keys), one `consent: false` for all
 * channels, top-level fields as exports and CRMs name them (`emailConsent`, `email_opt_in`,
 * `accepts_marketing`), and `unsubscribed: true`. An opt-out anywhere wins: a customer who said
 * no in one field is not contacted because another field says yes.
 */
export function consentOfRecord(json: Record<string, unknown>): Reach['consent'] {
	const answers: Record<Channel, Array<boolean | null>> = { email: [], sms: [], push: [] };
	const everyChannel = (answer: boolean | null) => (['email', 'sms', 'push'] as const).forEach((c) => answers[c].push(answer));
	const consent = json.consent;
	if (consent && typeof consent === 'object' && !Array.isArray(consent)) {
		for (const [key, value] of Object.entries(consent)) {
			const channel = (['email', 'sms', 'push'] as const).find((c) => c === key.toLowerCase());
			if (channel) answers[channel].push(parseFlag(value));
		}
	} else if (consent !== undefined) everyChannel(parseFlag(consent));
	for (const [key, value] of Object.entries(json)) {
		const normalised = key.toLowerCase().replace(/[\s_-]/g, '');
		if (UNSUBSCRIBED_KEYS.has(normalised)) {
			const flag = parseFlag(value);
			if (flag !== null) everyChannel(flag ? false : null);
			continue;
		}
		const field = fieldForColumn(key);
		const channel = field ? CHANNEL_OF_FIELD[field] : undefined;
		if (channel) answers[channel].push(parseFlag(value));
	}
	const decide = (list: Array<boolean | null>) => (list.includes(false) ? false : list.includes(true) ? true : null);
	return { email: decide(answers.email), sms: decide(answers.sms), push: decide(answers.push) };
}
