import { runToEnd, Steps } from '../math/steps';
import { fitPurchaseModelSteps } from './fitPurchaseModel';
import type { PurchaseModel } from './purchaseModel';
import { digamma } from '../math/digamma';
import { logHyp2f1 } from '../math/hypergeometric';
import { lnGamma } from '../math/lnGamma';
import { GroupedHistories, History, observedRates } from './customerHistory';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs, exp, expm1, log, log1p, max, min } = Math;

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
 * Where the BG/NBD family's members differ: whether a customer may drop out right after the
 * first purchase (MBG/NBD, Batislam, Denizel & Filiztekin 2007) or only after repeat purchases
 * (BG/NBD). With that possibility the drop-out coin is tossed x + 1 times instead of x, which
 * shifts b + x to b + x + 1 in every formula (MODELS.md) and lets one-time buyers die.
 */
export type DropoutShift = 0 | 1;
export const BG_NBD: DropoutShift = 0;
export const MBG_NBD: DropoutShift = 1;

/**
 * Summed log-likelihood and its gradient with respect to (r, alpha, a, b), over grouped
 * histories. Log-sum-exp keeps it finite for any x.
 */
export function bgnbdLogLikelihood(params: BgNbdParams, data: GroupedHistories, index = likelihoodIndex(data), shift: DropoutShift = BG_NBD): { value: number; gradient: number[] } {
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
	const lnAlpha = log(alpha);
	for (let k = 0; k < nx; k++) {
		const x = index.xValues[k];
		gammaTerms[k] = lnGamma(r + x) - lnGr + r * lnAlpha + lnGab + lnGamma(b + x + shift) - lnGb - lnGamma(a + b + x + shift);
		psiRx[k] = digamma(r + x);
		psiBx[k] = digamma(b + x + shift);
		psiABx[k] = digamma(a + b + x + shift);
		lnBx1[k] = x + shift > 0 ? log(b + x - 1 + shift) : 0;
	}
	const lnAt = new Float64Array(index.times.length);
	const invAt = new Float64Array(index.times.length);
	for (let j = 0; j < index.times.length; j++) {
		lnAt[j] = log(alpha + index.times[j]);
		invAt[j] = 1 / (alpha + index.times[j]);
	}
	const lnA = log(a);
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
		if (x + shift > 0) {
			const tx = index.txIndex[i];
			lnAtx = lnAt[tx];
			invAtx = invAt[tx];
			const A4 = lnA - lnBx1[k] - (r + x) * lnAtx;
			// log(e^A3 + e^A4) and the two shares, from one exp and one log1p.
			const d = A4 - A3;
			const e = exp(-abs(d));
			L = max(A3, A4) + log1p(e);
			w4 = d > 0 ? 1 / (1 + e) : e / (1 + e);
			w3 = 1 - w4;
		}
		ll += w * (gammaTerms[k] + L);
		gr += w * (psiRx[k] - psiR + lnAlpha - w3 * lnAT - w4 * lnAtx);
		gAlpha += w * (r / alpha - (r + x) * (w3 * invAt[T] + w4 * invAtx));
		ga += w * (psiAB - psiABx[k] + w4 * invA);
		gb += w * (psiAB + psiBx[k] - psiB - psiABx[k] - (x + shift > 0 ? w4 / (b + x - 1 + shift) : 0));
	}
	return { value: ll, gradient: [gr, gAlpha, ga, gb] };
}

/** Starting points for the family: the observed purchase rate at a few shapes. */
export function bgnbdStarts(data: GroupedHistories): BgNbdParams[] {
	const { meanRate } = observedRates(data);
	// r / alpha is a customer's mean purchase rate: start from the observed rate at a few shapes.
	return [
		{ r: 1, alpha: 1 / meanRate, a: 1, b: 1 },
		{ r: 0.25, alpha: 0.25 / meanRate, a: 0.8, b: 2.5 },
		{ r: 3, alpha: 3 / meanRate, a: 2, b: 8 },
	];
}

/**
 * Maximum likelihood BG/NBD (see fitPurchaseModel), with the parameters named.
 */
export function fitBgNbd(data: GroupedHistories, options: BgNbdFitOptions = {}): BgNbdFit {
	return runToEnd(fitBgNbdSteps(data, options));
}

/** The fit as steps, to run cooperatively (see steps.ts). */
export function* fitBgNbdSteps(data: GroupedHistories, options: BgNbdFitOptions = {}): Steps<BgNbdFit> {
	const fit = yield* fitPurchaseModelSteps(bgnbdModel, data, { ...options, starts: options.starts?.map(asList) });
	return { ...fit, params: asParams(fit.params) };
}

const asList = (p: BgNbdParams) => [p.r, p.alpha, p.a, p.b];
const asParams = ([r, alpha, a, b]: number[]): BgNbdParams => ({ r, alpha, a, b });

/** ln of a/(b+x-1+shift) * ((alpha+T)/(alpha+t_x))^(r+x): the odds of having dropped out. */
function logDropoutOdds(p: BgNbdParams, h: History, shift: DropoutShift): number {
	return log(p.a) - log(p.b + h.x - 1 + shift) + (p.r + h.x) * (log(p.alpha + h.T) - log(p.alpha + h.tx));
}

