import { roundTo } from '../values/rounding';
import { dayNumberToIsoDate } from '../values/parseDate';
import { cadenceScores } from './cadenceHeuristic';
import { History, packedHistory } from './customerHistory';
import { normalQuantile } from '../math/normalDistribution';
import { opportunitiesOf, spanInModelTime } from './modelTime';
import { parameterList, PurchaseModel } from './purchaseModel';
import { PURCHASE_MODELS } from './purchaseModels';
import { ChurnModel, ModelCustomer, rfmFrequency, rfmMonetary } from './churnModel';
import { DAYS_PER_MONTH, discountedPurchasesIfAlive } from './clv';
import { expectedAverageSpend } from './gammaGamma';
import { RfmScore, scoreRfm } from './rfm';
import { fixedLevelsNote, isFixedLevelsNote, riskLevel, RiskLevel, RiskThresholds } from './riskLevels';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { ceil, exp, log, max, min, sqrt } = Math;

export type ChurnDefinition = 'notAlive' | 'noOrderInHorizon';
export interface ScoringSettings {
	horizonDays: number;
	/** 1 - P(alive), or the probability of no order within the horizon. */
	churnDefinition: ChurnDefinition;
	/** Levels set by the model's backtest where it has one for this horizon, else by riskThresholds. */
	riskLevels: 'backtest' | 'thresholds';
	riskThresholds: RiskThresholds;
	clvMonths: number;
	monthlyDiscountRate: number;
}

export interface CustomerScores {
	rfm: RfmScore;
	pAlive: number;
	churnProbability: number;
	riskLevel: RiskLevel;
	expectedOrders: number;
	/**
	 * Expected orders in the horizon if the customer is still active (E[Y | alive]): what they
	 * would bring if won back; expectedOrders is this times pAlive.
	 */
	expectedOrdersIfActive: number;
	/** The days expectedOrders and expectedOrdersIfActive count over. */
	horizonDays: number;
	expectedNextOrderAt: string | null;
	expectedAvgOrderValue: number;
	predictedClv: number;
	/**
	 * 95% intervals of expectedOrders and predictedClv from the uncertainty of the fitted purchase
	 * model's parameters (null when the model has none: cadence scoring, an old saved model, a
	 * penalised fit).
	 */
	expectedOrdersLow: number | null;
	expectedOrdersHigh: number | null;
	predictedClvLow: number | null;
	predictedClvHigh: number | null;
	historicClv: number;
	churnMethod: ChurnModel['method'];
}

/** Probabilities stay in [0, 1] and finite whatever the history. */
const probability = (value: number) => (Number.isFinite(value) ? min(1, max(0, value)) : 0);
const finite = (value: number) => (Number.isFinite(value) ? value : 0);

/**
 * The backtest's thresholds where they measure what the churn probability says (no order within
 * the same horizon), else the node's fixed ones with the reason.
 */
function thresholdsFor(model: ChurnModel, settings: ScoringSettings): { thresholds: RiskThresholds; note: string | null } {
	const fixed = { thresholds: settings.riskThresholds, note: null };
	if (settings.riskLevels !== 'backtest') return fixed;
	const calibration = model.riskCalibration;
	const fallBack = (why: string) => ({ thresholds: settings.riskThresholds, note: fixedLevelsNote(why) });
	if (!calibration) {
		// The fit's own notes say why when it tried.
		if (model.notes.some(isFixedLevelsNote)) return fixed;
		return fallBack(model.purchaseModel ? 'the model has no backtest to set them by (fitted with Fixed Thresholds, or saved by an earlier version)' : 'customers were scored by purchase cadence');
	}
	if (settings.churnDefinition !== 'noOrderInHorizon') return fallBack("the backtest measured who ordered, and the churn probability here is the chance a customer has left");
	if (calibration.holdoutDays !== settings.horizonDays) return fallBack(`the model's backtest held out ${calibration.holdoutDays} days and the horizon is ${settings.horizonDays}`);
	return { thresholds: calibration.thresholds, note: null };
}

