import fc from 'fast-check';
import { customerIdOf } from '../../lib/customer/customerId';
import { unsoundValues } from '../helpers/unsoundValues';
import { parseFlag } from '../../lib/values/yesNo';
import { CustomerDataPipeline } from '../../lib/ingest/customerDataPipeline';
import { CustomerSummary } from '../../lib/customer/customerSummary';
import { FileReadOptions } from '../../lib/ingest/readers/readFile';
import { TimeZone } from '../../lib/values/timeZone';
import { TableBuilder } from '../../lib/base/tableBuilder';
import { chunksOf, cleaningOptions, dayOf } from '../helpers/ingestHelpers';

/*
 * The guarantees of Customer Data, over generated exports that mix good and bad rows: it never
 * throws, every row is accepted or rejected with a row number and a reason, every number is
 * finite, every date a real ISO date, the same input gives the same output, and a customer
 * whose latest explicit consent is no is never marked as consenting. Bounded in runs and time.
 */

const goodDate = fc.date({ min: new Date('2020-01-01'), max: new Date('2024-12-30'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const anyDate = fc.oneof(goodDate, goodDate, goodDate, fc.constantFrom('', 'yesterday', '2024-02-30', '99999999999999999999', '0050-01-01', '31/12/2024', '1e400'));
const goodAmount = fc.integer({ min: -5000, max: 100_000 }).map((c) => (c / 100).toFixed(2));
const anyAmount = fc.oneof(goodAmount, goodAmount, goodAmount, fc.constantFrom('', 'abc', '1,2,3', '1'.repeat(400), '¥1,200.50', '(15.00)', 'NaN', 'Infinity', '-0'));
const consentWord = fc.constantFrom('yes', 'no', 'unsubscribe', 'STOP', '已退订', 'maybe', '', 'true', 'false', '同意');
const text = fc.string({ maxLength: 8 }).map((s) => s.replace(/[",\r\n]/g, ' '));

const row = fc.record({
	customer_id: fc.oneof(fc.constantFrom('C1', 'C2', 'C3', '客户4', ' C1 ', ''), text),
	order_id: fc.oneof(fc.integer({ min: 1, max: 40 }).map(String), fc.constant('')),
	order_date: anyDate,
	amount: anyAmount,
	email_opt_in: consentWord,
	returned: fc.constantFrom('', 'yes', 'no'),
	note: fc.oneof(text, fc.constant('"quoted, text"'), fc.constant('"unclosed')),
});

const CSV: FileReadOptions = { format: 'auto', encoding: 'auto', delimiter: 'auto', recordsPath: '', hasHeader: true, columnNames: [] };
const COLUMNS = ['customer_id', 'order_id', 'order_date', 'amount', 'email_opt_in', 'returned', 'note'] as const;

function pipeline(output: 'customers' | 'transactions' = 'customers') {
	return new CustomerDataPipeline({ inputKind: 'orders', explicitMapping: {}, cleaning: cleaningOptions({ timeZone: new TimeZone('Asia/Shanghai') }), analysisDay: dayOf('2024-12-31'), output });
}


/** A pipeline given these rows as items, one row per item. */
function pipelineOf(rows: ReadonlyArray<Record<string, unknown>>) {
	const p = pipeline();
	rows.forEach((r, i) => p.add({ row: i + 1, values: { ...r } }, i));
	return p;
}

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}\.\d{3}Z)?$/;

/** Rows with every kind of field a summary carries: contacts, CRM IDs (met first on any row), products, experience, issues. */
const richRow = fc.record({
	customer_id: fc.constantFrom('C1', 'C2', 'C3', '客户4', 'C5'),
	order_id: fc.oneof(fc.integer({ min: 1, max: 30 }).map(String), fc.constant('')),
	order_date: fc.oneof(goodDate, fc.date({ min: new Date('2020-01-01'), max: new Date('2024-12-30'), noInvalidDate: true }).map((d) => d.toISOString())),
	amount: anyAmount,
	email: fc.constantFrom('', 'a@example.com', 'b@example.cn', 'not an email'),
	phone: fc.constantFrom('', '+86 138 0013 8000', '13800138000', '12'),
	first_name: fc.constantFrom('', 'Yan', '艳'),
	hubspot_id: fc.constantFrom('', 'h1', 'h2'),
	salesforce_id: fc.constantFrom('', '', '', 's1'),
	email_opt_in: consentWord,
	last_contacted_at: fc.oneof(fc.constant(''), goodDate),
	product_id: fc.constantFrom('', 'SKU-1', 'SKU-2'),
	quantity: fc.constantFrom('', '1', '3'),
	satisfaction: fc.constantFrom('', '1', '5', '11'),
	complaint: fc.constantFrom('', 'yes', 'no'),
	returned: fc.constantFrom('', 'yes', 'no'),
});

describe('Customer Data holds its guarantees on any export', () => {
	it('writes a base layer byte for byte the layer of the summaries it gives as items', () => {
		fc.assert(
			fc.property(fc.array(richRow, { maxLength: 60 }), (rows) => {
				const summaries = pipelineOf(rows).finish().records.map(({ record }) => record as unknown as Record<string, unknown>);
				const layer = pipelineOf(rows).finishAsLayer().layer();
				expect(Buffer.from(layer.finish()).equals(Buffer.from(TableBuilder.of(summaries).finish()))).toBe(true);
			}),
			{ numRuns: 200 },
		);
	});

	it('from items: every row accounted for, finite numbers, valid dates, consent only from a yes, same output twice', () => {
		fc.assert(
			fc.property(fc.array(row, { maxLength: 60 }), (rows) => {
				const run = () => pipelineOf(rows).finish();
				const result = run();
				expect(result.rowsAccepted + result.rejected.length).toBe(rows.length);
				for (const r of result.rejected) {
					expect(r.reason.length).toBeGreaterThan(0);
					expect(r.row).toBeGreaterThanOrEqual(1);
				}
				for (const { record } of result.records) {
					const c = record as CustomerSummary;
					expect(unsoundValues(c)).toEqual([]);
					for (const d of [c.firstOrderAt, c.lastOrderAt, c.analysisDate]) if (d !== null) expect(d).toMatch(ISO);
					// Consent comes from an explicit word of the customer's own rows, never from an unknown one.
					const words = rows.filter((r) => customerIdOf(r) === c.customerId).map((r) => parseFlag(r.email_opt_in));
					if (c.consent.email === true) expect(words).toContain(true);
					if (c.consent.email === false) expect(words).toContain(false);
				}
				expect(JSON.stringify(run())).toBe(JSON.stringify(result));
			}),
			{ numRuns: 200 },
		);
	});

	it('from a CSV file in any chunking: the same rows and verdicts as row by row', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 40 }), fc.integer({ min: 1, max: 300 }), async (rows, chunk) => {
				const lines = [COLUMNS.join(','), ...rows.map((r) => COLUMNS.map((c) => r[c]).join(','))];
				const file = Buffer.from(`${lines.join('\n')}\n`);
				const p = pipeline();
				await p.addFile(chunksOf(file, chunk), CSV, {}, 0, () => undefined);
				const result = p.finish();
				expect(result.rowsAccepted + result.rejected.length).toBe(result.rowsRead);
				for (const { record } of result.records) expect(unsoundValues(record)).toEqual([]);
				const whole = pipeline();
				await whole.addFile(chunksOf(file, file.length), CSV, {}, 0, () => undefined);
				expect(JSON.stringify(whole.finish().records)).toBe(JSON.stringify(result.records));
			}),
			{ numRuns: 150 },
		);
	});
});

