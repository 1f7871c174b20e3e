import { minimiseBfgs } from '../math/bfgs';
import { digamma } from '../math/digamma';
import { logHyp2f1 } from '../math/hypergeometric';
import { lnGamma } from '../math/lnGamma';
import { GroupedHistories, History } from './customerHistory';

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting your customers the easy way"). While
 * alive a customer buys at Poisson rate lambda ~ Gamma(r, alpha); after each purchase they drop
 * out with probability p ~ Beta(a, b). Time is in whatever unit the histories use (days in the
 * nodes); changing the unit by k scales alpha by k and leaves r, a, b unchanged.
 */
export interface BgNbdParams {
	r: number;
	alpha: number;
	a: number;
	b: number;
}

export interface BgNbdFit {
	params: BgNbdParams;
	/** Summed log-likelihood at the fitted parameters (without the penalty). */
	logLikelihood: number;
	customers: number;
	converged: boolean;
	iterations: number;
	message: string;
}

export interface BgNbdFitOptions {
	/** L2 penalty on the parameters, as the Python lifetimes library applies it: lambda * sum(params^2). */
	penalizer?: number;
	/** Starting points (natural parameters); sensible defaults are derived from the data. */
	starts?: BgNbdParams[];
}

const toParams = (logs: number[]): BgNbdParams => ({ r: Math.exp(logs[0]), alpha: Math.exp(logs[1]), a: Math.exp(logs[2]), b: Math.exp(logs[3]) });

/** Distinct values of x and, per group, the index of its x: gamma terms depend on x only. */
function distinctX(data: GroupedHistories): { values: Float64Array; index: Int32Array } {
	const map = new Map<number, number>();
	const index = new Int32Array(data.x.length);
	for (let i = 0; i < data.x.length; i++) {
		let at = map.get(data.x[i]);
		if (at === undefined) {
			at = map.size;
			map.set(data.x[i], at);
		}
		index[i] = at;
	}
	const values = new Float64Array(map.size);
	for (const [value, at] of map) values[at] = value;
	return { values, index };
}

/**
 * Summed log-likelihood and its gradient with respect to (r, alpha, a, b), over grouped
 * histories. Log-sum-exp keeps it finite for any x.
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: GroupedHistories, xs = distinctX(data)): { value: number; gradient: number[] } {
	const { r, alpha, a, b } = params;
	const nx = xs.values.length;
	const gammaTerms = new Float64Array(nx);
	const psiRx = new Float64Array(nx);
	const psiBx = new Float64Array(nx);
	const psiABx = new Float64Array(nx);
	const lnGr = lnGamma(r);
	const lnGb = lnGamma(b);
	const lnGab = lnGamma(a + b);
	const psiR = digamma(r);
	const psiB = digamma(b);
	const psiAB = digamma(a + b);
	const lnAlpha = Math.log(alpha);
	for (let k = 0; k < nx; k++) {
		const x = xs.values[k];
		gammaTerms[k] = lnGamma(r + x) - lnGr + r * lnAlpha + lnGab + lnGamma(b + x) - lnGb - lnGamma(a + b + x);
		psiRx[k] = digamma(r + x);
		psiBx[k] = digamma(b + x);
		psiABx[k] = digamma(a + b + x);
	}
	const lnA = Math.log(a);
	let ll = 0;
	let gr = 0;
	let gAlpha = 0;
	let ga = 0;
	let gb = 0;
	for (let i = 0; i < data.x.length; i++) {
		const x = data.x[i];
		const w = data.weight[i];
		const k = xs.index[i];
		const lnAT = Math.log(alpha + data.T[i]);
		const A3 = -(r + x) * lnAT;
		let L = A3;
		let w3 = 1;
		let w4 = 0;
		let lnAtx = 0;
		if (x > 0) {
			lnAtx = Math.log(alpha + data.tx[i]);
			const A4 = lnA - Math.log(b + x - 1) - (r + x) * lnAtx;
			const top = Math.max(A3, A4);
			L = top + Math.log(Math.exp(A3 - top) + Math.exp(A4 - top));
			w3 = Math.exp(A3 - L);
			w4 = Math.exp(A4 - L);
		}
		ll += w * (gammaTerms[k] + L);
		gr += w * (psiRx[k] - psiR + lnAlpha - w3 * lnAT - w4 * lnAtx);
		gAlpha += w * (r / alpha - (r + x) * (w3 / (alpha + data.T[i]) + (x > 0 ? w4 / (alpha + data.tx[i]) : 0)));
		ga += w * (psiAB - psiABx[k] + w4 / a);
		gb += w * (psiAB + psiBx[k] - psiB - psiABx[k] - (x > 0 ? w4 / (b + x - 1) : 0));
	}
	return { value: ll, gradient: [gr, gAlpha, ga, gb] };
}

function defaultStarts(data: GroupedHistories): BgNbdParams[] {
	let sumX = 0;
	let sumT = 0;
	for (let i = 0; i < data.x.length; i++) {
		sumX += data.weight[i] * data.x[i];
		sumT += data.weight[i] * data.T[i];
	}
	const meanRate = Math.max(sumX, 0.01 * data.customers) / Math.max(sumT, 1e-9);
	// r / alpha is a customer's mean purchase rate: start from the observed rate at a few shapes.
	return [
		{ r: 1, alpha: 1 / meanRate, a: 1, b: 1 },
		{ r: 0.25, alpha: 0.25 / meanRate, a: 0.8, b: 2.5 },
		{ r: 3, alpha: 3 / meanRate, a: 2, b: 8 },
	];
}

/**
 * Maximum likelihood by BFGS over log-parameters, from several starting points; the best
 * converged optimum wins. The objective is the mean negative log-likelihood plus the optional
 * penalty, so tolerances do not depend on the number of customers.
 */
