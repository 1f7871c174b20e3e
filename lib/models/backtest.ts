import { runToEnd, Steps } from '../math/steps';
import type { PurchaseDays } from '../customer/purchaseDays';
import { typedCopy } from '../values/typedCopies';
import type { GroupedHistories, History } from './customerHistory';
import { fitPurchaseModelSteps } from './fitPurchaseModel';
import { namedParameters, PurchaseModel, PurchaseModelName } from './purchaseModel';
import { CONTINUOUS_MODELS } from './purchaseModels';
import { riskCalibration, RiskCalibration } from './riskLevels';
import { CalibrationBin, holdoutScores } from './holdoutScores';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs, floor, max, min } = Math;

/**
 * How well each purchase model would have predicted the shop's own recent past: the history is
 * cut at a calibration day, each model is fitted on what came before, and its predictions for the
 * held-out days are set against what the customers then did (the calibration / holdout check of
 * the BTYD literature). The model whose chances of "no order in the held-out days" score best
 * (held-out log-likelihood, a proper scoring rule on the very figure Churn Risk reports) is the
 * one to trust.
 */
export interface BacktestOptions {
	/** The last day of the history (the analysis day). */
	analysisDay: number;
	/** Days held out at the end; the calibration period ends holdoutDays before the analysis day. */
	holdoutDays: number;
	models?: readonly PurchaseModel[];
	penalizer?: number;
	timeLimitMs?: number;
	/** Days per bin of the tracking series. */
	binDays?: number;
}


export interface ModelBacktest {
	name: PurchaseModelName;
	label: string;
	converged: boolean;
	message: string;
	params: Record<string, number>;
	calibrationLogLikelihood: number;
	/** Sum over customers of ln P(what they did: order in the held-out days or not). */
	holdoutLogLikelihood: number;
	/** The same per customer. */
	holdoutLogLikelihoodPerCustomer: number;
	/** Mean absolute error of each customer's expected repeat purchases in the held-out days. */
	repeatPurchasesMae: number;
	/** Mean squared error of the chance of no order against what happened. */
	brierScore: number;
	/** Area under the ROC curve of the chance of no order for telling who did not order. */
	churnAuc: number;
	/** Expected repeat purchases of all customers in the held-out days. */
	predictedRepeatPurchases: number;
	/** Ten bins of customers by predicted chance, lowest first. */
	calibration: CalibrationBin[];
	/** Risk levels set by what these customers did (null when too few to tell). */
	riskCalibration: RiskCalibration | null;
}

export interface TrackingBin {
	/** The bin's first and last day (day numbers). */
	from: number;
	to: number;
	holdout: boolean;
	/** Repeat purchase days the customers made in the bin. */
	actual: number;
	/** What each model expected. */
	predicted: Partial<Record<PurchaseModelName, number>>;
}

export interface BacktestResult {
	calibrationDay: number;
	analysisDay: number;
	holdoutDays: number;
	/** Customers whose first purchase came by the calibration day. */
	customers: number;
	repeatCustomers: number;
	/** Customers who ordered in the held-out days, and the repeat purchase days they made there. */
	holdoutBuyers: number;
	actualRepeatPurchases: number;
	models: ModelBacktest[];
	chosen: PurchaseModelName | null;
	/** Why, in a sentence. */
	reason: string;
	tracking: TrackingBin[];
}

/** Calibration histories, grouped, and each customer's group and held-out purchase days. */
interface Split {
	groups: GroupedHistories;
	groupOf: Int32Array;
	firstDay: Int32Array;
	holdoutPurchases: Int32Array;
	/** Every repeat purchase day of the customers, for the tracking series. */
	repeatDays: Int32Array;
}

