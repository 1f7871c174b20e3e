import { fisherExactTwoSided } from './fisherExact';
import { normalQuantile, twoSidedP } from './normalDistribution';

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
	pValue: number;
	/** How the p-value and the interval were found, in words, for the report. */
	test: 'two-proportion z-test (pooled standard error)' | "Fisher's exact test";
	interval: 'Wald (unpooled standard error)' | 'Newcombe hybrid score';
}

const Z95 = normalQuantile(0.975);

/**
 * The textbook condition for the normal approximation: at least 5 expected successes and 5
 * expected failures in each group under the pooled rate. Below it, exact and score methods.
 */
export function normalApproximationHolds(a: Proportion, b: Proportion): boolean {
	const pooled = (a.successes + b.successes) / (a.total + b.total);
	return [a.total, b.total].every((n) => n * pooled >= 5 && n * (1 - pooled) >= 5);
}

/** Wilson's score interval for one proportion. */
export function wilsonInterval({ successes, total }: Proportion, z = Z95): { low: number; high: number } {
	if (total === 0) return { low: 0, high: 1 };
	const p = successes / total;
	const z2 = z * z;
	const centre = (p + z2 / (2 * total)) / (1 + z2 / total);
	const half = (z / (1 + z2 / total)) * Math.sqrt((p * (1 - p)) / total + z2 / (4 * total * total));
	return { low: Math.max(0, centre - half), high: Math.min(1, centre + half) };
}

/**
 * Newcombe's hybrid score interval for a difference of proportions (method 10 of Newcombe 1998,
 * built from the two Wilson intervals): good coverage with small groups and rates near 0 or 1.
 */
export function newcombeInterval(a: Proportion, b: Proportion, z = Z95): { low: number; high: number } {
	const p1 = a.successes / a.total;
	const p2 = b.successes / b.total;
	const w1 = wilsonInterval(a, z);
	const w2 = wilsonInterval(b, z);
	const d = p1 - p2;
	return {
		low: d - Math.sqrt((p1 - w1.low) ** 2 + (w2.high - p2) ** 2),
		high: d + Math.sqrt((w1.high - p1) ** 2 + (p2 - w2.low) ** 2),
	};
}

/**
 * Treatment against control. With enough customers: the two-proportion z-test, whose standard
 * error pools the groups (under "no difference" they share one rate), and a Wald interval,
 * whose standard error does not (the interval is about the difference actually seen). Below the
 * textbook size condition: Fisher's exact test and Newcombe's interval.
 */
export function compareProportions(treatment: Proportion, control: Proportion): ProportionComparison {
	if (treatment.total === 0 || control.total === 0) throw new RangeError('Both groups need at least one customer');
	const p1 = treatment.successes / treatment.total;
	const p2 = control.successes / control.total;
	const difference = p1 - p2;
	if (!normalApproximationHolds(treatment, control)) {
		const { low, high } = newcombeInterval(treatment, control);
		const pValue = fisherExactTwoSided(treatment.successes, treatment.total - treatment.successes, control.successes, control.total - control.successes);
		return { difference, low, high, pValue, test: "Fisher's exact test", interval: 'Newcombe hybrid score' };
	}
	const pooled = (treatment.successes + control.successes) / (treatment.total + control.total);
	const pooledSe = Math.sqrt(pooled * (1 - pooled) * (1 / treatment.total + 1 / control.total));
	const unpooledSe = Math.sqrt((p1 * (1 - p1)) / treatment.total + (p2 * (1 - p2)) / control.total);
	return {
		difference,
		low: difference - Z95 * unpooledSe,
		high: difference + Z95 * unpooledSe,
		pValue: pooledSe > 0 ? twoSidedP(difference / pooledSe) : 1,
		test: 'two-proportion z-test (pooled standard error)',
		interval: 'Wald (unpooled standard error)',
	};
}

/**
 * Customers needed in each group to detect rates p1 against p2 with a two-sided test at the
 * given level and power (normal approximation, pooled variance under the null).
 */
export function customersPerGroupNeeded(p1: number, p2: number, alpha = 0.05, power = 0.8): number {
	if (p1 === p2) return Infinity;
	const zAlpha = normalQuantile(1 - alpha / 2);
	const zBeta = normalQuantile(power);
	const mean = (p1 + p2) / 2;
	const n = (zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p1 - p2) ** 2;
	return Math.ceil(n);
}
