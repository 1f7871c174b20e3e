import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { customer, OUTPUTS, retentionAction, run, withContactLog } from './retentionActionRuns';
import { fanInWorkflow, linearWorkflow, rowsStep } from '../../devkit/engine/workflowBuilder';

describe('Retention Action, deciding what to do', () => {
	it('sends each customer out on exactly one output, with the reason when nothing is sent', async () => {
		const customers = [customer('A'), customer('B', { lifecycleStage: 'active', churnProbability: 0.1, riskLevel: 'low' }), customer('C', { consent: { email: false, sms: false, push: false } })];
		const { byOutput, byId } = await run(customers);
		expect(OUTPUTS.reduce((n, o) => n + byOutput[o].length, 0)).toBe(3);
		// A regular who stopped abruptly (steady 30-day gaps, silent 80 days): lost to a competitor.
		expect(byId.A).toMatchObject({ output: 'email', churnCause: 'competition', action: 'loyaltyPerk', group: 'treatment', suppressed: false, channel: 'email' });
		expect(byId.B).toMatchObject({ output: 'none', action: 'noAction', suppressionReason: 'playbook: on cadence: nothing needed, save the budget' });
		expect(byId.C).toMatchObject({ output: 'none', suppressed: true, suppressionReason: 'cannot be reached: opted out of email, opted out of SMS, opted out of push' });
	});

	it('follows the default playbook by stage, value, segment and cause, and says which rule decided', async () => {
		const fading = { lastGapDays: 50 };
		const customers = [
			customer('Complainer', { signals: { ...(customer('x').signals as IDataObject), complaints: 2 } }),
			customer('Vip', { expectedOrdersIfActive: 30 }),
			customer('ChurnedPrice', { lifecycleStage: 'churned', signals: { ...(customer('x').signals as IDataObject), discountedOrders: 4, discountShare: 0.67 } }),
			customer('ChurnedLow', { lifecycleStage: 'churned', ...fading }),
			customer('Fading', fading),
			customer('NewOne', { lifecycleStage: 'new', orders: 1, tenureDays: 20, recencyDays: 20, avgDaysBetweenOrders: null, lastGapDays: null }),
			customer('Loyal', { lifecycleStage: 'loyal', churnProbability: 0.3, riskLevel: 'low', expectedOrdersIfActive: 20 }),
			...Array.from({ length: 20 }, (_, i) => customer(`Filler${i}`, { lifecycleStage: 'active', churnProbability: 0.1, expectedOrdersIfActive: 5 + i / 10 })),
		];
		// 27 customers valued if won back at orders while active x 100 an order x margin 0.3: Vip
		// 900 and Loyal 600 are the top 2 of 27 (VIP: top 10%), the fillers 150 to 207 come next,
		// and the crafted ones, at one order per 30-day gap over the 90-day horizon (90), are Low.
		const { byId } = await run(customers);
		expect(byId.Complainer).toMatchObject({ churnCause: 'poorExperience', causeEvidence: '2 complaints', action: 'serviceRecovery', playbookRule: 'e-commerce: logistics and after-sales recovery' });
		expect(byId.Vip).toMatchObject({ valueTier: 'vip', action: 'vipOutreach', output: 'crm', taskSubject: expect.stringContaining('Win back Vip') });
		expect(byId.ChurnedPrice).toMatchObject({ churnCause: 'priceSensitive', action: 'discountCoupon', discountPct: expect.any(Number) });
		expect(byId.ChurnedLow).toMatchObject({ valueTier: 'low', action: 'newArrivals' });
		expect(byId.Fading).toMatchObject({ churnCause: 'fadingEngagement', action: 'productRecommendation' });
		expect(byId.NewOne).toMatchObject({ churnCause: 'newUnconvinced', action: 'freeShipping', couponCode: expect.stringMatching(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/) });
		expect(byId.Loyal).toMatchObject({ action: 'crossSell', output: 'email' });
	});

	it('adjusts the playbook and the wording to the business type', async () => {
		const complainer = customer('R', { signals: { ...(customer('x').signals as IDataObject), avgSatisfaction: 2 } });
		const restaurant = await run([complainer, customer('S')], { businessType: 'restaurant' });
		expect(restaurant.byId.R).toMatchObject({ action: 'satisfactionSurvey', subject: 'How was your meal, R?' });
		expect(restaurant.byId.S).toMatchObject({ action: 'discountCoupon', playbookRule: 'restaurant: a return-visit voucher', subject: 'R, a voucher for your next visit to Tea House'.replace('R,', 'S,') });
		const store = await run([customer('P', { lastGapDays: 50 })], { businessType: 'physicalStore' });
		expect(store.byId.P).toMatchObject({ action: 'newArrivals', subject: 'You are invited: an in-store event at Tea House' });
		const fresh = await run([complainer], { businessType: 'freshFood', language: 'zh-CN' });
		expect(fresh.byId.R).toMatchObject({ action: 'serviceRecovery', subject: 'R，我们的新鲜承诺' });
	});

	it('uses the rules set in the node, first match wins, and a pasted JSON playbook alike', async () => {
		const rules = { rule: [{ note: 'SMS everyone at risk', stages: ['atRisk'], action: 'careMessage', channel: 'sms' }, { action: 'discountCoupon' }] };
		const mine = await run([customer('A'), customer('B', { lifecycleStage: 'active' })], { playbookSource: 'rules', rules });
		expect(mine.byId.A).toMatchObject({ action: 'careMessage', output: 'sms', playbookRule: 'SMS everyone at risk' });
		expect(mine.byId.B).toMatchObject({ action: 'discountCoupon', playbookRule: 'rule 2' });
		const segments = { rule: [{ segments: "Can't Lose Them, Champions", action: 'vipOutreach', channel: 'crm' }, { riskLevels: ['critical'], action: 'discountCoupon' }] };
		const bySegment = await run([customer('A', { rfm: { segment: "Can't Lose Them" } }), customer('B', { riskLevel: 'critical' }), customer('C')], { playbookSource: 'rules', rules: segments });
		expect(bySegment.byId.A).toMatchObject({ action: 'vipOutreach', output: 'crm' });
		expect(bySegment.byId.B).toMatchObject({ action: 'discountCoupon', output: 'email' });
		expect(bySegment.byId.C).toMatchObject({ action: 'noAction', suppressionReason: 'no playbook rule matched' });
		const json = await run([customer('A')], { playbookSource: 'json', playbookJson: JSON.stringify([{ causes: ['competition'], action: 'greeting', channel: 'push' }]) });
		expect(json.byId.A).toMatchObject({ action: 'greeting', output: 'email', suppressionReason: null });
		const bad = await runWorkflow(linearWorkflow([rowsStep([customer('A')]), retentionAction({ playbookSource: 'json', playbookJson: '[{"action": "bribe"}]' })]));
		expect(bad.error?.message).toMatch(/^Playbook rule 1: action invalid enum value/);
	});
});

