import { TEST_COUPON_SECRET } from '../helpers/couponSecret';
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { linearWorkflow, rowsStep } from '../../devkit/engine/workflowBuilder';

import { btydCustomers, DEFAULT_TRUTH, Truth } from '../../devkit/synthetic/btydCustomers';

/** Database-style summaries (days) of a simulated base, as of day 546 of the window. */
function base(truth: Truth, customers: number): IDataObject[] {
	const T_END = 546;
	return [...btydCustomers({ customers, seed: 7, truth })].map(({ id, days, amounts }) => {
		const distinct = [...new Set(days)];
		return {
			customerId: `S${id}`,
			orders: days.length,
			frequency: distinct.length - 1,
			recency: distinct[distinct.length - 1] - distinct[0],
			T: T_END - distinct[0],
			monetaryValue: distinct.length > 1 ? amounts.slice(1).reduce((s, a) => s + a, 0) / (days.length - 1) : 0,
			totalSpend: amounts.reduce((s, a) => s + a, 0),
		};
	});
}

const SPARSE = base({ ...DEFAULT_TRUTH, r: 0.04 }, 2000);

function expectSaneScores(items: IDataObject[]) {
	for (const c of items) {
		for (const f of ['pAlive', 'churnProbability', 'expectedOrders', 'predictedClv', 'historicClv', 'expectedAvgOrderValue']) expect([c.customerId, f, Number.isFinite(c[f])]).toEqual([c.customerId, f, true]);
		expect(c.expectedNextOrderAt === null || !Number.isNaN(Date.parse(c.expectedNextOrderAt as string))).toBe(true);
	}
}

describe('Churn Risk on populations that strain the model', () => {
	it.each([
		['a sparse-buyer base (r = 0.04)', { analysisDate: '2025-06-30' }],
		['the same with a penalizer', { analysisDate: '2025-06-30', options: { penalizer: 0.01 } }],
		['an analysis date in 2100', { analysisDate: '2100-01-01' }],
	])('scores %s without crashing, every number finite', async (_, parameters) => {
		const result = await runWorkflow(linearWorkflow([rowsStep(SPARSE), { name: 'Churn Risk', type: 'churnRisk', parameters }]));
		expect(result.error).toBeUndefined();
		const scored = result.json('Churn Risk');
		expect(scored).toHaveLength(SPARSE.length);
		expectSaneScores(scored);
	});

	it('scores with a saved model whose r is tiny (0.02)', async () => {
		const fitted = await runWorkflow(linearWorkflow([rowsStep(SPARSE), { name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '2025-06-30' } }]));
		const [model] = fitted.json('Churn Risk', 1);
		if (model.purchaseModel) ((model.purchaseModel as IDataObject).params as IDataObject).r = 0.02;
		const result = await runWorkflow(
			linearWorkflow([rowsStep(SPARSE.slice(0, 50)), { name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '2025-06-30', mode: 'scoreWithSavedModel', modelSource: 'json', modelJson: JSON.stringify(model) } }]),
		);
		expect(result.error).toBeUndefined();
		expectSaneScores(result.json('Churn Risk'));
	});

	let fittedModel: Promise<IDataObject> | undefined;
	it.each([
		['a BG/NBD parameter at 1e-300', (m: IDataObject) => (((m.purchaseModel as IDataObject).params as IDataObject).r = 1e-300), 'purchaseModel.params.r must be from 0.000001 to 1000000'],
		['a BG/NBD parameter at 1e300', (m: IDataObject) => (((m.purchaseModel as IDataObject).params as IDataObject).alpha = 1e300), 'purchaseModel.params.alpha must be from 0.000001 to 1000000'],
		['a Gamma-Gamma q of 1 (infinite mean spend)', (m: IDataObject) => (((m.gammaGamma as IDataObject).params as IDataObject).q = 1), 'gammaGamma.params.q must be more than 1'],
	])('refuses a saved model with %s, naming the parameter and its range', async (_, edit, message) => {
		fittedModel ??= runWorkflow(linearWorkflow([rowsStep(base(DEFAULT_TRUTH, 2000)), { name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '2025-06-30' } }])).then((run) => run.json('Churn Risk', 1)[0]);
		const model = structuredClone(await fittedModel);
		expect(model).toMatchObject({ method: 'bgnbd', gammaGamma: expect.any(Object) });
		edit(model);
		const result = await runWorkflow(
			linearWorkflow([rowsStep(SPARSE.slice(0, 5)), { name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '2025-06-30', mode: 'scoreWithSavedModel', modelSource: 'json', modelJson: JSON.stringify(model) } }]),
		);
		expect(result.error?.message).toContain(message);
	});

	it('names the field and the range when a setting is out of range', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep(SPARSE.slice(0, 30)), { name: 'Churn Risk', type: 'churnRisk', parameters: { horizonDays: 1e9 } }]));
		expect(result.error?.message).toBe('Horizon (Days) must be from 1 to 3650 days; got 1000000000');
	});
});

