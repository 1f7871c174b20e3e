import { roundTo } from '../values/rounding';
import { dayNumberToIsoDate } from '../values/parseDate';
import { expectedIfAlive, medianTimeToNextPurchase, probabilityAlive, probabilityNoPurchase } from './bgnbd';
import { cadenceScores } from './cadenceHeuristic';
import { ChurnModel, ModelCustomer, rfmFrequency, rfmMonetary } from './churnModel';
import { discountedPurchasesIfAlive } from './clv';
import { expectedAverageSpend } from './gammaGamma';
import { RfmScore, scoreRfm } from './rfm';

export type ChurnDefinition = 'notAlive' | 'noOrderInHorizon';
/** The risk levels, least to most. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

export interface ScoringSettings {
	horizonDays: number;
	/** 1 - P(alive), or the probability of no order within the horizon. */
	churnDefinition: ChurnDefinition;
	/** churnProbability at or above which the level is medium, high, critical. */
	riskThresholds: { medium: number; high: number; critical: number };
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
	historicClv: number;
	churnMethod: 'bgnbd' | 'cadence';
}

/** Probabilities stay in [0, 1] and finite whatever the history. */
const probability = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);
const finite = (value: number) => (Number.isFinite(value) ? value : 0);

export function riskLevel(churnProbability: number, t: ScoringSettings['riskThresholds']): RiskLevel {
	return churnProbability >= t.critical ? 'critical' : churnProbability >= t.high ? 'high' : churnProbability >= t.medium ? 'medium' : 'low';
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
}

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

/**
 * Scores customers with one model and one set of settings (score, on measure's arithmetic). The BG/NBD
 * expectations of a customer known to be alive depend on (x, T) only, and customer bases
 * repeat those pairs a lot, so they are computed once per pair.
 */
export class ChurnScorer {
	private readonly ifAlive = new Map<number | string, { horizon: number; discountedMonths: number }>();
	private readonly measures: Measures = { pAlive: 0, churnProbability: 0, expectedOrders: 0, expectedOrdersIfActive: 0, daysToNext: 0, spend: 0, clv: 0 };

	constructor(
		private readonly model: ChurnModel,
		private readonly settings: ScoringSettings,
	) {}

	private expectationsIfAlive(x: number, T: number) {
		const key = Number.isInteger(x) && Number.isInteger(T) && x >= 0 && T >= 0 && x < PAIR_KEY && T < PAIR_KEY ? x * PAIR_KEY + T : `${x}|${T}`;
		let cached = this.ifAlive.get(key);
		if (!cached) {
			const params = (this.model.bgnbd as NonNullable<ChurnModel['bgnbd']>).params;
			cached = {
				horizon: expectedIfAlive(params, this.settings.horizonDays, { x, T }),
				discountedMonths: discountedPurchasesIfAlive(params, { x, T }, this.settings.clvMonths, this.settings.monthlyDiscountRate),
			};
			if (this.ifAlive.size < 1_000_000) this.ifAlive.set(key, cached);
		}
		return cached;
	}

	/** The scores of one customer, written into this.measures rather than a new object. */
	private measure(x: number, tx: number, T: number, recencyDays: number, avgOrderValue: number, m: number, ownGapDays: number | null): Measures {
		const model = this.model;
		const s = this.settings;
		const out = this.measures;
		let pNoOrder: number;
		if (model.bgnbd) {
			const p = model.bgnbd.params;
			const history = { x, tx, T };
			const ifAlive = this.expectationsIfAlive(x, T);
			out.pAlive = probabilityAlive(p, history);
			pNoOrder = probabilityNoPurchase(p, s.horizonDays, history, out.pAlive);
			out.expectedOrdersIfActive = ifAlive.horizon;
			out.expectedOrders = ifAlive.horizon * out.pAlive;
			out.daysToNext = medianTimeToNextPurchase(p, history);
			out.spend = model.gammaGamma ? expectedAverageSpend(model.gammaGamma.params, { x, m }) : avgOrderValue || model.populationAvgOrderValue;
			out.clv = out.pAlive * out.spend * ifAlive.discountedMonths;
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
			riskLevel: riskLevel(scores.churnProbability, this.settings.riskThresholds),
			churnProbability: roundTo(scores.churnProbability, 6),
			pAlive: roundTo(scores.pAlive, 6),
			rfm,
			expectedOrders: roundTo(scores.expectedOrders, 4),
			expectedOrdersIfActive: roundTo(scores.expectedOrdersIfActive, 4),
			horizonDays: this.settings.horizonDays,
			expectedNextOrderAt: Number.isFinite(scores.daysToNext) ? dayNumberToIsoDate(c.analysisDay + Math.ceil(scores.daysToNext)) : null,
			expectedAvgOrderValue: roundTo(scores.spend, 2),
			predictedClv: roundTo(scores.clv, 2),
			historicClv: roundTo(c.totalSpend, 2),
			churnMethod: model.method,
		};
	}
}
