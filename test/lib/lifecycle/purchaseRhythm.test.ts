import { readCustomerRecord } from '../../../lib/customer/customerRecord';
import { lifecycleInputFromRecord, purchaseRhythm, RHYTHM_FIELDS } from '../../../lib/lifecycle/lifecycleInputFromRecord';
import { TimeZone } from '../../../lib/values/timeZone';

/*
 * Lifecycle Stage reads a large base twice: first only the purchase rhythm of every customer
 * (for the base's usual gap), then each customer in full. The first pass must find what the full
 * reading finds, from the fields RHYTHM_FIELDS names alone.
 */

const context = { analysisDay: Date.parse('2024-12-31') / 86_400_000, zone: new TimeZone('UTC') };
const only = (json: Record<string, unknown>, keys: readonly string[]) => Object.fromEntries(Object.entries(json).filter(([key]) => keys.includes(key)));

describe('the purchase rhythm read from its own fields', () => {
	it.each([
		['a Customer Data summary', { customerId: 'C1', orders: 4, recencyDays: 20, tenureDays: 300, avgDaysBetweenOrders: 93.3, modelInputs: { frequency: 3, recency: 280, T: 300, monetaryValue: 40 }, analysisDate: '2024-12-30', longestGaps: [{ days: 120, endedDaysAgo: 20 }] }],
		['a database summary in the BTYD convention', { customer_id: 7, frequency: 2, recency: 60, T: 200, totalSpend: 300 }],
		['a one-time buyer', { id: 'X', orders: 1, recencyDays: 40, tenureDays: 40 }],
		['a summary with orders only', { customerId: 'Y', orders: 3, lastOrderAt: '2024-11-30', firstOrderAt: '2024-01-01' }],
	])('is the same for %s', (_, json) => {
		const full = lifecycleInputFromRecord(json, context);
		if ('error' in full) throw new Error(full.error);
		const partial = readCustomerRecord(only(json, RHYTHM_FIELDS), context);
		if ('error' in partial) throw new Error(partial.error);
		expect(purchaseRhythm(partial.record)).toEqual({ repeatPurchases: full.input.repeatPurchases, avgGapDays: full.input.avgGapDays });
		expect(partial.record.analysisDay).toBe(full.analysisDay);
	});
});
