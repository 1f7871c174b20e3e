import { normalQuantile, twoSidedP } from '../math/normalDistribution';

/** Successes out of a group, e.g. customers who ordered again out of those contacted. */
export interface Proportion {
	successes: number;
	total: number;
}

export interface ProportionComparison {
	/** Treatment rate minus control rate. */
	difference: number;
	/** 95% interval of the difference. */
	low: number;
	high: number;
	/** Two-sided p-value of "no difference". */
	pValue: number;
	/** How the p-value and the interval were found, in words, for the report. */
	method: typeof SCORE_METHOD;
	/**
	 * Below the textbook size for the normal approximation (5 expected successes and failures per
	 * group): the figures hold only roughly, and the report says so.
	 */
	smallGroups: boolean;
}

export const SCORE_METHOD = 'score test and its inverted interval (Mee 1984): the interval holds 0 exactly when p >= 0.05';

const Z95 = normalQuantile(0.975);

/**
 * The textbook condition for the normal approximation: at least 5 expected successes and 5
 * expected failures in each group under the pooled rate.
 */
export function normalApproximationHolds(a: Proportion, b: Proportion): boolean {
	const pooled = (a.successes + b.successes) / (a.total + b.total);
	return [a.total, b.total].every((n) => n * pooled >= 5 && n * (1 - pooled) >= 5);
}

/**
 * The maximum-likelihood rates (p1, p2) under the constraint p1 - p2 = delta: the closed form of
 * Miettinen & Nurminen (1985) / Farrington & Manning (1990), the root of a cubic in p1.
 */
export function restrictedRates(a: Proportion, b: Proportion, delta: number): { p1: number; p2: number } {
	const p1Hat = a.successes / a.total;
	const p2Hat = b.successes / b.total;
	const theta = b.total / a.total;
	const A = 1 + theta;
	const B = -(1 + theta + p1Hat + theta * p2Hat + delta * (theta + 2));
	const C = delta * delta + delta * (2 * p1Hat + theta + 1) + p1Hat + theta * p2Hat;
	const D = -p1Hat * delta * (1 + delta);
	const v = B ** 3 / (3 * A) ** 3 - (B * C) / (6 * A * A) + D / (2 * A);
	const uSquared = B * B / (3 * A) ** 2 - C / (3 * A);
	const u = Math.sign(v || 1) * Math.sqrt(Math.max(0, uSquared));
	const cosine = u === 0 ? 1 : Math.min(1, Math.max(-1, v / u ** 3));
	const w = (Math.PI + Math.acos(cosine)) / 3;
	const p1 = Math.min(1, Math.max(0, 2 * u * Math.cos(w) - B / (3 * A)));
	return { p1, p2: Math.min(1, Math.max(0, p1 - delta)) };
}

/** The score statistic for "the difference is delta": the observed difference over its standard error under that hypothesis. */
export function scoreStatistic(a: Proportion, b: Proportion, delta: number): number {
	const observed = a.successes / a.total - b.successes / b.total;
	const { p1, p2 } = restrictedRates(a, b, delta);
	const variance = (p1 * (1 - p1)) / a.total + (p2 * (1 - p2)) / b.total;
	if (!(variance > 0)) return observed === delta ? 0 : (observed - delta) * Infinity;
	return (observed - delta) / Math.sqrt(variance);
}

/** The delta in (from, to) where the (decreasing) statistic crosses z, by bisection. */
function crossing(a: Proportion, b: Proportion, z: number, from: number, to: number): number {
	let lo = from;
	let hi = to;
	for (let i = 0; i < 100 && hi - lo > 1e-12; i++) {
		const mid = (lo + hi) / 2;
		if (scoreStatistic(a, b, mid) > z) lo = mid;
		else hi = mid;
	}
	return (lo + hi) / 2;
}

/**
 * Treatment against control: the score test of "no difference" and the interval made of every
 * difference that test would not reject (Mee 1984). Both come from one statistic, so they never
 * disagree: the interval holds 0 exactly when p >= 0.05. At delta = 0 the statistic is the
 * familiar pooled two-proportion z (the chi-square test without continuity correction).
 */
export function compareProportions(treatment: Proportion, control: Proportion): ProportionComparison {
	if (treatment.total === 0 || control.total === 0) throw new RangeError('Both groups need at least one customer');
	const difference = treatment.successes / treatment.total - control.successes / control.total;
	const z0 = scoreStatistic(treatment, control, 0);
	return {
		difference,
		low: difference <= -1 ? -1 : crossing(treatment, control, Z95, -1 + 1e-12, difference),
		high: difference >= 1 ? 1 : crossing(treatment, control, -Z95, difference, 1 - 1e-12),
		pValue: Number.isFinite(z0) ? twoSidedP(z0) : 0,
		method: SCORE_METHOD,
		smallGroups: !normalApproximationHolds(treatment, control),
	};
}
