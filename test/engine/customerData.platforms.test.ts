import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { customerDataFromFile, customerDataFromItems } from './customerDataRuns';

/*
 * Platform exports as they come, read with no mapping. Each fixture in test/fixtures/platforms is
 * built from the platform's published column list (see its preset's `source`); the expected
 * totals below are worked out by hand from the rows, in the comments.
 */

const fixture = (name: string) => path.join(__dirname, '..', 'fixtures', 'platforms', name);
const byId = (customers: IDataObject[]) => Object.fromEntries(customers.map((c) => [c.customerId as string, c]));
const reasons = (rejected: IDataObject[]) => rejected.map((r) => [r.row, r.reason]);
const productSpend = (customer: IDataObject) => Object.fromEntries((customer.products as IDataObject[]).map((p) => [p.productId, [p.quantity, p.spend]]));

describe('Customer Data reads platform exports with no mapping', () => {
	it('Shopify: later line rows join their order, the total counts once, refunds and cancellations as Shopify writes them', async () => {
		const { customers, rejected, hints } = await customerDataFromFile(fixture('shopify-orders.csv'));
		expect(hints.join(' ')).toContain('Read as a Shopify orders export (recognised from its columns; choose another under Source Platform)');
		expect(hints.join(' ')).toContain('amount ← Amount (paid less refunded, shared over the lines) (Shopify orders export)');
		const c = byId(customers);
		// #1001 Total 45 (lines Mug 2 x 10, Green Tea 1 x 20, shipping 5) + #1002 Total 30 = 75.
		expect(c['alice@example.com']).toMatchObject({ orders: 2, totalSpend: 75, email: 'alice@example.com', name: 'Alice Wang', phone: '+14155550100', consent: expect.objectContaining({ email: true }) });
		// 45 shared over the lines' values 20 and 20: 22.5 each; #1002's 30 all Green Tea.
		expect(productSpend(c['alice@example.com'])).toEqual({ MUG: [2, 22.5], TEA: [2, 52.5] });
		// #1003 Total 60 less Refunded Amount 15 = 45; #1006 refunded in full is a return (spend 0);
		// #1004 was cancelled.
		expect(c['bob@example.com']).toMatchObject({ orders: 2, totalSpend: 45, consent: expect.objectContaining({ email: false }), signals: expect.objectContaining({ returnedOrders: 1 }) });
		// #1005 was placed at a POS without an email: the customer is known by the phone.
		expect(c['+8613800138000']).toMatchObject({ orders: 1, totalSpend: 12.5, email: null, phone: '+8613800138000' });
		expect(customers).toHaveLength(3);
		expect(reasons(rejected)).toEqual([[5, 'cancelled (column "Cancelled at" says 2024-04-21 09:00:00 +0800): not a purchase']]);
	});

	it('WooCommerce: order fields repeated or blank on later lines, unpaid and cancelled orders left out, a refund taken off', async () => {
		const { customers, rejected } = await customerDataFromFile(fixture('woocommerce-orders.csv'));
		const c = byId(customers);
		// 2001: 70 (Wool Hat 30 + Scarf 2 x 15 + shipping 10); 2002: 25 less refund 5 = 20. The
		// phone, written 07911 123456, is read in the billing country (GB), not in Default Country Code's.
		expect(c['li@example.com']).toMatchObject({ orders: 2, totalSpend: 90, name: 'Lei Li', phone: '+447911123456' });
		// 2001's 70 over line values 30 and 30: 35 each.
		expect(productSpend(c['li@example.com'])).toEqual({ HAT: [1, 35], SCARF: [2, 35], GLOVE: [1, 20] });
		// 2004: 33.50 (the free socks take no share); 2005 refunded in full (written -15) is a return.
		expect(c['han@example.com']).toMatchObject({ orders: 2, totalSpend: 33.5, signals: expect.objectContaining({ returnedOrders: 1 }) });
		// The returned socks (2005) are no purchase of socks: only 2004's free pair is counted.
		expect(productSpend(c['han@example.com'])).toEqual({ HAT: [1, 33.5], SOCK: [1, 0] });
		expect(reasons(rejected)).toEqual([
			[4, 'order status "Cancelled" (column "Order Status"): the order was cancelled, not a purchase'],
			[8, 'order status "Pending payment" (column "Order Status"): the order is not paid, not a purchase'],
		]);
	});

	it('Youzan: Chinese headers, buyers by mobile number, 交易关闭 and 待付款 left out, 已退款金额 netted', async () => {
		const { customers, rejected } = await customerDataFromFile(fixture('youzan-orders.csv'));
		const c = byId(customers);
		// 150 paid for 龙井 2 x 68 and a cup 30 (list 166): 122.89 and 27.11; then 98 less 18 refunded = 80.
		expect(c['13800138000']).toMatchObject({ orders: 2, totalSpend: 230, phone: '+8613800138000', name: '陈静' });
		expect(productSpend(c['13800138000'])).toEqual({ 'LJ-250': [2, 122.89], 'CUP-1': [1, 27.11], 'PE-357': [1, 80] });
		// Shipped (已发货) counts: 3 x 40 = 120.
		expect(c['13900139000']).toMatchObject({ orders: 1, totalSpend: 120 });
		expect(customers).toHaveLength(2);
		expect(reasons(rejected)).toEqual([
			[4, 'order status "交易关闭" (column "订单状态"): closed unpaid or refunded in full, not a purchase'],
			[6, 'order status "待付款" (column "订单状态"): not paid, not a purchase'],
		]);
	});

	it('Taobao/Tmall: a GBK order report, ="…" order numbers kept whole, 退款金额 netted, closed and unpaid orders left out', async () => {
		const { customers, rejected } = await customerDataFromFile(fixture('taobao-order-report.csv'), { output: 'transactions' });
		expect(customers.map((t) => [t.customerId, t.orderId, t.amount])).toEqual([
			['tb_xiaoming', '3012345678901234567', 199],
			// 89.90 paid less 20.00 refunded.
			['tb_xiaoming', '3012345678901234568', 69.9],
			['李华2023', '3022345678901234570', 358],
		]);
		expect(reasons(rejected)).toEqual([
			[3, 'order status "交易关闭" (column "订单状态"): closed unpaid or refunded in full, not a purchase'],
			[5, 'order status "等待买家付款" (column "订单状态"): not paid, not a purchase'],
		]);
		const summary = byId((await customerDataFromFile(fixture('taobao-order-report.csv'))).customers);
		expect(summary.tb_xiaoming).toMatchObject({ orders: 2, totalSpend: 268.9, phone: '+8613800138000', name: '王小明' });
		expect(summary['李华2023']).toMatchObject({ orders: 1, totalSpend: 358 });
	});

	it('JD: the payable amount repeated on each SKU row counts once per order, cancelled orders left out', async () => {
		const { customers, rejected } = await customerDataFromFile(fixture('jd-orders.csv'));
		const c = byId(customers);
		// 230001: 379 payable for 电饭煲 299 + 内胆 2 x 50 (list 399): 284.01 and 94.99; 230002: 129.
		expect(c.jd_zhang).toMatchObject({ orders: 2, totalSpend: 508, name: '张伟' });
		expect(productSpend(c.jd_zhang)).toEqual({ '100001': [1, 284.01], '100002': [2, 94.99], '100003': [1, 129] });
		// A masked phone (138****8000) is no phone: left out with the reason.
		expect(c.jd_zhang.phone).toBeNull();
		expect(c.jd_liu).toMatchObject({ orders: 1, totalSpend: 289, phone: '+8613600136000' });
		expect(reasons(rejected)).toEqual([[4, 'order status "已取消" (column "订单状态"): the order was cancelled, not a purchase']]);
	});

	it('takes the platform chosen by hand, and says so without claiming it recognised it', async () => {
		const { customers, hints } = await customerDataFromFile(fixture('jd-orders.csv'), { platform: 'jd' });
		expect(customers).toHaveLength(2);
		expect(hints.join(' ')).toContain('Read as a JD (京东) order export: ');
	});

	it('POS: the day and time from two columns, net sales per line, a refund line taken off its sale, walk-ins rejected', async () => {
		const { customers, rejected } = await customerDataFromFile(fixture('pos-item-sales.csv'));
		const c = byId(customers);
		// T1: 9.00 + 4.00 (after a 0.50 discount); T2: 4.50, refunded on 2024-06-02 (-4.50).
		expect(c.CUST1).toMatchObject({ orders: 2, totalSpend: 13, name: 'Dee Example', firstOrderAt: expect.stringMatching(/^2024-03-02T09:15:10/), signals: expect.objectContaining({ refunds: 1 }) });
		expect(c.CUST2).toMatchObject({ orders: 1, totalSpend: 3 });
		expect(reasons(rejected)).toEqual([[4, 'customer ID (column "Customer ID / Customer Reference ID") is empty']]);
	});
});

