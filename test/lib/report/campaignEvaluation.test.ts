import { CampaignOutcome, evaluateCampaign } from '../../../lib/report/campaignEvaluation';
import { verdictText } from '../../../lib/report/reportWords';

/*
 * A crafted campaign whose answers are worked by hand: 400 customers contacted with a coupon by
 * email, 60 of them ordered again (15%) for 100 each, against 400 held out, 40 of whom ordered
 * anyway (10%).
 */

function customers(count: number, reactivated: number, common: Partial<CampaignOutcome>, revenueEach = 100): CampaignOutcome[] {
	return Array.from({ length: count }, (_, i) => ({
		customerId: `${common.group}-${common.action}-${common.campaignId ?? ''}-${i}`,
		campaignId: 'spring',
		group: 'treatment',
		pooled: true,
		action: 'discountCoupon',
		channel: 'email',
		cause: 'priceSensitive',
		segment: 'At Risk',
		stage: 'churned',
		valueTier: 'high',
		baseRate: 0.1,
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
	...customers(12, 3, { group: 'treatment', action: 'vipOutreach', channel: 'crm', cause: 'competition', cost: 20 }, 1000),
	...customers(10, 1, { group: 'control', action: 'vipOutreach', channel: null, cause: 'competition' }, 1000),
];
const lines = evaluateCampaign(campaign, { margin: 0.3 });
const lineOf = (dimension: string, value: string) => lines.find((l) => l.dimension === dimension && l.value === value)!;

describe('campaign evaluation', () => {
	it('gives the reactivation rate and revenue of each group', () => {
		const coupon = lineOf('action', 'discountCoupon');
		expect(coupon.treatment).toMatchObject({ customers: 400, reactivated: 60, rate: 0.15, orders: 60, revenue: 6000, revenuePerCustomer: 15 });
		expect(coupon.control).toMatchObject({ customers: 400, reactivated: 40, rate: 0.1, revenuePerCustomer: 10 });
		expect(coupon.controlBasis).toBe('same');
	});

	it('measures the uplift with one score statistic for the test and the interval', () => {
		const coupon = lineOf('action', 'discountCoupon');
		// Pooled 0.125: SE = sqrt(0.125 * 0.875 * 2 / 400) = 0.0233854, z = 2.1381, p = 0.0325.
		expect(coupon.comparison!.pValue).toBeCloseTo(0.03251, 4);
		expect(coupon.comparison!.difference).toBeCloseTo(0.05, 12);
		expect(coupon.comparison!.low).toBeGreaterThan(0);
		expect(coupon.verdict).toEqual({ kind: 'lift' });
		expect(verdictText(coupon.verdict, 'en')).toBe('significant lift');
		expect(verdictText(coupon.verdict, 'zh-CN')).toBe('显著提升');
	});

	it('gives incremental revenue with its interval, and profit and ROI at the margin, every cost counted', () => {
		const coupon = lineOf('action', 'discountCoupon');
		// 60 orders against 0.1 x 400 = 40 expected anyway: 20 more; revenue 6000 - 10 x 400 = 2000,
		// its interval from Welch's standard error (SciPy: 169.578 to 3830.422).
		expect(coupon.incrementalOrders).toBeCloseTo(20, 10);
		expect(coupon.incrementalRevenue!.estimate).toBeCloseTo(2000, 8);
		expect(coupon.incrementalRevenue!.low).toBeCloseTo(169.5778, 3);
		expect(coupon.incrementalRevenue!.high).toBeCloseTo(3830.4222, 3);
		// Cost 400 x 5 = 2000; profit 2000 x 0.3 - 2000 = -1400: a lift in orders that loses money.
		expect(coupon.cost).toBe(2000);
		expect(coupon.incrementalProfit!.estimate).toBeCloseTo(-1400, 8);
		expect(coupon.roi!.estimate).toBeCloseTo(-0.7, 10);
		expect(coupon.roi!.low).toBeCloseTo((169.5778 * 0.3 - 2000) / 2000, 5);
		expect(coupon.roi!.high).toBeCloseTo((3830.4222 * 0.3 - 2000) / 2000, 5);
	});

	it('says when there are too few customers to tell, and how many would be needed', () => {
		const vip = lineOf('action', 'vipOutreach');
		expect(vip.comparison!.smallGroups).toBe(true);
		expect(vip.verdict.kind).toBe('tooFew');
		expect(verdictText(vip.verdict, 'en')).toMatch(/^too few customers to tell \(about \d+ per group needed for this effect\)$/);
		expect(vip.customersNeededPerGroup).toBeGreaterThan(12);
	});

	it('compares a channel with the whole control group, which nobody contacted, and says so', () => {
		const email = lineOf('channel', 'email');
		expect(email.controlBasis).toBe('all');
		expect(email.control.customers).toBe(410);
	});

	it('starts with the campaign overall and breaks it down by action, channel, cause, segment, stage, value tier and cause × action', () => {
		expect(lines.map((l) => `${l.dimension}:${l.value}`)).toEqual([
			'overall:all customers',
			'action:discountCoupon',
			'action:vipOutreach',
			'channel:crm',
			'channel:email',
			'cause:competition',
			'cause:priceSensitive',
			'segment:At Risk',
			'stage:churned',
			'valueTier:high',
			'causeAction:competition × vipOutreach',
			'causeAction:priceSensitive × discountCoupon',
		]);
		expect(lineOf('causeAction', 'competition × vipOutreach').control.customers).toBe(10);
	});

	it('gives each campaign its line, and leaves customers who sit in both groups across campaigns out of the lines across them', () => {
		const autumn = [...customers(100, 30, { group: 'treatment', campaignId: 'autumn' }), ...customers(100, 10, { group: 'control', campaignId: 'autumn' })];
		// A customer treated in spring and held out in autumn.
		autumn[150] = { ...autumn[150], customerId: campaign[0].customerId, pooled: false };
		const both = evaluateCampaign([{ ...campaign[0], pooled: false }, ...campaign.slice(1), ...autumn], { margin: 0.3 });
		expect(both.slice(0, 3).map((l) => `${l.dimension}:${l.value}`)).toEqual(['overall:all campaigns', 'campaign:autumn', 'campaign:spring']);
		expect(both[0].treatment.customers + both[0].control.customers).toBe(campaign.length + autumn.length - 2);
		expect(both[1].control.customers).toBe(100);
	});

	it('says plainly when there is no control group', () => {
		const [overall] = evaluateCampaign(customers(50, 10, { group: 'treatment' }), { margin: 0.3 });
		expect(overall.comparison).toBeNull();
		expect(overall.verdict).toEqual({ kind: 'noControl' });
		expect(verdictText(overall.verdict, 'en')).toBe('no control group to compare with: hold some customers out next time');
	});
});
