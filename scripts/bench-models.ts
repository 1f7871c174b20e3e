/**
 * What each purchase model costs Churn Risk, and what Auto (a backtest of three models, then the
 * winner fitted on everyone) costs against one BG/NBD fit: Read File -> Customer Data -> Churn
 * Risk through the n8n engine on export-shaped synthetic shops (devkit/synthetic/benchOrders.ts).
 * Churn Risk's time is the run's minus that of the same run stopped after Customer Data, each the
 * faster of two runs (the first warms the engine up).
 *
 *   npm run bench:models -- 10000,100000
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runWorkflow } from '../devkit/engine/harness';
import { fileStep, linearWorkflow, StepSpec } from '../devkit/engine/workflowBuilder';
import { ANALYSIS_DATE, writeCsv } from '../devkit/synthetic/benchOrders';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelbench-'));

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
		for (const purchaseModel of ['bgnbd', 'mbgnbd', 'paretonbd', 'auto']) {
			const run = await seconds([fileStep(file), customerData, { name: 'Churn Risk', type: 'churnRisk', typeVersion: 3, parameters: { analysisDate: ANALYSIS_DATE, purchaseModel } }]);
			times[purchaseModel] = run.seconds - read.seconds;
			const chosen = purchaseModel === 'auto' ? ` (chose ${String(run.model?.method)})` : '';
			console.log(`  Churn Risk with ${purchaseModel}: ${times[purchaseModel].toFixed(2)} s${chosen}`);
		}
		console.log(`  Auto costs ${(times.auto / times.bgnbd).toFixed(1)} BG/NBD fits`);
	}
	fs.rmSync(dir, { recursive: true, force: true });
})();
