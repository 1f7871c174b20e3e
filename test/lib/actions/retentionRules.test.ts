import { TEST_COUPON_SECRET } from '../../helpers/couponSecret';
import fc from 'fast-check';
import { ACTIONS, CHANNELS } from '../../../lib/actions/actionCatalog';
import { CauseInput, decideCause, describeEvidence, parseCause } from '../../../lib/actions/churnCause';
import { ContactMemory, contactsOf, MAX_PER_CUSTOMER, prune, remember } from '../../../lib/actions/contactMemory';
import { quietUntil } from '../../../lib/actions/contactPolicy';
import { couponCode } from '../../../lib/actions/couponCode';
import { defaultPlaybook, DEFAULT_PLAYBOOK } from '../../../lib/actions/playbook';
import { BUSINESS_TYPES } from '../../../lib/actions/businessTypes';
import { planRetention, PlanSettings, winBackValue } from '../../../lib/actions/retentionPlan';
import { DecisionStore } from '../../../lib/actions/retentionDecision';
import { RetentionFacts } from '../../../lib/actions/retentionFacts';
import { smsLength } from '../../../lib/actions/smsSegments';
import { TimeZone } from '../../../lib/values/timeZone';

const everyDecision = (store: DecisionStore) => Array.from({ length: store.count }, (_, i) => store.get(i));

const history = (overrides: Partial<CauseInput & { lastContactedDaysAgo: number | null }>) => ({
	atRisk: true,
	orders: 6,
	recencyDays: 40,
	tenureDays: 300,
	avgGapDays: 30,
	lastGapDays: 30,
	discountShare: 0,
	discountedOrders: 0,
	lastOrderDiscounted: false,
	returnRate: 0,
	returnedOrders: 0,
	complaints: 0,
	avgSatisfaction: null,
	orderTrend: 0,
	spendTrend: 0,
	lastContactedDaysAgo: 10,
	givenCause: null,
	openTickets: 0,
	latestNps: null,
	latestRating: null,
	reviewSentiment: null,
	recentVisits: null,
	usualVisits: null,
	...overrides,
});

const causeOf = ({ lastContactedDaysAgo, ...facts }: ReturnType<typeof history>) => decideCause(facts, lastContactedDaysAgo);

describe('why a customer is leaving', () => {
	it.each<[string, Partial<Parameters<typeof history>[0]>, string, number, string, string]>([
		['a cause from a survey wins', { givenCause: '价格', complaints: 3 }, 'priceSensitive', 0.9, 'given on the item: "价格"', '来自客户或 CRM：“价格”'],
		['complaints', { complaints: 2 }, 'poorExperience', 0.8, '2 complaints', '投诉2次'],
		['many returns and low satisfaction', { returnedOrders: 2, returnRate: 0.33, avgSatisfaction: 2 }, 'poorExperience', 0.8, '33% of orders returned, average satisfaction 2', '33%的订单有退货；平均满意度2'],
		['mostly bought on promotion', { discountedOrders: 4, discountShare: 0.8 }, 'priceSensitive', 0.74, '4 of 5 repeat orders (80%) bought on promotion', '5笔复购中4笔（80%）使用促销'],
		['stopped after an order on promotion', { discountedOrders: 1, discountShare: 0.2, lastOrderDiscounted: true, recencyDays: 50 }, 'priceSensitive', 0.4, 'no order for 50 days since one bought on promotion (usual gap 30 days)', '上次促销购买后50天未再下单（通常间隔30天）'],
		['one order, recently', { orders: 1, tenureDays: 20, avgGapDays: null, lastGapDays: null }, 'newUnconvinced', 0.5, 'one order, 20 days ago', '仅下过一单，20天前'],
		['a steady regular who stopped', { recencyDays: 90, orderTrend: -2 }, 'competition', 0.3, 'a regular buyer (6 orders, every 30 days) with no complaints who stopped abruptly 90 days ago (order data alone cannot say where they went)', '老顾客（6单，约每30天一单）无投诉，90天前突然停止购买（仅凭订单无法确认去向）'],
		['gaps lengthening', { lastGapDays: 60, recencyDays: 40, orderTrend: -0.7 }, 'fadingEngagement', 0.6, 'order trend -0.70, last gap 60 days against a usual 30 days', '订单趋势-0.70；最近一次间隔60天，通常30天'],
		['not contacted for long', { lastContactedDaysAgo: 120 }, 'neglected', 0.3, 'last contacted 120 days ago', '上次联系在120天前'],
		['an open service ticket and falling visits: experience, not price', { openTickets: 1, recentVisits: 1, usualVisits: 6, discountedOrders: 4, discountShare: 0.8 }, 'poorExperience', 0.8, '1 service ticket still open', '1个服务工单尚未解决'],
		['an NPS detractor with a review that reads badly', { latestNps: 4, latestRating: 2, reviewSentiment: -0.62 }, 'poorExperience', 0.8, 'NPS 4 (a detractor), a 2-star review and reviews that read -0.62', 'NPS 4（贬损者）；2星评价，评价倾向-0.62'],
		['visits fallen to a third of their usual, orders not yet', { recentVisits: 2, usualVisits: 6 }, 'fadingEngagement', 0.5, '2 visits lately against a usual 6', '近期访问2次，通常6次'],
		['a few visits fewer than a handful usual says nothing', { recentVisits: 0, usualVisits: 1 }, 'unknown', 0, 'no sign in the data: ask (a survey) or watch', '数据中没有迹象：可通过问卷了解或继续观察'],
		['nothing to go on', {}, 'unknown', 0, 'no sign in the data: ask (a survey) or watch', '数据中没有迹象：可通过问卷了解或继续观察'],
		['a loyal customer who just bought is not leaving', { atRisk: false, recencyDays: 2, discountedOrders: 4, discountShare: 0.8 }, 'notAtRisk', 0, 'not at risk: last order 2 days ago against a usual gap of 30 days', '暂无流失风险：最近一单在2天前，通常间隔30天'],
	])('%s', (_, overrides, cause, strength, evidence, evidenceZh) => {
		const decision = causeOf(history(overrides));
		expect(decision.cause).toBe(cause);
		expect(decision.strength).toBeCloseTo(strength, 10);
		expect(describeEvidence(decision.evidence, 'en')).toBe(evidence);
		expect(describeEvidence(decision.evidence, 'zh-CN')).toBe(evidenceZh);
	});

	it('still hears a customer who is not at risk but complained or said why', () => {
		expect(causeOf(history({ atRisk: false, complaints: 1 })).cause).toBe('poorExperience');
		expect(causeOf(history({ atRisk: false, givenCause: '体验差' })).cause).toBe('poorExperience');
	});

	it('reads causes written by people and CRMs', () => {
		expect(['Price sensitive', 'price_sensitive', 'priceSensitive', '竞争对手', 'Lost to a competitor', '价格敏感'].map(parseCause)).toEqual(['priceSensitive', 'priceSensitive', 'priceSensitive', 'competition', 'competition', 'priceSensitive']);
		expect(parseCause('weather')).toBeNull();
	});
});

