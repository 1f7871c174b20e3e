import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { fileStep, linearWorkflow, rowsStep, StepSpec } from '../../devkit/engine/workflowBuilder';

/*
 * Churn Risk's "Backtest the Models" into Campaign Report's Model Backtest, through the engine, on
 * the sample shop: the report's held-out totals, added up from the weekly series, against the
 * backtest's own per-customer totals.
 */
const SAMPLE = path.resolve(__dirname, '../../examples/data/sample-orders.csv');
const AS_OF = '2025-06-30';
const steps: StepSpec[] = [
	fileStep(SAMPLE),
	{ name: 'Customer Data', type: 'customerData', parameters: { source: 'binaryFile', analysisDate: AS_OF } },
	{ name: 'Churn Risk', type: 'churnRisk', typeVersion: 3, parameters: { analysisDate: AS_OF, mode: 'backtest' }, output: 1 },
	{ name: 'Campaign Report', type: 'campaignReport', parameters: { operation: 'modelBacktest', reportLanguage: 'en' } },
];

describe('Campaign Report: Model Backtest', () => {
	let backtest: IDataObject;
	let report: { json: IDataObject; html: string };
	beforeAll(async () => {
		const run = await runWorkflow(linearWorkflow(steps));
		if (run.error) throw run.error;
		[backtest] = run.json('Churn Risk', 1);
		const [item] = run.outputs('Campaign Report')[0];
		report = { json: item.json, html: Buffer.from(item.binary?.report?.data ?? '', 'base64').toString('utf8') };
	});

	it("adds the weekly series up to the backtest's own held-out totals", () => {
		const totals = report.json.heldOutRepeatOrders as IDataObject;
		expect(totals.made).toBe(backtest.actualRepeatPurchases);
		for (const m of backtest.models as IDataObject[]) expect(totals[m.modelName as string] as number).toBeCloseTo(m.predictedRepeatPurchases as number, 1);
		expect(report.json).toMatchObject({ calibrationDate: '2025-04-01', holdoutDays: 90, chosen: backtest.chosen });
	});

	it('attaches the page with the weekly and the cumulative tracking charts and the comparison', () => {
		expect(report.html).toContain('data-chart="tracking"');
		expect(report.html).toContain('data-chart="tracking-cumulative"');
		expect(report.html).toContain('BG/NBD (chosen)');
		expect(report.html).toContain(backtest.reason as string);
	});

	it('says what to connect when no backtest comes in', async () => {
		const run = await runWorkflow(linearWorkflow([rowsStep([{ customerId: 'C1' }]), { name: 'Campaign Report', type: 'campaignReport', parameters: { operation: 'modelBacktest' } }]));
		expect(run.error?.message).toBe('No backtest came in: Model Backtest charts the item with the weekly tracking series');
		expect((run.error as { description?: string } | undefined)?.description).toContain("Connect Churn Risk's second output (Backtest)");
	});
});
