import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { fileStep, linearWorkflow, rowsStep, StepSpec } from '../../devkit/engine/workflowBuilder';
import { riskLevel, RiskThresholds } from '../../lib/models/riskLevels';
import { cdnowPath, readCdnowSummary } from '../helpers/cdnow';

/*
 * Churn Risk version 3 sets its risk levels from the backtest it runs: how often the shop's own
 * customers ordered in the held-out days, against the shop's average. The sample shop: 3,000
 * customers to 2025-06-30, the last 90 days held out.
 */
const SAMPLE = path.resolve(__dirname, '../../examples/data/sample-orders.csv');
const AS_OF = '2025-06-30';
const customerData: StepSpec = { name: 'Customer Data', type: 'customerData', parameters: { source: 'binaryFile', inputKind: 'orders', output: 'customers', analysisDate: AS_OF, options: { timezone: 'Asia/Shanghai' } } };
const churnRisk = (parameters: IDataObject, typeVersion = 3): StepSpec => ({ name: 'Churn Risk', type: 'churnRisk', typeVersion, parameters: { analysisDate: AS_OF, outputAs: 'items', ...parameters } });

async function scored(parameters: IDataObject, typeVersion = 3) {
	const run = await runWorkflow(linearWorkflow([fileStep(SAMPLE), customerData, churnRisk(parameters, typeVersion)]));
	if (run.error) throw run.error;
	return { customers: run.json('Churn Risk', 0), model: run.json('Churn Risk', 1)[0], hint: run.hints('Churn Risk').join(' ') };
}

const FIXED: RiskThresholds = { medium: 0.5, high: 0.75, critical: 0.9 };
const share = (customers: IDataObject[], levels: string[]) => customers.filter((c) => levels.includes(c.riskLevel as string)).length / customers.length;

describe('Risk levels from the backtest (Churn Risk version 3)', () => {
	let run: Awaited<ReturnType<typeof scored>>;
	beforeAll(async () => {
		run = await scored({});
	});

	it('measures the held-out days as the purchase dates show them', () => {
		// Counted here from Customer Data's purchaseDates, not by the backtest: who had bought by the
		// cut (90 days before the analysis date), and who of them bought in the 90 days after.
		const cut = '2025-04-01';
		const before = run.customers.filter((c) => String(c.purchaseDates).split(',')[0] <= cut);
		const silent = before.filter((c) => !String(c.purchaseDates).split(',').some((day) => day > cut && day <= AS_OF));
		const calibration = run.model.riskCalibration as IDataObject;
		expect(calibration).toMatchObject({ holdoutDays: 90, customers: before.length });
		expect(calibration.averageChurn).toBeCloseTo(silent.length / before.length, 12);
	});

	it('gives each customer the level its churn probability reaches on the thresholds in the Model output', () => {
		const thresholds = (run.model.riskCalibration as IDataObject).thresholds as RiskThresholds;
		for (const c of run.customers) expect(c.riskLevel).toBe(riskLevel(c.churnProbability as number, thresholds));
		// Not the fixed thresholds: on them half the base would be critical.
		expect(share(run.customers, ['critical'])).toBeLessThan(share(run.customers.map((c) => ({ riskLevel: riskLevel(c.churnProbability as number, FIXED) })), ['critical']) / 10);
	});

	it('makes levels whose customers did churn more the higher the level, and keeps high and critical to fewer than half', () => {
		const bands = ((run.model.riskCalibration as IDataObject).bands as IDataObject[]).filter((b) => (b.customers as number) > 0);
		expect(bands.length).toBeGreaterThanOrEqual(3);
		const observed = bands.map((b) => b.observedChurn as number);
		expect(observed).toEqual([...observed].sort((a, b) => a - b));
		expect(new Set(observed).size).toBe(observed.length);
		expect(share(run.customers, ['high', 'critical'])).toBeLessThan(0.5);
		expect(share(run.customers, ['low'])).toBeGreaterThan(0.2);
	});

	it('says in the hint how the levels were set', () => {
		expect(run.model.notes).toContainEqual(expect.stringMatching(/^Risk levels set by the backtest: of \d+ customers, 82% did not order in the 90 held-out days; medium orders less often than that average/));
		expect(run.hint).toContain('Risk levels set by the backtest');
	});

	it('scores with the saved model on the same levels, and on the fixed ones when the horizon differs', async () => {
		const modelJson = JSON.stringify(run.model);
		const again = await scored({ mode: 'scoreWithSavedModel', modelSource: 'json', modelJson });
		expect(again.customers.map((c) => c.riskLevel)).toEqual(run.customers.map((c) => c.riskLevel));
		const longer = await scored({ mode: 'scoreWithSavedModel', modelSource: 'json', modelJson, horizonDays: 180 });
		for (const c of longer.customers) expect(c.riskLevel).toBe(riskLevel(c.churnProbability as number, FIXED));
		expect(longer.hint).toContain("Risk levels follow the fixed thresholds, as the model's backtest held out 90 days and the horizon is 180");
	});
});

