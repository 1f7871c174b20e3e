import * as iconv from 'iconv-lite';
import type { IDataObject } from 'n8n-workflow';
import { customerDataFromFile, testFiles } from './customerDataRuns';
import { runWorkflow } from '../../devkit/engine/harness';
import { fileStep, linearWorkflow, rowsStep } from '../../devkit/engine/workflowBuilder';

const customerData = (parameters: IDataObject = {}) => ({ name: 'Customer Data', type: 'customerData', parameters: { analysisDate: '2024-02-01', ...parameters } });

async function customers(rows: IDataObject[], parameters: IDataObject = {}) {
	const result = await runWorkflow(linearWorkflow([rowsStep(rows), customerData(parameters)]));
	if (result.error) throw result.error;
	return Object.fromEntries(result.json('Customer Data').map((c) => [c.customerId, c])) as Record<string, IDataObject>;
}

describe('Customer Data maps records from every key any record has, not the first record\'s', () => {
	const rows = [
		{ customer_id: 'A', order_id: 'O1', order_date: '2024-01-05', amount: 10 },
		{ customer_id: 'B', order_id: 'O2', order_date: '2024-01-06', amount: 12, email: 'b@example.com', email_opt_in: 'unsubscribed' },
		{ customer_id: 'C', order_id: 'O3', order_date: '2024-01-07', amount: 14, email: 'c@example.com', email_opt_in: 'yes' },
	];

	it('reads the email and the opt-out of records after a first one that lacks them', async () => {
		const byId = await customers(rows);
		expect(byId.A).toMatchObject({ email: null, consent: { email: null } });
		expect(byId.B).toMatchObject({ email: 'b@example.com', consent: { email: false } });
		expect(byId.C).toMatchObject({ email: 'c@example.com', consent: { email: true } });
	});

	it('takes an explicit mapping to a key the first record lacks, and still says when no record has it', async () => {
		const mapping = (column: string) => ({ fieldMapping: { mapping: [{ field: 'consentEmail', column }] } });
		expect((await customers(rows, mapping('email_opt_in'))).B).toMatchObject({ consent: { email: false } });
		const result = await runWorkflow(linearWorkflow([rowsStep(rows), customerData(mapping('marketing_ok'))]));
		expect(result.error?.message).toBe('The column "marketing_ok" mapped to Email Consent is not in the data. Columns found: customer_id, order_id, order_date, amount, email, email_opt_in');
	});

	it('an opt-out and a yes at the same instant: the opt-out wins, whichever row comes first', async () => {
		for (const order of [['yes', 'no'], ['no', 'yes']]) {
			const byId = await customers(order.map((word, i) => ({ customer_id: 'A', order_id: `O${i}`, order_date: '2024-01-05 10:00', amount: 10, email: 'a@example.com', email_opt_in: word })));
			expect([order, byId.A.consent]).toEqual([order, expect.objectContaining({ email: false })]);
		}
	});

	it('an email a spreadsheet would run as a formula is not an address', async () => {
		const byId = await customers([{ customer_id: 'A', order_id: 'O1', order_date: '2024-01-05', amount: 10, email: '=1+1@evil.com' }]);
		expect(byId.A.email).toBeNull();
		expect(byId.A.dataIssues).toEqual(expect.arrayContaining([expect.stringContaining('email "=1+1@evil.com" is not a valid address')]));
	});
});

describe('Customer Data reads pre-aggregated summaries only when they add up', () => {
	const summaries = (rows: IDataObject[]) =>
		runWorkflow(
			linearWorkflow([
				rowsStep(rows),
				{ name: 'Customer Data', type: 'customerData', parameters: { inputKind: 'customerSummaries', analysisDate: '2024-04-01' } },
				{ name: 'Churn Risk', type: 'churnRisk', parameters: {} },
			]),
		);
	const good = { customer_id: 'A', orders: 4, first_order_date: '2024-01-01', last_order_date: '2024-03-01', total_spend: 400 };

	it('rejects, with the reason, a last order after the analysis date, one order on two dates and negative totals; the rest is scored', async () => {
		const result = await summaries([
			good,
			{ customer_id: 'B', orders: 3, first_order_date: '2024-01-01', last_order_date: '2024-05-10', total_spend: 90 },
			{ customer_id: 'C', orders: 1, first_order_date: '2024-01-01', last_order_date: '2024-02-01', total_spend: 30 },
			{ customer_id: 'D', orders: 2, first_order_date: '2024-01-01', last_order_date: '2024-02-01', total_spend: -50 },
			{ customer_id: 'E', orders: 2, first_order_date: '2024-01-01', last_order_date: '2024-02-01', total_spend: 50, repeat_spend: -5 },
			{ customer_id: 'F', orders: 2, first_order_date: '2024-01-01', last_order_date: '2024-02-01', total_spend: 50, repeat_spend: 80 },
		]);
		expect(result.error).toBeUndefined();
		expect(result.json('Customer Data').map((c) => c.customerId)).toEqual(['A']);
		expect(result.json('Churn Risk').map((c) => c.customerId)).toEqual(['A']);
		const reasons = Object.fromEntries(result.json('Customer Data', 1).map((r) => [(r.raw as IDataObject).customer_id, r.reason]));
		expect(reasons).toEqual({
			B: 'last order date 2024-05-10 is after the analysis date 2024-04-01: set the Analysis Date to the day of the export or later',
			C: 'one order, but the first (2024-01-01) and last (2024-02-01) order dates differ: check the number of orders or the dates',
			D: 'total spend (column "total_spend") is negative (-50): a summary\'s total cannot be below zero',
			E: 'repeat spend (column "repeat_spend") is negative (-5): a summary\'s total cannot be below zero',
			F: 'repeat spend (80) is more than the total spend (50): repeat spend is the part of the total after the first order',
		});
	});
});