describe('Retention Action, contact policy', () => {
	it('never contacts on a channel the customer opted out of, and with Require Opt-In not without a yes', async () => {
		const customers = [
			customer('OptedOutEmail', { consent: { email: false, sms: true, push: null } }),
			customer('Unknown', { consent: { email: null, sms: null, push: null } }),
			customer('NoContact', { email: null, phone: null }),
		];
		const strict = await run(customers);
		expect(strict.byId.OptedOutEmail).toMatchObject({ output: 'sms', smsText: expect.stringContaining('Tea House') });
		expect(strict.byId.Unknown).toMatchObject({ output: 'none', suppressionReason: 'cannot be reached: no email opt-in, no SMS opt-in, no push opt-in' });
		expect(strict.byId.NoContact.output).toBe('none');
		const lenient = await run(customers, { requireOptIn: false });
		expect(lenient.byId.Unknown.output).toBe('email');
		expect(lenient.byId.OptedOutEmail.output).toBe('sms');
	});

	it('caps contacts per window and cools down an action, remembering its own contacts between runs', async () => {
		const staticData: IDataObject = {};
		const first = await run([customer('A')], { options: { cooldownDays: 14, maxContacts: 2, windowDays: 30 } }, staticData);
		expect(first.byId.A.output).toBe('email');
		const again = await run([customer('A')], { sendTime: '2024-07-05T10:00:00Z', options: { cooldownDays: 14, maxContacts: 2, windowDays: 30 } }, staticData);
		expect(again.byId.A).toMatchObject({ output: 'none', suppressionReason: 'same action 5 days ago (cooldown 14 days)', nextEligibleAt: '2024-07-14T10:00:00.000Z' });
		const capped = await run([customer('B', { lastContactedAt: '2024-06-20T10:00:00Z' })], { options: { maxContacts: 1, windowDays: 30 } });
		expect(capped.byId.B).toMatchObject({ output: 'none', suppressionReason: '1 contacts in the last 30 days (limit 1)', nextEligibleAt: '2024-07-20T10:00:00.000Z' });
		// A CRM's date without an offset is wall-clock time in the Default Time Zone, as everywhere else.
		const local = await run([customer('C', { lastContactedAt: '2024-06-20 10:00' })], { options: { maxContacts: 1, windowDays: 30, defaultTimezone: 'Asia/Shanghai' } });
		expect(local.byId.C).toMatchObject({ output: 'none', nextEligibleAt: '2024-07-20T02:00:00.000Z' });
	});

	it('counts the contacts of a Contact Log on its second input, from any campaign, but not the control group', async () => {
		const log = [
			// Another campaign emailed A five days ago (the cooldown of the same action holds across campaigns).
			{ customerId: 'A', campaignId: 'spring-coupon', group: 'treatment', action: 'loyaltyPerk', channel: 'email', contactedAt: '2024-06-25T10:00:00Z' },
			// B was twice contacted by other tools within the window: capped.
			{ customerId: 'B', contactedAt: '2024-06-10 09:00', group: 'treatment' },
			{ customerId: 'B', contactedAt: '2024-06-20 09:00' },
			// C was held out as control last time: never contacted, so free to contact now.
			{ customerId: 'C', group: 'control', action: 'loyaltyPerk', contactedAt: '2024-06-29T10:00:00Z' },
		];
		const result = await runWorkflow(withContactLog([customer('A'), customer('B'), customer('C')], log, { options: { cooldownDays: 14, maxContacts: 2, windowDays: 30 } }));
		expect(result.error).toBeUndefined();
		const none = result.json('Retention Action', 4);
		const byId = Object.fromEntries(none.map((c) => [c.customerId, c]));
		expect(byId.A).toMatchObject({ suppressionReason: 'same action 5 days ago (cooldown 14 days)', nextEligibleAt: '2024-07-09T10:00:00.000Z', contactedAt: null });
		expect(byId.B).toMatchObject({ suppressionReason: '2 contacts in the last 30 days (limit 2)' });
		const [c] = result.json('Retention Action', 0);
		expect(c).toMatchObject({ customerId: 'C', group: 'treatment', contactedAt: '2024-06-30T10:00:00.000Z' });
		expect(result.hints('Retention Action')[0]).toMatch(/Caps counted 3 earlier contacts from the Contact Log\./);
	});

	it('stops on an unusable Contact Log row, naming it, rather than contact a customer too often', async () => {
		const log = [{ customerId: 'A', contactedAt: '2024-06-25T10:00:00Z' }, { customerId: 'B', contactedAt: 'last week' }];
		const result = await runWorkflow(withContactLog([customer('A')], log));
		expect(result.error?.message).toMatch(/^Contact Log row 2 \(customer B\): contactedAt /);
	});

	it('gives the control group the time it would have been contacted, the start of its measurement window', async () => {
		const { byOutput } = await run(
			Array.from({ length: 40 }, (_, i) => customer(`K${i}`)),
			{ controlShare: 0.5 },
		);
		const control = byOutput.none.filter((c) => c.group === 'control');
		expect(control.length).toBeGreaterThan(5);
		for (const c of [...control, ...byOutput.email]) expect(c.contactedAt).toBe('2024-06-30T10:00:00.000Z');
	});

	it('keeps its memory of contacts bounded over any number of runs: only the window that matters, for customers still in it', async () => {
		const staticData: IDataObject = {};
		const day = 86_400_000;
		const options = { options: { cooldownDays: 14, maxContacts: 2, windowDays: 30 } };
		const remembered: number[] = [];
		// A weekly run for a year, each week 20 new customers contacted.
		for (let week = 0; week < 52; week++) {
			const sendTime = new Date(Date.parse('2024-01-01T10:00:00Z') + week * 7 * day).toISOString();
			await run(Array.from({ length: 20 }, (_, i) => customer(`W${week}-${i}`)), { sendTime, ...options }, staticData);
			remembered.push(((staticData['node:Retention Action'] as IDataObject).contacts as { ids: unknown[] }).ids.length);
		}
		// Contacts older than 30 days are dropped: at most five weeks of customers are remembered.
		expect(Math.max(...remembered)).toBe(5 * 20);
		expect(remembered.slice(-1)[0]).toBe(5 * 20);
	});

	it("holds messages in the customer's quiet hours by saying when to send, across a DST change", async () => {
		// London springs forward at 01:00 UTC on 31 March 2024. Sent at 23:30 (GMT) on the 30th,
		// quiet hours (21:00-09:00) end at 09:00 BST on the 31st, which is 08:00 UTC, not 09:00.
		const night = await run([customer('L', { timezone: 'Europe/London' })], { sendTime: '2024-03-30T23:30:00Z' });
		expect(night.byId.L).toMatchObject({ output: 'email', nextEligibleAt: '2024-03-31T08:00:00.000Z' });
		const shanghai = await run([customer('S', { timezone: 'Asia/Shanghai' })], { sendTime: '2024-06-30T14:00:00Z' });
		expect(shanghai.byId.S).toMatchObject({ nextEligibleAt: '2024-07-01T01:00:00.000Z' });
		const day = await run([customer('D', { timezone: 'Asia/Shanghai' })], { sendTime: '2024-06-30T03:00:00Z' });
		expect(day.byId.D.nextEligibleAt).toBeNull();
	});

	it('spends the budget by expected incremental profit per unit of cost, best first, and never more', async () => {
		const customers = Array.from({ length: 30 }, (_, i) => customer(`C${String(i).padStart(2, '0')}`, { expectedOrdersIfActive: 1 + i / 5 }));
		// Each contact costs 0.01 (email) + a member perk of 5 x P(order | contacted), about 0.4.
		const { byId } = await run(customers, { budget: 2, playbookSource: 'json', playbookJson: '[{"action": "loyaltyPerk"}]', options: { exploreShare: 0 } });
		const contacted = Object.values(byId).filter((c) => c.output !== 'none');
		const skipped = Object.values(byId).filter((c) => c.output === 'none');
		expect(contacted.length).toBeGreaterThan(0);
		expect(skipped.length).toBeGreaterThan(0);
		const lowestContacted = Math.min(...contacted.map((c) => c.profitPerCost as number));
		const highestSkipped = Math.max(...skipped.map((c) => c.profitPerCost as number));
		expect(lowestContacted).toBeGreaterThanOrEqual(highestSkipped);
		expect(contacted.reduce((sum, c) => sum + (c.expectedCost as number), 0)).toBeLessThanOrEqual(2 + 0.005 * contacted.length);
		for (const c of contacted) expect(c.expectedCost as number).toBeCloseTo(0.01 + 5 * ((c.baseRate as number) + (c.uplift as number)), 1);
		expect(skipped[0].suppressionReason).toBe('budget of 2 used up by customers with more expected profit per unit of cost');
	});

	it('contacts nobody at an expected loss, and says why', async () => {
		// Customers who order anyway: a 20% coupon they would redeem costs more than the few orders it adds.
		const loyal = Array.from({ length: 5 }, (_, i) => customer(`L${i}`, { lifecycleStage: 'loyal', pAlive: 0.98, expectedOrdersIfActive: 9, churnProbability: 0.02, riskLevel: 'low' }));
		const { byId } = await run(loyal, { playbookSource: 'json', playbookJson: '[{"action": "discountCoupon"}]', options: { exploreShare: 0 } });
		for (const c of Object.values(byId)) {
			expect(c).toMatchObject({ output: 'none', suppressed: true, churnCause: 'notAtRisk' });
			expect(c.expectedValue as number).toBeLessThan(0);
			expect(c.suppressionReason).toMatch(/^not worth it: expected incremental profit -[\d.]+ \(uplift [\d.]+ x value if won back [\d.]+ - cost [\d.]+\)$/);
		}
	});

	it('says whether the control group can show the effect it expects', async () => {
		const customers = Array.from({ length: 200 }, (_, i) => customer(`P${i}`, { email: `p${i}@example.com` }));
		const { result } = await run(customers, { controlShare: 0.1 });
		expect(result.hints('Retention Action').join(' ')).toMatch(/The \d+ held-out customers can detect an uplift of [\d.]+% or more; the plan expects [\d.]+%: too few to show it(, a Control Group Share of 0\.\d+ would| at any control share up to 50%)\./);
		expect(result.hints('Retention Action').join(' ')).toContain('Uplifts from the planning priors');
	});

	it('holds out the control share by a stable hash of campaign and customer', async () => {
		const customers = Array.from({ length: 2000 }, (_, i) => customer(`K${i}`, { email: `k${i}@example.com` }));
		const first = await run(customers, { controlShare: 0.2, campaignId: 'summer' });
		const control = Object.values(first.byId).filter((c) => c.group === 'control');
		// Binomial(2000, 0.2): sd 17.9; within 4 sd.
		expect(Math.abs(control.length - 400)).toBeLessThan(72);
		expect(control.every((c) => c.output === 'none' && c.subject === null && c.suppressionReason === 'control group: held out to measure the campaign')).toBe(true);
		const again = await run(customers, { controlShare: 0.2, campaignId: 'summer' });
		expect(Object.values(again.byId).filter((c) => c.group === 'control').map((c) => c.customerId)).toEqual(control.map((c) => c.customerId));
		const other = await run(customers, { controlShare: 0.2, campaignId: 'autumn' });
		expect(Object.values(other.byId).filter((c) => c.group === 'control').map((c) => c.customerId)).not.toEqual(control.map((c) => c.customerId));
	});
});

