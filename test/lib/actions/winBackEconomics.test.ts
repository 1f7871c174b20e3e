import { actionEconomics, defaultPriorEffect, priorEffect, REFERENCE_BASE_RATE } from '../../../lib/actions/actionEconomics';
import { ACTION_DEFINITIONS, ACTIONS } from '../../../lib/actions/actionCatalog';
import { controlPower } from '../../../lib/actions/controlPower';
import { baseRateInWindow, ChurnOutlook, ordersIfActive, valueIfWonBack } from '../../../lib/actions/winBackValue';
import { logistic, logit } from '../../../lib/response/logOdds';

/*
 * The economics a retention analyst signs: what winning a customer back is worth (not weighted by
 * P(alive) a second time), the action's incremental effect on them, every cost, and the profit.
 */

const outlook = (overrides: Partial<ChurnOutlook>): ChurnOutlook => ({ pAlive: 0.5, churnProbability: 0.6, expectedOrdersIfActive: 3, expectedOrders: 1.5, horizonDays: 90, avgGapDays: 30, orderValue: 180, ...overrides });
const SETTINGS = {
	margin: 0.3,
	windowDays: 30,
	uplift: Object.fromEntries(ACTIONS.map((a) => [a, ACTION_DEFINITIONS[a].uplift])) as Record<(typeof ACTIONS)[number], number>,
	contactCost: { email: 0.01, sms: 0.05, push: 0.005, crm: 2 },
	shippingCost: 8,
	perkCost: 5,
	responseModel: null,
};
const NO_FEATURES = { stage: null, segment: null, valueTier: null, cause: null };

describe('what a customer is worth if won back', () => {
	it('is their orders while active x order value x margin, whatever their P(alive)', () => {
		// A lapsed regular: 28 orders, about 1.5 a month when active, 183 an order, P(alive) 0.012.
		const lapsed = outlook({ pAlive: 0.012, expectedOrdersIfActive: 4.5, expectedOrders: 0.054, orderValue: 183 });
		expect(valueIfWonBack(lapsed, 0.3)).toBeCloseTo(4.5 * 183 * 0.3, 10);
	});

	it('falls back, for records scored elsewhere, to expected orders over P(alive), then to one order per usual gap', () => {
		expect(ordersIfActive(outlook({ expectedOrdersIfActive: null, expectedOrders: 0.6, pAlive: 0.2 })).orders).toBeCloseTo(3, 12);
		expect(ordersIfActive(outlook({ expectedOrdersIfActive: null, expectedOrders: null, avgGapDays: 45 }))).toEqual({ orders: 2, horizonDays: 90 });
		expect(ordersIfActive(outlook({ expectedOrdersIfActive: null, expectedOrders: null, avgGapDays: null, horizonDays: null }))).toEqual({ orders: 1, horizonDays: 90 });
	});
});

describe('the chance of ordering anyway in the response window', () => {
	it('is P(alive) x the chance an active customer orders in the window', () => {
		// 3 orders in 90 days while active: rate 1/30 a day; in 30 days 1 - e^-1.
		expect(baseRateInWindow(outlook({}), 30)).toBeCloseTo(0.5 * (1 - Math.exp(-1)), 12);
	});

	it('reads a churn probability over the horizon as a constant hazard when nothing else is known', () => {
		expect(baseRateInWindow(outlook({ pAlive: null, churnProbability: 0.729 }), 30)).toBeCloseTo(1 - 0.9, 10);
	});
});

describe('the incremental effect and the profit of an action', () => {
	it('turns each planning uplift into an effect on the log-odds at the reference base rate', () => {
		expect(REFERENCE_BASE_RATE).toBe(0.1);
		const coupon = defaultPriorEffect('discountCoupon');
		expect(logistic(logit(0.1) + coupon.mean) - 0.1).toBeCloseTo(ACTION_DEFINITIONS.discountCoupon.uplift, 12);
		expect(priorEffect(0).mean).toBeCloseTo(0, 12);
	});

	it('counts the incentive on every redemption, by customers who would have ordered anyway too', () => {
		// A loyal customer who orders anyway with P = 0.9: a 20% coupon on 180 costs 36 each time it is used.
		const loyal = outlook({ pAlive: 0.98, expectedOrdersIfActive: 9, expectedOrders: 8.8 });
		const e = actionEconomics('discountCoupon', 'email', loyal, NO_FEATURES, 20, SETTINGS);
		expect(e.baseRate).toBeGreaterThan(0.9);
		expect(e.expectedCost).toBeCloseTo(0.01 + 36 * e.treatedRate, 10);
		expect(e.uplift).toBeLessThan(ACTION_DEFINITIONS.discountCoupon.uplift / 2);
		expect(e.expectedProfit).toBeLessThan(0);
		expect(e.expectedProfit).toBeCloseTo(e.uplift * e.valueIfWonBack - e.expectedCost, 10);
	});

	it('finds the profit in lapsed regulars, not in the long-gone one-time buyer (Ascarza: the riskiest are not the most persuadable)', () => {
		const lapsed = actionEconomics('discountCoupon', 'email', outlook({ pAlive: 0.35, expectedOrdersIfActive: 4.5, orderValue: 183 }), NO_FEATURES, 20, SETTINGS);
		const gone = actionEconomics('discountCoupon', 'email', outlook({ pAlive: 0.02, expectedOrdersIfActive: 0.3, orderValue: 90, avgGapDays: null }), NO_FEATURES, 20, SETTINGS);
		expect(lapsed.uplift).toBeGreaterThan(gone.uplift);
		expect(lapsed.expectedProfit).toBeGreaterThan(0);
		expect(gone.expectedProfit).toBeLessThan(lapsed.expectedProfit);
		expect(lapsed.optimisticProfit).toBeGreaterThan(lapsed.expectedProfit);
	});
});

describe('whether the control group can show the effect', () => {
	it('says the uplift the groups can detect, and the control share the expected uplift needs', () => {
		// 9,000 contacted and 1,000 held out at a base rate of 20%, expecting 3 points more.
		const small = controlPower(new Array(9000).fill(0.2), new Array(9000).fill(0.03), 1000);
		expect(small.detectableUplift!).toBeGreaterThan(0.03);
		expect(small.suggestedControlShare).not.toBeNull();
		expect(small.suggestedControlShare!).toBeGreaterThan(0.1);
		const share = small.suggestedControlShare!;
		const enough = controlPower(new Array(Math.round(10_000 * (1 - share))).fill(0.2), new Array(Math.round(10_000 * (1 - share))).fill(0.03), Math.round(10_000 * share));
		expect(enough.detectableUplift!).toBeLessThanOrEqual(0.03);
		// One point fewer held out would not do.
		const fewer = controlPower(new Array(Math.round(10_000 * (1.01 - share))).fill(0.2), new Array(1).fill(0.03), Math.round(10_000 * (share - 0.01)));
		expect(fewer.detectableUplift!).toBeGreaterThan(0.03);
		expect(controlPower([0.2], [0.05], 0).detectableUplift).toBeNull();
		// 1,000 customers cannot show 3 points at any split.
		expect(controlPower(new Array(900).fill(0.2), new Array(900).fill(0.03), 100).suggestedControlShare).toBeNull();
	});
});
