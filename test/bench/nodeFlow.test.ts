import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { benchNodeFlow } from '../../devkit/bench/nodeFlow';
import { ANALYSIS_DATE, writeCsv } from '../../devkit/synthetic/benchOrders';

describe('the benchmark', () => {
	it('writes an export-shaped file: one order per row in time order, customers interleaved, columns the suite does not use', () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'orders.csv');
		writeCsv(file, 300);
		const [header, ...rows] = fs.readFileSync(file, 'utf8').trim().split('\n');
		expect(header).toBe('order_id,created_at,customer_id,email,amount,currency,status,payment_method,store');
		const times = rows.map((r) => r.split(',')[1]);
		expect([...times].sort()).toEqual(times);
		const customers = rows.map((r) => r.split(',')[2]);
		const switches = customers.filter((c, i) => i > 0 && c !== customers[i - 1]).length;
		expect(switches).toBeGreaterThan(rows.length / 2);
	});

	it("writes the same orders as four columns, and with each customer's contact repeated on their orders", async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
		const lines = (shape: 'export' | 'plain' | 'contacts') => {
			const file = path.join(dir, `${shape}.csv`);
			writeCsv(file, 2000, undefined, shape);
			return fs.readFileSync(file, 'utf8').trim().split('\n');
		};
		const [plainHeader, ...plain] = lines('plain');
		const [contactsHeader, ...contacts] = lines('contacts');
		const [, ...exported] = lines('export');
		expect(plainHeader).toBe('order_id,created_at,customer_id,amount');
		expect(contactsHeader).toBe('order_id,created_at,customer_id,amount,email,phone,first_name,email_opt_in,sms_opt_in');
		const exportedOrders = exported.map((r) => r.split(',')).map(([order, at, customer, , amount]) => [order, at, customer, amount].join(','));
		expect(plain).toEqual(exportedOrders);
		expect(contacts.map((r) => r.split(',').slice(0, 4).join(','))).toEqual(plain);
		const contactOf = new Map<string, string>();
		for (const r of contacts) {
			const fields = r.split(',');
			const contact = fields.slice(4).join(',');
			expect(contactOf.get(fields[2]) ?? contact).toBe(contact);
			contactOf.set(fields[2], contact);
		}
		const result = await benchNodeFlow(path.join(dir, 'contacts.csv'), ANALYSIS_DATE, { scoreOneRuns: 1 });
		expect(result.customers).toBe(2000);
		expect(result.orders).toBe(plain.length);
		expect(result.rejected).toBe(0);
	});

	it("times the nodes' own path through the n8n engine: every customer read, fitted, scored and staged", async () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'orders.csv');
		const { orders } = writeCsv(file, 5000);
		const result = await benchNodeFlow(file, ANALYSIS_DATE, { scoreOneRuns: 5 });
		expect(result.customers).toBe(5000);
		expect(result.orders).toBe(orders);
		expect(result.rejected).toBe(0);
		expect(Object.values(result.stages).reduce((a, b) => a + b, 0)).toBe(5000);
		expect(Object.keys(result.seconds)).toEqual(['readFile', 'customerData', 'churnRisk', 'lifecycleStage', 'total']);
		expect(result.seconds.total).toBeGreaterThanOrEqual(result.seconds.customerData);
		// The generator's truth is r = 0.25, alpha = 28 days, a = 0.8, b = 2.5; 5k customers are a noisy sample of it.
		expect(result.method).toBe('bgnbd');
		expect(result.bgnbd.r).toBeGreaterThan(0.18);
		expect(result.bgnbd.r).toBeLessThan(0.33);
		expect(result.bgnbd.alpha).toBeGreaterThan(18);
		expect(result.bgnbd.alpha).toBeLessThan(42);
	});
});
