import fc from 'fast-check';
import { ChurnModel, fitChurnModel, FitSettings, FittedPurchaseModel, ModelCustomer } from '../../lib/models/churnModel';
import { namedParameters, PURCHASE_MODEL_NAMES } from '../../lib/models/purchaseModel';
import { PURCHASE_MODELS } from '../../lib/models/purchaseModels';
import { ChurnScorer, ScoringSettings } from '../../lib/models/churnScoring';

/*
 * Whatever the model and its parameters (as a fit or a pasted model may have them) and whatever a
 * customer's history, a score is finite, probabilities lie in [0, 1], and the next-order date
 * is a real date or empty.
 */

const FIT: FitSettings = { penalizer: 0, minCustomers: 20, minRepeatCustomers: 10, frequencyBasis: 'orders', monetaryBasis: 'total', model: 'bgnbd', periodDays: 7, holdoutDays: 90, riskLevels: 'thresholds' };
const ANALYSIS_DAY = 20_000;

import { btydCustomers } from '../../devkit/synthetic/btydCustomers';

function customer(x: number, tx: number, T: number, m: number): ModelCustomer {
	const orders = x + 1;
	return { customerId: 'C', recencyDays: T - tx, orders, totalSpend: m * orders, avgOrderValue: m, history: { x, tx, T }, spend: { x, m: x > 0 ? m : 0 }, ownGapDays: x > 0 ? tx / x : null, analysisDay: ANALYSIS_DAY };
}

const base: ChurnModel = fitChurnModel(
	[...btydCustomers({ customers: 500, seed: 11 })].map(({ days, amounts }) => {
		const d = [...new Set(days)];
		return customer(d.length - 1, d[d.length - 1] - d[0], 546 - d[0], amounts.reduce((s, a) => s + a, 0) / amounts.length);
	}),
	FIT,
	new Date(0),
);

const positive = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

describe('Churn Risk scores stay sane for any parameters and history', () => {
	it('gives finite numbers, probabilities in [0, 1] and a real date or none', () => {
		expect(base.purchaseModel).not.toBeNull();
		fc.assert(
			fc.property(
				fc.constantFrom(...PURCHASE_MODEL_NAMES),
				fc.tuple(positive(0.005, 50), positive(0.01, 5000), positive(0.01, 50), positive(0.01, 5000)),
				fc.record({ x: fc.integer({ min: 0, max: 2000 }), tx: fc.integer({ min: 0, max: 5000 }), extra: fc.integer({ min: 0, max: 5000 }), m: positive(0, 1e6) }),
				fc.record({ horizonDays: fc.integer({ min: 1, max: 3650 }), notAlive: fc.boolean() }),
				(name, values, h, s) => {
					const purchaseModel = PURCHASE_MODELS[name];
					const fitted = { ...(base.purchaseModel as FittedPurchaseModel), name, params: namedParameters(purchaseModel, values), periodDays: purchaseModel.discrete ? 7 : null };
					const model: ChurnModel = { ...base, method: name, purchaseModel: fitted };
					const settings: ScoringSettings = { horizonDays: s.horizonDays, churnDefinition: s.notAlive ? 'notAlive' : 'noOrderInHorizon', riskLevels: 'thresholds', riskThresholds: { medium: 0.5, high: 0.75, critical: 0.9 }, clvMonths: 12, monthlyDiscountRate: 0.01 };
					const tx = h.x === 0 ? 0 : h.tx;
					const scores = new ChurnScorer(model, settings).score(customer(h.x, tx, tx + h.extra, h.m));
					for (const f of ['pAlive', 'churnProbability', 'expectedOrders', 'expectedAvgOrderValue', 'predictedClv', 'historicClv'] as const) expect([f, Number.isFinite(scores[f])]).toEqual([f, true]);
					// An interval is known (finite, around its figure) or not given at all.
					for (const f of ['expectedOrders', 'predictedClv'] as const) {
						const [low, high] = [scores[`${f}Low`], scores[`${f}High`]];
						expect([f, low === null ? high === null : Number.isFinite(low) && Number.isFinite(high) && (low as number) <= scores[f] + 1e-9 && scores[f] <= (high as number) + 1e-9]).toEqual([f, true]);
					}
					expect(scores.pAlive).toBeGreaterThanOrEqual(0);
					expect(scores.pAlive).toBeLessThanOrEqual(1);
					expect(scores.churnProbability).toBeGreaterThanOrEqual(0);
					expect(scores.churnProbability).toBeLessThanOrEqual(1);
					if (scores.expectedNextOrderAt !== null) expect(Number.isNaN(Date.parse(scores.expectedNextOrderAt))).toBe(false);
				},
			),
			{ numRuns: 400 },
		);
	});
});
