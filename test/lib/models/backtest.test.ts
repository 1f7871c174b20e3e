import { areaUnderRoc } from '../../../lib/math/auc';
import { purchaseDaysOf } from '../../../lib/customer/purchaseDays';
import { backtest } from '../../../lib/models/backtest';
import { groupHistories } from '../../../lib/models/customerHistory';
import { fitPurchaseModel, logParameterCovariance, standardErrors } from '../../../lib/models/fitPurchaseModel';
import { PURCHASE_MODELS } from '../../../lib/models/purchaseModels';
import { simulatePurchaseDays, SimulatedModel } from '../../../devkit/synthetic/purchaseModelCustomers';

/** Truths in days, far enough apart that two years of 8,000 customers tell the stories apart (seeds 3 and 4 checked). */
const TRUTHS: Array<[SimulatedModel, number[]]> = [
	['bgnbd', [0.5, 20, 0.7, 3]],
	['mbgnbd', [0.5, 20, 0.9, 2]],
	['paretonbd', [0.5, 20, 0.6, 150]],
];
const WINDOW_DAYS = 730;

describe.each(TRUTHS)('a shop whose customers follow %s', (name, truth) => {
	const lists = simulatePurchaseDays(name, truth, { customers: 8_000, seed: 3, windowDays: WINDOW_DAYS });
	const analysisDay = WINDOW_DAYS - 1;

	it('gives back the true parameters, each within three of its standard errors', () => {
		// From the story's exact times: days would merge two purchases on one day, a rounding the models do not know of.
		const model = PURCHASE_MODELS[name];
		// Pareto/NBD's likelihood costs a hypergeometric series per distinct history, and exact
		// times make every history distinct: a smaller shop keeps the test quick (wider errors).
		const exact = simulatePurchaseDays(name, truth, { customers: name === 'paretonbd' ? 4_000 : 20_000, seed: 5, windowDays: WINDOW_DAYS, wholeDays: false });
		const histories = groupHistories(exact.map((times) => ({ x: times.length - 1, tx: times[times.length - 1] - times[0], T: WINDOW_DAYS - times[0] })));
		const fit = fitPurchaseModel(model, histories);
		const errors = standardErrors(fit.params, logParameterCovariance(model, histories, fit.params) as number[][]);
		fit.params.forEach((value, k) => expect(Math.abs(value - truth[k])).toBeLessThan(3 * errors[k]));
	});

	it('is recognised by the backtest: the generating model predicts the held-out days best', () => {
		const result = backtest(purchaseDaysOf(lists), { analysisDay, holdoutDays: 180 });
		expect(result.chosen).toBe(name);
		expect(result.reason).toMatch(new RegExp(`^${PURCHASE_MODELS[name].label.replace('/', '\\/')} predicted the held-out 180 days best`));
		for (const model of result.models) {
			expect(model.churnAuc).toBeGreaterThan(0.8);
			// Aggregate predictions within 10% of what happened, for every model on this data.
			expect(Math.abs(model.predictedRepeatPurchases / result.actualRepeatPurchases - 1)).toBeLessThan(0.1);
		}
	});
});

describe('the backtest on a shop small enough to count by hand', () => {
	// Day 100 is the analysis day, held-out days 91-100 (calibration ends on day 90).
	const lists = [
		[10, 50, 95], // repeat buyer, orders again in the held-out days
		[20], // one purchase, silent since
		[30, 92, 93], // one purchase before the cut, two held-out purchase days
		[95], // first purchase after the cut: not in the backtest
		[40, 60, 80],
	];
	const result = backtest(purchaseDaysOf(lists), { analysisDay: 100, holdoutDays: 10, binDays: 10, models: [PURCHASE_MODELS.bgnbd] });

	it('splits each history at the calibration day', () => {
		expect(result.calibrationDay).toBe(90);
		expect(result.customers).toBe(4);
		expect(result.repeatCustomers).toBe(2);
		expect(result.holdoutBuyers).toBe(2);
		expect(result.actualRepeatPurchases).toBe(3);
	});

	it('counts repeat purchase days per bin of the tracking series, held-out bins after the cut', () => {
		const holdout = result.tracking.filter((bin) => bin.holdout);
		expect(holdout).toEqual([expect.objectContaining({ from: 91, to: 100, actual: 3 })]);
		const byEnd = Object.fromEntries(result.tracking.filter((bin) => !bin.holdout).map((bin) => [bin.to, bin.actual]));
		expect(byEnd).toEqual({ 20: 0, 30: 0, 40: 0, 50: 1, 60: 1, 70: 0, 80: 1, 90: 0 });
	});

	it('puts every customer in one calibration bin', () => {
		expect(result.models[0].calibration.reduce((sum, bin) => sum + bin.customers, 0)).toBe(4);
	});
});

describe('area under the ROC curve', () => {
	it('is the share of (positive, negative) pairs ranked right, ties half', () => {
		// Positives 0.9, 0.5; negatives 0.5, 0.1: pairs (0.9 > 0.5), (0.9 > 0.1), (0.5 = 0.5: half), (0.5 > 0.1) = 3.5 / 4.
		expect(areaUnderRoc([0.9, 0.5, 0.5, 0.1], [true, true, false, false])).toBeCloseTo(0.875, 12);
		expect(areaUnderRoc([0.1, 0.2], [true, false])).toBe(0);
		expect(areaUnderRoc([0.1, 0.2], [true, true])).toBeNaN();
	});
});