describe('Customer Data, platform recognition', () => {
	it('reads the file by its column names and Field Mapping alone when Source Platform is None', async () => {
		const mapping = { mapping: [{ field: 'customerId', column: 'Email' }] };
		const { customers, hints } = await customerDataFromFile(fixture('shopify-orders.csv'), { platform: 'none', fieldMapping: mapping });
		expect(hints.join(' ')).not.toContain('Read as a');
		// Without the preset Shopify's columns are only guessed at: Name is taken for a person's name.
		expect(customers.some((c) => String(c.name).startsWith('#'))).toBe(true);
	});

	it('reads items that are a platform export (Extract From File, a database) the same as the file', async () => {
		const rows = [
			{ Name: '#1', Email: 'a@x.com', 'Financial Status': 'paid', 'Created at': '2024-06-01 10:00:00 +0000', Total: '75.00', 'Lineitem name': 'Mug', 'Lineitem quantity': '1', 'Lineitem price': '50.00' },
			{ Name: '#1', Email: 'a@x.com', 'Financial Status': '', 'Created at': '', Total: '', 'Lineitem name': 'Tea', 'Lineitem quantity': '1', 'Lineitem price': '20.00' },
		];
		const { customers, rejected } = await customerDataFromItems(rows);
		expect(rejected).toEqual([]);
		expect(customers).toEqual([expect.objectContaining({ customerId: 'a@x.com', orders: 1, totalSpend: 75 })]);
	});

	it("reads a phone written without its country code in the order's billing country", async () => {
		const row = (name: string, phone: string, country: string) => ({ Name: name, Email: `${name.slice(1)}@x.com`, 'Financial Status': 'paid', 'Created at': '2024-06-01 10:00:00 +0000', Total: '10.00', 'Lineitem name': 'Tea', 'Lineitem quantity': '1', 'Lineitem price': '10.00', 'Billing Phone': phone, 'Billing Country': country });
		const { customers } = await customerDataFromItems([row('#1', '(415) 555-0100', 'US'), row('#2', '06 1234 5678', 'IT'), row('#3', '138 0013 8000', ''), row('#4', '+44 7911 123456', 'US')]);
		// No country: Default Country Code (86); a number with its country code keeps it.
		expect(customers.map((c) => c.phone)).toEqual(['+14155550100', '+390612345678', '+8613800138000', '+447911123456']);
	});

	it("rejects a line of an order that comes back after other orders, rather than count the order's total twice", async () => {
		const rows = [
			{ 订单号: 'J1', 下单帐号: 'u1', 应付金额: '100', 订单状态: '完成', 下单时间: '2024-06-01', 京东价: '100', 订购数量: '1', 商品ID: 'A' },
			{ 订单号: 'J2', 下单帐号: 'u1', 应付金额: '50', 订单状态: '完成', 下单时间: '2024-06-02', 京东价: '50', 订购数量: '1', 商品ID: 'B' },
			{ 订单号: 'J1', 下单帐号: 'u1', 应付金额: '100', 订单状态: '完成', 下单时间: '2024-06-01', 京东价: '10', 订购数量: '1', 商品ID: 'C' },
		];
		const { customers, rejected } = await customerDataFromItems(rows);
		expect(customers).toEqual([expect.objectContaining({ orders: 2, totalSpend: 150 })]);
		expect(reasons(rejected)).toEqual([[3, 'a line of order "J1" after lines of other orders: sort the export by order, so an order\'s lines are together, and read it again']]);
	});
});
