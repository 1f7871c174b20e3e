/**
 * What each purchase model costs Churn Risk, and what Auto (a backtest of three models on a
 * sample, then the winner fitted on everyone) costs against one BG/NBD fit.
 * 1. The node: Read File -> Customer Data -> Churn Risk through the n8n engine on export-shaped
 *    synthetic shops (devkit/synthetic/benchOrders.ts). Churn Risk's time is the run's minus that
 *    of the same run stopped after Customer Data, each the faster of two runs (the first warms the
 *    engine up). "BG/NBD, fixed levels" is a single BG/NBD fit; the others also backtest to set
 *    the risk levels.
 * 2. The fit alone (lib/models/churnModel.ts), on a shop drawn from BG/NBD over two years, the
 *    faster of two fits.
 *
 *   npm run bench:models -- 10000,100000
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runWorkflow } from '../devkit/engine/harness';
import { fileStep, linearWorkflow, StepSpec } from '../devkit/engine/workflowBuilder';
import { ANALYSIS_DATE, writeCsv } from '../devkit/synthetic/benchOrders';
import { simulatePurchaseDays } from '../devkit/synthetic/purchaseModelCustomers';
import { fitChurnModel, FitSettings } from '../lib/models/churnModel';
import { ModelCustomer, ModelCustomers } from '../lib/models/modelCustomers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelbench-'));

const RUNS: Array<[string, string, string]> = [
	['BG/NBD, fixed levels', 'bgnbd', 'thresholds'],
	['BG/NBD', 'bgnbd', 'backtest'],
	['MBG/NBD', 'mbgnbd', 'backtest'],
	['Pareto/NBD', 'paretonbd', 'backtest'],
	['Auto', 'auto', 'backtest'],
];

/** Seconds of the faster of two fits of each kind, on `size` customers drawn from BG/NBD over two years. */
function fitAlone(size: number): Record<'bgnbd' | 'paretonbd' | 'auto', number> {
	const windowDays = 730;
	const customers: ModelCustomer[] = simulatePurchaseDays('bgnbd', [0.25, 28, 0.8, 2.5], { customers: size, seed: 11, windowDays }).map((days, i) => {
		const distinct = [...new Set(days)];
		const [first, last] = [distinct[0], distinct[distinct.length - 1]];
		const spend = 50 + ((i * 37) % 101);
		return {
			customerId: `C${i}`,
			recencyDays: windowDays - 1 - last,
			orders: distinct.length,
			totalSpend: distinct.length * spend,
			avgOrderValue: spend,
			history: { x: distinct.length - 1, tx: last - first, T: windowDays - 1 - first },
			spend: { x: distinct.length - 1, m: spend },
			ownGapDays: null,
			analysisDay: windowDays - 1,
			purchaseDays: distinct,
		};
	});
	const population = ModelCustomers.of(customers);
	const settings: FitSettings = { penalizer: 0, minCustomers: 20, minRepeatCustomers: 10, frequencyBasis: 'orders', monetaryBasis: 'total', model: 'bgnbd', holdoutDays: 90, periodDays: 7, riskLevels: 'thresholds' };
	const fastest = (fit: FitSettings) => {
		let best = Infinity;
		for (let attempt = 0; attempt < 2; attempt++) {
			const started = process.hrtime.bigint();
			fitChurnModel(population, fit, new Date());
			best = Math.min(best, Number(process.hrtime.bigint() - started) / 1e9);
		}
		return best;
	};
	return { bgnbd: fastest(settings), paretonbd: fastest({ ...settings, model: 'paretonbd' }), auto: fastest({ ...settings, model: 'auto', riskLevels: 'backtest' }) };
}

async function seconds(steps: StepSpec[]): Promise<{ seconds: number; model?: Record<string, unknown> }> {
	let fastest = Infinity;
	let model: Record<string, unknown> | undefined;
	for (let attempt = 0; attempt < 2; attempt++) {
		const started = process.hrtime.bigint();
		const run = await runWorkflow(linearWorkflow(steps));
		if (run.error) throw run.error;
		fastest = Math.min(fastest, Number(process.hrtime.bigint() - started) / 1e9);
		model = steps.length > 2 ? run.json('Churn Risk', 1)[0] : undefined;
	}
	return { seconds: fastest, model };
}

(async () => {
	for (const size of (process.argv[2] ?? '10000,100000').split(',').map(Number)) {
		const file = path.join(dir, `orders-${size}.csv`);
		const { orders } = writeCsv(file, size);
		const customerData: StepSpec = { name: 'Customer Data', type: 'customerData', typeVersion: 2, parameters: { source: 'binaryFile', inputKind: 'orders', output: 'customers', analysisDate: ANALYSIS_DATE } };
		const read = await seconds([fileStep(file), customerData]);
		console.log(`${size} customers, ${orders} orders: Read File + Customer Data ${read.seconds.toFixed(2)} s`);
		const times: Record<string, number> = {};
		for (const [label, purchaseModel, riskLevels] of RUNS) {
			const run = await seconds([fileStep(file), customerData, { name: 'Churn Risk', type: 'churnRisk', typeVersion: 3, parameters: { analysisDate: ANALYSIS_DATE, purchaseModel, riskLevels } }]);
			times[label] = run.seconds - read.seconds;
			const chosen = purchaseModel === 'auto' ? ` (chose ${String(run.model?.method)})` : '';
			console.log(`  Churn Risk, ${label}: ${times[label].toFixed(2)} s${chosen}`);
		}
		console.log(`  Auto costs ${(times.Auto / times['BG/NBD, fixed levels']).toFixed(1)} BG/NBD runs`);
		const fits = fitAlone(size);
		console.log(`  The fit alone: BG/NBD ${fits.bgnbd.toFixed(2)} s, Pareto/NBD ${fits.paretonbd.toFixed(2)} s, Auto ${fits.auto.toFixed(2)} s: Auto costs ${(fits.auto / fits.bgnbd).toFixed(1)} BG/NBD fits`);
	}
	fs.rmSync(dir, { recursive: true, force: true });
})();
