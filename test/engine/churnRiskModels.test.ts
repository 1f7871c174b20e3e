import type { IDataObject } from 'n8n-workflow';
import { cdnowPath, cdnowSampleCustomerData } from '../helpers/cdnow';
import { runWorkflow } from '../../devkit/engine/harness';
import { fileStep, linearWorkflow, rowsStep, StepSpec } from '../../devkit/engine/workflowBuilder';

/*
 * Churn Risk fits the purchase model the user picks; each is checked against its published or
 * reference fit on CDNOW (test/lib/models/purchaseModels.test.ts has the figures), here in days
 * through the node: r, a, b, s unchanged and alpha, beta times 7.
 */
const cdnowCustomerData = cdnowSampleCustomerData;

const churnRisk = (parameters: IDataObject): StepSpec => ({ name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '1997-09-30', horizonDays: 91, ...parameters } });
const num = (value: unknown) => value as number;

async function fitted(purchaseModel: string) {
	const result = await runWorkflow(linearWorkflow([fileStep(cdnowPath('CDNOW_sample.txt')), cdnowCustomerData, churnRisk({ purchaseModel })]));
	if (result.error) throw result.error;
	return { customers: result.json('Churn Risk', 0), model: result.json('Churn Risk', 1)[0], hint: result.hints('Churn Risk').join(' ') };
}

describe.each([
	['mbgnbd', { r: 0.524838, alpha: 6.182988 * 7, a: 0.891356, b: 1.614 }, /MBG\/NBD learnt from 2357 customers \(946 bought again\): while active, a customer orders about every 82 days, and after each order, the first included, there is a 36% chance they stop for good/],
	// Pareto/NBD's median lifetime: beta (2^(1/s) - 1) = 81.68 x (2^(1/0.6062) - 1) = 81.68 x 2.137 = 174.6 days.
	['paretonbd', { r: 0.5534, alpha: 10.5802 * 7, s: 0.6061, beta: 11.6562 * 7 }, /Pareto\/NBD learnt from 2357 customers \(946 bought again\): while active, a customer orders about every 134 days, and half of customers stay active longer than 175 days/],
])('Churn Risk with the %s purchase model on CDNOW', (name, reference, sentence) => {
	let run: Awaited<ReturnType<typeof fitted>>;
	beforeAll(async () => {
		run = await fitted(name);
	});

	it('fits the reference parameters (days) within 0.005 relative', () => {
		const fit = run.model.purchaseModel as IDataObject;
		expect(run.model.method).toBe(name);
		for (const [key, value] of Object.entries(reference)) expect(Math.abs(num((fit.params as IDataObject)[key]) - value) / value).toBeLessThan(0.005);
	});

	it('says in one sentence what the fit found, on the Model output and in the hint', () => {
		expect(run.model.summary).toMatch(sentence);
		expect(run.hint).toMatch(sentence);
	});

	it('gives one-time buyers a chance of having left, more the longer they have been silent', () => {
		const oneTimers = run.customers.filter((c) => c.orders === 1).sort((a, b) => num(a.recencyDays) - num(b.recencyDays));
		expect(oneTimers.length).toBeGreaterThan(1000);
		expect(Math.max(...oneTimers.map((c) => num(c.pAlive)))).toBeLessThan(1);
		expect(num(oneTimers[0].pAlive)).toBeGreaterThan(num(oneTimers[oneTimers.length - 1].pAlive));
	});

	it("puts a 95% interval around each customer's expected orders and value, from the parameters' standard errors", () => {
		const fit = run.model.purchaseModel as IDataObject;
		expect(Object.keys(fit.standardErrors as IDataObject)).toEqual(Object.keys(reference));
		for (const c of run.customers) {
			expect(num(c.expectedOrdersLow)).toBeLessThanOrEqual(num(c.expectedOrders));
			expect(num(c.expectedOrdersHigh)).toBeGreaterThanOrEqual(num(c.expectedOrders));
			if (num(c.predictedClv) > 0) expect(num(c.predictedClvHigh)).toBeGreaterThan(num(c.predictedClvLow));
		}
	});

	it('scores with the saved model exactly as the fit did', async () => {
		const rows = run.customers.slice(0, 40);
		const saved = await runWorkflow(linearWorkflow([rowsStep(rows), churnRisk({ mode: 'scoreWithSavedModel', modelSource: 'json', modelJson: JSON.stringify(run.model) })]));
		if (saved.error) throw saved.error;
		const again = saved.json('Churn Risk');
		for (const field of ['pAlive', 'churnProbability', 'expectedOrders', 'expectedOrdersLow', 'predictedClvHigh']) {
			expect(again.map((c) => c[field])).toEqual(rows.map((c) => c[field]));
		}
	});
});

describe('Churn Risk with BG/BB for purchases at set times', () => {
	it('fits on weekly chances and scores every customer', async () => {
		const run = await runWorkflow(linearWorkflow([fileStep(cdnowPath('CDNOW_sample.txt')), cdnowCustomerData, churnRisk({ purchaseModel: 'bgbb', periodDays: 7 })]));
		if (run.error) throw run.error;
		const [model] = run.json('Churn Risk', 1);
		expect(model.method).toBe('bgbb');
		expect((model.purchaseModel as IDataObject).periodDays).toBe(7);
		expect(model.summary).toMatch(/^BG\/BB learnt from 2357 customers \(946 bought again\), with a chance to buy every 7 days: an active customer buys at \d+% of chances, and \d+% leave after each one/);
		const customers = run.json('Churn Risk');
		expect(customers).toHaveLength(2357);
		for (const c of customers) {
			expect(num(c.churnProbability)).toBeGreaterThanOrEqual(0);
			expect(num(c.churnProbability)).toBeLessThanOrEqual(1);
		}
		// A frequent buyer who ordered this week is unlikely to go quiet for 13 weeks; one silent for
		// half a year already is likely to.
		const frequent = customers.filter((c) => num(c.orders) >= 20);
		const recent = frequent.filter((c) => num(c.recencyDays) <= 7);
		const silent = frequent.filter((c) => num(c.recencyDays) >= 150);
		expect(recent.length).toBeGreaterThan(0);
		expect(silent.length).toBeGreaterThan(0);
		for (const c of recent) expect(num(c.churnProbability)).toBeLessThan(0.2);
		for (const c of silent) expect(num(c.churnProbability)).toBeGreaterThan(0.9);
	});
});
