import type { IDataObject } from 'n8n-workflow';
import { TEST_COUPON_SECRET } from '../helpers/couponSecret';
import { runWorkflow, WorkflowJson } from '../../devkit/engine/harness';
import { linearWorkflow, rowsStep, StepSpec } from '../../devkit/engine/workflowBuilder';

/** Retention Action run through the engine on crafted customers, as its tests use it. */
export const OUTPUTS = ['email', 'sms', 'push', 'crm', 'none'] as const;
export const SEND_TIME = '2024-06-30T10:00:00Z';

/** A customer as Churn Risk and Lifecycle Stage leave it; the overrides set what a test is about. */
export function customer(id: string, overrides: IDataObject = {}): IDataObject {
	return {
		customerId: id,
		email: `${id.toLowerCase()}@example.com`,
		phone: '+8613800138000',
		firstName: id,
		consent: { email: true, sms: true, push: null },
		timezone: 'UTC',
		lastContactedAt: null,
		orders: 6,
		recencyDays: 80,
		tenureDays: 400,
		avgDaysBetweenOrders: 30,
		lastGapDays: 30,
		totalSpend: 600,
		avgOrderValue: 100,
		trend: { orderTrend: -2, spendTrend: -2 },
		signals: { discountedOrders: 0, discountShare: 0, lastOrderDiscounted: false, returnedOrders: 0, returnRate: 0, refunds: 0, complaints: 0, avgSatisfaction: null },
		products: [{ productId: 'P1', productName: 'Green tea', category: 'Tea', quantity: 6, orders: 6, spend: 300 }],
		rfm: { segment: 'At Risk' },
		churnProbability: 0.8,
		riskLevel: 'high',
		predictedClv: 300,
		expectedAvgOrderValue: 100,
		lifecycleStage: 'atRisk',
		...overrides,
	};
}

export function retentionAction(parameters: IDataObject = {}, name = 'Retention Action'): StepSpec {
	const options = { couponSecret: TEST_COUPON_SECRET, ...((parameters.options as IDataObject | undefined) ?? {}) };
	return { name, type: 'retentionAction', parameters: { storeName: 'Tea House', sendTime: SEND_TIME, controlShare: 0, ...parameters, options } };
}

export async function run(customers: IDataObject[], parameters: IDataObject = {}, staticData?: IDataObject) {
	const result = await runWorkflow(linearWorkflow([rowsStep(customers), retentionAction(parameters)]), { staticData });
	if (result.error) throw result.error;
	const byOutput = Object.fromEntries(OUTPUTS.map((o, i) => [o, result.json('Retention Action', i)])) as Record<(typeof OUTPUTS)[number], IDataObject[]>;
	const byId: Record<string, IDataObject & { output: string }> = {};
	for (const o of OUTPUTS) for (const item of byOutput[o]) byId[item.customerId as string] = { ...item, output: o };
	return { byOutput, byId, staticData: result.staticData, result };
}

/** Customers on the first input, earlier contacts on the second. */
export function withContactLog(customers: IDataObject[], log: IDataObject[], parameters: IDataObject = {}): WorkflowJson {
	const code = (rows: IDataObject[]) => ({ jsCode: `return ${JSON.stringify(rows.map((json) => ({ json })))};` });
	const { parameters: actionParameters } = retentionAction(parameters);
	return {
		nodes: [
			{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '2', name: 'Customers', type: 'n8n-nodes-base.code', typeVersion: 1, position: [200, 0], parameters: code(customers) },
			{ id: '3', name: 'Contact Log', type: 'n8n-nodes-base.code', typeVersion: 1, position: [200, 200], parameters: code(log) },
			{ id: '4', name: 'Retention Action', type: 'n8n-nodes-retention.retentionAction', typeVersion: 1, position: [400, 0], parameters: actionParameters as IDataObject },
		] as WorkflowJson['nodes'],
		connections: {
			Start: { main: [[{ node: 'Customers', type: 'main', index: 0 }, { node: 'Contact Log', type: 'main', index: 0 }]] },
			Customers: { main: [[{ node: 'Retention Action', type: 'main', index: 0 }]] },
			'Contact Log': { main: [[{ node: 'Retention Action', type: 'main', index: 1 }]] },
		},
	};
}