describe('Customer Data maps records that do not share their keys', () => {
	const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];
	const sparse = fc.record(
		{
			customer_id: fc.constantFrom('C1', 'C2', ...PROTOTYPE_NAMES),
			order_id: fc.integer({ min: 1, max: 400 }).map((n) => `O${n}`),
			order_date: goodDate,
			amount: fc.integer({ min: 1, max: 500 }).map(String),
			email: fc.constant(''),
			email_opt_in: fc.constantFrom('yes', 'no'),
		},
		{ requiredKeys: ['customer_id', 'order_id', 'order_date', 'amount'] },
	);

	it('reads a field from every record that has it, whichever record comes first, for any customer ID', () => {
		fc.assert(
			fc.property(fc.array(sparse, { minLength: 1, maxLength: 40 }), (generated) => {
				// Each customer's own address on the records that carry the key; order IDs unique.
				const rows = generated.map((r, i) => ({ ...r, order_id: `O${i}`, ...('email' in r ? { email: `${r.customer_id.replace(/_/g, '')}@example.com` } : {}) }));
				const p = pipeline();
				rows.forEach((r, i) => p.add({ row: i + 1, values: { ...r } }, i));
				const result = p.finish();
				expect(result.rejected).toEqual([]);
				const customers = result.records.map(({ record }) => record as CustomerSummary);
				expect(customers.map((c) => c.customerId).sort()).toEqual([...new Set(rows.map((r) => r.customer_id))].sort());
				for (const c of customers) {
					const own = rows.filter((r) => r.customer_id === c.customerId);
					expect([c.customerId, c.orders]).toEqual([c.customerId, own.length]);
					expect([c.customerId, c.email !== null]).toEqual([c.customerId, own.some((r) => 'email' in r)]);
					expect([c.customerId, c.consent.email !== null]).toEqual([c.customerId, own.some((r) => 'email_opt_in' in r)]);
					expect(c.totalSpend).toBe(own.reduce((s, r) => s + Number(r.amount), 0));
				}
			}),
			{ numRuns: 200 },
		);
	});
});
