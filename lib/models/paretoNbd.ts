import { adaptiveSimpson } from '../math/adaptiveSimpson';
import { logHyp2f1 } from '../math/hypergeometric';
import { digamma } from '../math/digamma';
import { lnGamma } from '../math/lnGamma';
import { logAddExp, logOneMinusExp } from '../math/logSpace';
import { GroupedHistories, History, observedRates } from './customerHistory';
import type { PurchaseModel } from './purchaseModel';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs, exp, expm1, log, log1p, max, min } = Math;

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

/** A tail's ln and its partial derivatives in p, q, A and B. */
interface TailWithSlopes {
	value: number;
	dp: number;
	dq: number;
	dA: number;
	dB: number;
}

/**
 * logTail with its derivatives, for the likelihood's gradient: in closed form on the series,
 * which is the same one logHyp2f1 sums after Euler's transformation, 2F1(n, q; n + 1; z) =
 * (1 - z)^(1 - q) S with S = sum over k of z^k prod_{j<k} (p + j) / (n + 1 + j). Each term's
 * derivatives in p, n and z are the term times running sums of 1/(p + j), -1/(n + 1 + j) and
 * k / z, so one pass gives S and its three derivatives. On the quadrature branch (z > 0.95, rare)
 * by central differences of that tail.
 */
function logTailWithSlopes(A: number, B: number, p: number, q: number, y: number): TailWithSlopes {
	if (A < B) {
		const swapped = logTailWithSlopes(B, A, q, p, y);
		return { value: swapped.value, dp: swapped.dq, dq: swapped.dp, dA: swapped.dB, dB: swapped.dA };
	}
	const n = p + q - 1;
	const Y = A + y;
	const z = (A - B) / Y;
	if (z > SERIES_UP_TO) return quadratureTailWithSlopes(A, B, p, q, y);
	let term = 1;
	let sum = 1;
	let byP = 0;
	let byN = 0;
	let byZ = 0;
	let harmonicP = 0;
	let harmonicN = 0;
	for (let k = 1; k <= MAX_SERIES_TERMS; k++) {
		harmonicP += 1 / (p + k - 1);
		harmonicN += 1 / (n + k);
		// The term without its last z, so that k * term / z needs no division by z (z may be 0).
		const withoutZ = (term * (p + k - 1)) / (n + k);
		term = withoutZ * z;
		sum += term;
		byP += term * harmonicP;
		byN -= term * harmonicN;
		byZ += k * withoutZ;
		if (term <= SERIES_TOLERANCE * sum) break;
	}
	const lnY = log(Y);
	// L = -n ln Y - ln n + (1 - q) ln(1 - z) + ln S, with n = p + q - 1 and z = (A - B) / Y.
	const byZTotal = -(1 - q) / (1 - z) + byZ / sum;
	return {
		value: -n * lnY - log(n) + (1 - q) * log1p(-z) + log(sum),
		dp: -lnY - 1 / n + (byP + byN) / sum,
		dq: -lnY - 1 / n - log1p(-z) + byN / sum,
		dA: -n / Y + (byZTotal * (y + B)) / (Y * Y),
		dB: -byZTotal / Y,
	};
}

const MAX_SERIES_TERMS = 2_000_000;
const SERIES_TOLERANCE = 1e-15;

