import type { IDataObject } from 'n8n-workflow';
import { expectedPurchases, probabilityAlive } from '../../lib/models/bgnbd';
import { cdnowPath, cdnowSampleCustomerData } from '../helpers/cdnow';
import { runWorkflow } from '../../devkit/engine/harness';
import { fileStep, linearWorkflow, rowsStep, StepSpec } from '../../devkit/engine/workflowBuilder';

const cdnowCustomerData = cdnowSampleCustomerData;

function churnRisk(parameters: IDataObject = {}, name = 'Churn Risk'): StepSpec {
	return { name, type: 'churnRisk', parameters: { analysisDate: '1997-09-30', ...parameters } };
}

const num = (value: unknown) => value as number;

describe('Churn Risk on CDNOW transactions (Read File -> Customer Data -> Churn Risk)', () => {
	let customers: IDataObject[];
	let model: IDataObject;
	let staticData: IDataObject;
	let hint: string;

	beforeAll(async () => {
		const result = await runWorkflow(
			linearWorkflow([fileStep(cdnowPath('CDNOW_sample.txt')), cdnowCustomerData, churnRisk({ horizonDays: 273, churnDefinition: 'notAlive', options: { segmentSummary: true } })]),
		);
		if (result.error) throw result.error;
		customers = result.json('Churn Risk', 0);
		[model] = result.json('Churn Risk', 1);
		staticData = result.staticData;
		hint = result.hints('Churn Risk').join(' ');
	});

	it('says in words what the model found: the usual gap, the chance of stopping, the value of an order, who is at risk', () => {
		// Published fit (Fader, Hardie and Lee 2005): alpha / r = 4.4137 x 7 / 0.2426 = 127.4 days;
		// a / (a + b) = 0.793 / 3.2192 = 24.6%; Gamma-Gamma p gamma / (q - 1) = 6.2488 x 15.4477 / 2.7446 = 35.17.
		expect(hint).toMatch(/BG\/NBD learnt from 2357 customers \(946 bought again\): while active, a customer orders about every 127 days, and after each repeat order there is a 25% chance they stop for good/);
		expect(hint).toMatch(/A repeat order is worth about 35\.1\d on average/);
		const counts = ['critical', 'high', 'medium', 'low'].map((level) => customers.filter((c) => c.riskLevel === level).length);
		expect(hint).toContain(`Scored 2357 customers: ${counts[0]} at critical risk of churning, ${counts[1]} high, ${counts[2]} medium and ${counts[3]} low.`);
	});

	it('fits BG/NBD in days: the published r, a, b, and alpha x 7', () => {
		const p = (model.purchaseModel as IDataObject).params as IDataObject;
		expect(model.method).toBe('bgnbd');
		expect(Math.abs(num(p.r) - 0.2426)).toBeLessThan(0.005);
		expect(Math.abs(num(p.alpha) / 7 - 4.4137)).toBeLessThan(0.005);
		expect(Math.abs(num(p.a) - 0.793)).toBeLessThan(0.005);
		expect(Math.abs(num(p.b) - 2.4262)).toBeLessThan(0.005);
		expect(model.customers).toBe(2357);
		expect(model.repeatCustomers).toBe(946);
	});

	it('fits the Gamma-Gamma spend model on the 946 repeat customers', () => {
		const gg = model.gammaGamma as IDataObject;
		const p = gg.params as IDataObject;
		expect(gg.customers).toBe(946);
		expect(Math.abs(num(p.p) - 6.2488)).toBeLessThan(0.005);
		expect(Math.abs(num(p.q) - 3.7446)).toBeLessThan(0.005);
		expect(Math.abs(num(p.gamma) - 15.4477)).toBeLessThan(0.005);
	});

	it('scores every customer with finite values, probabilities in [0, 1] and a known segment and risk level', () => {
		expect(customers).toHaveLength(2357);
		for (const c of customers) {
			for (const field of ['pAlive', 'churnProbability', 'expectedOrders', 'predictedClv', 'historicClv', 'expectedAvgOrderValue']) expect(Number.isFinite(c[field])).toBe(true);
			expect(num(c.pAlive)).toBeGreaterThanOrEqual(0);
			expect(num(c.pAlive)).toBeLessThanOrEqual(1);
			expect(num(c.churnProbability)).toBeCloseTo(1 - num(c.pAlive), 6);
			expect(['low', 'medium', 'high', 'critical']).toContain(c.riskLevel);
			expect((c.rfm as IDataObject).score).toMatch(/^[1-5]{3}$/);
			expect(c.churnMethod).toBe('bgnbd');
			if (c.expectedNextOrderAt !== null) expect(c.expectedNextOrderAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		}
	});

	it("gives customer 1 (x=2, t_x=213 days, T=272 days) the model's P(alive) and expected orders", () => {
		const c = customers.find((row) => row.customerId === '0001') as IDataObject;
		const p = (model.purchaseModel as IDataObject).params as never;
		const history = { x: 2, tx: 213, T: 272 };
		expect(c.modelInputs).toMatchObject({ frequency: 2, recency: 213, T: 272 });
		expect(c.pAlive).toBeCloseTo(probabilityAlive(p, history), 6);
		expect(c.expectedOrders).toBeCloseTo(expectedPurchases(p, 273, history), 4);
		// 39 weeks = 273 days; the published 1.2259 holds for t_x=30.43, T=38.86 weeks (rounded days differ slightly).
		expect(num(c.expectedOrders)).toBeCloseTo(1.2259, 1);
	});

	it('gives an expected next order date only within the horizon and the customer\'s own rhythm', () => {
		// The 273-day horizon ends on 1998-06-30; the median wait of a one-time buyer runs to years.
		const dates = customers.map((c) => c.expectedNextOrderAt).filter((d): d is string => typeof d === 'string');
		expect(dates.length).toBeGreaterThan(100);
		expect(dates.every((d) => d > '1997-09-30' && d <= '1998-06-30')).toBe(true);
		const oneTimers = customers.filter((c) => (c.modelInputs as IDataObject).frequency === 0);
		expect(oneTimers.filter((c) => c.expectedNextOrderAt !== null).length).toBeLessThan(oneTimers.length);
		for (const c of customers) {
			if (c.expectedNextOrderAt === null || num(c.repeatOrders) < 1) continue;
			const gap = num(c.avgDaysBetweenOrders);
			const wait = (Date.parse(c.expectedNextOrderAt as string) - Date.parse('1997-09-30')) / 86_400_000;
			expect(num(c.recencyDays) + wait).toBeLessThanOrEqual(4 * gap + 1);
		}
	});

	it('adds a segment summary covering every scored customer to the Model output', () => {
		const summary = model.segmentSummary as IDataObject[];
		expect(summary).toHaveLength(11);
		expect(summary.reduce((s, row) => s + num(row.customers), 0)).toBe(2357);
	});

	it('keeps the fitted model in workflow static data, and a second run scores one customer with it identically', async () => {
		expect((((staticData.global as IDataObject).churnRiskModels as IDataObject).default as IDataObject).method).toBe('bgnbd');
		const one = customers.find((row) => row.customerId === '0001') as IDataObject;
		const { pAlive, churnProbability, expectedOrders, predictedClv, rfm, riskLevel, churnMethod, expectedNextOrderAt, expectedAvgOrderValue, historicClv, ...summary } = one;
		const second = await runWorkflow(linearWorkflow([rowsStep([summary]), churnRisk({ mode: 'scoreWithSavedModel', horizonDays: 273, churnDefinition: 'notAlive' })]), { staticData });
		expect(second.error).toBeUndefined();
		expect(second.json('Churn Risk')).toEqual([{ ...summary, pAlive, churnProbability, expectedOrders, predictedClv, rfm, riskLevel, churnMethod, expectedNextOrderAt, expectedAvgOrderValue, historicClv }]);
		expect(second.json('Churn Risk', 1)).toEqual([]);
	});

	it('scores with a model given as JSON (from the Model output) exactly as with the saved one', async () => {
		const one = customers.find((row) => row.customerId === '0002') as IDataObject;
		const result = await runWorkflow(
			linearWorkflow([rowsStep([{ customerId: '0002', modelInputs: one.modelInputs, recencyDays: one.recencyDays, orders: one.orders, totalSpend: one.totalSpend, avgOrderValue: one.avgOrderValue, analysisDate: '1997-09-30' }]), churnRisk({ mode: 'scoreWithSavedModel', modelSource: 'json', modelJson: JSON.stringify(model), horizonDays: 273 })]),
		);
		expect(result.error).toBeUndefined();
		expect(result.json('Churn Risk')[0]).toMatchObject({ pAlive: one.pAlive, expectedOrders: one.expectedOrders, predictedClv: one.predictedClv, rfm: one.rfm });
	});
});

describe('Churn Risk inputs and fallbacks', () => {
	const orders = (customer: string, dates: string[]) => dates.map((d, i) => ({ customer_id: customer, order_id: `${customer}-${i}`, order_date: d, amount: 100 }));

	it('falls back to purchase cadence, says why, and still never produces NaN on tiny data', async () => {
		const result = await runWorkflow(
			linearWorkflow([
				rowsStep([...orders('A', ['2024-01-01', '2024-02-01', '2024-03-01']), ...orders('B', ['2024-01-15']), ...orders('C', ['2023-06-01', '2023-07-01', '2023-08-01'])]),
				churnRisk({ analysisDate: '2024-03-31' }),
			]),
		);
		expect(result.error).toBeUndefined();
		const scored = result.json('Churn Risk');
		expect(scored.map((c) => [c.customerId, c.churnMethod])).toEqual([
			['A', 'cadence'],
			['B', 'cadence'],
			['C', 'cadence'],
		]);
		const [a, b, c] = scored;
		expect(a.pAlive).toBe(1);
		expect(num(c.pAlive)).toBeLessThan(0.01);
		expect(Number.isFinite(b.pAlive)).toBe(true);
		// Three customers say too little about the shop's usual gap: Lifecycle Stage would not trust it either.
		expect(result.json('Churn Risk', 1)[0].notes).toEqual([
			'Fewer than 5 customers bought on two different days, so the usual gap between orders is taken as 30 days.',
			'Only 3 customers with orders (at least 20 are needed to fit BG/NBD): scored by purchase cadence instead.',
		]);
		expect(result.run.data.resultData.runData['Churn Risk'][0].hints?.[0].message).toContain('scored by purchase cadence instead');
	});

	it('reads a database summary with frequency, recency and T in days', async () => {
		const result = await runWorkflow(
			linearWorkflow([
				rowsStep([
					{ customerId: 'X', frequency: 3, recency: 100, T: 120, monetaryValue: 50 },
					{ customerId: 'Y', frequency: 0, recency: 0, T: 30, monetaryValue: 0 },
				]),
				churnRisk({ options: { minCustomers: 2, minRepeatCustomers: 1 } }),
			]),
		);
		expect(result.error).toBeUndefined();
		const [x, y] = result.json('Churn Risk');
		expect(x).toMatchObject({ customerId: 'X', avgDaysBetweenOrders: 100 / 3 });
		expect(y).toMatchObject({ customerId: 'Y' });
		expect(Number.isFinite(x.pAlive) && Number.isFinite(y.pAlive)).toBe(true);
	});

	it('passes customers without orders through unscored', async () => {
		const result = await runWorkflow(
			linearWorkflow([rowsStep([{ customerId: 'P', orders: 0, modelInputs: { frequency: 0, recency: 0, T: 0, monetaryValue: 0 } }, { customerId: 'Q', frequency: 1, recency: 10, T: 20 }]), churnRisk()]),
		);
		expect(result.json('Churn Risk')[0]).toMatchObject({ customerId: 'P', churnMethod: 'none', pAlive: null, riskLevel: null });
	});

	it('names the item that cannot be scored, or with "On Error: Continue" turns it into an error item', async () => {
		const rows = [
			{ customerId: 'ok', frequency: 1, recency: 10, T: 20 },
			{ customerId: 'bad', frequency: 2, recency: 50, T: 20 },
		];
		const stopped = await runWorkflow(linearWorkflow([rowsStep(rows), churnRisk()]));
		expect(stopped.error?.message).toBe('Item 1 (customer bad): recency (first to last purchase) cannot exceed T (first purchase to the analysis date)');

		const continued = await runWorkflow(linearWorkflow([rowsStep(rows), { ...churnRisk(), onError: 'continueRegularOutput' }]));
		const out = continued.outputs('Churn Risk')[0];
		expect(out[0].json).toMatchObject({ customerId: 'ok', riskLevel: expect.any(String) });
		expect(out[1].json).toEqual({ error: 'Item 1 (customer bad): recency (first to last purchase) cannot exceed T (first purchase to the analysis date)', customerId: 'bad' });
		expect(out[1].pairedItem).toEqual({ item: 1 });
	});

	it('explains what to do when there is no saved model yet', async () => {
		const result = await runWorkflow(linearWorkflow([rowsStep([{ customerId: 'Q', frequency: 1, recency: 10, T: 20 }]), churnRisk({ mode: 'scoreWithSavedModel' })]));
		expect(result.error?.message).toBe('No saved model "default" in this workflow yet');
	});

	it('rejects model JSON that is not a Churn Risk model, saying what is wrong', async () => {
		const result = await runWorkflow(
			linearWorkflow([rowsStep([{ customerId: 'Q', frequency: 1, recency: 10, T: 20 }]), churnRisk({ mode: 'scoreWithSavedModel', modelSource: 'json', modelJson: '{"version": 1, "method": "magic"}' })]),
		);
		expect(result.error?.message).toMatch(/^This is not a model saved by Churn Risk: method /);
	});

	it('scores RFM by fixed thresholds when asked, and checks them', async () => {
		const rows = [{ customerId: 'Z', frequency: 4, recency: 100, T: 110, monetaryValue: 100, orders: 5, totalSpend: 700, recencyDays: 10 }];
		const ok = await runWorkflow(linearWorkflow([rowsStep(rows), churnRisk({ rfmScoring: 'thresholds', recencyThresholds: '180, 90, 60, 30', frequencyThresholds: '2, 3, 5, 8', monetaryThresholds: '100, 300, 600, 1000' })]));
		expect((ok.json('Churn Risk')[0].rfm as IDataObject).score).toBe('544');
		const bad = await runWorkflow(linearWorkflow([rowsStep(rows), churnRisk({ rfmScoring: 'thresholds', recencyThresholds: '30, 60, 90, 180' })]));
		expect(bad.error?.message).toMatch(/^recency thresholds must fall/);
	});

	it('by default counts "no order within the horizon" as churn, which flags a long-silent one-time buyer that P(alive) cannot', async () => {
		const rows = [
			{ customerId: 'regular', frequency: 5, recency: 50, T: 60, monetaryValue: 20 },
			{ customerId: 'oneTimer', frequency: 0, recency: 0, T: 400, monetaryValue: 0 },
		];
		// Saved before the choice of models (version 1): still read, as BG/NBD.
		const cdnowInDays = {
			version: 1,
			method: 'bgnbd',
			fittedAt: '2026-01-01T00:00:00.000Z',
			timeUnit: 'days',
			customers: 2357,
			repeatCustomers: 946,
			bgnbd: { params: { r: 0.2426, alpha: 4.4137 * 7, a: 0.793, b: 2.4262 }, logLikelihood: -9582.43, iterations: 0 },
			gammaGamma: null,
			populationGapDays: 60,
			populationAvgOrderValue: 35,
			rfm: { breakpoints: { recency: [180, 90, 60, 30], frequency: [2, 3, 5, 8], monetary: [100, 300, 600, 1000] }, frequencyBasis: 'orders', monetaryBasis: 'total' },
			notes: [],
		};
		const withModel = (extra: IDataObject = {}) => churnRisk({ mode: 'scoreWithSavedModel', modelSource: 'json', modelJson: JSON.stringify(cdnowInDays), horizonDays: 30, ...extra });
		const byDefault = await runWorkflow(linearWorkflow([rowsStep(rows), withModel()]));
		const [regular, oneTimer] = byDefault.json('Churn Risk');
		expect(num(regular.churnProbability)).toBeGreaterThan(1 - num(regular.pAlive));
		expect(oneTimer.pAlive).toBe(1);
		expect(num(oneTimer.churnProbability)).toBeGreaterThan(0.9);
		const leftOnly = await runWorkflow(linearWorkflow([rowsStep(rows), withModel({ churnDefinition: 'notAlive' })]));
		expect(leftOnly.json('Churn Risk')[1].churnProbability).toBe(0);
	});
});