describe('Retention Action, messages', () => {
	it('writes English and Chinese messages with the coupon, expiry, product and SMS segments', async () => {
		const price = { signals: { ...(customer('x').signals as IDataObject), discountedOrders: 4, discountShare: 0.67 } };
		const en = await run([customer('Li', { ...price, consent: { email: false, sms: true, push: false } })]);
		expect(en.byId.Li).toMatchObject({
			action: 'productDiscount',
			output: 'sms',
			smsText: expect.stringMatching(/^Tea House: 15% off Green tea for you, code [0-9A-Z]{5}-[0-9A-Z]{5}, until 2024-07-14\. Reply STOP to opt out\.$/),
			smsSegments: 1,
			offerExpiresAt: '2024-07-14T10:00:00.000Z',
		});
		const zh = await run([customer('Li', { ...price, firstName: '李伟', consent: { email: true, sms: true, push: false }, products: [{ productName: '龙井', category: '茶叶', quantity: 3 }] })], { language: 'zh-CN', storeName: '茶舍', channelOrder: 'sms,email,push,crm' });
		// Chinese retail writes 15% off as 85折; marketing SMS end with the carriers' opt-out line.
		expect(zh.byId.Li.smsText).toMatch(/^【茶舍】您常买的龙井专享85折优惠，优惠码[0-9A-Z]{5}-[0-9A-Z]{5}，2024-07-14前有效。回T退订$/);
		expect(zh.byId.Li.smsSegments).toBe(1);
		const email = await run([customer('Li', price)], { language: 'zh-CN', storeName: '茶舍' });
		expect(email.byId.Li).toMatchObject({ subject: 'Li，Green tea专享85折优惠', html: expect.stringContaining('<p>') });
		expect(email.byId.Li.text).toMatch(/如不想再收到此类邮件，请回复“退订”。$/);
		expect(email.byId.Li.couponCode).toBe(en.byId.Li.couponCode);
	});
});

