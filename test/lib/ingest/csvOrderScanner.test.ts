import fc from 'fast-check';
import { CleaningOptions } from '../../../lib/ingest/clean/cleaningOptions';
import { OrderCleaner } from '../../../lib/ingest/clean/cleanOrders';
import { CustomerDataPipeline, PipelineResult } from '../../../lib/ingest/customerDataPipeline';
import { CustomerSummary } from '../../../lib/customer/customerSummary';
import { FieldMapping } from '../../../lib/ingest/fields/fieldMapping';
import { FileReadInfo, FileReadOptions, readFileRows } from '../../../lib/ingest/readers/readFile';
import { TimeZone } from '../../../lib/values/timeZone';
import { chunksOf, cleaningOptions, dayOf } from '../../helpers/ingestHelpers';

const CSV: FileReadOptions = { format: 'auto', encoding: 'auto', delimiter: 'auto', recordsPath: '', hasHeader: true, columnNames: [] };

interface Setup {
	cleaning?: Partial<CleaningOptions>;
	mapping?: FieldMapping;
	table?: Partial<FileReadOptions>;
}

function pipelineFor(setup: Setup) {
	return new CustomerDataPipeline({
		inputKind: 'orders',
		explicitMapping: setup.mapping ?? {},
		cleaning: cleaningOptions(setup.cleaning),
		analysisDay: dayOf('2024-12-31'),
		output: 'customers',
	});
}

/** The file through addFile, which takes the byte path wherever it can. */
async function byBytes(file: Buffer, chunkSize: number, setup: Setup = {}): Promise<PipelineResult & { info: FileReadInfo }> {
	const pipeline = pipelineFor(setup);
	const info: FileReadInfo = {};
	let ticks = 0;
	await pipeline.addFile(chunksOf(file, chunkSize), { ...CSV, ...setup.table }, info, 0, () => ticks++);
	return { ...pipeline.finish(), info };
}

/** The same file read row by row: the behaviour the byte path must reproduce exactly. */
async function byRows(file: Buffer, setup: Setup = {}): Promise<PipelineResult> {
	const pipeline = pipelineFor(setup);
	for await (const row of readFileRows(chunksOf(file, 4096), { ...CSV, ...setup.table }, {})) pipeline.add(row, 0);
	return pipeline.finish();
}

const MESSY_LINES = [
	'C1,O1,2024-01-05,12.50',
	'C1,O2,2024-01-05,7.5',
	'C1,O3,2024-03-01,100',
	'C1,O2,2024-01-05,7.5',
	' C2 ,O4,2024/2/1,19.90',
	'C2,O4,2024-02-02,5',
	',O5,2024-02-02,5',
	'客户3,O6,2024-04-01,88',
	'客户3,订单7,2024-04-02,1.05',
	'C4,O8,2024-02-30,10',
	'C4,O9,not a date,10',
	'C4,O10,2024-05-01T10:00:00+08:00,10',
	'C4,O11,2024-05-01 23:30,10',
	'C5,O12,2024-06-01,-20',
	'C5,O12,2024-06-03,-20',
	'C5,O13,2024-06-01,0',
	'C5,O14,2024-06-02,"1,234.50"',
	'C6,O15,2024-06-02,¥88',
	'C6,O16,2024-06-02,abc',
	'C6,O17,2024-06-02,',
	'C6,,2024-06-03,007.10',
	'C6, ,2024-06-04,.5',
	'C6,O18,2024-06-05,1e3',
	'C6,O19,2024-06-06,12345678901234567890.5',
	'C6,O20,2024-06-07,-0',
	'C7,O21,2024-07-01',
	'C7,O22,2024-07-01,5,extra',
	'',
	'C7,O23,2025-02-01,5',
	'C8\t,O24,2024-08-01,3.333333333333333333',
	'C8,O25,2024-08-01,0.1',
	// Dates to the minute or second, as exports stamp orders, and text that only looks like them.
	'C9,O26,2024-09-01 10:20:30,1',
	'C9,O27,2024-09-02T23:59,1',
	'C9,O28,2024-13-01 10:00,1',
	'C9,O29,2024-02-30T10:00:00,1',
	'C9,O30,2024-09-03 24:00,1',
	'C9,O31,2024-09-03 10:60:00,1',
	'C9,O32,1899-12-31 10:00,1',
	'C9,O33,2024-9-04 10:00,1',
	'C9,O34,2024-09-05t10:00,1',
	'C9,O35,2024-09-06 10:00:00Z,1',
	'C9,O36,2024-09-0x,1',
];

function fileOf(lines: string[], { crlf = false, bom = false, header = 'customer_id,order_id,order_date,amount' } = {}): Buffer {
	const eol = crlf ? '\r\n' : '\n';
	return Buffer.from(`${bom ? '\uFEFF' : ''}${[header, ...lines].join(eol)}${eol}`, 'utf8');
}