describe('Risk levels on the CDNOW master, the last 90 days held out', () => {
	it("calls the long-silent buyers of early 1997 critical: customers like them ordered at under a quarter of the shop's average", async () => {
		const run = await runWorkflow(
			linearWorkflow([
				fileStep(cdnowPath('CDNOW_master.txt')),
				{ name: 'Customer Data', type: 'customerData', parameters: { source: 'binaryFile', analysisDate: '1998-06-30', fieldMapping: { mapping: [{ field: 'amount', column: 'dollar_value' }] } } },
				churnRisk({ analysisDate: '1998-06-30', horizonDays: 90 }),
			]),
		);
		if (run.error) throw run.error;
		const customers = run.json('Churn Risk', 0);
		const calibration = run.json('Churn Risk', 1)[0].riskCalibration as IDataObject;
		const count = (level: string) => customers.filter((c) => c.riskLevel === level).length;
		expect([count('low'), count('medium'), count('high'), count('critical')]).toEqual([8000, 1080, 665, 13825]);
		const critical = customers.filter((c) => c.riskLevel === 'critical');
		expect(critical.filter((c) => c.orders === 1).length / critical.length).toBeGreaterThan(0.85);
		const recency = critical.map((c) => c.recencyDays as number).sort((a, b) => a - b);
		expect(recency[Math.floor(recency.length / 2)]).toBeGreaterThan(365);
		const band = (calibration.bands as IDataObject[])[3];
		const averageOrderRate = 1 - (calibration.averageChurn as number);
		expect((1 - (band.observedChurn as number)) / averageOrderRate).toBeLessThan(0.25);
	});
});

describe('Risk levels on fixed thresholds', () => {
	it('are what nodes before version 3 keep', async () => {
		const run = await scored({ purchaseModel: 'bgnbd' }, 2);
		expect(run.model.riskCalibration).toBeNull();
		for (const c of run.customers) expect(c.riskLevel).toBe(riskLevel(c.churnProbability as number, FIXED));
	});

	it('are used when chosen, with the thresholds given', async () => {
		const run = await scored({ riskLevels: 'thresholds', options: { riskThresholds: '0.6, 0.8, 0.95' } });
		expect(run.model.riskCalibration).toBeNull();
		for (const c of run.customers) expect(c.riskLevel).toBe(riskLevel(c.churnProbability as number, { medium: 0.6, high: 0.8, critical: 0.95 }));
	});

	it('stand in when the churn probability is the chance of having left, which the backtest did not measure', async () => {
		const run = await scored({ churnDefinition: 'notAlive' });
		for (const c of run.customers) expect(c.riskLevel).toBe(riskLevel(c.churnProbability as number, FIXED));
		expect(run.hint).toContain('Risk levels follow the fixed thresholds, as the backtest measured who ordered');
	});

	it('stand in without purchase dates (a database summary), and the node says why', async () => {
		const rows = readCdnowSummary().map((c) => ({ customerId: c.id, frequency: c.x, recency: c.tx * 7, T: c.T * 7 }));
		const run = await runWorkflow(linearWorkflow([rowsStep(rows), churnRisk({ purchaseModel: 'bgnbd', analysisDate: '1997-09-30' })]));
		if (run.error) throw run.error;
		expect(run.json('Churn Risk', 1)[0].riskCalibration).toBeNull();
		expect(run.hints('Churn Risk').join(' ')).toContain('Risk levels follow the fixed thresholds, as the customers came without purchase dates');
	});
});