describe('Retention Action after the whole suite, from order histories', () => {
	it('finds the cause in the orders: complaints, discounts, a first order', async () => {
		const day = (d: string) => `2024-${d}`;
		// Every row has every column, as an export would.
		const row = (customer: string, id: string, date: string, amount: number, extra: IDataObject = {}) => ({
			customer_id: customer,
			order_id: id,
			order_date: day(date),
			amount,
			complaints: 0,
			coupon_code: '',
			discount: 0,
			email: `${customer.toLowerCase()}@example.com`,
			email_opt_in: 'yes',
			...extra,
		});
		const orders = [
			...['01-05', '02-04', '03-05', '04-04'].map((d, i) => row('Unhappy', `U${i}`, d, 120, { complaints: i === 3 ? 1 : 0 })),
			...['01-10', '02-09', '03-10', '04-09'].map((d, i) => row('Bargain', `B${i}`, d, 80, i === 0 ? {} : { coupon_code: 'SAVE10', discount: 10 })),
			row('Newbie', 'N1', '06-10', 60),
			...Array.from({ length: 30 }, (_, i) => row(`R${i}`, `R${i}-1`, '03-01', 50 + i, { email_opt_in: 'no' })),
		];
		const result = await runWorkflow(
			linearWorkflow([
				rowsStep(orders),
				{ name: 'Customer Data', type: 'customerData', parameters: { analysisDate: '2024-06-30' } },
				{ name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '2024-06-30' } },
				{ name: 'Lifecycle Stage', type: 'lifecycleStage', parameters: { analysisDate: '2024-06-30' } },
				retentionAction(),
			]),
		);
		expect(result.error).toBeUndefined();
		const all = OUTPUTS.flatMap((_, i) => result.json('Retention Action', i));
		const byId = Object.fromEntries(all.map((c) => [c.customerId as string, c]));
		expect(all).toHaveLength(33);
		expect(byId.Unhappy).toMatchObject({ churnCause: 'poorExperience', causeEvidence: '1 complaint' });
		expect(byId.Bargain).toMatchObject({ churnCause: 'priceSensitive' });
		expect(byId.Newbie).toMatchObject({ churnCause: 'newUnconvinced', lifecycleStage: 'new', action: 'freeShipping' });
		// Opted out of email, and no other channel: never contacted.
		expect(all.filter((c) => String(c.customerId).startsWith('R')).every((c) => c.subject === null)).toBe(true);
	});
});

