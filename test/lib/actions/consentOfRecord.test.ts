import fc from 'fast-check';
import { consentFieldsAmong, consentOfRecord } from '../../../lib/actions/consentOfRecord';

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

	it('lets an opt-out anywhere win', () => {
		const json = { consent: { email: true }, email_opt_in: 'no', sms_consent: 'yes', unsubscribed: false };
		expect(consentOfRecord(json, consentFieldsAmong(KEYS))).toEqual({ email: false, sms: true, push: null });
	});
});
