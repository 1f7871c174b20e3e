import { coarseToFineSteps, sampleWeights } from '../math/coarseToFine';
import { runToEnd, Steps } from '../math/steps';
import { logParameterObjective } from './logParameterObjective';
import { digamma } from '../math/digamma';
import { logHyp2f1 } from '../math/hypergeometric';
import { lnGamma } from '../math/lnGamma';
import { GroupedHistories, History } from './customerHistory';
import { float64Of } from '../values/typedCopies';

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
	/** Stop searching, unconverged, after this many milliseconds. */
	timeLimitMs?: number;
}

const toParams = (logs: number[]): BgNbdParams => ({ r: Math.exp(logs[0]), alpha: Math.exp(logs[1]), a: Math.exp(logs[2]), b: Math.exp(logs[3]) });

/**
 * What stays fixed while the optimiser moves the parameters: the distinct values of x (the
 * gamma terms depend on x only) and of the day counts t_x and T (ln(alpha + t) depends on t
 * only), with each group's index into them. Customer bases have a few hundred distinct values
 * of each, against up to hundreds of thousands of groups.
 */
interface LikelihoodIndex {
	xValues: Float64Array;
	xIndex: Int32Array;
	times: Float64Array;
	txIndex: Int32Array;
	TIndex: Int32Array;
}

function indexOf(values: Map<number, number>, value: number): number {
	let at = values.get(value);
	if (at === undefined) {
		at = values.size;
		values.set(value, at);
	}
	return at;
}

function likelihoodIndex(data: GroupedHistories): LikelihoodIndex {
	const xs = new Map<number, number>();
	const times = new Map<number, number>();
	const n = data.x.length;
	const xIndex = new Int32Array(n);
	const txIndex = new Int32Array(n);
	const TIndex = new Int32Array(n);
	for (let i = 0; i < n; i++) {
		xIndex[i] = indexOf(xs, data.x[i]);
		txIndex[i] = indexOf(times, data.tx[i]);
		TIndex[i] = indexOf(times, data.T[i]);
	}
	const toArray = (map: Map<number, number>) => {
		const out = new Float64Array(map.size);
		for (const [value, at] of map) out[at] = value;
		return out;
	};
	return { xValues: toArray(xs), xIndex, times: toArray(times), txIndex, TIndex };
}

/**
 * Summed log-likelihood and its gradient with respect to (r, alpha, a, b), over grouped
 * histories. Log-sum-exp keeps it finite for any x.
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: GroupedHistories, index = likelihoodIndex(data)): { value: number; gradient: number[] } {
	const { r, alpha, a, b } = params;
	const nx = index.xValues.length;
	const gammaTerms = new Float64Array(nx);
	const psiRx = new Float64Array(nx);
	const psiBx = new Float64Array(nx);
	const psiABx = new Float64Array(nx);
	const lnBx1 = new Float64Array(nx);
	const lnGr = lnGamma(r);
	const lnGb = lnGamma(b);
	const lnGab = lnGamma(a + b);
	const psiR = digamma(r);
	const psiB = digamma(b);
	const psiAB = digamma(a + b);
	const lnAlpha = Math.log(alpha);
	for (let k = 0; k < nx; k++) {
		const x = index.xValues[k];
		gammaTerms[k] = lnGamma(r + x) - lnGr + r * lnAlpha + lnGab + lnGamma(b + x) - lnGb - lnGamma(a + b + x);
		psiRx[k] = digamma(r + x);
		psiBx[k] = digamma(b + x);
		psiABx[k] = digamma(a + b + x);
		lnBx1[k] = x > 0 ? Math.log(b + x - 1) : 0;
	}
	const lnAt = new Float64Array(index.times.length);
	const invAt = new Float64Array(index.times.length);
	for (let j = 0; j < index.times.length; j++) {
		lnAt[j] = Math.log(alpha + index.times[j]);
		invAt[j] = 1 / (alpha + index.times[j]);
	}
	const lnA = Math.log(a);
	const invA = 1 / a;
	let ll = 0;
	let gr = 0;
	let gAlpha = 0;
	let ga = 0;
	let gb = 0;
	for (let i = 0; i < data.x.length; i++) {
		const x = data.x[i];
		const w = data.weight[i];
		const k = index.xIndex[i];
		const T = index.TIndex[i];
		const lnAT = lnAt[T];
		const A3 = -(r + x) * lnAT;
		let L = A3;
		let w3 = 1;
		let w4 = 0;
		let lnAtx = 0;
		let invAtx = 0;
		if (x > 0) {
			const tx = index.txIndex[i];
			lnAtx = lnAt[tx];
			invAtx = invAt[tx];
			const A4 = lnA - lnBx1[k] - (r + x) * lnAtx;
			// log(e^A3 + e^A4) and the two shares, from one exp and one log1p.
			const d = A4 - A3;
			const e = Math.exp(-Math.abs(d));
			L = Math.max(A3, A4) + Math.log1p(e);
			w4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
			w3 = 1 - w4;
		}
		ll += w * (gammaTerms[k] + L);
		gr += w * (psiRx[k] - psiR + lnAlpha - w3 * lnAT - w4 * lnAtx);
		gAlpha += w * (r / alpha - (r + x) * (w3 * invAt[T] + w4 * invAtx));
		ga += w * (psiAB - psiABx[k] + w4 * invA);
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

/** Below this many distinct histories the search runs on all of them directly. */
const SAMPLE_FROM_GROUPS = 40_000;
const SAMPLE_GROUPS = 20_000;

