/**
 * What each example workflow must produce, checked on the run data of a real n8n (e2e) and of
 * the in-process engine (test/engine/examples.test.ts), so both run the same assertions.
 * `output(node, index)` returns the json of the items on that output.
 */
const assert = require('assert');

/** examples/data/sample-orders.csv (scripts/generate-sample-data.js). */
const SAMPLE = { rows: 6875, brokenRows: 5, customers: 3000 };
/** The purchase process the sample was generated from (days), which the fit should recover. */
const TRUTH = { r: 0.25, alpha: 28, a: 0.8, b: 2.5 };

function checkCustomerData(output) {
	const customers = output('Customer Data', 0);
	const rejected = output('Customer Data', 1);
	assert.deepStrictEqual(
		rejected.map((r) => r.reason.split(' (')[0].split(' "')[0]),
		['customer ID', 'order date', 'amount', 'duplicate of an earlier row of order', 'order date'],
		'the five broken sample rows are rejected, each with its reason',
	);
	assert.strictEqual(customers.length, SAMPLE.customers);
	const ordersCounted = customers.reduce((sum, c) => sum + c.orders, 0);
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

const checks = {
	'customer-data-from-csv.json': (output) => {
		checkCustomerData(output);
	},

	'retention-pipeline.json': (output) => {
		checkCustomerData(output);
		const [model] = output('Churn Risk', 1);
		assert.strictEqual(model.method, 'bgnbd', model.notes.join(' '));
		const p = model.bgnbd.params;
		assert.ok(Math.abs(p.r - TRUTH.r) < 0.05 && Math.abs(p.alpha - TRUTH.alpha) < 6, `r ${p.r}, alpha ${p.alpha} recover the truth`);
		assert.ok(Math.abs(p.a - TRUTH.a) < 0.3 && Math.abs(p.b - TRUTH.b) < 1, `a ${p.a}, b ${p.b} recover the truth`);
		assert.strictEqual(model.segmentSummary.reduce((s, row) => s + row.customers, 0), SAMPLE.customers);

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

	'win-back-actions.json': (output) => {
		const staged = output('Lifecycle Stage', 0);
		assert.strictEqual(staged.length, SAMPLE.customers);
		const outputs = ['email', 'sms', 'push', 'crm', 'none'];
		const byOutput = outputs.map((_, i) => output('Retention Action', i));
		assert.strictEqual(byOutput.reduce((s, list) => s + list.length, 0), SAMPLE.customers, 'every customer leaves on exactly one output');
		const seen = new Set(byOutput.flat().map((c) => c.customerId));
		assert.strictEqual(seen.size, SAMPLE.customers);
		const [email, sms, push, crm, none] = byOutput;
		assert.ok(email.length > 0 && crm.length > 0, `emails ${email.length}, CRM tasks ${crm.length}`);
		for (const c of email) {
			assert.ok(c.email && c.consent.email === true, `${c.customerId} consented to email`);
			assert.ok(c.subject && c.html && c.group === 'treatment', `${c.customerId} has a message`);
		}
		for (const c of sms) assert.ok(c.phone && c.consent.sms === true && c.smsText && c.smsSegments >= 1, `${c.customerId} SMS`);
		for (const c of push) assert.ok(c.consent.push === true && c.pushTitle, `${c.customerId} push`);
		for (const c of crm) assert.ok(c.taskSubject && c.dueDate, `${c.customerId} task`);
		for (const c of none) assert.ok(c.suppressionReason, `${c.customerId} says why nothing is sent`);
		// The sending nodes are disabled: their items are the Retention Action items, passed through.
		assert.strictEqual(output('Send Email', 0).length, email.length);
		const control = none.filter((c) => c.group === 'control');
		const eligible = control.length + email.length + sms.length + push.length + crm.length;
		assert.ok(Math.abs(control.length / eligible - 0.1) < 0.05, `control share ${control.length} of ${eligible}`);
	},

	'crm-score-one-customer.json': (output) => {
		const [scored] = output('Churn Risk', 0);
		assert.strictEqual(scored.churnMethod, 'bgnbd');
		assert.ok(scored.pAlive > 0 && scored.pAlive < 1);
		const changed = output('Lifecycle Stage', 0);
		assert.strictEqual(changed.length, 1, 'the customer moved from the CRM stage');
		assert.strictEqual(changed[0].previousStage, 'active');
		assert.strictEqual(changed[0].lifecycleStage, 'atRisk');
		assert.strictEqual(changed[0].stageChanged, true);
		assert.ok(/usual gap/.test(changed[0].stageReason), changed[0].stageReason);
	},
};

module.exports = { checks, SAMPLE, TRUTH };
