/**
 * What the benchmark times: the suite as users run it, Read File -> Customer Data -> Churn Risk
 * -> Lifecycle Stage through n8n's own execution engine in process (our nodes as n8n loads them,
 * a binary CSV in), each node's own time as n8n records it. The nodes are as a user adds them
 * today (version 2: the customer base between them); `outputAs: 'items'` times one item per
 * customer instead; `withAction` adds Retention Action after Lifecycle Stage, as the server
 * benchmark runs it. Then the CRM webhook path: one customer scored with the model just fitted.
 */
import { performance } from 'perf_hooks';
import { customersOfBaseItem } from '../engine/customerBaseItem';
import { runWorkflow } from '../engine/harness';
import { linearWorkflow, rowsStep } from '../engine/workflowBuilder';
import { benchRetentionActionParameters } from './benchRetentionAction';

/** What the checks read of each customer. */
const CHECKED_FIELDS = ['orders', 'lifecycleStage', 'recencyDays', 'totalSpend', 'avgOrderValue', 'modelInputs'];

const NODES = { readFile: 'Read File', customerData: 'Customer Data', churnRisk: 'Churn Risk', lifecycleStage: 'Lifecycle Stage' } as const;
const ACTION = 'Retention Action';

export async function benchNodeFlow(file: string, analysisDate: string, { scoreOneRuns = 200, outputAs = 'base' as 'base' | 'items', withAction = false } = {}) {
	const flow = linearWorkflow([
		{ name: NODES.readFile, type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: file } },
		{ name: NODES.customerData, type: 'customerData', typeVersion: 2, parameters: { source: 'binaryFile', analysisDate, outputAs } },
		{ name: NODES.churnRisk, type: 'churnRisk', typeVersion: 2, parameters: { analysisDate, outputAs } },
		{ name: NODES.lifecycleStage, type: 'lifecycleStage', typeVersion: 2, parameters: { analysisDate, outputAs } },
		...(withAction ? [{ name: ACTION, type: 'retentionAction', typeVersion: 2, parameters: { ...benchRetentionActionParameters(analysisDate), outputAs } }] : []),
	]);
	const start = performance.now();
	const result = await runWorkflow(flow);
	const total = Math.round(performance.now() - start) / 1000;
	// The process's peak while the workflow ran: the checks below hold every customer at once.
	const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
	if (result.error) throw result.error;
	const runData = result.run.data.resultData.runData;
	const seconds: Record<string, number> = {};
	for (const [key, node] of Object.entries(NODES)) seconds[key] = runData[node][0].executionTime / 1000;
	if (withAction) seconds.retentionAction = runData[ACTION][0].executionTime / 1000;
	seconds.total = total;
	// What each node's own layer of the base weighs (its item passes the earlier layers on as they are).
	const layerMb: Record<string, number> = {};
	for (const [key, node] of Object.entries({ ...NODES, ...(withAction ? { retentionAction: ACTION } : {}) })) {
		const item = outputAs === 'base' && key !== 'readFile' ? result.outputs(node).flat().find((out) => out.json.customerBase) : undefined;
		const own = (item?.json.customerBase as { layers: string[] } | undefined)?.layers.at(-1);
		if (item && own) layerMb[key] = Math.round((item.binary?.[own]?.bytes ?? 0) / 1e4) / 100;
	}
	// Read back outside the timed run: the checks need every customer, with the fields they look at.
	const staged = outputAs === 'base' ? await customersOfBaseItem(result.outputs(NODES.lifecycleStage)[0][0], CHECKED_FIELDS) : result.json(NODES.lifecycleStage);
	const [model] = result.json(NODES.churnRisk, 1);
	const rejected = result.json(NODES.customerData, 1).length;
	const orders = staged.reduce((sum, c) => sum + (c.orders as number), 0);

	const one = staged[0];
	const scoreOne = linearWorkflow([
		rowsStep([{ customerId: one.customerId, orders: one.orders, recencyDays: one.recencyDays, totalSpend: one.totalSpend, avgOrderValue: one.avgOrderValue, modelInputs: one.modelInputs, analysisDate }]),
		{ name: NODES.churnRisk, type: 'churnRisk', parameters: { mode: 'scoreWithSavedModel', modelSource: 'json', modelJson: JSON.stringify(model) } },
	]);
	const runs: number[] = [];
	for (let i = 0; i < scoreOneRuns; i++) {
		const t = performance.now();
		await runWorkflow(scoreOne);
		runs.push(performance.now() - t);
	}
	const warm = runs.slice(Math.floor(scoreOneRuns / 10)).sort((a, b) => a - b);
	return {
		outputAs,
		seconds,
		customers: staged.length,
		orders,
		rejected,
		stages: Object.fromEntries([...new Set(staged.map((c) => c.lifecycleStage as string))].map((s) => [s, staged.filter((c) => c.lifecycleStage === s).length])),
		method: model.method as string,
		bgnbd: (model.purchaseModel as { params: { r: number; alpha: number; a: number; b: number } }).params,
		gammaGamma: (model.gammaGamma as { params: { p: number; q: number; gamma: number } } | null)?.params ?? null,
		scoreOneCustomerMs: Math.round(warm[Math.floor(warm.length / 2)] * 1000) / 1000,
		peakRssMb,
		layerMb,
	};
}
