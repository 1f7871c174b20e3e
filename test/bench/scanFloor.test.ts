import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scanFloor } from '../../devkit/bench/scanFloor';
import { writeCsv } from '../../devkit/synthetic/benchOrders';

/*
 * The benchmark's yardstick reads the benchmark's files into per-customer totals without any of
 * the nodes' checks. Its counts must be right, or its time says nothing.
 */
describe('the bare pass over a benchmark file', () => {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'scan-floor-'));
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('finds each customer and their distinct (x, t_x, T) histories', () => {
		const file = path.join(dir, 'hand.csv');
		fs.writeFileSync(
			file,
			[
				'order_id,created_at,customer_id,email,amount,currency,status,payment_method,store',
				// 7: two orders on 2025-01-01, one on 2025-01-11: x = 1, t_x = 10, T = 59 (to 2025-03-01).
				'1,2025-01-01 09:00:00,7,a@x.cn,10.50,CNY,paid,card,online',
				'2,2025-01-01 18:30:00,7,a@x.cn,4,CNY,paid,card,online',
				// 12 and 13: one order each on 2025-01-03, the same history (0, 0, 57).
				'3,2025-01-03 10:00:00,12,b@x.cn,99.99,CNY,paid,card,online',
				'4,2025-01-03 11:00:00,13,d@x.cn,5,CNY,paid,card,online',
				'5,2025-01-11 08:00:00,7,a@x.cn,20,CNY,paid,card,online',
				// 5: across a month's end, (1, 1, 29).
				'6,2025-01-31 23:00:00,5,e@x.cn,8,CNY,paid,card,online',
				'7,2025-02-01 00:30:00,5,e@x.cn,8,CNY,paid,card,online',
				// 14: one order the day 7 first came, (0, 0, 59): told from 7 by its repeat purchases alone.
				'8,2025-01-01 10:00:00,14,f@x.cn,3,CNY,paid,card,online',
				// 900000: (0, 0, 26).
				'9,2025-02-03 12:00:00,900000,c@x.cn,1.25,CNY,paid,card,online',
			].join('\n') + '\n',
		);
		expect(scanFloor(file, '2025-03-01')).toMatchObject({ customers: 6, distinctHistories: 5 });
	});

	it('counts every customer of a generated file, past the growth of its tables', () => {
		for (const shape of ['plain', 'export'] as const) {
			const file = path.join(dir, `${shape}.csv`);
			writeCsv(file, 3000, 7, shape);
			const ids = new Set(fs.readFileSync(file, 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[2]));
			expect(scanFloor(file, '2025-06-30').customers).toBe(ids.size);
		}
	});
});
