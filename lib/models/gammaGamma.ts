import { minimiseBfgs } from '../math/bfgs';
import { digamma } from '../math/digamma';
import { lnGamma } from '../math/lnGamma';
import { SpendHistory } from './customerHistory';

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

export function gammaGammaLogLikelihood(params: GammaGammaParams, data: SpendHistory[]): { value: number; gradient: number[] } {
	const { p, q, gamma } = params;
	const lnGq = lnGamma(q);
	const psiQ = digamma(q);
	const lnGammaParam = Math.log(gamma);
	let ll = 0;
	let gp = 0;
	let gq = 0;
	let gg = 0;
	for (const { x, m } of data) {
		const px = p * x;
		const lnM = Math.log(m);
		const lnX = Math.log(x);
		const lnGmx = Math.log(gamma + m * x);
		ll += lnGamma(px + q) - lnGamma(px) - lnGq + q * lnGammaParam + (px - 1) * lnM + px * lnX - (px + q) * lnGmx;
		const psiPxQ = digamma(px + q);
		gp += x * (psiPxQ - digamma(px) + lnM + lnX - lnGmx);
		gq += psiPxQ - psiQ + lnGammaParam - lnGmx;
		gg += q / gamma - (px + q) / (gamma + m * x);
	}
	return { value: ll, gradient: [gp, gq, gg] };
}

/** Only customers the model can learn from: at least one repeat purchase with positive value. */
export function repeatSpenders(data: SpendHistory[]): SpendHistory[] {
	return data.filter((d) => d.x > 0 && d.m > 0 && Number.isFinite(d.m));
}

export function fitGammaGamma(all: SpendHistory[], options: { penalizer?: number } = {}): GammaGammaFit {
	const data = repeatSpenders(all);
	const n = data.length;
	const penalizer = options.penalizer ?? 0;
	if (n === 0) return { params: { p: 1, q: 1, gamma: 1 }, logLikelihood: -Infinity, customers: 0, converged: false, iterations: 0, message: 'no repeat customers with spend' };
	const meanM = data.reduce((s, d) => s + d.m, 0) / n;
	const objective = (logs: number[]) => {
		const params = { p: Math.exp(logs[0]), q: Math.exp(logs[1]), gamma: Math.exp(logs[2]) };
		const natural = [params.p, params.q, params.gamma];
		if (!natural.every((v) => Number.isFinite(v) && v > 0)) return { value: Infinity, gradient: [0, 0, 0] };
		const { value, gradient } = gammaGammaLogLikelihood(params, data);
		return {
			value: -value / n + penalizer * natural.reduce((s, v) => s + v * v, 0),
			gradient: gradient.map((g, k) => (-g / n + 2 * penalizer * natural[k]) * natural[k]),
		};
	};
	// p * gamma / (q - 1) is the population mean spend: start at shapes that match it.
	const starts = [
		[1, 2, meanM],
		[5, 4, (3 * meanM) / 5],
		[0.5, 1.5, meanM],
	];
	let best: ReturnType<typeof minimiseBfgs> | undefined;
	for (const start of starts) {
		const result = minimiseBfgs(objective, start.map(Math.log), { maxIterations: 1000, gradientTolerance: 1e-8 });
		if (!Number.isFinite(result.value)) continue;
		if (!best || (result.converged && !best.converged) || (result.converged === best.converged && result.value < best.value - 1e-12)) best = result;
	}
	if (!best) return { params: { p: 1, q: 1, gamma: 1 }, logLikelihood: -Infinity, customers: n, converged: false, iterations: 0, message: 'the likelihood could not be evaluated' };
	const params = { p: Math.exp(best.x[0]), q: Math.exp(best.x[1]), gamma: Math.exp(best.x[2]) };
	return { params, logLikelihood: gammaGammaLogLikelihood(params, data).value, customers: n, converged: best.converged, iterations: best.iterations, message: best.message };
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
export function spendFrequencyCorrelation(all: SpendHistory[]): number {
	const data = repeatSpenders(all);
	const n = data.length;
	if (n < 3) return 0;
	const mx = data.reduce((s, d) => s + d.x, 0) / n;
	const mm = data.reduce((s, d) => s + d.m, 0) / n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (const d of data) {
		sxy += (d.x - mx) * (d.m - mm);
		sxx += (d.x - mx) ** 2;
		syy += (d.m - mm) ** 2;
	}
	return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : 0;
}
