import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { cdnowPath } from '../helpers/cdnow';
import { runWorkflow } from '../../devkit/engine/harness';
import { fileStep, linearWorkflow, rowsStep, StepSpec } from '../../devkit/engine/workflowBuilder';

const num = (value: unknown) => value as number;

/*
 * The full CDNOW master (23,570 customers, 1997-01-01 to 1998-06-30), split at 1997-09-30 with
 * 273 days held out, backtested by Churn Risk and, independently, by the Python lifetimes library:
 * scripts/lifetimes-backtest-cdnow.py printed these figures. lifetimes stops its Pareto/NBD search
 * at a looser optimum, hence the wider tolerance there.
 */
const LIFETIMES = {
	customers: 23570,
	repeatCustomers: 9451,
	holdoutBuyers: 7058,
	actualRepeatPurchases: 19684,
	models: {
		bgnbd: { holdoutLogLikelihood: -12074.428462578762, repeatPurchasesMae: 0.8187422923395574, brierScore: 0.16539436918586375, churnAuc: 0.7465707509525175, predictedRepeatPurchases: 16873.737004341594, params: { r: 0.25162401142410384, alpha: 33.522616192289185, a: 0.7234330357288379, b: 2.161086981372463 } },
		mbgnbd: { holdoutLogLikelihood: -12135.676199008343, repeatPurchasesMae: 0.7945357284467292, brierScore: 0.16614318653304141, churnAuc: 0.7547417149309377, predictedRepeatPurchases: 15933.60031875356, params: { r: 0.6371397385765375, alpha: 51.172031190382754, a: 0.8074740860820397, b: 1.228394023982168 } },
		paretonbd: { holdoutLogLikelihood: -12189.282417611943, repeatPurchasesMae: 0.7937699784027603, brierScore: 0.1655775363175367, churnAuc: 0.7627213482460389, predictedRepeatPurchases: 17153.4551280484, params: { r: 0.5974299105828172, alpha: 81.1007192486466, s: 0.5221516447747694, beta: 61.78758473843341 } },
	},
} as const;

const cdnowMaster: StepSpec = { name: 'Customer Data', type: 'customerData', parameters: { source: 'binaryFile', analysisDate: '1998-06-30', fieldMapping: { mapping: [{ field: 'amount', column: 'dollar_value' }] } } };
const backtestStep = (parameters: IDataObject = {}): StepSpec => ({ name: 'Churn Risk', type: 'churnRisk', typeVersion: 3, parameters: { analysisDate: '1998-06-30', mode: 'backtest', horizonDays: 273, ...parameters } });

describe('Backtest the Models on the CDNOW master, against lifetimes', () => {
	let models: IDataObject[];
	let summary: IDataObject;
	let hint: string;
	beforeAll(async () => {
		const run = await runWorkflow(linearWorkflow([fileStep(cdnowPath('CDNOW_master.txt')), cdnowMaster, backtestStep()]));
		if (run.error) throw run.error;
		models = run.json('Churn Risk', 0);
		[summary] = run.json('Churn Risk', 1);
		hint = run.hints('Churn Risk').join(' ');
	});

	it('splits the history where lifetimes does', () => {
		expect(summary).toMatchObject({ calibrationDate: '1997-09-30', analysisDate: '1998-06-30', holdoutDays: 273, customers: LIFETIMES.customers, repeatCustomers: LIFETIMES.repeatCustomers, holdoutBuyers: LIFETIMES.holdoutBuyers, actualRepeatPurchases: LIFETIMES.actualRepeatPurchases });
	});

	it.each(Object.entries(LIFETIMES.models))('scores %s on the held-out days as lifetimes does', (name, reference) => {
		const model = models.find((m) => m.modelName === name) as IDataObject;
		const looser = name === 'paretonbd';
		for (const [key, value] of Object.entries(reference.params)) expect(Math.abs(num((model.params as IDataObject)[key]) / value - 1)).toBeLessThan(looser ? 2e-4 : 1e-5);
		expect(Math.abs(num(model.holdoutLogLikelihood) - reference.holdoutLogLikelihood)).toBeLessThan(looser ? 0.1 : 0.01);
		expect(num(model.repeatPurchasesMae)).toBeCloseTo(reference.repeatPurchasesMae, looser ? 4 : 5);
		expect(num(model.brierScore)).toBeCloseTo(reference.brierScore, 5);
		expect(num(model.churnAuc)).toBeCloseTo(reference.churnAuc, 4);
		expect(Math.abs(num(model.predictedRepeatPurchases) / reference.predictedRepeatPurchases - 1)).toBeLessThan(looser ? 1e-4 : 1e-6);
	});

	it('picks the model with the best held-out log-likelihood and says why', () => {
		expect(models.filter((m) => m.chosen).map((m) => m.modelName)).toEqual(['bgnbd']);
		expect(summary.reason).toBe('BG/NBD predicted the held-out 273 days best: log-likelihood of who ordered -0.5123 per customer against -0.5149 (MBG/NBD) and -0.5172 (Pareto/NBD).');
		expect(hint).toContain(summary.reason);
	});

	it('gives a week-by-week series of actual and predicted repeat purchases, ready for a chart', () => {
		const tracking = summary.tracking as IDataObject[];
		expect(tracking.filter((week) => week.period === 'holdout')).toHaveLength(39);
		expect(tracking.filter((week) => week.period === 'holdout').reduce((sum, week) => sum + num(week.actual), 0)).toBe(LIFETIMES.actualRepeatPurchases);
		const predicted = tracking.filter((week) => week.period === 'holdout').reduce((sum, week) => sum + num(week.bgnbd), 0);
		expect(Math.abs(predicted / LIFETIMES.models.bgnbd.predictedRepeatPurchases - 1)).toBeLessThan(1e-4);
		expect(tracking[0]).toEqual({ from: expect.any(String), to: expect.any(String), period: 'calibration', actual: expect.any(Number), bgnbd: expect.any(Number), mbgnbd: expect.any(Number), paretonbd: expect.any(Number) });
	});
});

