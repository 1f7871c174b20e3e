import { coarseToFineSteps } from '../math/coarseToFine';
import { runToEnd, Steps } from '../math/steps';
import { logParameterObjective } from './logParameterObjective';
import { digamma } from '../math/digamma';
import { lnGamma } from '../math/lnGamma';
import { SpendHistory } from './customerHistory';
import { float64Of, typedCopy } from '../values/typedCopies';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { ceil, exp, floor, log, sqrt } = Math;

/**
 * The Gamma-Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"): a customer's order
 * values are Gamma(p, nu) with nu ~ Gamma(q, gamma) across customers. Fitted on repeat customers
 * only (x > 0, m > 0): x is the number of repeat purchases and m their mean value. Assumes spend
 * is independent of purchase frequency; `spendFrequencyCorrelation` lets callers check.
 */
export interface GammaGammaParams {
	p: number;
	q: number;
	gamma: number;
}

export interface GammaGammaFit {
	params: GammaGammaParams;
	logLikelihood: number;
	customers: number;
	converged: boolean;
	iterations: number;
	message: string;
}

/**
 * Repeat spenders as columns, with per-customer logs precomputed and the distinct x values
 * indexed: the gamma-function terms depend on x only, so each likelihood evaluation computes
 * them once per distinct x instead of once per customer.
 */
export interface SpendColumns {
	x: Float64Array;
	m: Float64Array;
	/** ln m + ln x, constant across evaluations. */
	lnMx: Float64Array;
	xValues: Float64Array;
	xIndex: Int32Array;
}

/** Repeat spenders only (x > 0, m > 0): the likelihood is defined for them alone. */
export function spendColumns(data: SpendHistory[] | { x: ArrayLike<number>; m: ArrayLike<number> }): SpendColumns {
	const rows = Array.isArray(data) ? data.length : data.x.length;
	const xs: number[] = [];
	const ms: number[] = [];
	for (let i = 0; i < rows; i++) {
		const x = Array.isArray(data) ? data[i].x : data.x[i];
		const m = Array.isArray(data) ? data[i].m : data.m[i];
		if (x > 0 && m > 0 && Number.isFinite(m)) {
			xs.push(x);
			ms.push(m);
		}
	}
	const n = xs.length;
	const x = typedCopy(Float64Array, xs);
	const m = typedCopy(Float64Array, ms);
	const lnMx = new Float64Array(n);
	const xIndex = new Int32Array(n);
	const distinct = new Map<number, number>();
	for (let i = 0; i < n; i++) {
		lnMx[i] = log(m[i]) + log(x[i]);
		let at = distinct.get(x[i]);
		if (at === undefined) {
			at = distinct.size;
			distinct.set(x[i], at);
		}
		xIndex[i] = at;
	}
	const xValues = new Float64Array(distinct.size);
	for (const [value, at] of distinct) xValues[at] = value;
	return { x, m, lnMx, xValues, xIndex };
}

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendHistory[] | SpendColumns): { value: number; gradient: number[] } {
	const cols = Array.isArray(data) ? spendColumns(data) : data;
	const { p, q, gamma } = params;
	const nx = cols.xValues.length;
	const lnGammaTerms = new Float64Array(nx);
	const psiPxQ = new Float64Array(nx);
	const psiPx = new Float64Array(nx);
	const lnGq = lnGamma(q);
	for (let k = 0; k < nx; k++) {
		const px = p * cols.xValues[k];
		lnGammaTerms[k] = lnGamma(px + q) - lnGamma(px) - lnGq;
		psiPxQ[k] = digamma(px + q);
		psiPx[k] = digamma(px);
	}
	const psiQ = digamma(q);
	const lnGammaParam = log(gamma);
	let ll = 0;
	let gp = 0;
	let gq = 0;
	let gg = 0;
	for (let i = 0; i < cols.x.length; i++) {
		const x = cols.x[i];
		const k = cols.xIndex[i];
		const px = p * x;
		const lnM = cols.lnMx[i] - log(x);
		const lnGmx = log(gamma + cols.m[i] * x);
		ll += lnGammaTerms[k] + q * lnGammaParam + (px - 1) * lnM + px * log(x) - (px + q) * lnGmx;
		gp += x * (psiPxQ[k] - psiPx[k] + cols.lnMx[i] - lnGmx);
		gq += psiPxQ[k] - psiQ + lnGammaParam - lnGmx;
		gg += q / gamma - (px + q) / (gamma + cols.m[i] * x);
	}
	return { value: ll, gradient: [gp, gq, gg] };
}

