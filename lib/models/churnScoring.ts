import { dayNumberToIsoDate } from '../ingest/parseDate';
import { expectedIfAlive, medianTimeToNextPurchase, probabilityAlive, probabilityNoPurchase } from './bgnbd';
import { cadenceScores } from './cadenceHeuristic';
import { ChurnModel, ModelCustomer, rfmFrequency, rfmMonetary } from './churnModel';
import { discountedPurchasesIfAlive } from './clv';
import { expectedAverageSpend } from './gammaGamma';
import { RfmScore, scoreRfm } from './rfm';

export type ChurnDefinition = 'notAlive' | 'noOrderInHorizon';
export type RiskLevel = 'low' | 'medium' | 'high' | 'critical';

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
	expectedNextOrderAt: string | null;
	expectedAvgOrderValue: number;
	predictedClv: number;
	historicClv: number;
	churnMethod: 'bgnbd' | 'cadence';
}

const round = (value: number, digits: number) => {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
};
/** Probabilities stay in [0, 1] and finite whatever the history. */
const probability = (value: number) => (Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0);
const finite = (value: number) => (Number.isFinite(value) ? value : 0);

export function riskLevel(churnProbability: number, t: ScoringSettings['riskThresholds']): RiskLevel {
	if (churnProbability >= t.critical) return 'critical';
	if (churnProbability >= t.high) return 'high';
	if (churnProbability >= t.medium) return 'medium';
	return 'low';
}

/**
 * Scores customers with one model and one set of settings. The BG/NBD expectations of a
 * customer known to be alive depend on (x, T) only, and customer bases repeat those pairs a
 * lot, so they are computed once per pair.
 */
export class ChurnScorer {
	private readonly ifAlive = new Map<string, { horizon: number; discountedMonths: number }>();

	constructor(
		private readonly model: ChurnModel,
		private readonly settings: ScoringSettings,
	) {}

	private expectationsIfAlive(x: number, T: number) {
		const key = `${x}|${T}`;
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

	score(c: ModelCustomer): CustomerScores {
		return scoreWith(this.model, c, this.settings, this.model.bgnbd ? (x, T) => this.expectationsIfAlive(x, T) : undefined);
	}
}

export function scoreCustomer(model: ChurnModel, c: ModelCustomer, s: ScoringSettings): CustomerScores {
	return new ChurnScorer(model, s).score(c);
}

function scoreWith(
	model: ChurnModel,
	c: ModelCustomer,
	s: ScoringSettings,
	expectationsIfAlive: ((x: number, T: number) => { horizon: number; discountedMonths: number }) | undefined,
): CustomerScores {
	const rfm = scoreRfm(model.rfm.breakpoints, {
		recencyDays: c.recencyDays,
		frequency: rfmFrequency(c, model.rfm.frequencyBasis),
		monetary: rfmMonetary(c, model.rfm.monetaryBasis),
	});
	let pAlive: number;
	let pNoOrder: number;
	let expectedOrders: number;
	let daysToNext: number;
	let spend: number;
	let clv: number;
	if (model.bgnbd && expectationsIfAlive) {
		const p = model.bgnbd.params;
		const ifAlive = expectationsIfAlive(c.history.x, c.history.T);
		pAlive = probabilityAlive(p, c.history);
		pNoOrder = probabilityNoPurchase(p, s.horizonDays, c.history);
		expectedOrders = ifAlive.horizon * pAlive;
		daysToNext = medianTimeToNextPurchase(p, c.history);
		spend = model.gammaGamma ? expectedAverageSpend(model.gammaGamma.params, c.spend) : c.avgOrderValue || model.populationAvgOrderValue;
		clv = pAlive * spend * ifAlive.discountedMonths;
	} else {
		spend = c.avgOrderValue || model.populationAvgOrderValue;
		const h = cadenceScores(
			{ recencyDays: c.recencyDays, repeatPurchases: c.history.x, ownGapDays: c.ownGapDays, avgOrderValue: spend },
			model.populationGapDays,
			s.horizonDays,
			s.clvMonths,
			s.monthlyDiscountRate,
		);
		pAlive = h.pAlive;
		pNoOrder = h.probabilityNoOrder;
		expectedOrders = h.expectedOrders;
		daysToNext = h.medianDaysToNextOrder;
		clv = h.predictedClv;
	}
	pAlive = probability(pAlive);
	const churnProbability = probability(s.churnDefinition === 'notAlive' ? 1 - pAlive : pNoOrder);
	const next = Number.isFinite(daysToNext) ? dayNumberToIsoDate(c.analysisDay + Math.ceil(daysToNext)) : null;
	return {
		rfm,
		pAlive: round(pAlive, 6),
		churnProbability: round(churnProbability, 6),
		riskLevel: riskLevel(churnProbability, s.riskThresholds),
		expectedOrders: round(finite(expectedOrders), 4),
		expectedNextOrderAt: next,
		expectedAvgOrderValue: round(finite(spend), 2),
		predictedClv: round(finite(clv), 2),
		historicClv: round(c.totalSpend, 2),
		churnMethod: model.method,
	};
}