describe('the default playbook', () => {
	it('can reach every rule: no rule is hidden behind an earlier one for every customer', () => {
		for (const business of BUSINESS_TYPES) {
			const rules = defaultPlaybook(business);
			const reached = new Set<number>();
			for (const stage of ['prospect', 'new', 'active', 'loyal', 'atRisk', 'churned', 'reactivated', 'exploration', 'growth', 'maturity', 'decline'])
				for (const valueTier of ['vip', 'high', 'medium', 'low'] as const)
					for (const cause of ['priceSensitive', 'poorExperience', 'competition', 'fadingEngagement', 'neglected', 'newUnconvinced', 'unknown'] as const) {
						const index = rules.findIndex((r) => (!r.stages || r.stages.includes(stage)) && (!r.valueTiers || r.valueTiers.includes(valueTier)) && (!r.causes || r.causes.includes(cause)));
						reached.add(index);
					}
			const unreachable = rules.map((r, i) => (reached.has(i) ? null : r.note)).filter(Boolean);
			// A preset may shadow a default rule for its business: only default rules may be unreachable there.
			expect(unreachable.every((note) => DEFAULT_PLAYBOOK.some((r) => r.note === note))).toBe(true);
		}
		const ecommerce = defaultPlaybook('ecommerce');
		expect(ecommerce.length).toBeGreaterThan(DEFAULT_PLAYBOOK.length);
	});
});

describe('SMS length', () => {
	it.each<[string, string, number]>([
		['160 GSM characters in one segment', 'a'.repeat(160), 1],
		['161 in two', 'a'.repeat(161), 2],
		['306 in two, 307 in three (153 per part)', 'a'.repeat(306), 2],
		['extension characters count twice', '€'.repeat(80), 1],
		['81 euro signs are 162 septets', '€'.repeat(81), 2],
		['70 Chinese characters in one UCS-2 segment', '茶'.repeat(70), 1],
		['71 in two', '茶'.repeat(71), 2],
		['134 in two, 135 in three (67 per part)', '茶'.repeat(134), 2],
		['one emoji makes it UCS-2 and costs two units', `${'a'.repeat(69)}😀`, 2],
	])('%s', (_, text, segments) => {
		expect(smsLength(text).segments).toBe(segments);
	});

	it('says which encoding', () => {
		expect(smsLength('Hello @ 5€')).toMatchObject({ encoding: 'GSM-7', units: 11 });
		expect(smsLength('【茶舍】')).toMatchObject({ encoding: 'UCS-2', units: 4 });
	});
});