/** One customer's scores as plain numbers, before rounding and formatting for output. */
interface Measures {
	pAlive: number;
	churnProbability: number;
	expectedOrders: number;
	expectedOrdersIfActive: number;
	/** Median days to the next order if still active; not finite when unknown. */
	daysToNext: number;
	spend: number;
	clv: number;
	/** Standard deviations of ln expectedOrders and ln clv (delta method); NaN when unknown. */
	logSdOrders: number;
	logSdClv: number;
}

const UNKNOWN_SDS = { orders: NaN, clv: NaN };

const historyKey = (h: History): number | string => packedHistory(h.x, h.tx, h.T) ?? `${h.x}|${h.tx}|${h.T}`;

/** z of a two-sided 95% interval. */
const Z95 = normalQuantile(0.975);
/** Step in each log-parameter for the delta method's derivatives. */
const DELTA_STEP = 1e-4;

/**
 * A customer whose next order would come only after this many of their own gaps since the last
 * one is churned by the Lifecycle Stage default (Churned After: 4 usual gaps): a date past that
 * is no expectation anyone can act on.
 */
const PLAUSIBLE_GAPS = 4;

/**
 * The median days to the next order when it is worth showing: within the prediction horizon,
 * and (for a customer with a rhythm of their own) within PLAUSIBLE_GAPS of their gaps since the
 * last order. Otherwise NaN, and expectedNextOrderAt stays empty: a date years away (2010 for
 * a 1997 analysis) says only "not soon", which the churn probability says better.
 */
export function plausibleDaysToNext(days: number, horizonDays: number, recencyDays: number, ownGapDays: number | null): number {
	if (!Number.isFinite(days) || days > horizonDays) return NaN;
	if (ownGapDays !== null && ownGapDays > 0 && recencyDays + days > PLAUSIBLE_GAPS * ownGapDays) return NaN;
	return days;
}

/** (x, T) pairs of whole days below these bounds share one exact number key. */
const PAIR_KEY = 2_097_152;

/** What the model expects of an active customer with a given (x, T): at the fit and at each shifted parameter. */
interface IfAlive {
	horizon: number;
	discountedMonths: number;
	/** The same at each parameter shifted by +DELTA_STEP, then -DELTA_STEP, in log space (when there is a covariance). */
	shifted: Array<{ horizon: number; discountedMonths: number }>;
}

/**
 * Scores customers with one model and one set of settings (score, on measure's arithmetic). The
 * expectations of a customer known to be alive depend on (x, T) only in every model, and
 * customer bases repeat those pairs a lot, so they are computed once per pair.
 */
export class ChurnScorer {
	private readonly ifAlive = new Map<number | string, IfAlive>();
	/** The delta method's standard deviations by whole history (x, t_x, T), which bases repeat too. */
	private readonly logSds = new Map<number | string, { orders: number; clv: number }>();
	private readonly measures: Measures = { pAlive: 0, churnProbability: 0, expectedOrders: 0, expectedOrdersIfActive: 0, daysToNext: 0, spend: 0, clv: 0, logSdOrders: NaN, logSdClv: NaN };
	private readonly purchaseModel: PurchaseModel | null;
	private readonly params: number[] = [];
	/** The parameters shifted one at a time for the delta method: +step for each, then -step. */
	private readonly shiftedParams: number[][] = [];
	private readonly periodDays: number | null;
	private readonly horizon: number;
	private readonly unitsPerMonth: number;
	/** The thresholds the levels follow, and why when the node's own stand in for the model's. */
	readonly riskThresholds: RiskThresholds;
	readonly riskLevelsNote: string | null;

	constructor(
		private readonly model: ChurnModel,
		private readonly settings: ScoringSettings,
	) {
		const fitted = model.purchaseModel;
		this.purchaseModel = fitted ? PURCHASE_MODELS[fitted.name] : null;
		this.periodDays = fitted?.periodDays ?? null;
		this.horizon = spanInModelTime(settings.horizonDays, this.periodDays);
		this.unitsPerMonth = this.periodDays === null ? DAYS_PER_MONTH : DAYS_PER_MONTH / this.periodDays;
		({ thresholds: this.riskThresholds, note: this.riskLevelsNote } = thresholdsFor(model, settings));
		if (fitted && this.purchaseModel) {
			this.params = parameterList(this.purchaseModel, fitted.params);
			if (fitted.logCovariance) {
				for (const sign of [1, -1]) {
					for (let k = 0; k < this.params.length; k++) this.shiftedParams.push(this.params.map((p, j) => (j === k ? p * exp(sign * DELTA_STEP) : p)));
				}
			}
		}
	}

