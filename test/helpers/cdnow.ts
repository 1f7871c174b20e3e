import * as fs from 'fs';
import * as path from 'path';

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
