/**
 * One measurement in a fresh process (so peak RSS is its own): `engine FILE DATE` runs the engine
 * pipeline; `n8n FILE DATE` runs the same flow through the real n8n engine in process (binary CSV
 * in, staged customers out) and times scoring one customer with a saved model.
 */
import { performance } from 'perf_hooks';
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../test/engine/harness';
import { linearWorkflow, rowsStep } from '../../test/engine/workflowBuilder';
import { runEnginePipeline } from './enginePipeline';

const peakRssMb = () => Math.round(process.resourceUsage().maxRSS / 1024);

async function n8nFlow(file: string, analysisDate: string) {
	const flow = linearWorkflow([
		{ name: 'Read File', type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: file } },
		{ name: 'Customer Data', type: 'customerData', parameters: { source: 'binaryFile', analysisDate } },
		{ name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate } },
		{ name: 'Lifecycle Stage', type: 'lifecycleStage', parameters: { analysisDate } },
	]);
	const start = performance.now();
	const result = await runWorkflow(flow);
	const seconds = Math.round(performance.now() - start) / 1000;
	if (result.error) throw result.error;
	const staged = result.json('Lifecycle Stage');
	const [model] = result.json('Churn Risk', 1);

	// The CRM webhook path: one customer, scored with the model just fitted.
	const one = staged[0];
	const scoreOne = linearWorkflow([
		rowsStep([{ customerId: one.customerId, orders: one.orders, recencyDays: one.recencyDays, totalSpend: one.totalSpend, avgOrderValue: one.avgOrderValue, modelInputs: one.modelInputs, analysisDate }]),
		{ name: 'Churn Risk', type: 'churnRisk', parameters: { mode: 'scoreWithSavedModel', modelSource: 'json', modelJson: JSON.stringify(model) } },
	]);
	const runs: number[] = [];
	const nodeMs: number[] = [];
	for (let i = 0; i < 200; i++) {
		const t = performance.now();
		const r = await runWorkflow(scoreOne);
		runs.push(performance.now() - t);
		nodeMs.push(r.run.data.resultData.runData['Churn Risk'][0].executionTime);
	}
	const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
	return {
		seconds,
		customers: staged.length,
		bgnbd: (model.bgnbd as IDataObject).params,
		scoreOneCustomer: { workflowMs: Math.round(median(runs.slice(20)) * 1000) / 1000, churnRiskNodeMs: median(nodeMs.slice(20)) },
	};
}

async function main() {
	const [mode, file, analysisDate] = process.argv.slice(2);
	const result = mode === 'engine' ? await runEnginePipeline(file, analysisDate) : await n8nFlow(file, analysisDate);
	process.stdout.write(`${JSON.stringify({ ...result, peakRssMb: peakRssMb() })}\n`);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