describe('coupon codes', () => {
	it('are stable for a customer within a campaign, differ across customers and campaigns, and depend on the secret', () => {
		const code = couponCode('s3cret', 'summer', 'C1');
		expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
		expect(couponCode('s3cret', 'summer', 'C1')).toBe(code);
		expect(couponCode('s3cret', 'autumn', 'C1')).not.toBe(code);
		expect(couponCode('other', 'summer', 'C1')).not.toBe(code);
		const many = new Set(Array.from({ length: 20_000 }, (_, i) => couponCode('s3cret', 'summer', `C${i}`)));
		expect(many.size).toBe(20_000);
	});
});

describe('quiet hours', () => {
	const quiet = { startMinute: 21 * 60, endMinute: 9 * 60 };
	it('ends at 09:00 local time, also on the nights the clocks change', () => {
		const newYork = new TimeZone('America/New_York');
		// Spring forward on 2024-03-10: 09:00 EDT is 13:00 UTC; the evening before was EST.
		expect(new Date(quietUntil(Date.parse('2024-03-10T03:00:00Z'), newYork, quiet) as number).toISOString()).toBe('2024-03-10T13:00:00.000Z');
		// Fall back on 2024-11-03: 09:00 EST is 14:00 UTC.
		expect(new Date(quietUntil(Date.parse('2024-11-03T04:30:00Z'), newYork, quiet) as number).toISOString()).toBe('2024-11-03T14:00:00.000Z');
		expect(quietUntil(Date.parse('2024-11-03T16:00:00Z'), newYork, quiet)).toBeNull();
	});
});

describe('the contact memory', () => {
	it('keeps each customer\u2019s newest contacts, and prunes what no window needs', () => {
		const memory: ContactMemory = new Map();
		const day = 86_400_000;
		for (let i = 0; i < 20; i++) remember(memory, 'C1', Date.UTC(2024, 0, 1) + i * day, 'careMessage');
		expect(contactsOf(memory, 'C1')).toHaveLength(MAX_PER_CUSTOMER);
		expect(contactsOf(memory, 'C1')[0]).toEqual({ at: Date.UTC(2024, 0, 9), action: 'careMessage' });
		remember(memory, 'C2', Date.UTC(2023, 0, 1), 'greeting');
		const pruned = prune(memory, Date.UTC(2024, 0, 21), 5);
		expect([...pruned.keys()]).toEqual(['C1']);
		expect(contactsOf(pruned, 'C1').map((c) => c.at)).toEqual([16, 17, 18, 19, 20].map((d) => Date.UTC(2024, 0, d)));
	});
});

