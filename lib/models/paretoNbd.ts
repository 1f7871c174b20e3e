import { adaptiveSimpson } from '../math/adaptiveSimpson';
import { logHyp2f1 } from '../math/hypergeometric';
import { lnGamma } from '../math/lnGamma';
import { logAddExp, logOneMinusExp } from '../math/logSpace';
import { GroupedHistories, History, observedRates } from './customerHistory';
import type { PurchaseModel } from './purchaseModel';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs, exp, expm1, log, max, min } = Math;

/**
 * The Pareto/NBD model (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader & Hardie's
 * 2005 note, MODELS.md). While alive a customer buys at Poisson rate lambda ~ Gamma(r, alpha);
 * the lifetime is exponential with rate mu ~ Gamma(s, beta), so a customer can leave at any
 * moment, one-time buyers included. Parameters in order r, alpha, s, beta.
 *
 * Every quantity is built from one integral, I(A, B, p, q; from, to) = the integral of
 * (A + u)^-p (B + u)^-q over [from, to]: the likelihood's A0 is (r+s+x) I(alpha, beta, r+x, s+1;
 * t_x, T), and the chance an active customer stays silent is another. It is computed as the
 * difference of two tails in log space, each tail a Gauss hypergeometric function with z < 1
 * (see logTail), so nothing overflows and the near-cancelling difference keeps its digits.
 */

/**
 * ln of the integral of (A + u)^-p (B + u)^-q over [y, infinity), for p + q > 1. With A >= B,
 * (B + u) = (A + u)(1 - d/(A + u)), d = A - B, and the binomial series of (1 - d/w)^-q
 * integrates term by term to Y^-n / n * 2F1(n, q; n + 1; d / Y), Y = A + y, n = p + q - 1.
 */
function logTail(A: number, B: number, p: number, q: number, y: number): number {
	if (A < B) return logTail(B, A, q, p, y);
	const n = p + q - 1;
	const Y = A + y;
	const z = (A - B) / Y;
	if (z > SERIES_UP_TO) return logTailByQuadrature(A, B, p, q, y);
	return -n * log(Y) - log(n) + logHyp2f1(n, q, n + 1, z);
}

/**
 * Past this z the series needs more than ln(1e-15) / ln(z) terms (over 3,000 at 0.99, millions
 * near 1): that happens when alpha and beta are far apart, and there the tail is integrated
 * numerically instead.
 */
const SERIES_UP_TO = 0.95;

/**
 * The tail by quadrature in xi = ln((B + u) / (B + y)), where the integrand
 * (A + u)^-p (B + u)^-q (B + u) falls off exponentially, scaled by its largest value so nothing
 * underflows; integrated until it is e^-46 of that.
 */
function logTailByQuadrature(A: number, B: number, p: number, q: number, y: number): number {
	const lnV0 = log(B + y);
	const lnD = log(A - B);
	// ln v = ln v0 + xi, ln(d + v) by log-sum-exp: nothing overflows however far xi goes.
	const g = (xi: number) => lnV0 + xi - p * logAddExp(lnD, lnV0 + xi) - q * (lnV0 + xi);
	// The log-integrand rises at most until v reaches about d, then falls at rate p + q - 1.
	const knee = max(0, lnD - lnV0);
	const top = max(g(0), g(knee));
	let end = knee + 1;
	while (g(end) > top - 46 && end < 1e12) end = knee + 2 * (end - knee);
	return top + log(adaptiveSimpson((xi) => exp(g(xi) - top), 0, end, 1e-12));
}

/** ln of the integral over [from, to] (see logTail); -Infinity for an empty interval. */
function logIntegral(A: number, B: number, p: number, q: number, from: number, to: number): number {
	if (to <= from) return -Infinity;
	const lower = logTail(A, B, p, q, from);
	return lower + logOneMinusExp(min(0, logTail(A, B, p, q, to) - lower));
}

/**
 * ln of the two parts of one customer's likelihood, without the factor common to both:
 * alive to T, and gone between t_x and T.
 */
function likelihoodParts(params: number[], h: History, tails?: { lower: number; upper: number }) {
	const [r, alpha, s, beta] = params;
	const x = h.x;
	const aliveAtT = -(r + x) * log(alpha + h.T) - s * log(beta + h.T);
	let goneBetween = -Infinity;
	if (h.T > h.tx) {
		const lower = tails ? tails.lower : logTail(alpha, beta, r + x, s + 1, h.tx);
		const upper = tails ? tails.upper : logTail(alpha, beta, r + x, s + 1, h.T);
		goneBetween = log(s) + lower + logOneMinusExp(min(0, upper - lower));
	}
	return { aliveAtT, goneBetween };
}

function logLikelihoodOf(params: number[], h: History, tails?: { lower: number; upper: number }, lnGammaRx = lnGamma(params[0] + h.x)): number {
	const [r, alpha, s, beta] = params;
	const { aliveAtT, goneBetween } = likelihoodParts(params, h, tails);
	return lnGammaRx - lnGamma(r) + r * log(alpha) + s * log(beta) + logAddExp(aliveAtT, goneBetween);
}