/**
 * Customers who buy like clockwork, each at their own pace, until the end of the window: nobody
 * drops out, so the BG/NBD likelihood has no optimum (the drop-out odds run to zero) and every
 * evaluation at those extreme parameters is slow. Unbounded, this fit ran for 17 s.
 */
const CLOCKWORK: IDataObject[] = Array.from({ length: 2000 }, (_, i) => {
	const first = i % 364;
	const gap = 10 + ((i * 7) % 50);
	const repeats = Math.floor((546 - first - 1) / gap);
	return { customerId: `C${i}`, orders: repeats + 1, frequency: repeats, recency: repeats * gap, T: 546 - first, monetaryValue: 40, totalSpend: 40 * (repeats + 1) };
});
const fitClockwork = (signal?: AbortSignal) =>
	runWorkflow(linearWorkflow([rowsStep(CLOCKWORK), { name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '2025-06-30' } }]), { signal });

describe('Churn Risk on a base whose fit has no clear optimum', () => {
	it('keeps n8n responsive while it searches, then scores by cadence with a plain note', async () => {
		let turns = 0;
		const ticker = setInterval(() => turns++, 10);
		const result = await fitClockwork().finally(() => clearInterval(ticker));
		expect(result.error).toBeUndefined();
		const [model] = result.json('Churn Risk', 1);
		expect(model.method).toBe('cadence');
		expect((model.notes as string[]).join(' ')).toMatch(/no clear optimum within 8 s/);
		expect(result.json('Churn Risk')).toHaveLength(CLOCKWORK.length);
		// Eight seconds of fitting with a turn for the event loop at least every few evaluations:
		// a fit that held the loop would let the 10 ms ticker run only before and after it.
		expect(turns).toBeGreaterThan(100);
	});

	it('stops as soon as the execution is cancelled', async () => {
		const controller = new AbortController();
		const started = Date.now();
		setTimeout(() => controller.abort(), 500);
		const result = await fitClockwork(controller.signal);
		const elapsed = Date.now() - started;
		expect(result.error?.message).toBe('The model fit was stopped because the execution was cancelled');
		// Far below the fit's 8 s time limit: the cancel, not the limit, ended it.
		expect(elapsed).toBeLessThan(4000);
	});
});


/** The node's message, then what to do about it: an error item has no other place for the advice. */
const NO_CUSTOMERS = 'No customer with orders to learn from: Churn Risk needs customers with at least one order. Check the node before it.';

describe('"On Error: Continue" never lets an unscored customer look scored', () => {
	const refundOnly = [{ customerId: 'R1', orders: 0, frequency: 0, recency: 0, T: 0, monetaryValue: 0, totalSpend: -20 }];

	it('gives each item the error when the node cannot run at all, instead of passing the input on unchanged', async () => {
		const result = await runWorkflow(
			linearWorkflow([rowsStep(refundOnly), { name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '2025-06-30' }, onError: 'continueRegularOutput' }]),
		);
		expect(result.json('Churn Risk')).toEqual([{ error: NO_CUSTOMERS, customerId: 'R1' }]);
	});

	it('passes an earlier node\'s error items on with their own reason, through every later node', async () => {
		const continueOnError = { onError: 'continueRegularOutput' as const };
		const result = await runWorkflow(
			linearWorkflow([
				rowsStep(refundOnly),
				{ name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '2025-06-30' }, ...continueOnError },
				{ name: 'Lifecycle Stage', type: 'lifecycleStage', parameters: { analysisDate: '2025-06-30' }, ...continueOnError },
				{ name: 'Retention Action', type: 'retentionAction', parameters: { storeName: 'Shop', options: { couponSecret: TEST_COUPON_SECRET } }, ...continueOnError },
			]),
		);
		expect(result.json('Lifecycle Stage')).toEqual([{ error: NO_CUSTOMERS, customerId: 'R1' }]);
		// Retention Action sends it to No Action (its fifth output), never to a channel.
		expect(result.json('Retention Action', 4)).toEqual([{ error: NO_CUSTOMERS, customerId: 'R1' }]);
		expect([0, 1, 2, 3].flatMap((o) => result.json('Retention Action', o))).toEqual([]);
	});
});