describe('Retention Action plans with what campaigns measured', () => {
	/** A response model as Campaign Report writes it: the coupon measured on 4,000 customers. */
	const measured = (effect: number) => ({
		kind: 'n8n-nodes-retention/response-model',
		version: 1,
		windowDays: 30,
		fittedAt: '2024-06-01T00:00:00.000Z',
		campaigns: ['spring'],
		units: 4000,
		actions: {
			discountCoupon: { treated: 2000, controls: 2000, reactivatedTreated: 400, reactivatedControls: 200, baseShift: { mean: 0, sd: 0.05 }, effect: { mean: effect, sd: 0.05 }, prior: { mean: 0.68, sd: 0.5 }, cells: [] },
		},
	});
	const churned = (id: string) => customer(id, { lifecycleStage: 'churned', signals: { ...(customer('x').signals as IDataObject), discountedOrders: 4, discountShare: 0.67 } });

	async function planWith(model: IDataObject | null, items: IDataObject[] = [churned('A'), churned('B')]) {
		const flow = fanInWorkflow([{ name: 'Customers', rows: items }, null, model ? { name: 'Measured Results', rows: [model] } : null], retentionAction());
		const result = await runWorkflow(flow);
		return { result, byId: Object.fromEntries(OUTPUTS.flatMap((output, i) => result.json('Retention Action', i).map((d) => [d.customerId, { ...d, output }]))) };
	}

	it('takes the measured effect in place of the planning uplift, and says so on each decision', async () => {
		const prior = await planWith(null);
		const strong = await planWith(measured(1.6));
		const weak = await planWith(measured(0.05));
		expect(prior.byId.A).toMatchObject({ action: 'discountCoupon', upliftSource: 'prior' });
		expect(strong.byId.A).toMatchObject({ action: 'discountCoupon', upliftSource: 'measured' });
		expect(strong.byId.A.uplift as number).toBeGreaterThan(prior.byId.A.uplift as number);
		// A coupon measured to do almost nothing is not worth its cost.
		expect(weak.byId.A).toMatchObject({ output: 'none', upliftSource: 'measured' });
		expect(weak.byId.A.suppressionReason).toMatch(/^not worth it/);
		expect(strong.result.hints('Retention Action').join(' ')).toContain('Uplifts measured by Campaign Report for 2 of the 2 contacted');
	});

	it('reads a model saved to a file and read back by Extract From File (under "data")', async () => {
		const { byId } = await planWith({ data: measured(1.6) });
		expect(byId.A.upliftSource).toBe('measured');
	});

	it('stops with what to connect when the input holds something else', async () => {
		const { result } = await planWith({ customerId: 'not a model' });
		expect(result.error?.message).toBe('Measured Results holds no response model');
		const broken = await planWith({ ...measured(1), windowDays: -1 });
		expect(broken.result.error?.message).toBe('This is not a response model written by Campaign Report: windowDays number must be greater than 0');
	});
});

