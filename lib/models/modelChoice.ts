import { dayNumberToIsoDate } from '../values/parseDate';
import { unitHash } from '../math/coarseToFine';
import { samplePurchaseDays } from '../customer/purchaseDays';
import type { Steps } from '../math/steps';
import { backtestSteps } from './backtest';
import { groupHistories } from './customerHistory';
import { fitPurchaseModelSteps } from './fitPurchaseModel';
import type { ModelCustomers } from './modelCustomers';
import type { PurchaseModelName } from './purchaseModel';
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
export const CHOICE_SAMPLE_CUSTOMERS = 20_000;

export interface ChoiceSettings {
	penalizer: number;
	/** The held-out days: Churn Risk's horizon, the span its figures predict. */
	holdoutDays: number;
	timeLimitMs: number;
}

/**
 * Auto's choice among the continuous-time models. With every customer's purchase days, a
 * backtest (lib/models/backtest.ts) decides; without them (a database summary), the model that
 * fits the whole history best, which all three can be compared on since each has four parameters.
 */
export function* chooseModelSteps(customers: ModelCustomers, buyers: Int32Array, settings: ChoiceSettings): Steps<ModelSelection | null> {
	const allDays = customers.purchaseDays();
	// The choice needs the models' relative merits, which a sample shows as well as the whole
	// base at a fraction of the three fits' cost; the chosen model is then fitted on everyone.
	const purchaseDays = allDays && samplePurchaseDays(allDays, CHOICE_SAMPLE_CUSTOMERS, unitHash);
	const analysisDay = customers.latestAnalysisDay();
	if (purchaseDays) {
		const allCustomers = customers.scoredCount;
		const sampled = purchaseDays !== allDays;
		const result = yield* backtestSteps(purchaseDays, { analysisDay, holdoutDays: settings.holdoutDays, penalizer: settings.penalizer, timeLimitMs: settings.timeLimitMs });
		if (result.chosen) {
			return {
				rule: 'backtest',
				chosen: result.chosen,
				reason: `Chosen by a backtest${sampled ? ` on a sample of ${result.customers} of the ${allCustomers} customers` : ''}: fitted on the history to ${dayNumberToIsoDate(result.calibrationDay)}, ${result.reason}`,
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
			};
		}
	}
	const histories = groupHistories({ x: customers.measure('x', buyers), tx: customers.measure('tx', buyers), T: customers.measure('T', buyers) });
	const fits: ModelSelection['comparison'] = [];
	for (const model of CONTINUOUS_MODELS) {
		const fit = yield* fitPurchaseModelSteps(model, histories, { penalizer: settings.penalizer, timeLimitMs: settings.timeLimitMs });
		if (fit.converged) fits.push({ model: model.name, label: model.label, logLikelihood: fit.logLikelihood, holdoutLogLikelihoodPerCustomer: null, repeatPurchasesMae: null, brierScore: null, churnAuc: null });
	}
	if (fits.length === 0) return null;
	const best = fits.reduce((a, b) => (b.logLikelihood > a.logLikelihood ? b : a));
	const why = allDays ? 'the backtest could fit no model on the history before the held-out days' : 'the customers came without purchase dates (Customer Data writes them), so no backtest could run';
	return {
		rule: 'fit',
		chosen: best.model,
		reason: `Chosen by fit to the whole history, as ${why}: ${best.label} has the highest log-likelihood (${fits.map((f) => `${f.label} ${f.logLikelihood.toFixed(1)}`).join(', ')}).`,
		calibrationDate: null,
		holdoutDays: null,
		comparison: fits,
	};
}
