import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { linearWorkflow, rowsStep, StepSpec } from '../../devkit/engine/workflowBuilder';

const ANALYSIS = '2024-12-31';
const DAY = 86_400_000;
const daysBefore = (n: number) => new Date(Date.parse(`${ANALYSIS}T00:00:00Z`) - n * DAY).toISOString().slice(0, 10);

/** Orders `ago` days before the analysis date, with amounts. */
function history(customer: string, ago: number[], amount: number | number[] = 100): IDataObject[] {
	return ago.map((d, i) => ({ customer_id: customer, order_id: `${customer}-${i}`, order_date: daysBefore(d), amount: Array.isArray(amount) ? amount[i] : amount }));
}
const every30 = (count: number, lastAgo: number) => Array.from({ length: count }, (_, i) => lastAgo + 30 * (count - 1 - i));

/** Crafted histories, one per stage, among regular monthly buyers (usual gap 30 days). */
const RETAIL_ORDERS = [
	...history('active', every30(3, 15)),
	...history('loyal', every30(6, 10)),
	...history('atRisk', every30(4, 70)),
	...history('churned', every30(4, 183)),
	...history('new', [11]),
	...history('boughtToday', [0]),
	...history('reactivated', [365, 335, 305, 30]),
	...history('oneTimerLongAgo', [305]),
];

const customerData: StepSpec = { name: 'Customer Data', type: 'customerData', parameters: { analysisDate: ANALYSIS } };
const lifecycle = (parameters: IDataObject = {}): StepSpec => ({ name: 'Lifecycle Stage', type: 'lifecycleStage', parameters: { analysisDate: ANALYSIS, ...parameters } });
const stages = (rows: IDataObject[]) => Object.fromEntries(rows.map((r) => [r.customerId, r.lifecycleStage]));

describe('Lifecycle Stage, retail model', () => {
	it('says above its output how many customers are in each stage, how many moved, and the date it is as of', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep(RETAIL_ORDERS), customerData, lifecycle()]));
		expect(result.hints('Lifecycle Stage')).toEqual([
			'8 customers: 2 New, 1 Active, 1 Loyal, 1 At Risk, 2 Churned, 1 Reactivated. 0 moved to another stage, 8 had no earlier stage. Analysis date 2024-12-31.',
		]);
	});

	it('reaches each stage from a crafted order history', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep(RETAIL_ORDERS), customerData, lifecycle()]));
		expect(result.error).toBeUndefined();
		expect(stages(result.json('Lifecycle Stage'))).toEqual({
			active: 'active',
			loyal: 'loyal',
			atRisk: 'atRisk',
			churned: 'churned',
			new: 'new',
			boughtToday: 'new',
			reactivated: 'reactivated',
			oneTimerLongAgo: 'churned',
		});
	});

	it('explains each decision and the gap it used', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep(RETAIL_ORDERS), customerData, lifecycle()]));
		const byId = Object.fromEntries(result.json('Lifecycle Stage').map((r) => [r.customerId, r]));
		expect(byId.atRisk).toMatchObject({ stageReason: '70 days since the last order = 2.3× their usual gap of 30 days (> 2×)', usualGapDays: 30 });
		expect(byId.oneTimerLongAgo).toMatchObject({ stageReason: "305 days since the last order = 10.2× the customers' median gap of 30 days (> 4×)" });
		expect(byId.reactivated.stageReason).toBe('came back 30 days ago after a lapse of 275 days without an order (more than 4× the usual gap of 30 days)');
	});

	it('treats a customer with no orders as a prospect', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep([{ customerId: 'lead', orders: 0, recencyDays: null, tenureDays: null }]), lifecycle()]));
		expect(result.json('Lifecycle Stage')[0]).toMatchObject({ customerId: 'lead', lifecycleStage: 'prospect', stageReason: 'no order yet' });
	});

	it('routes each stage to its own output when Route by Stage is on', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep(RETAIL_ORDERS), customerData, lifecycle({ routeByStage: true })]));
		const outputs = result.outputs('Lifecycle Stage').map((items) => items.map((i) => i.json.customerId));
		expect(outputs).toEqual([['new', 'boughtToday'], ['active'], ['loyal'], ['atRisk'], ['churned', 'oneTimerLongAgo'], ['reactivated'], []]);
	});

	it('can read the previous stage from a field, e.g. a CRM property', async () => {
		const rows = [{ customerId: 'K', orders: 3, recencyDays: 10, tenureDays: 100, avgDaysBetweenOrders: 30, crm: { stage: 'At Risk' } }];
		const result = await runWorkflow(linearWorkflow([rowsStep(rows), lifecycle({ previousStageSource: 'field', previousStageField: 'crm.stage' })]));
		expect(result.json('Lifecycle Stage')[0]).toMatchObject({ lifecycleStage: 'active', previousStage: 'atRisk', stageChanged: true });
	});
});

