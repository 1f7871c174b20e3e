import * as fs from 'fs';
import * as path from 'path';
import type { StepSpec } from '../../devkit/engine/workflowBuilder';

/** The CDNOW benchmark files, committed with the tests (see test/fixtures/cdnow/README.md). */
export const CDNOW_DIR = path.resolve(__dirname, '../fixtures/cdnow');

export function cdnowPath(file: string): string {
	return path.join(CDNOW_DIR, file);
}

export interface CdnowSummaryRow {
	id: string;
	x: number;
	tx: number;
	T: number;
	zbar?: number;
}

export function readCdnowSummary(file = 'cdnow_customers_summary.csv'): CdnowSummaryRow[] {
	const lines = fs.readFileSync(cdnowPath(file), 'utf8').trim().split(/\r?\n/);
	return lines.slice(1).map((line) => {
		const [id, x, tx, T, zbar] = line.split(',');
		return { id, x: Number(x), tx: Number(tx), T: Number(T), ...(zbar !== undefined ? { zbar: Number(zbar) } : {}) };
	});
}

/**
 * Customer Data set up for CDNOW_sample.txt (no header, whitespace separated), summarising as of
 * the calibration end, 1997-09-30.
 */
export const cdnowSampleCustomerData: StepSpec = {
	name: 'Customer Data',
	type: 'customerData',
	parameters: {
		source: 'binaryFile',
		analysisDate: '1997-09-30',
		fieldMapping: { mapping: [{ field: 'amount', column: 'value' }] },
		options: { hasHeader: false, columnNames: 'master_id, customer_id, order_date, cds, value' },
	},
};
