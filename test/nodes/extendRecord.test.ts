import type { IDataObject } from 'n8n-workflow';
import { buildCustomerSummary } from '../../lib/ingest/buildCustomerSummary';
import { extendRecord } from '../../nodes/shared/extendRecord';
import { CUSTOMER_SUMMARY_FIELDS } from '../../lib/ingest/customerSummary';

/** A real Customer Data record, as the summariser builds it. */
function summary(id: string): IDataObject {
	return buildCustomerSummary(id, { email: `${id}@example.com` }, {
		discountedOrders: 0, discountShare: 0, lastOrderDiscounted: false, returnedOrders: 0, returnRate: 0, refunds: 0, complaints: 0, avgSatisfaction: null, lastSatisfaction: null, distinctProducts: 0,
	}, null, {
		orders: 3, spend: 90, firstAt: 0, lastAt: 86_400_000 * 40, firstDay: 0, lastDay: 40, distinctDays: 3, repeatDaySpend: 60, firstOrderAmount: 30,
		analysisDay: 100, analysisDate: '1970-04-11', lastGapDays: 20, longestGaps: [{ days: 20, endedDaysAgo: 60 }], products: null,
		trend: { windowDays: 90, recentOrders: 3, previousOrders: 0, recentSpend: 90, previousSpend: 0 },
	}) as unknown as IDataObject;
}

const expectSameRecord = (actual: IDataObject, expected: IDataObject) => {
	expect(actual).toEqual(expected);
	expect(Object.keys(actual)).toEqual(Object.keys(expected));
};

describe('adding fields to a customer record', () => {
	it('knows the Customer Data fields in the order the summary builder writes them', () => {
		expect(Object.keys(summary('C0'))).toEqual([...CUSTOMER_SUMMARY_FIELDS]);
	});

	const scores = { pAlive: 0.4, riskLevel: 'high', rfm: { r: 1, f: 2, m: 3 } };

	it('gives what a spread gives for a Customer Data record, field order included', () => {
		const json = summary('C1');
		expectSameRecord(extendRecord(json, scores), { ...json, ...scores });
	});

	it('lets the added fields win, in place, and keeps fields from further upstream', () => {
		const json = { ...summary('C2'), dataIssues: ['row 3: bad phone'], fromCrm: 'x' };
		const added = { avgDaysBetweenOrders: 12, lifecycleStage: 'active', fromCrm: 'y' };
		expectSameRecord(extendRecord(json, added, scores), { ...json, ...added, ...scores });
	});

	it('handles records of any other shape', () => {
		const json = { id: 7, orders: 2, customerId: 'C3' };
		expectSameRecord(extendRecord(json, scores), { ...json, ...scores });
		expectSameRecord(extendRecord({}, scores), { ...scores });
	});

	it('copies, never changes, the input record', () => {
		const json = summary('C4');
		const before = JSON.stringify(json);
		extendRecord(json, scores).customerId = 'changed';
		expect(JSON.stringify(json)).toBe(before);
	});
});
