import * as fs from 'fs';
import * as path from 'path';
import { runWorkflow, WorkflowJson, withoutPinData } from '../../devkit/engine/harness';
import { linearWorkflow, rowsStep } from '../../devkit/engine/workflowBuilder';

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/customer-data-from-items.json'), 'utf8')) as WorkflowJson;

describe('Customer Data, rows from an upstream node', () => {
	it('summarises each customer as of the analysis date given by an expression (expected output pinned in the fixture)', async () => {
		const { workflow, expected } = withoutPinData(fixture);
		const result = await runWorkflow(workflow);
		expect(result.error).toBeUndefined();
		expect(result.json('Customers')).toEqual(expected.Customers);
		expect(result.json('Rejected')).toEqual(expected.Rejected);
	});

	it('accounts for every row: accepted + rejected = rows read, and orders after the analysis date only leave the summary', async () => {
		const result = await runWorkflow(withoutPinData(fixture).workflow);
		const customers = result.json('Customer Data', 0);
		const rejected = result.json('Customer Data', 1);
		const ordersCounted = customers.reduce((sum, c) => sum + (c.orders as number), 0);
		expect(ordersCounted + rejected.length + 1 /* C4's July order */).toBe(10);
		expect(rejected.map((r) => r.row)).toEqual([5, 6, 7, 8, 9]);
	});

	it('pairs each customer with the input items its orders came from, and each rejected row with its own item', async () => {
		const result = await runWorkflow(withoutPinData(fixture).workflow);
		const [customers, rejected] = result.outputs('Customer Data');
		expect(customers[0].pairedItem).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(customers[1].pairedItem).toEqual({ item: 3 });
		expect(rejected.map((r) => r.pairedItem)).toEqual([{ item: 4 }, { item: 5 }, { item: 6 }, { item: 7 }, { item: 8 }]);
	});

	it('says how many rows it read, accepted and rejected, above its output', async () => {
		const result = await runWorkflow(withoutPinData(fixture).workflow);
		const [hint] = result.hints('Customer Data');
		expect(hint).toMatch(/^Read 10 rows: 5 accepted, 5 rejected\. Columns used: customerId ← 客户ID \(detected\), /);
		expect(hint).toContain(' 1 order after the analysis date was left out of the summary. Analysis date 2024-06-30.');
	});

	it('reads the Analysis Date as the date picker stores it, or as a plain date, and says which day it used', async () => {
		const rows = [{ customer_id: 'A', order_date: '2024-01-10', amount: 10 }];
		const run = (analysisDate: string) => runWorkflow(linearWorkflow([rowsStep(rows), { name: 'Customer Data', type: 'customerData', parameters: { analysisDate } }]));
		const picked = await run('2024-02-01T00:00:00');
		const typed = await run('2024-02-01');
		expect(picked.json('Customer Data')).toEqual(typed.json('Customer Data'));
		expect(picked.json('Customer Data')[0]).toMatchObject({ analysisDate: '2024-02-01', recencyDays: 22 });
		expect(picked.hints('Customer Data')[0]).toMatch(/ Analysis date 2024-02-01\.$/);
		const today = await run('');
		expect(today.hints('Customer Data')[0]).toMatch(/ Analysis date \d{4}-\d{2}-\d{2} \(today: the Analysis Date field is empty\)\.$/);
	});

	it('says so when every order is after the analysis date, instead of silently returning nobody', async () => {
		const result = await runWorkflow(
			linearWorkflow([
				rowsStep([
					{ customer_id: 'A', order_date: '2024-03-01', amount: 10 },
					{ customer_id: 'B', order_date: '2024-03-02', amount: 12 },
				]),
				{ name: 'Customer Data', type: 'customerData', parameters: { analysisDate: '2024-02-01' } },
			]),
		);
		expect(result.error).toBeUndefined();
		expect(result.json('Customer Data')).toEqual([]);
		expect(result.hints('Customer Data').join(' ')).toContain('No customer to summarise: every order is after the analysis date 2024-02-01. Check the Analysis Date.');
	});

	it('stops with the rejected rows named when "Fail on Rejected Rows" is on', async () => {
		const workflow = linearWorkflow([
			rowsStep([
				{ customer_id: 'A', order_date: '2024-01-01', amount: 10 },
				{ customer_id: 'B', order_date: 'yesterday', amount: 10 },
			]),
			{ name: 'Customer Data', type: 'customerData', parameters: { analysisDate: '2024-02-01', options: { failOnRejected: true } } },
		]);
		const result = await runWorkflow(workflow);
		expect(result.error?.message).toBe('1 of 2 rows could not be read');
		expect((result.error as { description?: string }).description).toContain('row 2: order date (column "order_date") "yesterday" is not a date format');
	});

	it('sends every item to the error output with the rows to fix, under "On Error: Continue (using error output)"', async () => {
		const workflow = linearWorkflow([
			rowsStep([
				{ customer_id: 'A', order_date: '2024-01-01', amount: 10 },
				{ customer_id: 'B', order_date: 'yesterday', amount: 10 },
			]),
			{ name: 'Customer Data', type: 'customerData', parameters: { analysisDate: '2024-02-01', options: { failOnRejected: true } }, onError: 'continueErrorOutput' },
		]);
		const result = await runWorkflow(workflow);
		expect(result.error).toBeUndefined();
		expect([result.json('Customer Data', 0), result.json('Customer Data', 1)]).toEqual([[], []]);
		const errors = result.json('Customer Data', 2);
		expect(errors).toHaveLength(2);
		expect(errors[1].error).toMatch(/^1 of 2 rows could not be read: .*row 2: order date \(column "order_date"\) "yesterday" is not a date format/);
	});

	it('uses an explicit field mapping over detection, and says when a mapped column does not exist', async () => {
		const rows = [{ buyer: 'A', when: '2024-01-01', paid: '12,50', amount: 999 }];
		const mapped = await runWorkflow(
			linearWorkflow([
				rowsStep(rows),
				{
					name: 'Customer Data',
					type: 'customerData',
					parameters: {
						analysisDate: '2024-02-01',
						fieldMapping: { mapping: [{ field: 'customerId', column: 'buyer' }, { field: 'orderDate', column: 'when' }, { field: 'amount', column: 'paid' }] },
						options: { decimalComma: true },
					},
				},
			]),
		);
		expect(mapped.json('Customer Data')[0]).toMatchObject({ customerId: 'A', totalSpend: 12.5, tenureDays: 31 });

		const wrong = await runWorkflow(
			linearWorkflow([
				rowsStep(rows),
				{ name: 'Customer Data', type: 'customerData', parameters: { fieldMapping: { mapping: [{ field: 'customerId', column: 'client' }] } } },
			]),
		);
		expect(wrong.error?.message).toMatch(/^The column "client" mapped to Customer ID is not in the data\. Columns found: buyer, when, paid, amount/);
	});

	it('emits one clean item per order with Output: Transactions', async () => {
		const result = await runWorkflow(
			linearWorkflow([
				rowsStep([
					{ CustomerID: 7, OrderID: 'o1', created_at: 1717200000, total: 1999, phone: '(415) 555-0100' },
					{ CustomerID: 7, OrderID: 'o2', created_at: 1717286400000, total: -500 },
				]),
				{ name: 'Customer Data', type: 'customerData', parameters: { output: 'transactions', options: { minorUnits: true, defaultCountryCode: '1' } } },
			]),
		);
		expect(result.json('Customer Data')).toEqual([
			expect.objectContaining({ customerId: '7', orderId: 'o1', orderAt: '2024-06-01T00:00:00.000Z', orderDate: '2024-06-01', amount: 19.99, isRefund: false, phone: '+14155550100', row: 1 }),
			expect.objectContaining({ customerId: '7', orderId: 'o2', orderAt: '2024-06-02T00:00:00.000Z', amount: -5, isRefund: true, row: 2 }),
		]);
	});

	it('accepts a pre-aggregated summary from a database, one row per customer', async () => {
		const result = await runWorkflow(
			linearWorkflow([
				rowsStep([
					{ customer_id: 'A', orders: 4, first_order_date: '2024-01-01', last_order_date: '2024-03-01', total_spend: '400', email: 'a@x.cn', email_opt_in: 'yes' },
					{ customer_id: 'B', orders: 0 },
					{ customer_id: 'C', orders: 2, first_order_date: '2024-03-01', last_order_date: '2024-01-01', total_spend: 10 },
				]),
				{ name: 'Customer Data', type: 'customerData', parameters: { inputKind: 'customerSummaries', analysisDate: '2024-04-01' } },
			]),
		);
		const [a, b] = result.json('Customer Data');
		expect(a).toMatchObject({
			customerId: 'A',
			orders: 4,
			totalSpend: 400,
			avgOrderValue: 100,
			recencyDays: 31,
			tenureDays: 91,
			consent: { email: true, sms: null, push: null },
			modelInputs: { frequency: 3, recency: 60, T: 91, monetaryValue: 100 },
		});
		expect(b).toMatchObject({ customerId: 'B', orders: 0, firstOrderAt: null, recencyDays: null, modelInputs: { frequency: 0, recency: 0, T: 0 } });
		expect(result.json('Customer Data', 1)).toEqual([expect.objectContaining({ row: 3, reason: 'last order date is before the first order date' })]);
	});

	it('stops with a clear message when a setting makes no sense', async () => {
		const result = await runWorkflow(
			linearWorkflow([rowsStep([{ customer_id: 'A', order_date: '2024-01-01' }]), { name: 'Customer Data', type: 'customerData', parameters: { options: { timezone: 'Mars/Olympus' } } }]),
		);
		expect(result.error?.message).toBe('"Mars/Olympus" is not a known time zone (use an IANA name like Asia/Shanghai)');
	});
});
