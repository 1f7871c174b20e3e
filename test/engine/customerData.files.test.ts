import * as iconv from 'iconv-lite';
import type { IDataObject } from 'n8n-workflow';
import { cdnowPath, readCdnowSummary } from '../helpers/cdnow';
import { customerDataFromFile, testFiles } from './customerDataRuns';
import { runWorkflow } from '../../devkit/engine/harness';
import { linearWorkflow, rowsStep } from '../../devkit/engine/workflowBuilder';

const write = testFiles('customer-data-files-');
const readFile = customerDataFromFile;

describe('Customer Data, a file in the incoming item', () => {
	it('reads a comma CSV with a BOM, CRLF line ends and quoted fields holding commas and line breaks', async () => {
		const file = write(
			'orders.csv',
			'\uFEFFcustomer_id,order_id,order_date,amount,name\r\nA,1,2024-01-10,"1,000.00","Wang, Fang"\r\nA,2,2024-03-10,500,"Wang\nFang"\r\nB,3,2024-06-01,$20.5,Bob\r\n',
		);
		const { customers, rejected } = await readFile(file);
		expect(rejected).toEqual([]);
		expect(customers.map((c) => [c.customerId, c.orders, c.totalSpend, c.name])).toEqual([
			['A', 2, 1500, 'Wang\nFang'],
			['B', 1, 20.5, 'Bob'],
		]);
	});

	it('reads a semicolon CSV with decimal commas and day-first dates when told so', async () => {
		const file = write('eu.csv', 'Customer ID;Order Date;Total\nA;31/01/2024;1.234,56\nA;01/02/2024;10,00\n');
		const { customers } = await readFile(file, { options: { dateOrder: 'dmy', decimalComma: true } });
		expect(customers[0]).toMatchObject({ orders: 2, totalSpend: 1244.56, firstOrderAt: '2024-01-31T00:00:00.000Z', lastOrderAt: '2024-02-01T00:00:00.000Z' });
	});

	it('reads a tab-separated file', async () => {
		const file = write('orders.tsv', 'customer_id\torder_date\tamount\nA\t2024-01-01\t5\nB\t2024-01-02\t6\n');
		const { customers } = await readFile(file);
		expect(customers.map((c) => c.customerId)).toEqual(['A', 'B']);
	});

	it('detects a GBK export with Chinese column names (encoding auto-detected as GB18030)', async () => {
		const text = '客户ID,订单号,下单时间,实付金额,姓名,手机号\n1001,D1,2024/05/01 12:00:00,￥88.00,张伟,13800138000\n1001,D2,2024/06/18,RMB 12.5,张伟,\n';
		const file = write('gbk.csv', iconv.encode(text, 'gbk'));
		const { customers, rejected } = await readFile(file);
		expect(rejected).toEqual([]);
		expect(customers).toEqual([
			expect.objectContaining({ customerId: '1001', name: '张伟', phone: '+8613800138000', orders: 2, totalSpend: 100.5, currency: 'CNY' }),
		]);
	});

	it('reads a JSON file whose records sit in a list inside an object', async () => {
		const file = write('orders.json', JSON.stringify({ data: [{ customerId: 'A', orderDate: '2024-01-01T08:00:00+08:00', amount: 5 }, 'junk'] }));
		const { customers, rejected } = await readFile(file);
		expect(customers[0]).toMatchObject({ customerId: 'A', firstOrderAt: '2024-01-01T00:00:00.000Z' });
		expect(rejected).toEqual([expect.objectContaining({ row: 2, reason: 'is not an object with named fields' })]);
	});

	it('reads NDJSON line by line and rejects a broken line without losing the rest', async () => {
		const file = write('orders.ndjson', '{"customer_id":"A","order_date":"2024-01-01","amount":1}\n{"customer_id":"B",\n{"customer_id":"C","order_date":"2024-01-03","amount":3}\n');
		const { customers, rejected } = await readFile(file);
		expect(customers.map((c) => c.customerId)).toEqual(['A', 'C']);
		expect(rejected).toEqual([expect.objectContaining({ row: 2, reason: expect.stringMatching(/^is not valid JSON/) })]);
	});

	it('rejects rows with the wrong number of values, and keeps reading after a stray quote', async () => {
		const file = write('broken.csv', 'customer_id,order_date,amount\nA,2024-01-01,1\nB,2024-01-02\nC,2024-01-0"3,3\nD,2024-01-04,4\n');
		const { customers, rejected } = await readFile(file);
		expect(customers.map((c) => c.customerId)).toEqual(['A', 'D']);
		expect(rejected.map((r) => [r.row, r.reason])).toEqual([
			[2, 'has 2 values but the header has 3 columns'],
			[3, 'order date (column "order_date") "2024-01-0"3" is not a date format this node reads (use ISO 8601 like 2024-01-31)'],
		]);
	});

	it('reads the CDNOW whitespace file: 2,357 customers whose frequency / recency / T (weeks) equal the published summary', async () => {
		const { customers, rejected } = await readFile(cdnowPath('CDNOW_sample.txt'), {
			analysisDate: '1997-09-30',
			fieldMapping: { mapping: [{ field: 'amount', column: 'value' }] },
			options: { hasHeader: false, columnNames: 'master_id, customer_id, order_date, cds, value' },
		});
		expect(rejected).toEqual([]);
		expect(customers).toHaveLength(2357);
		const weeks = (days: number) => Math.round((days / 7) * 100) / 100;
		const ours = customers.map((c) => {
			const m = c.modelInputs as IDataObject;
			return [String(Number(c.customerId)), m.frequency, weeks(m.recency as number), weeks(m.T as number)];
		});
		expect(ours).toEqual(readCdnowSummary().map((r) => [r.id, r.x, r.tx, r.T]));
	});

	it('with "On Error: Continue", an item without the file becomes an error item and the other files are still read', async () => {
		const a = write('a.csv', 'customer_id,order_date,amount\nA,2024-01-01,1\n');
		const b = write('b.csv', 'customer_id,order_date,amount\nB,2024-01-01,1\n');
		const result = await runWorkflow(
			linearWorkflow([
				rowsStep([{ path: a }, { path: b }]),
				{ name: 'Read File', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: '={{ $json.path }}' } },
				{
					name: 'Customer Data',
					type: 'customerData',
					onError: 'continueRegularOutput',
					parameters: { source: 'binaryFile', analysisDate: '2024-02-01', binaryPropertyName: "={{ $itemIndex === 1 ? 'attachment' : 'data' }}" },
				},
			]),
		);
		expect(result.error).toBeUndefined();
		const [main] = result.outputs('Customer Data');
		expect(main.map((i) => i.json.customerId ?? i.json.error)).toEqual(['A', "The item has no binary field 'attachment' [item 1]"]);
		expect(main[1].pairedItem).toEqual({ item: 1 });
	});

	it('without "On Error: Continue", a missing file stops the node and names the item', async () => {
		const result = await runWorkflow(
			linearWorkflow([rowsStep([{ no: 'file' }]), { name: 'Customer Data', type: 'customerData', parameters: { source: 'binaryFile' } }]),
		);
		expect(result.error?.message).toMatch(/expects the node's input data to contain a binary file 'data'/);
	});
});
