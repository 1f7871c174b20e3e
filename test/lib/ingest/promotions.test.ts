import { CustomerDataPipeline } from '../../../lib/ingest/customerDataPipeline';
import { isPromotionOrder, serviceCodeMatcher } from '../../../lib/ingest/clean/promotion';
import { CustomerSummary } from '../../../lib/customer/customerSummary';
import { cleaningOptions, dayOf } from '../../helpers/ingestHelpers';

/*
 * "Price sensitive" means buying mostly on promotion: not redeeming the shop's own welcome or
 * win-back code, not a token discount, not the welcome offer on a first order.
 */

describe('an order bought on promotion', () => {
	const service = serviceCodeMatcher(['WELCOME10', 'back*']);

	it('is one with a coupon code, or a discount of 10% of the price or more', () => {
		expect(isPromotionOrder({ issues: [], couponCode: 'SPRING15' }, 100, service)).toBe(true);
		expect(isPromotionOrder({ issues: [], discountAmount: 20 }, 80, service)).toBe(true);
		expect(isPromotionOrder({ issues: [], discountAmount: 5 }, 95, service)).toBe(false);
		expect(isPromotionOrder({ issues: [] }, 100, service)).toBe(false);
		expect(isPromotionOrder(null, 100, service)).toBe(false);
	});

	it('is not one with the shop\'s service codes, listed or issued by Retention Action', () => {
		expect(isPromotionOrder({ issues: [], couponCode: 'welcome10', discountAmount: 30 }, 70, service)).toBe(false);
		expect(isPromotionOrder({ issues: [], couponCode: 'BACK-2025' }, 100, service)).toBe(false);
		expect(isPromotionOrder({ issues: [], couponCode: 'K7Q2M-9XH4T' }, 100, service)).toBe(false);
		expect(isPromotionOrder({ issues: [], couponCode: 'K7Q2M-9XH4I' }, 100, service)).toBe(true);
	});
});

function summaries(rows: Array<Record<string, unknown>>, serviceCouponCodes: string[] = []): Map<string, CustomerSummary> {
	const pipeline = new CustomerDataPipeline({ inputKind: 'orders', explicitMapping: {}, cleaning: cleaningOptions({ serviceCouponCodes }), analysisDay: dayOf('2024-12-31'), output: 'customers' });
	rows.forEach((values, i) => pipeline.add({ row: i + 1, values }, i));
	return new Map(pipeline.finish().records.map(({ record }) => [(record as CustomerSummary).customerId, record as CustomerSummary]));
}

describe('a customer\'s promotion signals', () => {
	const order = (customer: string, day: string, coupon = '', extra: Record<string, unknown> = {}) => ({ customer_id: customer, order_date: day, amount: 100, coupon_code: coupon, ...extra });

	it('count repeat orders only: a welcome offer on the first order says nothing', () => {
		const s = summaries([order('A', '2024-01-01', 'NEW10'), order('A', '2024-03-01'), order('A', '2024-05-01')]).get('A')!;
		expect(s.signals).toMatchObject({ discountedOrders: 0, discountShare: 0, lastOrderDiscounted: false });
	});

	it('give the share of repeat orders bought on promotion', () => {
		const s = summaries([order('B', '2024-01-01'), order('B', '2024-03-01', 'SPRING15'), order('B', '2024-05-01', 'VIP20'), order('B', '2024-07-01')]).get('B')!;
		expect(s.signals).toMatchObject({ discountedOrders: 2, lastOrderDiscounted: false });
		expect(s.signals.discountShare).toBeCloseTo(2 / 3, 12);
	});

	it('leave out the codes the shop lists as service', () => {
		const s = summaries([order('C', '2024-01-01'), order('C', '2024-03-01', 'BACK5'), order('C', '2024-05-01', 'BACK5')], ['BACK*']).get('C')!;
		expect(s.signals).toMatchObject({ discountedOrders: 0, lastOrderDiscounted: false });
	});
});
