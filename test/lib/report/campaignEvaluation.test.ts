import { CampaignOutcome, evaluateCampaign } from '../../../lib/report/campaignEvaluation';

/*
 * A crafted campaign whose answers are worked by hand: 400 customers contacted with a coupon by
 * email, 60 of them ordered again (15%), against 400 held out, 40 of whom ordered anyway (10%).
 */

function customers(count: number, reactivated: number, common: Partial<CampaignOutcome>, revenueEach = 100): CampaignOutcome[] {
	return Array.from({ length: count }, (_, i) => ({
		customerId: `${common.group}-${common.action}-${i}`,
		group: 'treatment',
		action: 'discountCoupon',
		channel: 'email',
		cause: 'priceSensitive',
		segment: 'At Risk',
		reactivated: i < reactivated,
		orders: i < reactivated ? 1 : 0,
		revenue: i < reactivated ? revenueEach : 0,
		cost: 0,
		...common,
	}));
}

const campaign = [
	...customers(400, 60, { group: 'treatment', cost: 5 }),
	...customers(400, 40, { group: 'control', channel: null }),
	...customers(12, 3, { group: 'treatment', action: 'vipOutreach', channel: 'crm', cost: 20 }, 1000),
	...customers(10, 1, { group: 'control', action: 'vipOutreach', channel: null }, 1000),
];
const lines = evaluateCampaign(campaign);
const lineOf = (dimension: string, value: string) => lines.find((l) => l.dimension === dimension && l.value === value)!;

describe('campaign evaluation', () => {
	it('gives the reactivation rate and revenue of each group', () => {
		const coupon = lineOf('action', 'discountCoupon');
		expect(coupon.treatment).toEqual({ customers: 400, reactivated: 60, rate: 0.15, orders: 60, revenue: 6000, revenuePerCustomer: 15 });
		expect(coupon.control).toMatchObject({ customers: 400, reactivated: 40, rate: 0.1, revenuePerCustomer: 10 });
		expect(coupon.controlBasis).toBe('same');
	});

	it('measures the uplift with its test, interval, incremental orders, revenue and ROI', () => {
		const coupon = lineOf('action', 'discountCoupon');
		// Pooled 0.125: SE = sqrt(0.125 * 0.875 * 2 / 400) = 0.0233854, z = 2.1381, p = 0.0325.
		expect(coupon.comparison!.pValue).toBeCloseTo(0.03251, 4);
		expect(coupon.comparison!.difference).toBeCloseTo(0.05, 12);
		// 60 orders against 0.1 x 400 = 40 expected anyway: 20 more; revenue 6000 - 10 x 400 = 2000.
		expect(coupon.incrementalOrders).toBeCloseTo(20, 10);
		expect(coupon.incrementalRevenue).toBeCloseTo(2000, 10);
		// Cost 400 x 5 = 2000: ROI (2000 - 2000) / 2000 = 0.
		expect(coupon.cost).toBe(2000);
		expect(coupon.roi).toBeCloseTo(0, 10);
		expect(coupon.verdict).toBe('significant lift');
	});

	it('says when there are too few customers to tell, and how many would be needed', () => {
		const vip = lineOf('action', 'vipOutreach');
		// 3/12 against 1/10: small groups, so Fisher's exact test and Newcombe's interval.
		expect(vip.comparison!.test).toBe("Fisher's exact test");
		expect(vip.verdict).toMatch(/^too few customers to tell \(about \d+ per group needed for this effect\)$/);
		expect(vip.customersNeededPerGroup).toBeGreaterThan(12);
	});

	it('compares a channel with the whole control group, which nobody contacted, and says so', () => {
		const email = lineOf('channel', 'email');
		expect(email.controlBasis).toBe('all');
		expect(email.control.customers).toBe(410);
	});

	it('starts with the campaign overall and breaks it down by action, channel, cause and segment', () => {
		expect(lines.map((l) => `${l.dimension}:${l.value}`)).toEqual([
			'overall:all customers',
			'action:discountCoupon',
			'action:vipOutreach',
			'channel:crm',
			'channel:email',
			'cause:priceSensitive',
			'segment:At Risk',
		]);
	});

	it('says plainly when there is no control group', () => {
		const [overall] = evaluateCampaign(customers(50, 10, { group: 'treatment' }));
		expect(overall.comparison).toBeNull();
		expect(overall.verdict).toBe('no control group to compare with: hold some customers out next time');
	});
});
