/**
 * How long one question to each agent tool takes, on export-shaped synthetic shops
 * (devkit/synthetic/benchOrders.ts): the tool reads the orders file at each question, so this is
 * the whole of it, through n8n-core's tool path (devkit/engine/toolVariants.ts). Each case is
 * asked twice; both times are printed.
 *
 *   npm run bench:tools -- 10000,100000
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'toolbench-'));
process.env.N8N_RESTRICT_FILE_ACCESS_TO = dir;
import { runWorkflow } from '../devkit/engine/harness';
import { agentToolWorkflow, fileStep, linearWorkflow } from '../devkit/engine/workflowBuilder';
import { ANALYSIS_DATE, writeCsv } from '../devkit/synthetic/benchOrders';
(async () => {
	for (const size of (process.argv[2] ?? '10000,100000').split(',').map(Number)) {
		const file = path.join(dir, `orders-${size}.csv`);
		const { orders } = writeCsv(file, size);
		// A saved model, as the Model refresh template writes it.
		const fit = await runWorkflow(linearWorkflow([fileStep(file), { name: 'Customer Data', type: 'customerData', typeVersion: 2, parameters: { source: 'binaryFile', inputKind: 'orders', output: 'customers', analysisDate: ANALYSIS_DATE } }, { name: 'Churn Risk', type: 'churnRisk', typeVersion: 2, parameters: { analysisDate: ANALYSIS_DATE } }]));
		const modelFile = path.join(dir, `model-${size}.json`);
		fs.writeFileSync(modelFile, JSON.stringify(fit.json('Churn Risk', 1)[0]));
		const customer = fs.readFileSync(file, 'utf8').split('\n')[1].split(',')[0];
		const cases: Array<[string, object]> = [
			['Customer Data', { name: 'Customer Data', node: 'customerData', parameters: { inputKind: 'orders', toolOrdersFile: file, analysisDate: ANALYSIS_DATE } }],
			['Churn Risk (fit)', { name: 'Churn Risk', node: 'churnRisk', parameters: { toolOrdersFile: file, analysisDate: ANALYSIS_DATE } }],
			['Churn Risk (saved model)', { name: 'Churn Risk', node: 'churnRisk', parameters: { toolOrdersFile: file, toolModelFile: modelFile, analysisDate: ANALYSIS_DATE } }],
			['Lifecycle Stage (saved model)', { name: 'Lifecycle Stage', node: 'lifecycleStage', parameters: { stageModel: 'retail', toolOrdersFile: file, toolModelFile: modelFile, analysisDate: ANALYSIS_DATE } }],
			['Retention Action (saved model)', { name: 'Retention Action', node: 'retentionAction', parameters: { businessType: 'ecommerce', storeName: 'Shop', language: 'en', campaignId: 'agent', controlShare: 0.1, playbookSource: 'default', channelOrder: 'email,sms', requireOptIn: true, budget: 0, maxDiscountPct: 20, sendTime: `${ANALYSIS_DATE}T10:00`, options: { couponSecret: 'k3Q9-test-shop-coupon-secret-7Zp' }, toolOrdersFile: file, toolModelFile: modelFile } }],
		];
		for (const [label, tool] of cases) {
			const name = (tool as { name: string }).name.replace(/ /g, '_');
			const times: number[] = [];
			for (let i = 0; i < 2; i++) {
				const t0 = process.hrtime.bigint();
				const r = await runWorkflow(agentToolWorkflow([tool as never], [{ tool: name, args: { customer } }]));
				times.push(Number(process.hrtime.bigint() - t0) / 1e9);
				const answer = (r.json('Tool Caller').find((j) => j.tool)?.answer as any);
				if (!Array.isArray(answer)) console.log('ERROR', JSON.stringify(answer).slice(0, 300));
			}
			console.log(`${size} customers (${orders} rows): ${label}: ${times.map((t) => t.toFixed(2)).join(' / ')} s`);
		}
	}
})();