describe('the contact policy holds for any customers and any settings', () => {
	const consent = fc.constantFrom(true, false, null);
	const facts = fc.record({
		customerId: fc.string({ minLength: 1, maxLength: 6 }),
		email: fc.option(fc.constant('a@example.com')),
		phone: fc.option(fc.constant('+8613800138000')),
		consent: fc.record({ email: consent, sms: consent, push: consent }),
		stage: fc.constantFrom('atRisk', 'churned', 'new', 'active', 'loyal', 'reactivated', 'decline', null),
		churnProbability: fc.double({ min: 0, max: 1, noNaN: true }),
		value: fc.double({ min: 0, max: 10_000, noNaN: true }),
		complaints: fc.nat(3),
		discountShare: fc.double({ min: 0, max: 1, noNaN: true }),
	});
	const settings = fc.record({
		requireOptIn: fc.boolean(),
		order: fc.shuffledSubarray([...CHANNELS], { minLength: 1 }),
		controlShare: fc.constantFrom(0, 0.1, 0.5),
		budget: fc.constantFrom(0, 1, 100),
		skipUnprofitable: fc.boolean(),
		exploreShare: fc.constantFrom(0, 0.1, 0.5),
		rule: fc.constantFrom(...ACTIONS),
	});

	it('never routes a customer to a channel they opted out of, or lacks the address for, and routes each exactly once', () => {
		fc.assert(
			fc.property(fc.array(facts, { maxLength: 30 }), settings, fc.boolean(), (rows, s, useDefault) => {
				const customers: RetentionFacts[] = rows.map((r, i) => ({
					customerId: `${r.customerId}-${i}`,
					name: null,
					reach: { email: r.email, phone: r.phone, consent: r.consent },
					timezone: null,
					lastContactedAt: null,
					stage: r.stage,
					riskLevel: 'high',
					segment: null,
					churnProbability: r.churnProbability,
					outlook: { pAlive: 1 - r.churnProbability, churnProbability: r.churnProbability, expectedOrdersIfActive: r.value / 100, expectedOrders: null, horizonDays: 90, avgGapDays: 30, orderValue: 50 },
					orderValue: 50,
					topProduct: null,
					categories: [],
					cause: { atRisk: true, orders: 3, recencyDays: 60, tenureDays: 200, avgGapDays: 30, lastGapDays: 30, discountShare: r.discountShare, discountedOrders: Math.round(r.discountShare * 3), lastOrderDiscounted: false, returnRate: 0, returnedOrders: 0, complaints: r.complaints, avgSatisfaction: null, orderTrend: 0, spendTrend: 0, givenCause: null, openTickets: 0, latestNps: null, latestRating: null, reviewSentiment: null, recentVisits: null, usualVisits: null },
				}));
				const plan: PlanSettings = {
					campaignId: 'c',
					storeName: 'S',
					language: 'en',
					business: 'ecommerce',
					playbook: useDefault ? defaultPlaybook('ecommerce') : [{ note: 'all', action: s.rule }],
					channels: { order: s.order, requireOptIn: s.requireOptIn },
					caps: { maxContacts: 2, windowDays: 30, cooldownDays: 14 },
					quietHours: null,
					defaultZone: new TimeZone('UTC'),
					controlShare: s.controlShare,
					globalHoldout: { share: s.controlShare / 2, salt: 'h' },
					exploreShare: s.exploreShare,
					margin: 0.3,
					windowDays: 30,
					responseModel: null,
					optOut: { enabled: true, smsText: '', emailText: '', unsubscribeUrl: '' },
					budget: s.budget,
					maxDiscountPct: 20,
					offerDays: 14,
					uplift: Object.fromEntries(ACTIONS.map((a) => [a, 0.1])) as PlanSettings['uplift'],
					contactCost: { email: 0.01, sms: 0.05, push: 0.01, crm: 2 },
					shippingCost: 8,
					perkCost: 5,
					tierThresholds: { vip: 2000, high: 500, medium: 100 },
					couponSecret: TEST_COUPON_SECRET,
					skipUnprofitable: s.skipUnprofitable,
					now: Date.UTC(2024, 5, 30, 10),
				};
				const planned = planRetention(customers, plan, () => []);
				const { routes } = planned;
				const decisions = everyDecision(planned.decisions);
				expect(decisions).toHaveLength(customers.length);
				// A decision nothing can change any more is kept as columns, not as an object.
				decisions.forEach((d, i) => {
					if (d.action === 'noAction') expect(planned.decisions.isInColumns(i)).toBe(true);
				});
				// Customers read one at a time when the plan comes to them (a customer base) are
				// planned exactly alike, each read once and in order.
				const asked: number[] = [];
				const source = { count: customers.length, values: customers.map((c) => winBackValue(c, plan)), at: (i: number) => (asked.push(i), structuredClone(customers[i])) };
				const fromSource = planRetention(source, plan, () => []);
				expect(asked).toEqual(customers.map((_, i) => i));
				expect(everyDecision(fromSource.decisions)).toEqual(decisions);
				expect(fromSource.routes).toEqual(routes);
				let spent = 0;
				routes.forEach((route, i) => {
					const c = customers[i];
					const d = decisions[i];
					if (route === 'email') expect(c.reach.email && (c.reach.consent.email === true || (c.reach.consent.email === null && !s.requireOptIn))).toBeTruthy();
					if (route === 'sms') expect(c.reach.phone && (c.reach.consent.sms === true || (c.reach.consent.sms === null && !s.requireOptIn))).toBeTruthy();
					if (route === 'push') expect(c.reach.consent.push === true || (c.reach.consent.push === null && !s.requireOptIn)).toBe(true);
					if (route !== 'none') {
						expect(d.group).toBe('treatment');
						expect(s.order).toContain(route);
						spent += d.expectedCost as number;
						// Nobody is contacted at an expected loss, but to explore or when asked to. The
						// items round profit to cents and profit per cost to 4 decimals, so a profit of a
						// fraction of a cent shows as 0: a loss shows as a negative profit per cost.
						if ((d.expectedValue as number) < 0 || (d.profitPerCost as number) < 0) expect(d.selection === 'explore' || !s.skipUnprofitable).toBe(true);
					} else expect(d.group === 'treatment').toBe(false);
					if (d.group === 'control' || d.group === 'holdout') expect(route).toBe('none');
				});
				// Expected costs are rounded to cents on the items.
				if (s.budget > 0) expect(spent).toBeLessThanOrEqual(s.budget + 0.005 * customers.length);
			}),
			{ numRuns: 300 },
		);
	});
});