function split(purchases: PurchaseDays, calibrationDay: number, analysisDay: number): Split {
	const keys = new Map<number, number>();
	const x: number[] = [];
	const tx: number[] = [];
	const T: number[] = [];
	const weight: number[] = [];
	const groupOf: number[] = [];
	const firstDay: number[] = [];
	const holdout: number[] = [];
	const repeatDays: number[] = [];
	const { starts, days } = purchases;
	for (let k = 0; k + 1 < starts.length; k++) {
		const from = starts[k];
		const to = starts[k + 1];
		if (to === from || days[from] > calibrationDay) continue;
		const first = days[from];
		let last = first;
		let repeats = 0;
		let later = 0;
		for (let j = from + 1; j < to; j++) {
			const day = days[j];
			if (day > analysisDay) break;
			repeatDays.push(day);
			if (day <= calibrationDay) {
				repeats++;
				last = day;
			} else later++;
		}
		const key = (repeats * 1_048_576 + (last - first)) * 1_048_576 + (calibrationDay - first);
		let group = keys.get(key);
		if (group === undefined) {
			group = x.length;
			keys.set(key, group);
			x.push(repeats);
			tx.push(last - first);
			T.push(calibrationDay - first);
			weight.push(0);
		}
		weight[group]++;
		groupOf.push(group);
		firstDay.push(first);
		holdout.push(later);
	}
	const floats = (list: number[]) => typedCopy(Float64Array, list);
	return {
		groups: { x: floats(x), tx: floats(tx), T: floats(T), weight: floats(weight), customers: groupOf.length },
		groupOf: typedCopy(Int32Array, groupOf),
		firstDay: typedCopy(Int32Array, firstDay),
		holdoutPurchases: typedCopy(Int32Array, holdout),
		repeatDays: typedCopy(Int32Array, repeatDays),
	};
}

/** Bins of binDays ending at the calibration day and starting from it, over the whole history. */
function trackingBins(s: Split, calibrationDay: number, analysisDay: number, binDays: number): TrackingBin[] {
	let earliest = calibrationDay;
	for (const day of s.firstDay) earliest = min(earliest, day);
	const bins: TrackingBin[] = [];
	for (let end = calibrationDay; end > earliest; end -= binDays) bins.unshift({ from: max(earliest + 1, end - binDays + 1), to: end, holdout: false, actual: 0, predicted: {} });
	for (let from = calibrationDay + 1; from <= analysisDay; from += binDays) bins.push({ from, to: min(analysisDay, from + binDays - 1), holdout: true, actual: 0, predicted: {} });
	const before = bins.filter((bin) => !bin.holdout).length;
	for (const day of s.repeatDays) {
		const at = day <= calibrationDay ? before - 1 - floor((calibrationDay - day) / binDays) : before + floor((day - calibrationDay - 1) / binDays);
		if (at >= 0 && at < bins.length) bins[at].actual++;
	}
	return bins;
}

/** What one fitted model expects in each bin: new customers' curve before the cut, each customer's own after. */
function predictBins(model: PurchaseModel, params: number[], s: Split, bins: TrackingBin[], calibrationDay: number, alive: Float64Array): void {
	const newCustomer = new Map<number, number>();
	const expectedBy = (t: number) => {
		if (t <= 0) return 0;
		let value = newCustomer.get(t);
		if (value === undefined) {
			value = model.expectedNewCustomer(params, t);
			newCustomer.set(t, value);
		}
		return value;
	};
	const g = s.groups;
	const cohorts = new Map<number, number>();
	for (const first of s.firstDay) cohorts.set(first, (cohorts.get(first) ?? 0) + 1);
	for (const bin of bins) {
		let total = 0;
		if (!bin.holdout) {
			for (const [first, customers] of cohorts) if (bin.to > first) total += customers * (expectedBy(bin.to - first) - expectedBy(max(bin.from - 1, first) - first));
		} else {
			for (let group = 0; group < g.x.length; group++) {
				const h = { x: g.x[group], tx: g.tx[group], T: g.T[group] };
				const ifAlive = model.expectedIfAlive(params, bin.to - calibrationDay, h) - model.expectedIfAlive(params, bin.from - 1 - calibrationDay, h);
				total += g.weight[group] * alive[group] * ifAlive;
			}
		}
		bin.predicted[model.name] = total;
	}
}

export function backtest(purchases: PurchaseDays, options: BacktestOptions): BacktestResult {
	return runToEnd(backtestSteps(purchases, options));
}