describe('Auto, the Purchase Model of a new Churn Risk node', () => {
	const sampleShop = fileStep(path.resolve(__dirname, '../../examples/data/sample-orders.csv'));
	const customerData: StepSpec = { name: 'Customer Data', type: 'customerData', parameters: { source: 'binaryFile', analysisDate: '2025-06-30' } };
	const fit = (typeVersion: number): StepSpec => ({ name: 'Churn Risk', type: 'churnRisk', typeVersion, parameters: { analysisDate: '2025-06-30' } });

	it('backtests the models on the last horizon and fits the best on the whole history', async () => {
		const run = await runWorkflow(linearWorkflow([sampleShop, customerData, fit(3)]));
		if (run.error) throw run.error;
		const [model] = run.json('Churn Risk', 1);
		const selection = model.selection as IDataObject;
		// The sample shop was generated by BG/NBD.
		expect(selection).toMatchObject({ rule: 'backtest', chosen: 'bgnbd', calibrationDate: '2025-04-01', holdoutDays: 90 });
		expect(model.method).toBe('bgnbd');
		expect((selection.comparison as IDataObject[]).map((c) => c.model)).toEqual(['bgnbd', 'mbgnbd', 'paretonbd']);
		expect(run.hints('Churn Risk').join(' ')).toContain('Chosen by a backtest: fitted on the history to 2025-04-01, BG/NBD predicted the held-out 90 days best');
	});

	it('keeps BG/NBD on nodes made before Auto', async () => {
		const run = await runWorkflow(linearWorkflow([sampleShop, customerData, fit(2)]));
		const [model] = run.json('Churn Risk', 1);
		expect(model.method).toBe('bgnbd');
		expect(model.selection).toBeNull();
	});

	it('chooses by fit to the whole history when the customers come without purchase dates, and says so', async () => {
		const fromDatabase = await runWorkflow(linearWorkflow([sampleShop, customerData]));
		const summaries = fromDatabase.json('Customer Data').map(({ purchaseDates: _dropped, ...rest }) => rest);
		const run = await runWorkflow(linearWorkflow([rowsStep(summaries), fit(3)]));
		if (run.error) throw run.error;
		const [model] = run.json('Churn Risk', 1);
		expect((model.selection as IDataObject).rule).toBe('fit');
		expect((model.selection as IDataObject).reason).toMatch(/^Chosen by fit to the whole history, as the customers came without purchase dates \(Customer Data writes them\), so no backtest could run: /);
	});

	it('refuses to backtest customers without purchase dates, saying where they come from', async () => {
		const run = await runWorkflow(linearWorkflow([rowsStep([{ customerId: 'A', frequency: 2, recency: 30, T: 90 }]), backtestStep()]));
		expect(run.error?.message).toBe("The backtest needs each customer's purchase dates");
	});
});