export function fitBgNbd(data: GroupedHistories, options: BgNbdFitOptions = {}): BgNbdFit {
	const penalizer = options.penalizer ?? 0;
	const n = data.customers;
	const xs = distinctX(data);
	const objective = (logs: number[]) => {
		const params = toParams(logs);
		if (![params.r, params.alpha, params.a, params.b].every((v) => Number.isFinite(v) && v > 0)) return { value: Infinity, gradient: [0, 0, 0, 0] };
		const { value, gradient } = bgnbdLogLikelihood(params, data, xs);
		const natural = [params.r, params.alpha, params.a, params.b];
		const penalty = penalizer * natural.reduce((s, v) => s + v * v, 0);
		return {
			value: -value / n + penalty,
			gradient: gradient.map((g, k) => (-g / n + 2 * penalizer * natural[k]) * natural[k]),
		};
	};
	let best: (ReturnType<typeof minimiseBfgs> & { start: number }) | undefined;
	const starts = options.starts ?? defaultStarts(data);
	for (let s = 0; s < starts.length; s++) {
		const start = starts[s];
		const result = minimiseBfgs(objective, [Math.log(start.r), Math.log(start.alpha), Math.log(start.a), Math.log(start.b)], { maxIterations: 1000, gradientTolerance: 1e-8 });
		if (!Number.isFinite(result.value)) continue;
		const better = !best || (result.converged && !best.converged) || (result.converged === best.converged && result.value < best.value - 1e-12);
		if (better) best = { ...result, start: s };
		// Two starts agreeing on a converged optimum is enough evidence that it is the optimum.
		if (best && best.converged && s >= 1 && Math.abs(result.value - best.value) < 1e-9 && result.converged) break;
	}
	if (!best) {
		return { params: starts[0], logLikelihood: -Infinity, customers: n, converged: false, iterations: 0, message: 'the likelihood could not be evaluated from any starting point' };
	}
	const params = toParams(best.x);
	return {
		params,
		logLikelihood: bgnbdLogLikelihood(params, data, xs).value,
		customers: n,
		converged: best.converged,
		iterations: best.iterations,
		message: best.message,
	};
}

/** ln of a/(b+x-1) * ((alpha+T)/(alpha+t_x))^(r+x): the odds of having dropped out. */
function logDropoutOdds(p: BgNbdParams, h: History): number {
	return Math.log(p.a) - Math.log(p.b + h.x - 1) + (p.r + h.x) * (Math.log(p.alpha + h.T) - Math.log(p.alpha + h.tx));
}

/** P(alive at T | x, t_x, T): exactly 1 without repeat purchases; never NaN for extreme x. */
export function probabilityAlive(p: BgNbdParams, h: History): number {
	if (h.x === 0) return 1;
	const odds = logDropoutOdds(p, h);
	return odds > 0 ? Math.exp(-odds) / (1 + Math.exp(-odds)) : 1 / (1 + Math.exp(odds));
}

/**
 * (a+b+x-1)/(a-1) * (1 - ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(r+x, b+x; a+b+x-1; t/(alpha+T+t))),
 * the expected purchases in (T, T+t] of a customer known to be alive; it depends on x and T but
 * not on t_x, so callers scoring many customers can share it. At a = 1 the formula is
 * 0/0 with a finite limit; there the mean of a = 1 -/+ 1e-4 is used (error ~1e-8 relative).
 */
export function expectedIfAlive(p: BgNbdParams, t: number, h: Pick<History, 'x' | 'T'>): number {
	if (t <= 0) return 0;
	if (Math.abs(p.a - 1) < 1e-6) {
		return (expectedIfAlive({ ...p, a: 1 - 1e-4 }, t, h) + expectedIfAlive({ ...p, a: 1 + 1e-4 }, t, h)) / 2;
	}
	const { r, alpha, a, b } = p;
	const x = h.x;
	const lnOneMinusZ = Math.log(alpha + h.T) - Math.log(alpha + h.T + t);
	const z = t / (alpha + h.T + t);
	const logTerm = (r + x) * lnOneMinusZ + logHyp2f1(r + x, b + x, a + b + x - 1, z);
	return ((a + b + x - 1) / (a - 1)) * -Math.expm1(logTerm);
}

/** E[X(t)]: expected purchases of a new customer in a period of length t. */
export function expectedPurchasesNewCustomer(p: BgNbdParams, t: number): number {
	return expectedIfAlive(p, t, { x: 0, T: 0 });
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t given the history. */
export function expectedPurchases(p: BgNbdParams, t: number, h: History): number {
	return expectedIfAlive(p, t, h) * probabilityAlive(p, h);
}

/** P(no purchase in (T, T+t]): dead, or alive and silent (lambda | history ~ Gamma(r+x, alpha+T)). */
export function probabilityNoPurchase(p: BgNbdParams, t: number, h: History): number {
	const alive = probabilityAlive(p, h);
	const silentIfAlive = Math.exp((p.r + h.x) * (Math.log(p.alpha + h.T) - Math.log(p.alpha + h.T + t)));
	return Math.min(1, Math.max(0, 1 - alive + alive * silentIfAlive));
}

/**
 * Median time to the next purchase if the customer is still alive: the t at which
 * ((alpha+T)/(alpha+T+t))^(r+x) = 1/2, i.e. (alpha+T) * (2^(1/(r+x)) - 1).
 */
export function medianTimeToNextPurchase(p: BgNbdParams, h: History): number {
	return (p.alpha + h.T) * Math.expm1(Math.LN2 / (p.r + h.x));
}