export function* backtestSteps(purchases: PurchaseDays, options: BacktestOptions): Steps<BacktestResult> {
	const { analysisDay, holdoutDays } = options;
	const calibrationDay = analysisDay - holdoutDays;
	const s = split(purchases, calibrationDay, analysisDay);
	const g = s.groups;
	const n = s.groupOf.length;
	const bins = trackingBins(s, calibrationDay, analysisDay, options.binDays ?? 7);
	const churned = Array.from(s.holdoutPurchases, (y) => y === 0);
	const results: ModelBacktest[] = [];
	for (const model of options.models ?? CONTINUOUS_MODELS) {
		const fit = yield* fitPurchaseModelSteps(model, g, { penalizer: options.penalizer, timeLimitMs: options.timeLimitMs });
		const p = fit.params;
		const alive = new Float64Array(g.x.length);
		const noOrder = new Float64Array(g.x.length);
		const expected = new Float64Array(g.x.length);
		for (let group = 0; group < g.x.length; group++) {
			const h: History = { x: g.x[group], tx: g.tx[group], T: g.T[group] };
			alive[group] = model.probabilityAlive(p, h);
			noOrder[group] = model.probabilityNoPurchase(p, holdoutDays, h, alive[group]);
			expected[group] = alive[group] * model.expectedIfAlive(p, holdoutDays, h);
			yield;
		}
		let absoluteError = 0;
		let predictedTotal = 0;
		const scores = new Float64Array(n);
		for (let i = 0; i < n; i++) {
			const group = s.groupOf[i];
			absoluteError += abs(expected[group] - s.holdoutPurchases[i]);
			predictedTotal += expected[group];
			scores[i] = noOrder[group];
		}
		const held = holdoutScores(scores, churned);
		predictBins(model, p, s, bins, calibrationDay, alive);
		results.push({
			name: model.name,
			label: model.label,
			converged: fit.converged,
			message: fit.message,
			params: namedParameters(model, p),
			calibrationLogLikelihood: fit.logLikelihood,
			holdoutLogLikelihood: held.logLikelihood,
			holdoutLogLikelihoodPerCustomer: held.logLikelihoodPerCustomer,
			repeatPurchasesMae: n ? absoluteError / n : NaN,
			brierScore: held.brierScore,
			churnAuc: held.auc,
			predictedRepeatPurchases: predictedTotal,
			calibration: held.calibration,
			riskCalibration: riskCalibration(scores, churned, holdoutDays),
		});
	}
	const { chosen, reason } = choose(results, holdoutDays);
	let holdoutBuyers = 0;
	let actual = 0;
	for (let i = 0; i < n; i++) {
		if (s.holdoutPurchases[i] > 0) holdoutBuyers++;
		actual += s.holdoutPurchases[i];
	}
	let repeatCustomers = 0;
	for (let group = 0; group < g.x.length; group++) if (g.x[group] > 0) repeatCustomers += g.weight[group];
	return { calibrationDay, analysisDay, holdoutDays, customers: n, repeatCustomers, holdoutBuyers, actualRepeatPurchases: actual, models: results, chosen, reason, tracking: bins };
}

/**
 * The rule: among fits that converged, the highest held-out log-likelihood of who ordered and
 * who did not. It rewards chances that are both well ordered (AUC) and right in size
 * (calibration), which is what a churn probability is used for; the other measures are reported
 * beside it.
 */
function choose(results: ModelBacktest[], holdoutDays: number): { chosen: PurchaseModelName | null; reason: string } {
	const usable = results.filter((r) => r.converged && Number.isFinite(r.holdoutLogLikelihood));
	if (usable.length === 0) return { chosen: null, reason: 'No model could be fitted on the calibration period.' };
	const ranked = [...usable].sort((a, b) => b.holdoutLogLikelihood - a.holdoutLogLikelihood);
	const best = ranked[0];
	const others = ranked.slice(1).map((r) => `${r.holdoutLogLikelihoodPerCustomer.toFixed(4)} (${r.label})`);
	return {
		chosen: best.name,
		reason:
			`${best.label} predicted the held-out ${holdoutDays} days best: log-likelihood of who ordered ${best.holdoutLogLikelihoodPerCustomer.toFixed(4)} per customer` +
			(others.length ? ` against ${others.join(' and ')}.` : '.'),
	};
}