describe('Customer Data reads the text of a file as it was written', () => {
	const write = testFiles('customer-data-hostile-');
	const names = ['陈艳', '王伟', '李娜', '张敏', '刘洋', '杨静', '赵磊', '黄丽'];
	const chineseCsv = (rows: number) =>
		['客户编号,订单日期,金额,姓名', ...Array.from({ length: rows }, (_, i) => `C${i},2024-01-${String((i % 28) + 1).padStart(2, '0')},${10 + i},${names[i % names.length]}`)].join('\n') + '\n';

	it('a UTF-8 file with one stray byte stays UTF-8: only that row is rejected, and the output says which row it was', async () => {
		const text = Buffer.from(chineseCsv(200), 'utf8');
		const at = text.indexOf(Buffer.from('C57,'));
		const broken = Buffer.concat([text.subarray(0, at + 4), Buffer.from([0xb1]), text.subarray(at + 4)]);
		const { customers, rejected } = await customerDataFromFile(write('stray-byte.csv', broken));
		expect(customers).toHaveLength(199);
		expect(customers.find((c) => c.customerId === 'C1')).toMatchObject({ name: '王伟' });
		expect(rejected).toEqual([expect.objectContaining({ row: 58, reason: expect.stringContaining('not valid text') })]);
		const result = await runWorkflow(linearWorkflow([fileStep(write('stray-byte-2.csv', broken)), { name: 'Customer Data', type: 'customerData', parameters: { source: 'binaryFile', analysisDate: '2024-07-01' } }]));
		expect(JSON.stringify(result.hints('Customer Data'))).toContain('utf-8 (line 59 of the file holds bytes that are not UTF-8)');
	});

	it('a GB18030 file is still read as GB18030, and the output says which line decided', async () => {
		const gb = iconv.encode(chineseCsv(50), 'gb18030');
		const { customers } = await customerDataFromFile(write('gb.csv', gb));
		expect(customers.find((c) => c.customerId === 'C0')).toMatchObject({ name: '陈艳' });
		const result = await runWorkflow(linearWorkflow([fileStep(write('gb-2.csv', gb)), { name: 'Customer Data', type: 'customerData', parameters: { source: 'binaryFile', analysisDate: '2024-07-01' } }]));
		expect(JSON.stringify(result.hints('Customer Data'))).toContain('gb18030 (line 1 of the file is not UTF-8)');
	});

	it('reads UTF-16 without a byte-order mark, either byte order', async () => {
		const text = chineseCsv(20);
		const le = Buffer.from(text, 'utf16le');
		const be = Buffer.from(le).swap16();
		for (const [name, bytes] of [['le.csv', le], ['be.csv', be]] as const) {
			const { customers } = await customerDataFromFile(write(name, bytes));
			expect([name, customers.length, customers[0]?.name]).toEqual([name, 20, '陈艳']);
		}
	});

	it('a column name that appears twice is never read silently: a detected field on it asks which one is meant, an explicit mapping decides', async () => {
		const csv = 'customer_id,order_date,amount,amount\nA,2024-01-05,10,12\nB,2024-01-06,20,25\n';
		const file = write('twice.csv', csv);
		await expect(customerDataFromFile(file)).rejects.toMatchObject({
			message: 'The column "amount" appears 2 times in the header, so Amount could be either: in Field Mapping, map Amount to "amount" (the first) or "amount_2" (the second)',
		});
		const second = await customerDataFromFile(file, { fieldMapping: { mapping: [{ field: 'amount', column: 'amount_2' }] } });
		expect(second.customers.map((c) => c.totalSpend)).toEqual([12, 25]);
		const first = await customerDataFromFile(file, { fieldMapping: { mapping: [{ field: 'amount', column: 'amount' }] } });
		expect(first.customers.map((c) => c.totalSpend)).toEqual([10, 20]);
	});
});