/**
 * The (x, time) pairs the tails are needed at, t_x's and T's, each once: the hypergeometric
 * series is the likelihood's whole cost, and customer bases repeat pairs a lot.
 */
function pairIndex(data: GroupedHistories) {
	const pairs = new Map<string, number>();
	const xs: number[] = [];
	const times: number[] = [];
	const at = (x: number, t: number) => {
		const key = `${x}|${t}`;
		let found = pairs.get(key);
		if (found === undefined) {
			found = xs.length;
			pairs.set(key, found);
			xs.push(x);
			times.push(t);
		}
		return found;
	};
	const lower = new Int32Array(data.x.length);
	const upper = new Int32Array(data.x.length);
	for (let i = 0; i < data.x.length; i++) {
		if (data.T[i] <= data.tx[i]) continue;
		lower[i] = at(data.x[i], data.tx[i]);
		upper[i] = at(data.x[i], data.T[i]);
	}
	return { xs, times, lower, upper };
}

/** (r + x)(beta + T) / ((alpha + T)(s - 1)) * (1 - ((beta + T)/(beta + T + t))^(s - 1)); the limit at s = 1 is a logarithm. */
function expectedIfAlive(params: number[], t: number, h: Pick<History, 'x' | 'T'>): number {
	if (t <= 0) return 0;
	const [r, alpha, s, beta] = params;
	const lnRatio = log(beta + h.T) - log(beta + h.T + t);
	const survivalIntegral = abs(s - 1) < 1e-10 ? -lnRatio : -expm1((s - 1) * lnRatio) / (s - 1);
	return ((r + h.x) * (beta + h.T) * survivalIntegral) / (alpha + h.T);
}

function probabilityAlive(params: number[], h: History): number {
	const { aliveAtT, goneBetween } = likelihoodParts(params, h);
	const odds = goneBetween - aliveAtT;
	return odds > 0 ? exp(-odds) / (1 + exp(-odds)) : 1 / (1 + exp(odds));
}

/**
 * An active customer buys nothing in (T, T+t] when no purchase comes before the lifetime or t
 * ends: with lambda ~ Gamma(r+x, alpha+T) and mu ~ Gamma(s, beta+T) given activity at T, that is
 * ((A/(A+t))^(r+x) (B/(B+t))^s + s B^s A^(r+x) I(A, B, r+x, s+1; 0, t)), A = alpha+T, B = beta+T.
 */
function silentIfAlive(params: number[], t: number, h: History): number {
	const [r, alpha, s, beta] = params;
	const A = alpha + h.T;
	const B = beta + h.T;
	const lnA = log(A);
	const lnB = log(B);
	const throughout = (r + h.x) * (lnA - log(A + t)) + s * (lnB - log(B + t));
	const leftFirst = log(s) + s * lnB + (r + h.x) * lnA + logIntegral(A, B, r + h.x, s + 1, 0, t);
	return exp(logAddExp(throughout, leftFirst));
}

export const paretoNbdModel: PurchaseModel = {
	name: 'paretonbd',
	label: 'Pareto/NBD',
	parameterNames: ['r', 'alpha', 's', 'beta'],
	discrete: false,
	likelihoodOn(data) {
		const pairs = pairIndex(data);
		return (params) => {
			const [r, alpha, s, beta] = params;
			const tails = pairs.xs.map((x, k) => logTail(alpha, beta, r + x, s + 1, pairs.times[k]));
			// ln G(r + x) once per distinct x.
			const lnGammaRx = new Map<number, number>();
			let value = 0;
			for (let i = 0; i < data.x.length; i++) {
				const h = { x: data.x[i], tx: data.tx[i], T: data.T[i] };
				let gammaTerm = lnGammaRx.get(h.x);
				if (gammaTerm === undefined) lnGammaRx.set(h.x, (gammaTerm = lnGamma(r + h.x)));
				value += data.weight[i] * logLikelihoodOf(params, h, { lower: tails[pairs.lower[i]], upper: tails[pairs.upper[i]] }, gammaTerm);
			}
			return { value };
		};
	},
	starts(data) {
		const { meanRate, meanT } = observedRates(data);
		// r / alpha is the mean purchase rate, beta / (s - 1) the mean lifetime: start near the data's.
		return [
			[1, 1 / meanRate, 1, meanT],
			[0.5, 0.5 / meanRate, 0.5, meanT / 2],
			[2, 2 / meanRate, 2, 2 * meanT],
		];
	},
	probabilityAlive,
	expectedIfAlive: (params, t, h) => expectedIfAlive(params, t, h),
	probabilityNoPurchase(params, t, h, alive = probabilityAlive(params, h)) {
		if (t <= 0) return 1;
		return min(1, max(0, 1 - alive + alive * silentIfAlive(params, t, h)));
	},
	expectedNewCustomer: (params, t) => expectedIfAlive(params, t, { x: 0, T: 0 }),
	medianTimeToNextPurchase: ([r, alpha], h) => (alpha + h.T) * expm1(Math.LN2 / (r + h.x)),
};