function quadratureTailWithSlopes(A: number, B: number, p: number, q: number, y: number): TailWithSlopes {
	const value = logTailByQuadrature(A, B, p, q, y);
	const slope = (f: (h: number) => number, at: number) => {
		const h = 1e-5 * max(abs(at), 1e-8);
		return (f(h) - f(-h)) / (2 * h);
	};
	return {
		value,
		dp: slope((h) => logTailByQuadrature(A, B, p + h, q, y), p),
		dq: slope((h) => logTailByQuadrature(A, B, p, q + h, y), q),
		dA: slope((h) => logTailByQuadrature(A + h, B, p, q, y), A),
		dB: slope((h) => logTailByQuadrature(A, B + h, p, q, y), B),
	};
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
function likelihoodParts(params: number[], h: History) {
	const [r, alpha, s, beta] = params;
	const x = h.x;
	const aliveAtT = -(r + x) * log(alpha + h.T) - s * log(beta + h.T);
	let goneBetween = -Infinity;
	if (h.T > h.tx) {
		const lower = logTail(alpha, beta, r + x, s + 1, h.tx);
		const upper = logTail(alpha, beta, r + x, s + 1, h.T);
		goneBetween = log(s) + lower + logOneMinusExp(min(0, upper - lower));
	}
	return { aliveAtT, goneBetween };
}

/**
 * What the likelihood computes once per distinct value rather than per history: the tails at
 * each (x, time) pair of t_x's and T's (the hypergeometric series is the likelihood's main cost),
 * ln G(r + x) per x, ln(alpha + T) and ln(beta + T) per T. Customer bases repeat all of them a lot.
 */
function distinctValues(data: GroupedHistories) {
	const numbering = <K>(keys: Map<K, number>, key: K, add: () => void) => {
		let found = keys.get(key);
		if (found === undefined) {
			found = keys.size;
			keys.set(key, found);
			add();
		}
		return found;
	};
	const pairKeys = new Map<string, number>();
	const xs: number[] = [];
	const times: number[] = [];
	const lower = new Int32Array(data.x.length);
	const upper = new Int32Array(data.x.length);
	const pair = (x: number, t: number) => numbering(pairKeys, `${x}|${t}`, () => (xs.push(x), times.push(t)));
	const xKeys = new Map<number, number>();
	const distinctX: number[] = [];
	const xIndex = new Int32Array(data.x.length);
	const tKeys = new Map<number, number>();
	const distinctT: number[] = [];
	const tIndex = new Int32Array(data.x.length);
	for (let i = 0; i < data.x.length; i++) {
		const x = data.x[i];
		const T = data.T[i];
		xIndex[i] = numbering(xKeys, x, () => distinctX.push(x));
		tIndex[i] = numbering(tKeys, T, () => distinctT.push(T));
		if (T <= data.tx[i]) continue;
		lower[i] = pair(x, data.tx[i]);
		upper[i] = pair(x, T);
	}
	return { pairs: { xs, times, lower, upper }, distinctX, xIndex, distinctT, tIndex };
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
		const { pairs, distinctX, xIndex, distinctT, tIndex } = distinctValues(data);
		return (params) => {
			const [r, alpha, s, beta] = params;
			const tails = pairs.xs.map((x, k) => logTailWithSlopes(alpha, beta, r + x, s + 1, pairs.times[k]));
			const lnGammaRx = distinctX.map((x) => lnGamma(r + x));
			const digammaRx = distinctX.map((x) => digamma(r + x));
			const lnAlphaT = distinctT.map((T) => log(alpha + T));
			const lnBetaT = distinctT.map((T) => log(beta + T));
			const lnAlpha = log(alpha);
			const lnBeta = log(beta);
			const lnS = log(s);
			const base = { value: -lnGamma(r) + r * lnAlpha + s * lnBeta, dr: -digamma(r) + lnAlpha, dAlpha: r / alpha, ds: lnBeta, dBeta: s / beta };
			let value = 0;
			let dr = 0;
			let dAlpha = 0;
			let ds = 0;
			let dBeta = 0;
			for (let i = 0; i < data.x.length; i++) {
				const x = data.x[i];
				const T = data.T[i];
				const w = data.weight[i];
				// Alive at T, and its slopes in r, alpha, s, beta.
				const lnAT = lnAlphaT[tIndex[i]];
				const lnBT = lnBetaT[tIndex[i]];
				const alive = -(r + x) * lnAT - s * lnBT;
				// Gone between t_x and T: ln s + lower + ln(1 - e^(upper - lower)).
				let gone = -Infinity;
				let weightGone = 0;
				let lower: TailWithSlopes | undefined;
				let upper: TailWithSlopes | undefined;
				let stretch = 0;
				if (T > data.tx[i]) {
					lower = tails[pairs.lower[i]];
					upper = tails[pairs.upper[i]];
					const gap = min(0, upper.value - lower.value);
					gone = lnS + lower.value + logOneMinusExp(gap);
					// d ln(1 - e^gap) = -e^gap / (1 - e^gap) d gap.
					stretch = exp(gap) / -expm1(gap);
				}
				const both = logAddExp(alive, gone);
				value += w * (lnGammaRx[xIndex[i]] + base.value + both);
				weightGone = exp(gone - both);
				const weightAlive = exp(alive - both);
				dr += w * (digammaRx[xIndex[i]] + base.dr - weightAlive * lnAT);
				dAlpha += w * (base.dAlpha - (weightAlive * (r + x)) / (alpha + T));
				ds += w * (base.ds - weightAlive * lnBT);
				dBeta += w * (base.dBeta - (weightAlive * s) / (beta + T));
				if (weightGone > 0 && lower && upper && Number.isFinite(stretch)) {
					// d gone = (1 + stretch) d lower - stretch d upper (+ 1/s in s).
					const wg = w * weightGone;
					const keep = 1 + stretch;
					dr += wg * (keep * lower.dp - stretch * upper.dp);
					dAlpha += wg * (keep * lower.dA - stretch * upper.dA);
					ds += wg * (1 / s + keep * lower.dq - stretch * upper.dq);
					dBeta += wg * (keep * lower.dB - stretch * upper.dB);
				}
			}
			return { value, gradient: [dr, dAlpha, ds, dBeta] };
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
