import { baseHealth, HealthCustomer, healthCustomerOf, HealthOrders, periodChurn } from '../../../lib/report/baseHealth';
import { TimeZone } from '../../../lib/values/timeZone';

/*
 * Base health, worked by hand: a customer is active on a day when they ordered within the
 * 90 days before; the base of a period is who was active at its start, and those of them no
 * longer active at its end churned.
 */

const E = 20_000; // the last day of the period
const SETTINGS = { endDay: E, periodDays: 30, activeWindowDays: 90, historyPeriods: 6, riskLevelsAtRisk: new Set(['high', 'critical']) };

function customer(id: string, fields: Partial<HealthCustomer> = {}): HealthCustomer {
	return { customerId: id, orders: 1, totalSpend: 100, firstDay: E - 100, lastDay: E - 100, complaints: null, satisfaction: null, segment: null, stage: null, cause: null, riskLevel: null, predictedClv: null, rfm: null, ...fields };
}

describe('churn over a period', () => {
	// A: active at the start (E-100) and at the end (E-20). B: active at the start only.
	// C: last order long before. D: first order inside the period (not in the base).
	const orders = new Map<string, HealthOrders>([
		['A', { days: [E - 100, E - 20], amounts: [50, 60] }],
		['B', { days: [E - 400, E - 110], amounts: [80, 300] }],
		['C', { days: [E - 200], amounts: [40] }],
		['D', { days: [E - 10], amounts: [70] }],
	]);

	it('takes who was active at the start as the base and counts who lapsed by the end', () => {
		const result = periodChurn([...orders.values()].map((o) => o.days), E, 30, 90);
		expect(result).toMatchObject({ base: 2, churned: 1, churnRate: 0.5, churnedIndexes: [1] });
	});

	it('gives the retention rate and what the churned customers brought in a period before', () => {
		const health = baseHealth(['A', 'B', 'C', 'D'].map((id) => customer(id)), orders, SETTINGS);
		expect(health.churn).toMatchObject({ current: { base: 2, churned: 1, churnRate: 0.5 }, retentionRate: 0.5 });
		// B spent 300 in the 365 days before the period (the order 400 days back is older): 300 x 30 / 365.
		expect(health.churn!.churnCost).toBeCloseTo((300 * 30) / 365, 10);
	});

	it('raises an alert when the churn rate leaves its usual range, and says against what', () => {
		// 20 customers ordering every 20 days for a year; 5 of them stop 100 days before the end.
		const steady = new Map<string, HealthOrders>(
			Array.from({ length: 20 }, (_, i) => {
				const stops = i < 5 ? E - 100 : E;
				const days = Array.from({ length: 19 }, (_, k) => E - 360 + k * 20).filter((d) => d <= stops);
				return [`S${i}`, { days, amounts: days.map(() => 10) }];
			}),
		);
		const health = baseHealth([], steady, SETTINGS);
		expect(health.churn!.current).toMatchObject({ base: 20, churned: 5, churnRate: 0.25 });
		expect(health.churn!.usualRange).toEqual({ mean: 0, low: 0, high: 0 });
		expect(health.churn!.alert).toBe('Churn rate 25.0% is above its usual range 0.0%-0.0% (mean +/- 2 standard deviations of the 6 previous 30-day periods)');
	});
});

describe('the base as the customer items describe it', () => {
	const customers = [
		customer('A', { orders: 5, totalSpend: 500, firstDay: E - 300, lastDay: E - 10, complaints: 0, satisfaction: 4, segment: 'Champions', stage: 'loyal', riskLevel: 'low', predictedClv: 400, rfm: { r: 5, f: 5 } }),
		customer('B', { orders: 2, totalSpend: 200, firstDay: E - 200, lastDay: E - 100, complaints: 2, satisfaction: 2, segment: 'At Risk', stage: 'atRisk', cause: 'poorExperience', riskLevel: 'high', predictedClv: 150, rfm: { r: 2, f: 3 } }),
		customer('C', { orders: 1, totalSpend: 50, firstDay: E - 50, lastDay: E - 50, complaints: 0, segment: 'At Risk', stage: 'new', riskLevel: 'critical', predictedClv: 30, rfm: { r: 2, f: 1 } }),
	];
	const health = baseHealth(customers, null, SETTINGS);

	it('gives the repeat-purchase rate, retention time, complaints, satisfaction and revenue at risk', () => {
		expect(health).toMatchObject({ customers: 3, repeatPurchaseRate: 2 / 3, complaintRate: 1 / 3, averageSatisfaction: 3, revenueAtRisk: 180, churn: null });
		// (290 + 100 + 0) / 3 days from first to last order.
		expect(health.averageRetentionDays).toBeCloseTo(130, 10);
	});

	it('counts customers and revenue by segment, stage (in journey order) and cause, and fills the R x F heat map', () => {
		expect(health.bySegment).toEqual([
			{ value: 'At Risk', customers: 2, revenue: 250 },
			{ value: 'Champions', customers: 1, revenue: 500 },
		]);
		expect(health.byCause).toEqual([{ value: 'poorExperience', customers: 1, revenue: 200 }]);
		// Stages in the order of the journey, as a funnel, by their labels.
		expect(health.byStage.map((s) => s.value)).toEqual(['New', 'Loyal', 'At Risk']);
		// Rows are R = 5..1, columns F = 1..5.
		expect(health.rfHeatMap![0][4]).toBe(1);
		expect(health.rfHeatMap![3][2]).toBe(1);
		expect(health.rfHeatMap![3][0]).toBe(1);
	});
});

describe('reading a customer item', () => {
	const context = { analysisDay: 20_000, zone: new TimeZone('UTC') };

	it('takes a text or numeric ID, and names what is missing otherwise', () => {
		expect(healthCustomerOf({ customerId: 42, orders: '3', rfm: { r: 5, f: 2, segment: 'Champions' } }, context)).toMatchObject({ customerId: '42', orders: 3, segment: 'Champions', rfm: { r: 5, f: 2 } });
		expect(healthCustomerOf({ customerId: { id: 1 } }, context)).toEqual({ error: 'has no customerId (a text or a number)' });
		expect(healthCustomerOf({ customerId: '  ' }, context)).toEqual({ error: 'has no customerId (a text or a number)' });
	});
});

