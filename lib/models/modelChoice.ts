import { dayNumberToIsoDate } from '../values/parseDate';
import { unitHash } from '../math/coarseToFine';
import { samplePurchaseDays } from '../customer/purchaseDays';
import type { Steps } from '../math/steps';
import { BacktestResult, backtestSteps } from './backtest';
import { groupHistories } from './customerHistory';
import { fitPurchaseModelSteps } from './fitPurchaseModel';
import type { ModelCustomers } from './modelCustomers';
import type { PurchaseModel, PurchaseModelName } from './purchaseModel';
import type { RiskCalibration } from './riskLevels';
import { CONTINUOUS_MODELS } from './purchaseModels';

/** How Auto chose a purchase model, for the Model output. */
export interface ModelSelection {
	/** By a backtest on the held-out days, or, without purchase dates, by fit to the whole history. */
	rule: 'backtest' | 'fit';
	chosen: PurchaseModelName;
	reason: string;
	calibrationDate: string | null;
	holdoutDays: number | null;
	comparison: Array<{
		model: PurchaseModelName;
		label: string;
		logLikelihood: number;
		holdoutLogLikelihoodPerCustomer: number | null;
		repeatPurchasesMae: number | null;
		brierScore: number | null;
		churnAuc: number | null;
	}>;
}

/** Customers Auto's backtest runs on at most (the simulated shops of the tests tell the models apart at 8,000). */
export const CHOICE_SAMPLE_CUSTOMERS = 10_000;

export interface ChoiceSettings {
	penalizer: number;
	/** The held-out days: Churn Risk's horizon, the span its figures predict. */
	holdoutDays: number;
	timeLimitMs: number;
}

/** A backtest of the given models on the customers' purchase days (a sample of them on a large base); null without purchase days. */
function* sampledBacktestSteps(customers: ModelCustomers, models: readonly PurchaseModel[], settings: ChoiceSettings): Steps<{ result: BacktestResult; sampled: boolean } | null> {
	const allDays = customers.purchaseDays();
	if (!allDays) return null;
	// The choice needs the models' relative merits, which a sample shows as well as the whole
	// base at a fraction of the three fits' cost; the chosen model is then fitted on everyone.
	const purchaseDays = samplePurchaseDays(allDays, CHOICE_SAMPLE_CUSTOMERS, unitHash);
	const result = yield* backtestSteps(purchaseDays, { analysisDay: customers.latestAnalysisDay(), holdoutDays: settings.holdoutDays, penalizer: settings.penalizer, timeLimitMs: settings.timeLimitMs, models });
	return { result, sampled: purchaseDays !== allDays };
}

/** Auto's choice, and the risk levels the chosen model's backtest sets (null without one). */
export interface ModelChoice {
	selection: ModelSelection;
	riskCalibration: RiskCalibration | null;
}

/**
 * Auto's choice among the continuous-time models. With every customer's purchase days, a
 * backtest (lib/models/backtest.ts) decides; without them (a database summary), the model that
 * fits the whole history best, which all three can be compared on since each has four parameters.
 */
export function* chooseModelSteps(customers: ModelCustomers, buyers: Int32Array, settings: ChoiceSettings): Steps<ModelChoice | null> {
	const backtested = yield* sampledBacktestSteps(customers, CONTINUOUS_MODELS, settings);
	const chosen = backtested?.result.chosen;
	if (backtested && chosen) {
		const { result, sampled } = backtested;
		return {
			selection: {
				rule: 'backtest',
				chosen,
				reason: `Chosen by a backtest${sampled ? ` on a sample of ${result.customers} of the ${customers.scoredCount} customers` : ''}: fitted on the history to ${dayNumberToIsoDate(result.calibrationDay)}, ${result.reason}`,
				calibrationDate: dayNumberToIsoDate(result.calibrationDay),
				holdoutDays: settings.holdoutDays,
				comparison: result.models.map((m) => ({
					model: m.name,
					label: m.label,
					logLikelihood: m.calibrationLogLikelihood,
					holdoutLogLikelihoodPerCustomer: m.holdoutLogLikelihoodPerCustomer,
					repeatPurchasesMae: m.repeatPurchasesMae,
					brierScore: m.brierScore,
					churnAuc: m.churnAuc,
				})),
			},
			riskCalibration: result.models.find((m) => m.name === chosen)?.riskCalibration ?? null,
		};
	}
	const histories = groupHistories({ x: customers.measure('x', buyers), tx: customers.measure('tx', buyers), T: customers.measure('T', buyers) });
	const fits: ModelSelection['comparison'] = [];
	for (const model of CONTINUOUS_MODELS) {
		const fit = yield* fitPurchaseModelSteps(model, histories, { penalizer: settings.penalizer, timeLimitMs: settings.timeLimitMs });
		if (fit.converged) fits.push({ model: model.name, label: model.label, logLikelihood: fit.logLikelihood, holdoutLogLikelihoodPerCustomer: null, repeatPurchasesMae: null, brierScore: null, churnAuc: null });
	}
	if (fits.length === 0) return null;
	const best = fits.reduce((a, b) => (b.logLikelihood > a.logLikelihood ? b : a));
	const why = backtested ? 'the backtest could fit no model on the history before the held-out days' : 'the customers came without purchase dates (Customer Data writes them), so no backtest could run';
	return {
		selection: {
			rule: 'fit',
			chosen: best.model,
			reason: `Chosen by fit to the whole history, as ${why}: ${best.label} has the highest log-likelihood (${fits.map((f) => `${f.label} ${f.logLikelihood.toFixed(1)}`).join(', ')}).`,
			calibrationDate: null,
			holdoutDays: null,
			comparison: fits,
		},
		riskCalibration: null,
	};
}

/**
 * The risk levels a backtest of one chosen model sets, for a user who picked the model; with why
 * not when it cannot run.
 */
export function* riskCalibrationSteps(customers: ModelCustomers, model: PurchaseModel, settings: ChoiceSettings): Steps<{ calibration: RiskCalibration } | { why: string }> {
	if (model.discrete) return { why: `the backtest compares the models in continuous time and ${model.label} counts purchase chances` };
	const backtested = yield* sampledBacktestSteps(customers, [model], settings);
	if (!backtested) return { why: 'the customers came without purchase dates (Customer Data writes them), so no backtest could run' };
	const calibration = backtested.result.models[0]?.riskCalibration;
	if (!calibration || !backtested.result.models[0].converged) return { why: `the backtest had too few customers or buyers in the held-out ${settings.holdoutDays} days to set levels by` };
	return { calibration };
}