describe('Retention Action, holding customers out', () => {
	it('keeps a stable global holdout out of every campaign and logs them for the report', async () => {
		const customers = Array.from({ length: 1000 }, (_, i) => customer(`G${i}`, { email: `g${i}@example.com` }));
		const options = { globalHoldoutShare: 0.1, holdoutSalt: 'year-2024' };
		const spring = await run(customers, { campaignId: 'spring', controlShare: 0.1, options });
		const autumn = await run(customers, { campaignId: 'autumn', controlShare: 0.1, options });
		const held = (r: Awaited<ReturnType<typeof run>>) => Object.values(r.byId).filter((c) => c.group === 'holdout').map((c) => c.customerId);
		expect(held(spring).length).toBeGreaterThan(60);
		expect(held(spring).length).toBeLessThan(140);
		// The same customers, whatever the campaign; never contacted; logged as holdout.
		expect(held(autumn)).toEqual(held(spring));
		for (const c of Object.values(spring.byId).filter((x) => x.group === 'holdout')) {
			expect(c).toMatchObject({ output: 'none', subject: null, suppressionReason: 'global holdout: never contacted by any campaign, to measure them all', contactLogRow: { group: 'holdout' } });
		}
		const newSalt = await run(customers, { campaignId: 'spring', controlShare: 0.1, options: { ...options, holdoutSalt: 'year-2025' } });
		expect(held(newSalt)).not.toEqual(held(spring));
	});
});

