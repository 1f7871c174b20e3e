import type { IDataObject } from 'n8n-workflow';
import { customerDataFromFile, customerDataFromItems, testFiles } from './customerDataRuns';

/*
 * Customer Data on the shapes real shop exports have: one row per product line, returns and
 * refunds, mixed line endings, grouped amounts and phone numbers from several countries.
 */

const write = testFiles('customer-data-exports-');
const fromFile = customerDataFromFile;
const fromItems = customerDataFromItems;

const byId = (customers: IDataObject[]) => Object.fromEntries(customers.map((c) => [c.customerId as string, c]));

describe('Customer Data, line-item exports (one row per product line)', () => {
	// A Youzan-style export: Chinese columns, the order ID repeated on each line, no order total.
	const youzan = [
		'客户ID,订单号,下单时间,商品ID,商品名称,类目,数量,单价,手机号',
		'C1,O1,2024-05-01 10:00,P1,绿茶,茶叶,2,30.00,13800138000',
		'C1,O1,2024-05-01 10:00,P2,茶杯,器具,1,45.50,13800138000',
		'C1,O1,2024-05-01 10:00,P2,茶杯,器具,1,45.50,13800138000',
		'C1,O2,2024-06-01 09:00,P1,绿茶,茶叶,3,30.00,13800138000',
		'C2,O3,2024-06-10 12:00,P3,红茶,茶叶,1,88,',
		'C3,O3,2024-06-10 12:00,P4,普洱,茶叶,1,99,',
	].join('\n');

	it('adds the lines of an order into one purchase and rejects only the row read twice', async () => {
		const { customers, rejected } = await fromFile(write('youzan.csv', youzan));
		const c = byId(customers);
		// O1 = 2 x 30 + 45.50; the identical third row is a duplicate; O2 = 3 x 30.
		expect(c.C1).toMatchObject({ orders: 2, totalSpend: 105.5 + 90, avgOrderValue: 97.75, modelInputs: { frequency: 1, monetaryValue: 90 } });
		expect(c.C2).toMatchObject({ orders: 1, totalSpend: 88 });
		expect(rejected.map((r) => [r.row, r.reason])).toEqual([
			[3, 'duplicate of an earlier row of order "O1" (counted once)'],
			[6, 'order ID "O3" belongs to customer "C2" on an earlier row, not to "C3"'],
		]);
	});

	it("keeps each customer's product counts, most bought first, for offers and recommendations", async () => {
		const { customers } = await fromFile(write('youzan-products.csv', youzan));
		expect(byId(customers).C1).toMatchObject({
			signals: expect.objectContaining({ distinctProducts: 2 }),
			products: [
				{ productId: 'P1', productName: '绿茶', category: '茶叶', quantity: 5, orders: 2, spend: 150 },
				{ productId: 'P2', productName: '茶杯', category: '器具', quantity: 1, orders: 1, spend: 45.5 },
			],
		});
	});

	it('takes a line amount when the export has one, and passes the line fields on as transactions', async () => {
		const shopify = [
			'Name,Email,Created at,Lineitem sku,Lineitem name,Lineitem quantity,Lineitem price,Line Total,Line ID',
			'#1001,a@x.com,2024-06-01,SKU-1,Mug,2,10.00,18.00,L1',
			'#1001,a@x.com,2024-06-01,SKU-2,Tea,1,5.00,5.00,L2',
		].join('\n');
		const mapping = { mapping: [{ field: 'orderId', column: 'Name' }, { field: 'customerId', column: 'Email' }, { field: 'amount', column: 'Line Total' }] };
		const { customers } = await fromFile(write('shopify.csv', shopify), { fieldMapping: mapping });
		expect(customers[0]).toMatchObject({ customerId: 'a@x.com', orders: 1, totalSpend: 23 });

		const transactions = await fromFile(write('shopify-lines.csv', shopify), { fieldMapping: mapping, output: 'transactions' });
		expect(transactions.customers).toEqual([
			expect.objectContaining({ orderId: '#1001', productId: 'SKU-1', productName: 'Mug', quantity: 2, unitPrice: 10, lineId: 'L1', amount: 18 }),
			expect.objectContaining({ orderId: '#1001', productId: 'SKU-2', productName: 'Tea', quantity: 1, unitPrice: 5, lineId: 'L2', amount: 5 }),
		]);
	});
});

