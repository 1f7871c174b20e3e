import fc from 'fast-check';
import { consentFieldsAmong, consentOfRecord } from '../../../lib/actions/consentOfRecord';
import { parseFlag } from '../../../lib/values/yesNo';

const KEYS = ['consent', 'email_opt_in', 'emailConsent', 'accepts_marketing', 'sms_consent', 'SMS Opt-In', 'push_consent', 'unsubscribed', 'Do Not Contact', 'email', 'orders', 'name'];
const answer = fc.constantFrom<unknown>(true, false, 'yes', 'no', 'Y', '否', null, 'maybe', 1, 0, undefined, { email: false, SMS: true });

describe("a customer's consent", () => {
	it('is the same whether every field of the record is looked at or only the consent fields of all records', () => {
		const consentFields = consentFieldsAmong(KEYS);
		expect(consentFields).not.toContain('orders');
		expect(consentFields).toContain('email_opt_in');
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom(...KEYS), answer), (json) => {
				expect(consentOfRecord(json, consentFields)).toEqual(consentOfRecord(json));
			}),
			{ numRuns: 2000 },
		);
	});

	it('says no for a channel when any answer for it says no, else yes when any says yes, else nothing', () => {
		// The rule as a list of every answer per channel, read plainly.
		const byTheRule = (json: Record<string, unknown>) => {
			const answers: Record<string, Array<boolean | null>> = { email: [], sms: [], push: [] };
			const all = (answer: boolean | null) => Object.values(answers).forEach((list) => list.push(answer));
			const consent = json.consent;
			if (consent && typeof consent === 'object' && !Array.isArray(consent)) {
				for (const [key, value] of Object.entries(consent)) answers[key.toLowerCase()]?.push(parseFlag(value));
			} else if (consent !== undefined) all(parseFlag(consent));
			const channelOf: Record<string, string> = { email_opt_in: 'email', emailConsent: 'email', accepts_marketing: 'email', sms_consent: 'sms', 'SMS Opt-In': 'sms', push_consent: 'push' };
			for (const [key, value] of Object.entries(json)) {
				if (key === 'unsubscribed' || key === 'Do Not Contact') {
					if (parseFlag(value) === true) all(false);
				} else if (channelOf[key]) answers[channelOf[key]].push(parseFlag(value));
			}
			const decide = (list: Array<boolean | null>) => (list.includes(false) ? false : list.includes(true) ? true : null);
			return { email: decide(answers.email), sms: decide(answers.sms), push: decide(answers.push) };
		};
		const consentObject = fc.dictionary(fc.constantFrom('email', 'EMAIL', 'Sms', 'push', 'fax'), answer, { maxKeys: 4 });
		fc.assert(
			fc.property(fc.dictionary(fc.constantFrom(...KEYS), fc.oneof(answer, consentObject)), (json) => {
				expect(consentOfRecord(json)).toEqual(byTheRule(json));
			}),
			{ numRuns: 3000 },
		);
	});

	it('lets an opt-out anywhere win', () => {
		const json = { consent: { email: true }, email_opt_in: 'no', sms_consent: 'yes', unsubscribed: false };
		expect(consentOfRecord(json, consentFieldsAmong(KEYS))).toEqual({ email: false, sms: true, push: null });
	});
});
