/**
 * What each example workflow must produce, checked on the run data of a real n8n (e2e) and of
 * the in-process engine (test/engine/examples.test.ts), so both run the same assertions.
 * `output(node, index)` returns the json of the items on that output.
 */
import assert from 'assert';

/** An item's json as a run produced it: the checks assert what they read of it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type RunItem = Record<string, any>;
/** The json of the items on one output of a node in the run. */
export type RunOutput = (node: string, index?: number) => RunItem[];

/** examples/data/sample-orders.csv (devkit/synthetic/sampleShop.ts). */
export const SAMPLE = { rows: 6875, brokenRows: 5, customers: 3000 };
/** The purchase process the sample was generated from (days), which the fit should recover. */
export const TRUTH = { r: 0.25, alpha: 28, a: 0.8, b: 2.5 };

function checkCustomerData(output: RunOutput): RunItem[] {
	const customers = output('Customer Data', 0);
	const rejected = output('Customer Data', 1);
	assert.deepStrictEqual(
		rejected.map((r) => r.reason.split(' (')[0].split(' "')[0]),
		['customer ID', 'order date', 'amount', 'duplicate of an earlier row of order', 'order date'],
		'the five broken sample rows are rejected, each with its reason',
	);
	assert.strictEqual(customers.length, SAMPLE.customers);
	const ordersCounted = customers.reduce((sum, c) => sum + (c.orders as number), 0);
	assert.strictEqual(ordersCounted, SAMPLE.rows - SAMPLE.brokenRows, 'every readable row is an order of some customer');
	for (const c of customers) {
		assert.ok(/^CU\d{6}$/.test(c.customerId), c.customerId);
		assert.ok(c.phone === null || /^\+861\d{10}$/.test(c.phone), `phone ${c.phone}`);
		assert.ok(Number.isFinite(c.totalSpend) && Number.isFinite(c.modelInputs.T));
		assert.ok(c.modelInputs.recency <= c.modelInputs.T);
	}
	assert.ok(customers.some((c) => c.consent.email === false), 'some customers opted out of email');
	return customers;
}

export const checks: Record<string, (output: RunOutput) => void> = {
	'customer-data-from-csv.json': (output: RunOutput) => {
		checkCustomerData(output);
	},

	'retention-pipeline.json': (output: RunOutput) => {
		checkCustomerData(output);
		const [model] = output('Churn Risk', 1);
		assert.strictEqual(model.method, 'bgnbd', model.notes.join(' '));
		const p = model.purchaseModel.params;
		assert.ok(Math.abs(p.r - TRUTH.r) < 0.05 && Math.abs(p.alpha - TRUTH.alpha) < 6, `r ${p.r}, alpha ${p.alpha} recover the truth`);
		assert.ok(Math.abs(p.a - TRUTH.a) < 0.3 && Math.abs(p.b - TRUTH.b) < 1, `a ${p.a}, b ${p.b} recover the truth`);
		assert.strictEqual((model.segmentSummary as RunItem[]).reduce((s, row) => s + (row.customers as number), 0), SAMPLE.customers);

		const scored = output('Churn Risk', 0);
		assert.strictEqual(scored.length, SAMPLE.customers);
		for (const c of scored) {
			for (const f of ['pAlive', 'churnProbability', 'expectedOrders', 'predictedClv']) assert.ok(Number.isFinite(c[f]), `${c.customerId} ${f}`);
			assert.ok(c.churnProbability >= 0 && c.churnProbability <= 1);
			assert.strictEqual(c.churnMethod, 'bgnbd');
		}

		const routes = ['new', 'active', 'loyal', 'atRisk', 'churned', 'reactivated', 'prospect'];
		const byRoute = routes.map((_, i) => output('Lifecycle Stage', i));
		routes.forEach((stage, i) => byRoute[i].forEach((c) => assert.strictEqual(c.lifecycleStage, stage, `${c.customerId} on the ${stage} output`)));
		assert.strictEqual(byRoute.reduce((s, list) => s + list.length, 0), SAMPLE.customers);
		routes.slice(0, 6).forEach((stage, i) => assert.ok(byRoute[i].length > 0, `somebody is ${stage}`));
	},
};