describe('Customer Data, returns and refunds', () => {
	it('leaves a returned order out of the repeat spend the value model reads, as it does of totalSpend', async () => {
		const { customers } = await fromItems([
			{ customer_id: 'R', order_id: 'A', order_date: '2024-01-10', amount: 10, returned: 'no' },
			{ customer_id: 'R', order_id: 'B', order_date: '2024-02-10', amount: 500, returned: 'yes' },
			{ customer_id: 'R', order_id: 'C', order_date: '2024-03-10', amount: 20, returned: 'no' },
		]);
		// Repeat purchase days B and C are worth 0 and 20: monetaryValue (0 + 20) / 2.
		expect(customers[0]).toMatchObject({ orders: 3, totalSpend: 30, modelInputs: { frequency: 2, monetaryValue: 10 }, signals: expect.objectContaining({ returnedOrders: 1 }) });
	});

	it('takes a refund off the purchase its order ID names, or else the latest purchase before it', async () => {
		const { customers } = await fromItems([
			{ customer_id: 'F', order_id: 'A', order_date: '2024-01-10', amount: 100 },
			{ customer_id: 'F', order_id: 'B', order_date: '2024-02-10', amount: 60 },
			{ customer_id: 'F', order_id: 'A', order_date: '2024-03-01', amount: -40 },
			{ customer_id: 'F', order_id: 'C', order_date: '2024-03-10', amount: 30 },
			{ customer_id: 'F', order_id: 'R9', order_date: '2024-03-20', amount: -10 },
		]);
		// Spend 100 + 60 + 30 - 40 - 10 = 140. The -40 refunds A (the first purchase), the -10
		// follows C (a repeat): repeat spend 60 + 30 - 10 = 80 over 2 repeat days.
		expect(customers[0]).toMatchObject({ orders: 3, totalSpend: 140, modelInputs: { frequency: 2, monetaryValue: 40 }, signals: expect.objectContaining({ refunds: 2 }) });
	});
});

describe('Customer Data, reading what exports really contain', () => {
	it('never merges rows of a CRLF file in which a few rows end in a bare LF', async () => {
		const file = write(
			'mixed.csv',
			'customer_id,order_id,order_date,amount,note\r\nA,1,2024-01-10,10,"first, quoted"\r\nA,2,2024-02-10,20,x\nB,3,2024-03-10,30,y\nB,4,2024-04-10,40,"two\r\nlines"\r\nC,5,2024-05-10,50,z\n',
		);
		const { customers, rejected } = await fromFile(file);
		expect(rejected).toEqual([]);
		expect(customers.map((c) => [c.customerId, c.orders, c.totalSpend])).toEqual([
			['A', 2, 30],
			['B', 2, 70],
			['C', 1, 50],
		]);
	});

	it('rejects an amount whose thousands separators are not between groups of three digits, with the reason', async () => {
		const { customers, rejected } = await fromItems([
			{ customer_id: 'A', order_date: '2024-01-10', amount: '1,234.50' },
			{ customer_id: 'A', order_date: '2024-01-11', amount: '1,2,3' },
		]);
		expect(customers[0]).toMatchObject({ orders: 1, totalSpend: 1234.5 });
		expect(rejected).toEqual([
			expect.objectContaining({ row: 2, reason: 'amount (column "amount") "1,2,3" is not an amount: a thousands separator must sit between groups of three digits (like 1,234.56)' }),
		]);
	});

	it("writes phones in E.164 by each country's own rules, and says why one was left out", async () => {
		const rows = (phone: string, id: string) => ({ customer_id: id, order_date: '2024-01-10', amount: 1, phone });
		const italy = await fromItems([rows('06 1234 5678', 'IT1'), rows('12345', 'IT2')], { options: { defaultCountryCode: '39' } });
		expect(byId(italy.customers).IT1).toMatchObject({ phone: '+390612345678' });
		expect(byId(italy.customers).IT2).toMatchObject({ phone: null, dataIssues: ['row 2: phone "12345" left out: it has too few digits'] });

		const us = await fromItems([rows('011 44 20 7946 0958', 'US1'), rows('(415) 555-0100', 'US2')], { options: { defaultCountryCode: '1' } });
		expect(us.customers.map((c) => c.phone)).toEqual(['+442079460958', '+14155550100']);
	});
});

