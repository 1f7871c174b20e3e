import type { IDataObject } from 'n8n-workflow';
import { buildCustomerSummary } from '../../lib/ingest/summary/buildCustomerSummary';
import { extendRecord } from '../../nodes/shared/extendRecord';

/*
 * What Churn Risk and Lifecycle Stage output: the customer's ID, then what the node adds, then
 * the input record, so n8n's table shows the results in its first columns.
 */

/** A real Customer Data record, as the summariser builds it. */
function summary(id: string): IDataObject {
	return buildCustomerSummary(id, { email: `${id}@example.com` }, { complaints: 0, satisfaction: null, issues: null }, {
		orders: 3, spend: 90, repeatDaySpend: 60, firstAt: 0, lastAt: 86_400_000 * 40, firstDay: 0, lastDay: 40, analysisDay: 100,
	}) as unknown as IDataObject;
}

const scores = { riskLevel: 'high', churnProbability: 0.6, rfm: { r: 1, f: 2, m: 3 } };

describe('adding fields to a customer record', () => {
	it('puts the customer ID first, then the added fields, then the record as it was', () => {
		const json = summary('C1');
		const out = extendRecord(json, scores);
		const { customerId, ...rest } = json;
		expect(out).toEqual({ ...json, ...scores });
		expect(Object.keys(out)).toEqual(['customerId', 'riskLevel', 'churnProbability', 'rfm', ...Object.keys(rest)]);
		expect(out.customerId).toBe(customerId);
	});

	it('gives an added field the record already has its new value, among the added fields; later additions win', () => {
		const json = { ...summary('C2'), lifecycleStage: 'atRisk', fromCrm: 'x' };
		const out = extendRecord(json, { avgDaysBetweenOrders: 12, lifecycleStage: 'active' }, { lifecycleStage: 'loyal' });
		expect(out).toMatchObject({ avgDaysBetweenOrders: 12, lifecycleStage: 'loyal', fromCrm: 'x' });
		expect(Object.keys(out).slice(0, 3)).toEqual(['customerId', 'avgDaysBetweenOrders', 'lifecycleStage']);
		expect(Object.keys(out)).toHaveLength(Object.keys(json).length);
	});

	it('handles records of any other shape', () => {
		expect(Object.keys(extendRecord({ id: 7, orders: 2, customerId: 'C3' }, scores))).toEqual(['customerId', 'riskLevel', 'churnProbability', 'rfm', 'id', 'orders']);
		expect(Object.keys(extendRecord({ id: 7 }, scores))).toEqual(['riskLevel', 'churnProbability', 'rfm', 'id']);
		expect(extendRecord({}, scores)).toEqual(scores);
	});

	it('copies, never changes, the input record', () => {
		const json = summary('C4');
		const before = JSON.stringify(json);
		extendRecord(json, scores).customerId = 'changed';
		expect(JSON.stringify(json)).toBe(before);
	});
});
