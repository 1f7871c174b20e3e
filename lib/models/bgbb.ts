import { lnGamma } from '../math/lnGamma';
import { logAddExp } from '../math/logSpace';
import type { GroupedHistories, History } from './customerHistory';
import type { PurchaseModel } from './purchaseModel';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs, exp, log, max, min, round, sign } = Math;

/**
 * The BG/BB model (Fader, Hardie & Shang 2010) for discrete purchase opportunities: a
 * subscription box, a weekly market, a yearly event. While alive a customer buys at each
 * opportunity with probability p ~ Beta(alpha, beta), and after each opportunity leaves for good
 * with probability theta ~ Beta(gamma, delta). Histories count opportunities after the first
 * purchase: x opportunities with a purchase, the last at t_x, out of T (the paper's n).
 * Parameters in order alpha, beta, gamma, delta.
 */

const lnBeta = (a: number, b: number) => lnGamma(a) + lnGamma(b) - lnGamma(a + b);

/**
 * ln L(x, t_x, n) (MODELS.md): alive through all n opportunities, or gone after opportunity
 * t_x + i for some i in 0..n - t_x - 1. The sum's terms follow from one another by
 * B(a, b + 1) = B(a, b) * b / (a + b), so only its first needs log-gamma functions; each next
 * term is smaller, so the sum is taken relative to the first.
 */
function logLikelihoodOf(params: number[], x: number, tx: number, n: number): number {
	const [alpha, beta, gamma, delta] = params;
	const purchases = lnBeta(alpha, beta);
	const dropout = lnBeta(gamma, delta);
	const aliveThroughout = lnBeta(alpha + x, beta + n - x) - purchases + lnBeta(gamma, delta + n) - dropout;
	if (n <= tx) return aliveThroughout;
	const firstGone = lnBeta(alpha + x, beta + tx - x) - purchases + lnBeta(gamma + 1, delta + tx) - dropout;
	let sum = 1;
	let term = 1;
	for (let i = 0; i < n - tx - 1; i++) {
		term *= ((beta + tx - x + i) / (alpha + beta + tx + i)) * ((delta + tx + i) / (gamma + delta + 1 + tx + i));
		sum += term;
	}
	return logAddExp(aliveThroughout, firstGone + log(sum));
}

/** Opportunities count whole: a fraction of one is rounded to the nearest. */
const whole = (t: number) => max(0, round(t));
const opportunities = (h: History) => ({ x: whole(h.x), tx: whole(h.tx), n: whole(h.T) });

function probabilityAlive(params: number[], h: History): number {
	const [alpha, beta, gamma, delta] = params;
	const { x, tx, n } = opportunities(h);
	const aliveNext = lnBeta(alpha + x, beta + n - x) - lnBeta(alpha, beta) + lnBeta(gamma, delta + n + 1) - lnBeta(gamma, delta);
	return min(1, exp(aliveNext - logLikelihoodOf(params, x, tx, n)));
}

/**
 * E[X(n, n + t) | x, t_x, n] (Fader, Hardie & Shang 2010, eq. 13). The factor
 * delta/(gamma - 1) * (G(1+delta+n)/G(gamma+delta+n) - G(1+delta+n+t)/G(gamma+delta+n+t)) is
 * 0/0 at gamma = 1; there the mean of gamma = 1 -/+ 1e-4 is used.
 */
function expectedPurchases(params: number[], t: number, h: History): number {
	const [alpha, beta, gamma, delta] = params;
	const future = whole(t);
	if (future === 0) return 0;
	if (abs(gamma - 1) < 1e-6) {
		return (expectedPurchases([alpha, beta, 1 - 1e-4, delta], t, h) + expectedPurchases([alpha, beta, 1 + 1e-4, delta], t, h)) / 2;
	}
	const { x, tx, n } = opportunities(h);
	const remaining = exp(lnGamma(1 + delta + n) - lnGamma(gamma + delta + n)) - exp(lnGamma(1 + delta + n + future) - lnGamma(gamma + delta + n + future));
	const lnLead = lnBeta(alpha + x + 1, beta + n - x) - lnBeta(alpha, beta) + log(delta) - log(abs(gamma - 1)) + lnGamma(gamma + delta) - lnGamma(1 + delta) - logLikelihoodOf(params, x, tx, n);
	return sign(gamma - 1) * exp(lnLead) * remaining;
}

export const bgbbModel: PurchaseModel = {
	name: 'bgbb',
	label: 'BG/BB',
	parameterNames: ['alpha', 'beta', 'gamma', 'delta'],
	discrete: true,
	likelihoodOn(data: GroupedHistories) {
		const rows = Array.from({ length: data.x.length }, (_, i) => ({ x: whole(data.x[i]), tx: whole(data.tx[i]), n: whole(data.T[i]), weight: data.weight[i] }));
		return (params) => ({ value: rows.reduce((sum, row) => sum + row.weight * logLikelihoodOf(params, row.x, row.tx, row.n), 0) });
	},
	starts: () => [
		[1, 1, 1, 1],
		[0.5, 2, 0.5, 3],
		[2, 0.5, 2, 8],
	],
	probabilityAlive,
	expectedIfAlive(params, t, h) {
		const alive = probabilityAlive(params, h);
		return alive > 0 ? expectedPurchases(params, t, h) / alive : 0;
	},
	/** No purchase in the next t opportunities: the same record stretched over n + t, L(x, t_x, n + t) / L(x, t_x, n). */
	probabilityNoPurchase(params, t, h) {
		const { x, tx, n } = opportunities(h);
		return min(1, exp(logLikelihoodOf(params, x, tx, n + whole(t)) - logLikelihoodOf(params, x, tx, n)));
	},
	expectedNewCustomer: (params, t) => expectedPurchases(params, t, { x: 0, tx: 0, T: 0 }),
	medianTimeToNextPurchase: () => NaN,
};