describe('Customer Data, consent as exports write it', () => {
	it('takes the latest explicit answer: an opt-out word after a yes is an opt-out, an unknown word changes nothing', async () => {
		const words = ['f', 'unsubscribe', 'revoked', 'withdrawn', 'declined', 'STOP', 'do not contact', 'none', 'nein', 'non', '已退订', '拒绝'];
		const rows = words.flatMap((word, i) => [
			{ customer_id: `W${i}`, order_id: `W${i}-1`, order_date: '2024-01-10', amount: 10, email: `w${i}@example.com`, email_opt_in: 'yes' },
			{ customer_id: `W${i}`, order_id: `W${i}-2`, order_date: '2024-02-10', amount: 10, email: `w${i}@example.com`, email_opt_in: word },
			{ customer_id: `W${i}`, order_id: `W${i}-3`, order_date: '2024-03-10', amount: 10, email: `w${i}@example.com`, email_opt_in: 'maybe later' },
		]);
		const { customers } = await fromItems(rows);
		expect(customers.map((c) => [c.customerId, (c.consent as IDataObject).email])).toEqual(words.map((_, i) => [`W${i}`, false]));
	});

	it('keeps an opt-out that arrives on a re-exported row of an order it already has, and still counts the order once', async () => {
		const { customers, rejected } = await fromItems([
			{ customer_id: 'A', order_id: 'O1', order_date: '2024-01-10', amount: 10, email: 'a@example.com', email_opt_in: 'yes' },
			{ customer_id: 'A', order_id: 'O1', order_date: '2024-01-10', amount: 10, email: 'a@example.com', email_opt_in: 'unsubscribed' },
		]);
		expect(customers[0]).toMatchObject({ orders: 1, totalSpend: 10, consent: { email: false } });
		expect(rejected).toEqual([expect.objectContaining({ row: 2, reason: 'duplicate of an earlier row of order "O1" (counted once)' })]);
	});

	it('keeps what a row rejected for its amount says about contact, as of its date', async () => {
		const { customers, rejected } = await fromItems([
			{ customer_id: 'A', order_id: 'O1', order_date: '2024-01-10', amount: 10, email_opt_in: 'yes', sms_opt_in: 'yes' },
			{ customer_id: 'A', order_id: 'O2', order_date: '2024-02-10', amount: 'n/a', email_opt_in: 'unsubscribe', sms_opt_in: '' },
		]);
		expect(customers[0]).toMatchObject({ orders: 1, consent: { email: false, sms: true } });
		expect(rejected.map((r) => r.row)).toEqual([2]);
	});

	it("keeps an opt-out on a row rejected because its order ID is another customer's", async () => {
		const { customers, rejected } = await fromItems([
			{ customer_id: 'A', order_id: 'O1', order_date: '2024-01-10', amount: 10, email_opt_in: 'yes' },
			{ customer_id: 'B', order_id: 'O2', order_date: '2024-01-12', amount: 10, email_opt_in: 'yes' },
			{ customer_id: 'B', order_id: 'O1', order_date: '2024-02-10', amount: 10, email_opt_in: '已退订' },
		]);
		expect(rejected.map((r) => [r.row, r.reason])).toEqual([[3, 'order ID "O1" belongs to customer "A" on an earlier row, not to "B"']]);
		expect(customers.map((c) => [c.customerId, (c.consent as IDataObject).email])).toEqual([
			['A', true],
			['B', false],
		]);
	});

	it('takes an opt-out on a row without a readable date as the latest word, even before the first order, but never a yes', async () => {
		const { customers } = await fromItems([
			{ customer_id: 'A', order_id: 'O0', order_date: 'yesterday', amount: 10, email_opt_in: 'STOP', sms_opt_in: 'yes' },
			{ customer_id: 'A', order_id: 'O1', order_date: '2024-01-10', amount: 10, email_opt_in: 'yes' },
			{ customer_id: 'A', order_id: 'O2', order_date: '2024-03-10', amount: 10, email_opt_in: 'yes' },
		]);
		expect(customers[0]).toMatchObject({ orders: 2, consent: { email: false, sms: null } });
	});
});