describe('Lifecycle Stage, comebacks and calendar days', () => {
	// Monthly for a year, a lapse of 330 days, then two orders 14 days apart, the last 7 days ago.
	const comeback = history('comeback', [...every30(13, 7 + 14 + 330), 21, 7]);

	it('keeps a customer who came back after a lapse reactivated after their second order back, and names the lapse', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep([...RETAIL_ORDERS, ...comeback]), customerData, lifecycle()]));
		expect(result.error).toBeUndefined();
		const customer = result.json('Lifecycle Stage').find((c) => c.customerId === 'comeback');
		expect(customer).toMatchObject({
			lifecycleStage: 'reactivated',
			stageReason: 'came back 21 days ago after a lapse of 330 days without an order (more than 4× the usual gap of 28.8 days)',
		});
	});

	it('ends the comeback once it is older than Reactivated Within', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep([...RETAIL_ORDERS, ...comeback]), customerData, lifecycle({ options: { reactivatedWindowDays: 20 } })]));
		expect(result.json('Lifecycle Stage').find((c) => c.customerId === 'comeback')?.lifecycleStage).toBe('loyal');
	});

	it('counts days in the workflow time zone for records that carry dates only', async () => {
		// 07:00 on 5 March in Shanghai is 23:00 UTC on 4 March: bought today, not yesterday.
		const result = await runWorkflow(
			linearWorkflow([
				rowsStep([{ customerId: 'S1', orders: 1, firstOrderAt: '2024-03-05T07:00+08:00', lastOrderAt: '2024-03-05T07:00+08:00' }]),
				{ name: 'Lifecycle Stage', type: 'lifecycleStage', parameters: { analysisDate: '2024-03-05' } },
			]),
			{ timezone: 'Asia/Shanghai' },
		);
		expect(result.error).toBeUndefined();
		expect(result.json('Lifecycle Stage')[0]).toMatchObject({ lifecycleStage: 'new', stageReason: 'first order 0 days ago (within 30)' });
	});
});