	private expectationsIfAlive(h: History): IfAlive {
		const { x, T } = h;
		const key = Number.isInteger(x) && Number.isInteger(T) && x >= 0 && T >= 0 && x < PAIR_KEY && T < PAIR_KEY ? x * PAIR_KEY + T : `${x}|${T}`;
		let cached = this.ifAlive.get(key);
		if (!cached) {
			const model = this.purchaseModel as PurchaseModel;
			const at = (params: number[]) => ({
				horizon: model.expectedIfAlive(params, this.horizon, h),
				discountedMonths: discountedPurchasesIfAlive(model, params, h, this.settings.clvMonths, this.settings.monthlyDiscountRate, this.unitsPerMonth),
			});
			cached = { ...at(this.params), shifted: this.shiftedParams.map(at) };
			if (this.ifAlive.size < 1_000_000) this.ifAlive.set(key, cached);
		}
		return cached;
	}

	/**
	 * Standard deviations of ln(expected orders) and ln(CLV) by the delta method: the gradient of
	 * each in the log-parameters (central differences) against the fit's covariance. The spend per
	 * order is taken as estimated.
	 */
	private logStandardDeviations(h: History, ifAlive: IfAlive): { orders: number; clv: number } {
		const fitted = this.model.purchaseModel;
		if (!fitted?.logCovariance || ifAlive.shifted.length === 0) return UNKNOWN_SDS;
		const key = historyKey(h);
		let sds = this.logSds.get(key);
		if (!sds) {
			sds = this.deltaMethod(h, ifAlive, fitted.logCovariance);
			if (this.logSds.size < 1_000_000) this.logSds.set(key, sds);
		}
		return sds;
	}

