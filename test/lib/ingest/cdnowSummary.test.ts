import * as fs from 'fs';
import { CustomerDataPipeline } from '../../../lib/ingest/customerDataPipeline';
import { CustomerSummary } from '../../../lib/customer/customerSummary';
import { FileReadInfo, readFileRows } from '../../../lib/ingest/readers/readFile';
import { cdnowPath, readCdnowSummary } from '../../helpers/cdnow';
import { chunksOf, cleaningOptions, dayOf } from '../../helpers/ingestHelpers';

describe('CDNOW transactions summarised as of 1997-09-30', () => {
	let customers: CustomerSummary[];
	let info: FileReadInfo;

	beforeAll(async () => {
		const pipeline = new CustomerDataPipeline({
			inputKind: 'orders',
			explicitMapping: { customerId: 'customer_id', orderDate: 'date', amount: 'value' },
			cleaning: cleaningOptions(),
			analysisDay: dayOf('1997-09-30'),
			output: 'customers',
		});
		info = {};
		const rows = readFileRows(
			chunksOf(fs.readFileSync(cdnowPath('CDNOW_sample.txt')), 10_000),
			{
				format: 'auto',
				encoding: 'auto',
				delimiter: 'auto',
				recordsPath: '',
				hasHeader: false,
				columnNames: ['master_id', 'customer_id', 'date', 'cds', 'value'],
			},
			info,
		);
		for await (const row of rows) pipeline.add(row, 0);
		const result = pipeline.finish();
		expect(result.rejected).toEqual([]);
		expect(result.rowsRead).toBe(6919);
		customers = result.records.map((r) => r.record as CustomerSummary);
	});

	it('detects the whitespace format', () => {
		expect(info.format).toBe('whitespace');
		expect(info.encoding).toBe('utf-8');
	});

	it('gives the published frequency, recency and T (weeks) for all 2,357 customers', () => {
		const published = readCdnowSummary();
		expect(customers).toHaveLength(2357);
		const byId = new Map(customers.map((c) => [String(Number(c.customerId)), c]));
		for (const row of published) {
			const c = byId.get(row.id) as CustomerSummary;
			expect([row.id, c.modelInputs.frequency, round2(c.modelInputs.recency / 7), round2(c.modelInputs.T / 7)]).toEqual([
				row.id,
				row.x,
				row.tx,
				row.T,
			]);
		}
	});

	it('gives the published mean repeat spend (zbar, printed to the cent, so within half a cent)', () => {
		const published = readCdnowSummary('cdnow_customers_summary_with_transactions.csv');
		const byId = new Map(customers.map((c) => [String(Number(c.customerId)), c]));
		for (const row of published) {
			const c = byId.get(row.id) as CustomerSummary;
			const halfCentOff = Math.abs(c.modelInputs.monetaryValue - (row.zbar as number)) <= 0.005 + 1e-9;
			expect([row.id, halfCentOff]).toEqual([row.id, true]);
		}
	});
});

function round2(value: number): number {
	return Math.round(value * 100) / 100;
}