describe('Lifecycle Stage, remembering stages between runs', () => {
	const summaries = (recencyK: number, recencyL: number) => [
		{ customerId: 'K', orders: 3, recencyDays: recencyK, tenureDays: 100, avgDaysBetweenOrders: 30, frequency: 2, recency: 60, T: 100 },
		{ customerId: 'L', orders: 3, recencyDays: recencyL, tenureDays: 100, avgDaysBetweenOrders: 30, frequency: 2, recency: 60, T: 100 },
	];

	it('marks on the second run only the customer whose stage moved, keeps stageSince for the others, and can emit only the movers', async () => {
		const staticData: IDataObject = {};
		const first = await runWorkflow(linearWorkflow([rowsStep(summaries(10, 10)), lifecycle({ analysisDate: '2024-11-01' })]), { staticData });
		expect(first.json('Lifecycle Stage').map((r) => [r.customerId, r.lifecycleStage, r.previousStage, r.stageChanged, r.stageSince])).toEqual([
			['K', 'active', null, true, '2024-11-01'],
			['L', 'active', null, true, '2024-11-01'],
		]);

		const second = await runWorkflow(linearWorkflow([rowsStep(summaries(70, 5)), lifecycle({ analysisDate: '2024-12-31' })]), { staticData });
		expect(second.json('Lifecycle Stage').map((r) => [r.customerId, r.lifecycleStage, r.previousStage, r.stageChanged, r.stageSince])).toEqual([
			['K', 'atRisk', 'active', true, '2024-12-31'],
			['L', 'active', 'active', false, '2024-11-01'],
		]);

		const onlyMovers = await runWorkflow(linearWorkflow([rowsStep(summaries(125, 5)), lifecycle({ analysisDate: '2025-02-24', onlyChanged: true })]), { staticData });
		expect(onlyMovers.json('Lifecycle Stage').map((r) => [r.customerId, r.previousStage, r.lifecycleStage])).toEqual([['K', 'atRisk', 'churned']]);
	});

	it('keeps one compact number per customer in static data', async () => {
		const staticData: IDataObject = {};
		const many = Array.from({ length: 1000 }, (_, i) => ({ customerId: `C${i}`, orders: 2, recencyDays: i % 200, tenureDays: 300, avgDaysBetweenOrders: 40 }));
		await runWorkflow(linearWorkflow([rowsStep(many), lifecycle()]), { staticData });
		const memory = (Object.values(staticData).find((v) => typeof v === 'object' && v && 'retail' in (v as IDataObject)) as IDataObject).retail as IDataObject;
		expect((memory.stages as { ids: unknown[] }).ids).toHaveLength(1000);
		expect(JSON.stringify(memory).length / 1000).toBeLessThan(25);
	});
});

describe('Lifecycle Stage, relationship model', () => {
	const RELATIONSHIP_ORDERS = [
		...history('exploring', [40, 20]),
		...history('growing', [305, 213, 138, 77, 46, 16], [50, 50, 50, 100, 100, 100]),
		...history('mature', every30(12, 5)),
		...history('declining', [351, 321, 291, 261, 231, 201, 171, 141, 111, 21]),
		...history('gone', every30(5, 200)),
	];

	it('places customers in exploration, growth, maturity, decline and churned from their trends', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep(RELATIONSHIP_ORDERS), customerData, lifecycle({ stageModel: 'relationship' })]));
		expect(result.error).toBeUndefined();
		const rows = result.json('Lifecycle Stage');
		expect(stages(rows)).toEqual({ exploring: 'exploration', growing: 'growth', mature: 'maturity', declining: 'decline', gone: 'churned' });
		const byId = Object.fromEntries(rows.map((r) => [r.customerId, r]));
		expect(byId.growing.trend).toMatchObject({ recentOrders: 3, previousOrders: 1, orderTrend: 1, spendTrend: 1.429 });
		expect(byId.declining.trend).toMatchObject({ recentOrders: 1, previousOrders: 3, orderTrend: -1 });
	});

	it('routes to the four stages plus churned and prospect', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep(RELATIONSHIP_ORDERS), customerData, lifecycle({ stageModel: 'relationship', routeByStage: true })]));
		expect(result.outputs('Lifecycle Stage').map((items) => items.map((i) => i.json.customerId))).toEqual([['exploring'], ['growing'], ['mature'], ['declining'], ['gone'], []]);
	});
});

describe('Lifecycle Stage, errors', () => {
	it('names an item it cannot place, and stops on nonsense settings', async () => {
		const bad = await runWorkflow(linearWorkflow([rowsStep([{ customerId: 'X', orders: 2, recencyDays: 5, tenureDays: 10 }, { customerId: 'Y', orders: 2 }]), lifecycle({ input: 'customers' })]));
		expect(bad.error?.message).toBe('Item 1 (customer Y) needs the days since the last order (recencyDays, or lastOrderAt)');
		const nonsense = await runWorkflow(linearWorkflow([rowsStep([{ customerId: 'X', orders: 2, recencyDays: 5, tenureDays: 10 }]), lifecycle({ options: { atRiskGaps: 5, churnedGaps: 3 } })]));
		expect(nonsense.error?.message).toBe('Churned After (Usual Gaps) must be more than At Risk After (Usual Gaps)');
	});
});
