import fc from 'fast-check';
import { CustomerDataPipeline } from '../../../lib/ingest/customerDataPipeline';
import { CustomerSummary } from '../../../lib/customer/customerSummary';
import { FileReadOptions } from '../../../lib/ingest/readers/readFile';
import { fingerprintOfUtf8, fingerprintOfValues } from '../../../lib/ingest/bytes/rowFingerprint';
import { CustomerSummariser } from '../../../lib/ingest/summary/summariseCustomers';
import { chunksOf, cleaningOptions, dayOf } from '../../helpers/ingestHelpers';

const CSV: FileReadOptions = { format: 'auto', encoding: 'auto', delimiter: 'auto', recordsPath: '', hasHeader: true, columnNames: [] };

function pipeline() {
	return new CustomerDataPipeline({ inputKind: 'orders', explicitMapping: {}, cleaning: cleaningOptions(), analysisDay: dayOf('2024-12-31'), output: 'customers' });
}

describe('telling a duplicate row from another line of the same order', () => {
	it('fingerprints a line read as bytes exactly as the same line read as values', () => {
		// Any text, Chinese and emoji included, with any delimiter that does not occur in the values.
		fc.assert(
			fc.property(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 1, maxLength: 6 }), fc.constantFrom(',', ';', '\t', '|'), (values, delimiter) => {
				fc.pre(values.every((v) => !v.includes(delimiter)));
				const line = Buffer.from(values.join(delimiter), 'utf8');
				expect(fingerprintOfUtf8(line, 0, line.length)).toBe(fingerprintOfValues(values, delimiter));
			}),
			{ numRuns: 500 },
		);
	});

	it('tells rows apart that differ in one character', () => {
		expect(fingerprintOfValues(['O1', 'P1', '2'], ',')).not.toBe(fingerprintOfValues(['O1', 'P2', '2'], ','));
		expect(fingerprintOfValues(['O1', 'P1', '2'], ',')).not.toBe(fingerprintOfValues(['O1', 'P1', '2 '], ','));
	});

	it('reads a line-item file the same by bytes and row by row, whichever line comes first', async () => {
		const lines = ['customer_id,order_id,order_date,amount,sku', 'C1,O1,2024-01-05,10,A', 'C1,O1,2024-01-05,5,B', 'C1,O1,2024-01-05,10,A', 'C1,O2,2024-02-05,"1,000",C', 'C1,O2,2024-02-05,"1,000",C'];
		const file = Buffer.from(`${lines.join('\n')}\n`);
		for (const size of [1, 7, 64, 4096]) {
			const p = pipeline();
			await p.addFile(chunksOf(file, size), CSV, {}, 0, () => undefined);
			const result = p.finish();
			expect(result.records.map((r) => (r.record as CustomerSummary).totalSpend)).toEqual([1015]);
			expect(result.rejected.map((r) => r.row)).toEqual([3, 5]);
			expect(result.rowsAccepted + result.rejected.length).toBe(result.rowsRead);
		}
	});
});

describe('summarising a long history', () => {
	it('orders 80,000 orders of one customer given newest first', () => {
		const summariser = new CustomerSummariser();
		const customer = summariser.ids.internString('wholesale');
		const first = dayOf('2000-01-01');
		const n = 80_000;
		for (let k = n - 1; k >= 0; k--) summariser.addOrder(customer, first + Math.floor(k / 8), (first + k / 8) * 86_400_000, k === 0 ? 1000 : 1, 0);
		const summary = summariser.summaryAt(summariser.summariseColumns(first + n / 8), 0);
		expect(summary).toMatchObject({
			orders: n,
			firstOrderAt: '2000-01-01T00:00:00.000Z',
			lastGapDays: 1,
			modelInputs: { frequency: n / 8 - 1, recency: n / 8 - 1, monetaryValue: 8 },
		});
		// The first order (worth 1000) is the first one in time, though it was read last.
		expect(summary.avgRepeatOrderValue).toBe(1);
	});
});
