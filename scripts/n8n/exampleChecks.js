/**
 * What each example workflow must produce, checked on the run data of a real n8n (e2e) and of
 * the in-process engine (test/engine/examples.test.ts), so both run the same assertions.
 * `output(node, index)` returns the json of the items on that output.
 */
const assert = require('assert');

const SAMPLE = { rows: 7112, brokenRows: 5, customers: 3000 };

const checks = {
	'customer-data-from-csv.json': (output) => {
		const customers = output('Customer Data', 0);
		const rejected = output('Customer Data', 1);
		assert.strictEqual(rejected.length, SAMPLE.brokenRows, 'the five broken sample rows are rejected');
		assert.deepStrictEqual(
			rejected.map((r) => r.reason.split(' (')[0].split(' "')[0]),
			['customer ID', 'order date', 'amount', 'duplicate order ID', 'order date'],
		);
		assert.strictEqual(customers.length, SAMPLE.customers);
		const ordersCounted = customers.reduce((sum, c) => sum + c.orders, 0);
		assert.ok(ordersCounted > 6900 && ordersCounted <= SAMPLE.rows - SAMPLE.brokenRows, `orders counted: ${ordersCounted}`);
		for (const c of customers) {
			assert.ok(/^CU\d{6}$/.test(c.customerId), c.customerId);
			assert.ok(c.phone === null || /^\+861\d{10}$/.test(c.phone), `phone ${c.phone}`);
			assert.ok(Number.isFinite(c.totalSpend) && Number.isFinite(c.modelInputs.T));
			assert.ok(c.modelInputs.recency <= c.modelInputs.T);
		}
		assert.ok(customers.some((c) => c.consent.email === false), 'some customers opted out of email');
	},
};

module.exports = { checks, SAMPLE };