/** A weighted sample of about SAMPLE_GROUPS histories standing for all (see sampleWeights). */
function sampledGroups(data: GroupedHistories): GroupedHistories | undefined {
	const groups = data.x.length;
	if (groups < SAMPLE_FROM_GROUPS) return undefined;
	const weights = sampleWeights(data.weight, SAMPLE_GROUPS / groups);
	const kept: number[] = [];
	let customers = 0;
	for (let i = 0; i < groups; i++) {
		if (weights[i] > 0) {
			kept.push(i);
			customers += weights[i];
		}
	}
	const pick = (column: Float64Array) => float64Of(kept, (i) => column[i]);
	return { x: pick(data.x), tx: pick(data.tx), T: pick(data.T), weight: pick(weights), customers };
}

/**
 * Maximum likelihood by BFGS over log-parameters, from several starting points (on a sample
 * first when there are many distinct histories, see coarseToFineSteps); the best
 * converged optimum wins. The objective is the mean negative log-likelihood plus the optional
 * penalty, so tolerances do not depend on the number of customers.
 */
export function fitBgNbd(data: GroupedHistories, options: BgNbdFitOptions = {}): BgNbdFit {
	return runToEnd(fitBgNbdSteps(data, options));
}

/** The fit as steps, to run cooperatively (see steps.ts). */
export function* fitBgNbdSteps(data: GroupedHistories, options: BgNbdFitOptions = {}): Steps<BgNbdFit> {
	const penalizer = options.penalizer ?? 0;
	const n = data.customers;
	const index = likelihoodIndex(data);
	const objectiveOn = (groups: GroupedHistories, groupIndex: LikelihoodIndex) =>
		logParameterObjective(groups.customers, penalizer, ([r, alpha, a, b]) => bgnbdLogLikelihood({ r, alpha, a, b }, groups, groupIndex));
	const sample = sampledGroups(data);
	const starts = options.starts ?? defaultStarts(data);
	const best = yield* coarseToFineSteps(
		objectiveOn(data, index),
		sample && objectiveOn(sample, likelihoodIndex(sample)),
		starts.map((p) => [Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)]),
		{ maxIterations: 1000, gradientTolerance: 1e-8, deadline: options.timeLimitMs === undefined ? undefined : Date.now() + options.timeLimitMs },
	);
	if (!best) {
		return { params: starts[0], logLikelihood: -Infinity, customers: n, converged: false, iterations: 0, message: 'the likelihood could not be evaluated from any starting point' };
	}
	const params = toParams(best.x);
	return {
		params,
		logLikelihood: bgnbdLogLikelihood(params, data, index).value,
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

/**
 * P(no purchase in (T, T+t]): dead, or alive and silent (lambda | history ~ Gamma(r+x, alpha+T)).
 * A caller that has P(alive) already passes it in.
 */
export function probabilityNoPurchase(p: BgNbdParams, t: number, h: History, alive = probabilityAlive(p, h)): number {
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