	private deltaMethod(h: History, ifAlive: IfAlive, logCovariance: number[][]): { orders: number; clv: number } {
		const model = this.purchaseModel as PurchaseModel;
		const n = this.params.length;
		const lnOrders: number[] = [];
		const lnClv: number[] = [];
		for (let k = 0; k < 2 * n; k++) {
			const alive = model.probabilityAlive(this.shiftedParams[k], h);
			lnOrders.push(log(alive * ifAlive.shifted[k].horizon));
			lnClv.push(log(alive * ifAlive.shifted[k].discountedMonths));
		}
		const sd = (values: number[]) => {
			const gradient = Array.from({ length: n }, (_, k) => (values[k] - values[n + k]) / (2 * DELTA_STEP));
			let variance = 0;
			for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) variance += gradient[i] * logCovariance[i][j] * gradient[j];
			return Number.isFinite(variance) && variance >= 0 ? sqrt(variance) : NaN;
		};
		return { orders: sd(lnOrders), clv: sd(lnClv) };
	}

	/** The scores of one customer, written into this.measures rather than a new object. */
	private measure(x: number, tx: number, T: number, recencyDays: number, avgOrderValue: number, m: number, ownGapDays: number | null): Measures {
		const model = this.model;
		const s = this.settings;
		const out = this.measures;
		let pNoOrder: number;
		out.logSdOrders = NaN;
		out.logSdClv = NaN;
		if (this.purchaseModel) {
			const purchases = this.purchaseModel;
			const p = this.params;
			const history = this.periodDays === null ? { x, tx, T } : opportunitiesOf({ x, tx, T }, this.periodDays);
			const ifAlive = this.expectationsIfAlive(history);
			out.pAlive = purchases.probabilityAlive(p, history);
			pNoOrder = purchases.probabilityNoPurchase(p, this.horizon, history, out.pAlive);
			out.expectedOrdersIfActive = ifAlive.horizon;
			out.expectedOrders = ifAlive.horizon * out.pAlive;
			const toNext = purchases.medianTimeToNextPurchase(p, history);
			out.daysToNext = this.periodDays === null ? toNext : toNext * this.periodDays;
			out.spend = model.gammaGamma ? expectedAverageSpend(model.gammaGamma.params, { x, m }) : avgOrderValue || model.populationAvgOrderValue;
			out.clv = out.pAlive * out.spend * ifAlive.discountedMonths;
			const sd = this.logStandardDeviations(history, ifAlive);
			out.logSdOrders = sd.orders;
			out.logSdClv = sd.clv;
		} else {
			out.spend = avgOrderValue || model.populationAvgOrderValue;
			const h = cadenceScores(
				{ recencyDays, repeatPurchases: x, ownGapDays, avgOrderValue: out.spend },
				model.populationGapDays,
				s.horizonDays,
				s.clvMonths,
				s.monthlyDiscountRate,
			);
			out.pAlive = h.pAlive;
			pNoOrder = h.probabilityNoOrder;
			out.expectedOrders = h.expectedOrders;
			out.expectedOrdersIfActive = s.horizonDays / h.gapDays;
			out.daysToNext = h.medianDaysToNextOrder;
			out.clv = h.predictedClv;
		}
		out.daysToNext = plausibleDaysToNext(out.daysToNext, s.horizonDays, recencyDays, x >= 1 ? ownGapDays : null);
		out.pAlive = probability(out.pAlive);
		out.churnProbability = probability(s.churnDefinition === 'notAlive' ? 1 - out.pAlive : pNoOrder);
		out.expectedOrders = finite(out.expectedOrders);
		out.expectedOrdersIfActive = finite(out.expectedOrdersIfActive);
		out.spend = finite(out.spend);
		out.clv = finite(out.clv);
		return out;
	}

	score(c: ModelCustomer): CustomerScores {
		const model = this.model;
		const rfm = scoreRfm(model.rfm.breakpoints, {
			recencyDays: c.recencyDays,
			frequency: rfmFrequency(c.orders, c.history.x, model.rfm.frequencyBasis),
			monetary: rfmMonetary(c.totalSpend, c.avgOrderValue, model.rfm.monetaryBasis),
		});
		const h = c.history;
		const scores = this.measure(h.x, h.tx, h.T, c.recencyDays, c.avgOrderValue, c.spend.m, c.ownGapDays);
		return {
			riskLevel: riskLevel(scores.churnProbability, this.riskThresholds),
			churnProbability: roundTo(scores.churnProbability, 6),
			pAlive: roundTo(scores.pAlive, 6),
			rfm,
			expectedOrders: roundTo(scores.expectedOrders, 4),
			expectedOrdersIfActive: roundTo(scores.expectedOrdersIfActive, 4),
			horizonDays: this.settings.horizonDays,
			expectedNextOrderAt: Number.isFinite(scores.daysToNext) ? dayNumberToIsoDate(c.analysisDay + ceil(scores.daysToNext)) : null,
			expectedAvgOrderValue: roundTo(scores.spend, 2),
			predictedClv: roundTo(scores.clv, 2),
			expectedOrdersLow: intervalEnd(scores.expectedOrders, -scores.logSdOrders, scores.logSdOrders, 4),
			expectedOrdersHigh: intervalEnd(scores.expectedOrders, scores.logSdOrders, scores.logSdOrders, 4),
			predictedClvLow: intervalEnd(scores.clv, -scores.logSdClv, scores.logSdClv, 2),
			predictedClvHigh: intervalEnd(scores.clv, scores.logSdClv, scores.logSdClv, 2),
			historicClv: roundTo(c.totalSpend, 2),
			churnMethod: model.method,
		};
	}
}

/**
 * One end of a positive figure's 95% interval on the log scale, value * exp(-/+ 1.96 sd) for sd
 * the standard deviation of ln(value) (`shift` is -sd or +sd): the normal approximation holds
 * better there and the low end stays above zero. Null when sd is unknown, or so large that the
 * top overflows and the interval says nothing.
 */
function intervalEnd(value: number, shift: number, logSd: number, digits: number): number | null {
	if (!(Number.isFinite(logSd) && value > 0 && Number.isFinite(value * exp(Z95 * logSd)))) return null;
	return roundTo(value * exp(Z95 * shift), digits);
}