describe('reading order CSVs straight from their bytes', () => {
	const plainLines = MESSY_LINES.map((line) => line.replace(/"/g, ''));

	it.each([1, 3, 17, 64, 1 << 16])('gives exactly the row-by-row result, rejections included, in chunks of %i bytes', async (chunkSize) => {
		const file = fileOf(plainLines.filter((line) => !line.includes('1,234')));
		const fast = await byBytes(file, chunkSize);
		expect(fast.records.length).toBeGreaterThan(5);
		expect(fast.rejected.length).toBeGreaterThan(5);
		const { info, ...result } = fast;
		expect(info).toEqual({ encoding: 'utf-8', format: 'csv', delimiter: ',' });
		expect(result).toEqual(await byRows(file));
	});

	it('hands the rest of the file to the CSV parser from the first quoted line, as the row reader does', async () => {
		const file = fileOf(MESSY_LINES, { crlf: true, bom: true });
		const fast = await byBytes(file, 29);
		expect(fast.rejected).toContainEqual(expect.objectContaining({ row: 4, reason: 'duplicate of an earlier row of order "O2" (counted once)' }));
		const { info: _info, ...result } = fast;
		expect(result).toEqual(await byRows(file));
		// "1,234.50" is a thousands-separated amount, read by the general path after the hand-over;
		// the second refund line of O12 differs from the first (another date), so both count.
		expect(result.records.find((r) => (r.record as CustomerSummary).customerId === 'C5')?.record).toMatchObject({ totalSpend: 1234.5 - 40 });
		// A repeated order ID on a different row is another line of that order: O4 is 19.90 + 5.
		expect(result.records.find((r) => (r.record as CustomerSummary).customerId === 'C2')?.record).toMatchObject({ orders: 1, totalSpend: 24.9 });
	});

	it.each<[string, Setup]>([
		['refunds and zero-value orders left out', { cleaning: { refunds: 'exclude', zeroValueOrders: 'exclude' } }],
		['minor units', { cleaning: { minorUnits: true } }],
		['decimal commas', { cleaning: { decimalComma: true } }],
		['day-first dates in Shanghai', { cleaning: { dateOrder: 'dmy', timeZone: new TimeZone('Asia/Shanghai') } }],
		['an explicit mapping that leaves the order ID out', { mapping: { customerId: 'customer_id', orderDate: 'order_date', amount: 'amount' } }],
	])('agrees with the row reader with %s', async (_, setup) => {
		const file = fileOf(plainLines);
		const { info: _info, ...result } = await byBytes(file, 53, setup);
		expect(result).toEqual(await byRows(file, setup));
	});

	it('reads contact and consent columns from the bytes too, with the same results', async () => {
		const header = 'customer_id,order_id,order_date,amount,currency,email,phone,first_name,email_opt_in,sms_opt_in';
		const lines = [
			'C1,O1,2024-01-05,12.50,cny,li@example.com,13812345678,Li,yes,no',
			'C1,O2,2024-02-05,3,CNY,LI@example.com,13812345678,Li,yes,no',
			// The same order line again with a new consent: a duplicate (contact columns are not the line), whose opt-out still counts.
			'C1,O2,2024-02-05,3,CNY,LI@example.com,13812345678,Li,no,no',
			'C2,O3,2024-01-06,20,,not-an-email,12,王芳,,yes',
			'C2,O4,2024-03-06,-5,USD,wang@example.com,+8613912345678,王芳,yes,',
			'C3,O5,2024-02-01,9,CNY,,,,,',
			'C3,O6,2024-02-02,abc,CNY,c3@example.com,,,,',
			'C3,O7,2024-02-03,4,CNY,c3@example.com,BAD,,,',
			'C1,O8,2024-04-05,7,CNY,li@example.com,13812345678,Li,yes,no',
		];
		// A byte that is not UTF-8 in a contact column: the row is rejected with the reason, as row by row.
		const [before, after] = fileOf(lines, { header }).toString('utf8').split('BAD');
		const file = Buffer.concat([Buffer.from(before), Buffer.from([0xff]), Buffer.from(after)]);
		const clean = jest.spyOn(OrderCleaner.prototype, 'clean');
		const { info: _a, ...fast } = await byBytes(file, 23);
		const cleanedRows = clean.mock.calls.length;
		clean.mockRestore();
		expect(fast).toEqual(await byRows(file));
		// Only the rows the byte path cannot take with certainty went the general way: the repeated
		// order ID and the odd amount were cleaned there, the bad byte rejected there.
		expect(cleanedRows).toBe(2);
		expect(fast.rejected.map((r) => [r.row, r.reason.slice(0, 24)])).toEqual([
			[3, 'duplicate of an earlier r'.slice(0, 24)],
			[7, 'amount (column "amount")'],
			[8, 'holds bytes that are not'],
		]);
		expect(fast.records.map((r) => r.record)).toEqual([
			expect.objectContaining({ customerId: 'C1', email: 'li@example.com', phone: '+8613812345678', firstName: 'Li', consent: { email: true, sms: false, push: null }, orders: 3, currency: 'CNY' }),
			expect.objectContaining({ customerId: 'C2', email: 'wang@example.com', currency: 'USD', dataIssues: expect.arrayContaining([expect.stringMatching(/^row 4: email "not-an-email"/)]) }),
			expect.objectContaining({ customerId: 'C3', email: 'c3@example.com' }),
		]);

		const headerless = Buffer.from('C1;2024-01-05;12.50\nC2;2024-01-06;3\n');
		const setup: Setup = { table: { hasHeader: false, columnNames: ['customer_id', 'order_date', 'amount'] } };
		const { info, ...headerlessResult } = await byBytes(headerless, 5, setup);
		expect(info.delimiter).toBe(';');
		expect(headerlessResult).toEqual(await byRows(headerless, setup));
		expect(headerlessResult.records).toHaveLength(2);
	});

	it('gives the row-by-row result whatever contact values repeat or change from order to order', async () => {
		const header = 'customer_id,order_id,order_date,amount,email,first_name,email_opt_in';
		// Texts one of which starts another or differs from it in the last character, and 'ì' beside
		// the two characters its UTF-8 bytes spell in Latin-1.
		const email = fc.constantFrom('li@example.com', 'li@example.co', 'li@example.cn', '', 'not-an-email', '王@example.com');
		const name = fc.constantFrom('Lì', 'LÃ¬', 'L', '');
		const optIn = fc.constantFrom('yes', 'yesterday', 'no', '');
		// Often a customer's contact as on their last order, as exports repeat it; else another. Days
		// repeat (a tie between two contacts is settled by the row order), and a repeated order ID
		// sends its row the general way in between.
		const line = fc.tuple(fc.constantFrom('C1', 'C2', '客户3', '7'), fc.integer({ min: 1, max: 6 }), fc.boolean(), fc.tuple(email, name, optIn), fc.integer({ min: 0, max: 9 }));
		await fc.assert(
			fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 25 }), fc.integer({ min: 7, max: 200 }), async (rows, chunkSize) => {
				const last = new Map<string, string[]>();
				const lines = rows.map(([customer, day, changed, contact, repeat], i) => {
					const values = changed || !last.has(customer) ? contact : (last.get(customer) as string[]);
					last.set(customer, values);
					return `${customer},O${repeat === 0 ? 0 : i},2024-03-${String(day).padStart(2, '0')},${i + 1},${values.join(',')}`;
				});
				const file = fileOf(lines, { header });
				const { info: _info, ...fast } = await byBytes(file, chunkSize);
				expect(fast).toEqual(await byRows(file));
			}),
			{
				numRuns: 400,
				examples: [
					[
						[
							['C1', 1, false, ['li@example.com', 'LÃ¬', 'yes'], 1],
							['C1', 2, true, ['li@example.com', 'Lì', 'yes'], 1],
						],
						64,
					],
					[
						// The same contact twice, then another on the same day in a line of the first order (the general way).
						[
							['C1', 1, false, ['li@example.com', 'L', 'yes'], 1],
							['C1', 2, false, ['li@example.com', 'L', 'yes'], 1],
							['C1', 2, true, ['li@example.cn', 'Lì', ''], 0],
						],
						64,
					],
					[
						// The other contact dated between the two, on a line holding a quote (the rest of the file goes the general way).
						[
							['C1', 1, false, ['li@example.com', 'L', 'yes'], 1],
							['C1', 3, false, ['li@example.com', 'L', 'yes'], 1],
							['C1', 2, true, ['li@example.cn', '"Li"', ''], 1],
						],
						64,
					],
				],
			},
		);
	});

	it('counts every row once: accepted + rejected = rows read', async () => {
		const result = await byBytes(fileOf(plainLines), 100);
		expect(result.rowsAccepted + result.rejected.length).toBe(result.rowsRead);
		// Order lines join their order: fewer orders and refunds than accepted rows.
		const counted = result.records.map((r) => r.record as CustomerSummary).reduce((s, c) => s + c.orders + c.signals.refunds, 0);
		expect(counted + result.ordersAfterAnalysisDate).toBeLessThan(result.rowsAccepted);
		expect(result.rowsRead).toBe(plainLines.filter((line) => line !== '').length);
	});

	it('links customers read from several files to every file they appear in', async () => {
		const pipeline = pipelineFor({});
		await pipeline.addFile(chunksOf(fileOf(['C1,O1,2024-01-05,1', 'C2,O2,2024-01-05,1'])), CSV, {}, 0, () => undefined);
		await pipeline.addFile(chunksOf(fileOf(['C1,O3,2024-02-05,1', 'C1,O1,2024-01-05,1'])), CSV, {}, 1, () => undefined);
		const result = pipeline.finish();
		expect(result.records.map((r) => [(r.record as { customerId: string }).customerId, r.sourceItems])).toEqual([
			['C1', [0, 1]],
			['C2', [0]],
		]);
		expect(result.rejected).toEqual([expect.objectContaining({ sourceItem: 1, row: 2, reason: 'duplicate of an earlier row of order "O1" (counted once)' })]);
	});
});