/**
 * P(alive at T | x, t_x, T); never NaN for extreme x. Under BG/NBD exactly 1 without repeat
 * purchases (nobody drops out at the first purchase); MBG/NBD gives one-time buyers a real one.
 */
export function probabilityAlive(p: BgNbdParams, h: History, shift: DropoutShift = BG_NBD): number {
	if (h.x + shift === 0) return 1;
	const odds = logDropoutOdds(p, h, shift);
	return odds > 0 ? exp(-odds) / (1 + exp(-odds)) : 1 / (1 + exp(odds));
}

/**
 * (a+b+x-1+shift)/(a-1) * (1 - ((alpha+T)/(alpha+T+t))^(r+x) * 2F1(r+x, b+x+shift; a+b+x-1+shift; t/(alpha+T+t))),
 * the expected purchases in (T, T+t] of a customer known to be alive; it depends on x and T but
 * not on t_x, so callers scoring many customers can share it. At a = 1 the formula is
 * 0/0 with a finite limit; there the mean of a = 1 -/+ 1e-4 is used (error ~1e-8 relative).
 */
export function expectedIfAlive(p: BgNbdParams, t: number, h: Pick<History, 'x' | 'T'>, shift: DropoutShift = BG_NBD): number {
	if (t <= 0) return 0;
	if (abs(p.a - 1) < 1e-6) {
		return (expectedIfAlive({ ...p, a: 1 - 1e-4 }, t, h, shift) + expectedIfAlive({ ...p, a: 1 + 1e-4 }, t, h, shift)) / 2;
	}
	const { r, alpha, a, b } = p;
	const x = h.x;
	const lnOneMinusZ = log(alpha + h.T) - log(alpha + h.T + t);
	const z = t / (alpha + h.T + t);
	const logTerm = (r + x) * lnOneMinusZ + logHyp2f1(r + x, b + x + shift, a + b + x - 1 + shift, z);
	return ((a + b + x - 1 + shift) / (a - 1)) * -expm1(logTerm);
}

/** E[X(t)]: expected repeat purchases of a new customer in a period of length t after the first. */
export function expectedPurchasesNewCustomer(p: BgNbdParams, t: number, shift: DropoutShift = BG_NBD): number {
	const start = { x: 0, tx: 0, T: 0 };
	return expectedIfAlive(p, t, start, shift) * probabilityAlive(p, start, shift);
}

/** E[Y(t) | x, t_x, T]: expected purchases in the next t given the history. */
export function expectedPurchases(p: BgNbdParams, t: number, h: History, shift: DropoutShift = BG_NBD): number {
	return expectedIfAlive(p, t, h, shift) * probabilityAlive(p, h, shift);
}

/**
 * P(no purchase in (T, T+t]): dead, or alive and silent (lambda | history ~ Gamma(r+x, alpha+T);
 * an alive customer who buys nothing cannot drop out, so nothing else enters).
 * A caller that has P(alive) already passes it in.
 */
export function probabilityNoPurchase(p: BgNbdParams, t: number, h: History, alive = probabilityAlive(p, h)): number {
	const silentIfAlive = exp((p.r + h.x) * (log(p.alpha + h.T) - log(p.alpha + h.T + t)));
	return min(1, max(0, 1 - alive + alive * silentIfAlive));
}

/**
 * Median time to the next purchase if the customer is still alive: the t at which
 * ((alpha+T)/(alpha+T+t))^(r+x) = 1/2, i.e. (alpha+T) * (2^(1/(r+x)) - 1).
 */
export function medianTimeToNextPurchase(p: BgNbdParams, h: History): number {
	return (p.alpha + h.T) * expm1(Math.LN2 / (p.r + h.x));
}

/** BG/NBD or MBG/NBD as a PurchaseModel. */
export function betaGeometricModel(name: 'bgnbd' | 'mbgnbd', label: string, shift: DropoutShift): PurchaseModel {
	return {
		name,
		label,
		parameterNames: ['r', 'alpha', 'a', 'b'],
		discrete: false,
		likelihoodOn(data) {
			const index = likelihoodIndex(data);
			return (params) => bgnbdLogLikelihood(asParams(params), data, index, shift);
		},
		starts: (data) => bgnbdStarts(data).map(asList),
		probabilityAlive: (params, h) => probabilityAlive(asParams(params), h, shift),
		expectedIfAlive: (params, t, h) => expectedIfAlive(asParams(params), t, h, shift),
		probabilityNoPurchase: (params, t, h, alive) => probabilityNoPurchase(asParams(params), t, h, alive ?? probabilityAlive(asParams(params), h, shift)),
		expectedNewCustomer: (params, t) => expectedPurchasesNewCustomer(asParams(params), t, shift),
		medianTimeToNextPurchase: (params, h) => medianTimeToNextPurchase(asParams(params), h),
	};
}

export const bgnbdModel = betaGeometricModel('bgnbd', 'BG/NBD', BG_NBD);