/** From this many repeat spenders on, the search starts on a sample of SAMPLE_SIZE (see coarseToFineSteps). */
const SAMPLE_FROM = 40_000;
const SAMPLE_SIZE = 20_000;

/** Every k-th spender: customers are all weighted alike, so a plain systematic sample will do. */
function everyKth(columns: SpendColumns, k: number): SpendColumns {
	const rows = Array.from({ length: ceil(columns.x.length / k) }, (_, i) => i * k);
	const pick = (column: Float64Array) => float64Of(rows, (i) => column[i]);
	return { x: pick(columns.x), m: pick(columns.m), lnMx: pick(columns.lnMx), xValues: columns.xValues, xIndex: typedCopy(Int32Array, rows.map((i) => columns.xIndex[i])) };
}

/** Fits on the repeat spenders among `all` (customers as objects, or as x and m columns). */
export function fitGammaGamma(all: SpendHistory[] | { x: ArrayLike<number>; m: ArrayLike<number> }, options: GammaGammaFitOptions = {}): GammaGammaFit {
	return runToEnd(fitGammaGammaSteps(all, options));
}

export interface GammaGammaFitOptions {
	penalizer?: number;
	/** Stop searching, unconverged, after this many milliseconds. */
	timeLimitMs?: number;
}

/** The fit as steps, to run cooperatively (see steps.ts). */
export function* fitGammaGammaSteps(all: SpendHistory[] | { x: ArrayLike<number>; m: ArrayLike<number> }, options: GammaGammaFitOptions = {}): Steps<GammaGammaFit> {
	const columns = spendColumns(all);
	const n = columns.x.length;
	const penalizer = options.penalizer ?? 0;
	if (n === 0) return { params: { p: 1, q: 1, gamma: 1 }, logLikelihood: -Infinity, customers: 0, converged: false, iterations: 0, message: 'no repeat customers with spend' };
	const meanM = columns.m.reduce((s, v) => s + v, 0) / n;
	const objectiveOn = (spenders: SpendColumns) =>
		logParameterObjective(spenders.x.length, penalizer, ([p, q, gamma]) => gammaGammaLogLikelihood({ p, q, gamma }, spenders));
	const sample = n >= SAMPLE_FROM ? everyKth(columns, floor(n / SAMPLE_SIZE)) : undefined;
	// p * gamma / (q - 1) is the population mean spend: start at shapes that match it.
	const starts = [
		[1, 2, meanM],
		[5, 4, (3 * meanM) / 5],
		[0.5, 1.5, meanM],
	];
	const best = yield* coarseToFineSteps(objectiveOn(columns), sample && objectiveOn(sample), starts.map((start) => start.map(log)), {
		maxIterations: 1000,
		deadline: options.timeLimitMs === undefined ? undefined : Date.now() + options.timeLimitMs,
		gradientTolerance: 1e-8,
	});
	if (!best) return { params: { p: 1, q: 1, gamma: 1 }, logLikelihood: -Infinity, customers: n, converged: false, iterations: 0, message: 'the likelihood could not be evaluated' };
	const params = { p: exp(best.x[0]), q: exp(best.x[1]), gamma: exp(best.x[2]) };
	return { params, logLikelihood: gammaGammaLogLikelihood(params, columns).value, customers: n, converged: best.converged, iterations: best.iterations, message: best.message };
}

/** The population's mean spend per order, p * gamma / (q - 1); infinite when q <= 1. */
export function populationMeanSpend(params: GammaGammaParams): number {
	return params.q > 1 ? (params.p * params.gamma) / (params.q - 1) : Infinity;
}

/**
 * E[M | x, m]: a weighted average of the customer's own mean and the population mean; a customer
 * without repeat purchases gets the population mean.
 */
export function expectedAverageSpend(params: GammaGammaParams, h: SpendHistory): number {
	if (h.x <= 0 || !(h.m > 0)) return populationMeanSpend(params);
	const { p, q, gamma } = params;
	return (p * (gamma + h.x * h.m)) / (p * h.x + q - 1);
}

/** Pearson correlation of frequency and mean spend among repeat customers (should be small). */
export function spendFrequencyCorrelation(all: SpendHistory[] | { x: ArrayLike<number>; m: ArrayLike<number> }): number {
	const { x, m } = spendColumns(all);
	const n = x.length;
	if (n < 3) return 0;
	const mx = x.reduce((s, v) => s + v, 0) / n;
	const mm = m.reduce((s, v) => s + v, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		sxy += (x[i] - mx) * (m[i] - mm);
		sxx += (x[i] - mx) ** 2;
		syy += (m[i] - mm) ** 2;
	}
	return sxx > 0 && syy > 0 ? sxy / sqrt(sxx * syy) : 0;
}
