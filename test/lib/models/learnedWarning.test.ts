import { simulateEngagementShop } from '../../../devkit/synthetic/engagementShop';
import { purchaseDaysOf } from '../../../lib/customer/purchaseDays';
import { runToEnd } from '../../../lib/math/steps';
import { LEARNED_AUC_MARGIN, learnedWarningBacktestSteps, learnedWarningWins } from '../../../lib/models/learnedWarning';
import { PURCHASE_MODELS } from '../../../lib/models/purchaseModels';
import { riskDrivers, WARNING_FEATURES, warningFeatures } from '../../../lib/models/warningFeatures';
import { logisticContributions, logisticProbability } from '../../../lib/math/logisticRegression';

/*
 * A warning learnt from the shop's own history, against the purchase model, on days it never saw:
 * on a simulated shop whose customers stop visiting when they decide to leave, two months before
 * their orders stop, and on its twin whose visits say nothing.
 */
function backtestOf(signal: boolean, seed: number) {
	const shop = simulateEngagementShop({ customers: 8000, seed, signal });
	const result = runToEnd(
		learnedWarningBacktestSteps(purchaseDaysOf(shop.purchaseDays), shop.events, {
			analysisDay: shop.analysisDay,
			holdoutDays: 90,
			purchaseModel: PURCHASE_MODELS.bgnbd,
			penalizer: 0,
			timeLimitMs: 8000,
			features: { recentDays: 30, baselineDays: 180 },
		}),
	);
	if (!result) throw new Error('no backtest');
	return result;
}

describe('The learnt warning', () => {
	it('learns at one cut and is judged at the next, on the customers who had bought by then', () => {
		const b = backtestOf(true, 3);
		expect(b.testCut - b.trainCut).toBe(90);
		expect(b.testCut).toBe(729 - 90);
		expect(b.testCustomers).toBe(8000);
		expect(b.warning.weights).toHaveLength(WARNING_FEATURES.length);
	});

	it.each([3, 4])('beats the purchase model by the margin where visits stop before orders do (seed %d)', (seed) => {
		const b = backtestOf(true, seed);
		expect(b.learned.auc - b.purchaseModel.auc).toBeGreaterThan(LEARNED_AUC_MARGIN * 3);
		expect(b.learned.logLikelihoodPerCustomer).toBeGreaterThan(b.purchaseModel.logLikelihoodPerCustomer);
		expect(learnedWarningWins(b)).toBe(true);
		// It learnt that a customer who stopped visiting is leaving: two customers with the same
		// orders, one visiting every ten days to the cut, one who stopped two months before it.
		const visits = (until: number) => Array.from({ length: 30 }, (_, k) => 300 + 10 * k).filter((day) => day <= until).map((day) => ({ owner: { customerId: 'C', email: null, phone: null }, kind: 'session' as const, day, ms: day * 86_400_000, score: null, text: null, ticketId: null }));
		const purchaseDays = [300, 420, 560];
		const churnOf = (until: number) => logisticProbability(b.warning, warningFeatures({ purchaseDays, events: visits(until) }, 599, 0.5, { recentDays: 30, baselineDays: 180 }) as Float64Array);
		expect(churnOf(540)).toBeGreaterThan(churnOf(599) + 0.2);
		// And says so: the customer who stopped visiting has a visit feature among the top reasons.
		const stopped = warningFeatures({ purchaseDays, events: visits(540) }, 599, 0.5, { recentDays: 30, baselineDays: 180 }) as Float64Array;
		const reasons = riskDrivers(logisticContributions(b.warning, stopped));
		expect(reasons.length).toBeGreaterThan(0);
		expect(reasons.length).toBeLessThanOrEqual(3);
		expect(reasons.map((r) => r.feature).some((f) => ['activityRecent', 'activityDecline', 'daysSinceActivity'].includes(f))).toBe(true);
		expect(reasons.map((r) => r.contribution)).toEqual([...reasons.map((r) => r.contribution)].sort((x, y) => y - x));
	});

	it.each([3, 4])('does not replace the purchase model where visits say nothing (seed %d)', (seed) => {
		const b = backtestOf(false, seed);
		expect(Math.abs(b.learned.auc - b.purchaseModel.auc)).toBeLessThan(LEARNED_AUC_MARGIN / 2);
		expect(learnedWarningWins(b)).toBe(false);
	});
});