describe('Customer Data, values no order can have', () => {
	it('rejects amounts too large to be an order instead of summing them to Infinity, on both output kinds', async () => {
		const huge = `1${'0'.repeat(320)}`;
		const rows = [
			{ customer_id: 'A', order_id: '1', order_date: '2024-01-10', amount: '10' },
			{ customer_id: 'A', order_id: '2', order_date: '2024-02-10', amount: huge },
			{ customer_id: 'A', order_id: '3', order_date: '2024-03-10', amount: '9000000000000' },
		];
		for (const output of ['customers', 'transactions']) {
			const { customers, rejected } = await fromItems(rows, { output });
			expect(rejected.map((r) => [r.row, String(r.reason).replace(/"1000+"/, '"1…"')])).toEqual([
				[2, 'amount (column "amount") "1…" is larger than any order (more than 1e+12): check the column and the Minor Units option'],
				[3, 'amount (column "amount") is larger than any order (more than 1e+12): check the column and the Minor Units option'],
			]);
			for (const c of customers) for (const [key, value] of Object.entries(c)) if (typeof value === 'number') expect([key, Number.isFinite(value)]).toEqual([key, true]);
		}
		const file = write('huge.csv', `customer_id,order_id,order_date,amount\nA,1,2024-01-10,10\nA,2,2024-02-10,9000000000000\n`);
		const fromCsv = await fromFile(file);
		expect(fromCsv.rejected.map((r) => r.row)).toEqual([2]);
		expect(fromCsv.customers[0]).toMatchObject({ totalSpend: 10 });
	});

	it('rejects dates outside 1900-2199 with the row named, instead of crashing or shifting year 50 to 1950', async () => {
		const rows = [
			{ customer_id: 'A', order_id: '1', order_date: '2024-01-10', amount: 10, last_contacted_at: '99999999999999999999' },
			{ customer_id: 'A', order_id: '2', order_date: '99999999999999999999', amount: 10, last_contacted_at: '' },
			{ customer_id: 'A', order_id: '3', order_date: '0050-03-01', amount: 10, last_contacted_at: '' },
		];
		for (const output of ['customers', 'transactions']) {
			const { customers, rejected } = await fromItems(rows, { output });
			expect(rejected.map((r) => [r.row, r.reason])).toEqual([
				[2, 'order date (column "order_date") is outside the years 1900-2199'],
				[3, 'order date (column "order_date") is outside the years 1900-2199'],
			]);
			expect(customers).toHaveLength(1);
		}
		const { customers } = await fromItems(rows);
		expect(customers[0]).toMatchObject({ lastContactedAt: null, dataIssues: ['row 1: last contacted at is outside the years 1900-2199'] });
	});
});

describe('Customer Data, small things said plainly', () => {
	it('rejects a customer ID that is an object instead of writing "[object Object]"', async () => {
		const { customers, rejected } = await fromItems([
			{ customer_id: { id: 7 }, order_date: '2024-01-10', amount: 10 },
			{ customer_id: 'B', order_date: '2024-01-10', amount: 10 },
		]);
		expect(customers.map((c) => c.customerId)).toEqual(['B']);
		expect(rejected[0].reason).toBe('customer ID (column "customer_id") is an object, not a text or a number: map the field that holds the ID itself');
	});
});

describe('Customer Data, text a spreadsheet would run', () => {
	it('keeps names that start like a formula as text, with a leading apostrophe, and says so', async () => {
		const { customers } = await fromItems([{ customer_id: 'A', order_date: '2024-01-10', amount: 10, name: '=cmd|\' /C calc\'!A0', email: 'a@example.com' }]);
		expect(customers[0]).toMatchObject({ name: "'=cmd|' /C calc'!A0", dataIssues: [expect.stringMatching(/^row 1: name "=cmd.*starts like a spreadsheet formula/)] });
	});
});