describe('Retention Action, messages a shop may send', () => {
	it('links the unsubscribe page in every email, with the customer filled in', async () => {
		const { byId } = await run([customer('Ann')], { options: { unsubscribeUrl: 'https://shop.example.com/unsubscribe?c={customerId}' } });
		expect(byId.Ann.text).toContain('To stop these emails: https://shop.example.com/unsubscribe?c=Ann');
		expect(byId.Ann.html).toContain('<a href="https://shop.example.com/unsubscribe?c=Ann">');
	});

	it('lets the shop word the opt-out line, or leave it out', async () => {
		const sms = { consent: { email: false, sms: true, push: false } };
		const own = await run([customer('S', sms)], { language: 'zh-CN', options: { smsOptOutText: '拒收请回复R' } });
		expect(own.byId.S.smsText).toMatch(/拒收请回复R$/);
		const off = await run([customer('S', sms)], { options: { marketingOptOut: false } });
		expect(off.byId.S.smsText).not.toMatch(/STOP/);
	});

	it('writes CRM tasks in the message language', async () => {
		const vip = customer('王芳', { expectedOrdersIfActive: 30 });
		const { byId } = await run([vip], { language: 'zh-CN' });
		expect(byId['王芳']).toMatchObject({ action: 'vipOutreach', output: 'crm' });
		expect(byId['王芳'].taskSubject).toMatch(/^客户挽回 王芳：流向竞品（高风险，挽回价值 \d+）$/);
		expect(byId['王芳'].taskBody).toContain('可能的流失原因：老顾客（6单，约每30天一单）无投诉');
		// Everything but the addresses is Chinese.
		expect((byId['王芳'].taskBody as string).split('\n').filter((line) => !line.startsWith('联系方式'))).toEqual(expect.not.arrayContaining([expect.stringMatching(/[A-Za-z]{4,}/)]));
	});

	it('names the product, never a bare product code', async () => {
		const coded = customer('C', { signals: { ...(customer('x').signals as IDataObject), discountedOrders: 4, discountShare: 0.67 }, products: [{ productId: 'SKU-TEA-01', quantity: 6, orders: 6, spend: 300 }] });
		const { byId } = await run([coded]);
		expect(byId.C.subject).toBe('15% off your favourites, C');
	});
});
