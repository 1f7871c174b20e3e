import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runEnginePipeline } from '../../scripts/bench/enginePipeline';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { writeCsv, ANALYSIS_DATE } = require('../../scripts/bench/generateCsv.js') as { writeCsv: (file: string, customers: number) => { orders: number }; ANALYSIS_DATE: string };

describe('the benchmark pipeline', () => {
	it('reads, fits, scores and stages every customer of a generated file, and times each stage', async () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'btyd.csv');
		const { orders } = writeCsv(file, 5000);
		const result = await runEnginePipeline(file, ANALYSIS_DATE);
		expect(result.customers).toBe(5000);
		expect(result.orders).toBe(orders);
		expect(result.checks).toEqual({ scored: 5000, staged: 5000 });
		expect(Object.keys(result.seconds)).toEqual(['parseAndSummarise', 'rfm', 'bgnbdFit', 'gammaGammaFit', 'scoring', 'lifecycle', 'total']);
		expect(result.seconds.total).toBeGreaterThanOrEqual((result.seconds as Record<string, number>).parseAndSummarise);
		// The generator's truth is r = 0.25, alpha = 28 days, a = 0.8, b = 2.5; 5k customers are a noisy sample of it.
		expect(result.bgnbd.converged).toBe(true);
		expect(result.bgnbd.r).toBeGreaterThan(0.18);
		expect(result.bgnbd.r).toBeLessThan(0.33);
		expect(result.bgnbd.alpha).toBeGreaterThan(18);
		expect(result.bgnbd.alpha).toBeLessThan(42);
	});
});
