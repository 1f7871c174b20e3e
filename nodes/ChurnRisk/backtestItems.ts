import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { backtestSteps, BacktestResult } from '../../lib/models/backtest';
import type { ModelCustomers } from '../../lib/models/modelCustomers';
import { roundTo } from '../../lib/values/rounding';
import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import { CONTINUOUS_MODELS } from '../../lib/models/purchaseModels';
import { cooperatively } from './fitCooperatively';

/**
 * The Backtest mode's outputs: one item per model with how well it predicted the held-out days
 * (first output), and one item with the choice and the tracking series, ready for a chart (second).
 */
export async function backtestItems(
	ctx: IExecuteFunctions,
	population: ModelCustomers,
	settings: { holdoutDays: number; penalizer: number },
	pairedItem: Array<{ item: number }>,
): Promise<{ models: INodeExecutionData[]; summary: INodeExecutionData; result: BacktestResult }> {
	const purchases = population.purchaseDays();
	if (!purchases) {
		throw new NodeOperationError(ctx.getNode(), "The backtest needs each customer's purchase dates", {
			description: 'Customer Data writes them (purchaseDates) when it summarises orders; a database summary has none. Put Churn Risk after Customer Data, or send it the orders.',
		});
	}
	const result = await cooperatively(ctx, backtestSteps(purchases, { analysisDay: population.latestAnalysisDay(), holdoutDays: settings.holdoutDays, penalizer: settings.penalizer }), 'The backtest');
	if (result.customers === 0) {
		throw new NodeOperationError(ctx.getNode(), `No customer had bought by ${dayNumberToIsoDate(result.calibrationDay)}, the start of the ${settings.holdoutDays} held-out days`, {
			description: 'Shorten the Horizon (Days), or backtest a longer history.',
		});
	}
	const r6 = (value: number) => (Number.isFinite(value) ? roundTo(value, 6) : null);
	const rows = result.models.map((m) => ({
		json: {
			model: m.label,
			modelName: m.name,
			chosen: m.name === result.chosen,
			converged: m.converged,
			holdoutLogLikelihoodPerCustomer: r6(m.holdoutLogLikelihoodPerCustomer),
			holdoutLogLikelihood: roundTo(m.holdoutLogLikelihood, 3),
			churnAuc: r6(m.churnAuc),
			brierScore: r6(m.brierScore),
			repeatPurchasesMae: r6(m.repeatPurchasesMae),
			predictedRepeatPurchases: roundTo(m.predictedRepeatPurchases, 2),
			actualRepeatPurchases: result.actualRepeatPurchases,
			calibrationLogLikelihood: roundTo(m.calibrationLogLikelihood, 3),
			params: Object.fromEntries(Object.entries(m.params).map(([name, value]) => [name, r6(value)])),
			calibration: m.calibration.map((bin) => ({ predictedChurn: r6(bin.predicted), observedChurn: r6(bin.observed), customers: bin.customers })),
			// The risk levels this model's backtest sets (what Fit and Score would use with it).
			riskCalibration: m.riskCalibration,
		},
		pairedItem,
	}));
	const comparisonFields = ['model', 'modelName', 'chosen', 'holdoutLogLikelihoodPerCustomer', 'churnAuc', 'brierScore', 'repeatPurchasesMae', 'predictedRepeatPurchases', 'actualRepeatPurchases'] as const;
	const summary = {
		json: {
			calibrationDate: dayNumberToIsoDate(result.calibrationDay),
			analysisDate: dayNumberToIsoDate(result.analysisDay),
			holdoutDays: result.holdoutDays,
			customers: result.customers,
			repeatCustomers: result.repeatCustomers,
			holdoutBuyers: result.holdoutBuyers,
			actualRepeatPurchases: result.actualRepeatPurchases,
			chosen: result.chosen,
			reason: result.reason,
			// The models' figures again, so that this one item is the whole report (Campaign Report charts it).
			models: rows.map(({ json }) => Object.fromEntries(comparisonFields.map((field) => [field, json[field]]))),
			// One row per week: what the customers bought, and what each model expected.
			tracking: result.tracking.map((bin) => ({
				from: dayNumberToIsoDate(bin.from),
				to: dayNumberToIsoDate(bin.to),
				period: bin.holdout ? 'holdout' : 'calibration',
				actual: bin.actual,
				...Object.fromEntries(CONTINUOUS_MODELS.map((m) => [m.name, bin.predicted[m.name] === undefined ? null : roundTo(bin.predicted[m.name] as number, 2)])),
			})),
		},
		pairedItem,
	};
	return { models: rows, summary, result };
}
