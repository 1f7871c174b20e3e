import { normalQuantile } from './normalDistribution';

/**
 * Customers needed in each group to detect rates p1 against p2 with a two-sided test at the
 * given level and power (normal approximation, pooled variance under the null; Fleiss).
 */
export function customersPerGroupNeeded(p1: number, p2: number, alpha = 0.05, power = 0.8): number {
	if (p1 === p2) return Infinity;
	const zAlpha = normalQuantile(1 - alpha / 2);
	const zBeta = normalQuantile(power);
	const mean = (p1 + p2) / 2;
	const n = (zAlpha * Math.sqrt(2 * mean * (1 - mean)) + zBeta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2))) ** 2 / (p1 - p2) ** 2;
	return Math.ceil(n);
}

/**
 * The smallest uplift (in rate points) that groups of these sizes detect with a two-sided test at
 * the given level and power, when the control rate is `base`: solved from the same formula.
 */
export function minimumDetectableUplift(treated: number, controls: number, base: number, alpha = 0.05, power = 0.8): number {
	if (treated <= 0 || controls <= 0) return Infinity;
	const zAlpha = normalQuantile(1 - alpha / 2);
	const zBeta = normalQuantile(power);
	const detects = (uplift: number) => {
		const p1 = Math.min(1, base + uplift);
		const pooled = (treated * p1 + controls * base) / (treated + controls);
		const se0 = Math.sqrt(pooled * (1 - pooled) * (1 / treated + 1 / controls));
		const se1 = Math.sqrt((p1 * (1 - p1)) / treated + (base * (1 - base)) / controls);
		return uplift >= zAlpha * se0 + zBeta * se1;
	};
	if (!detects(1 - base)) return Infinity;
	let lo = 0;
	let hi = 1 - base;
	for (let i = 0; i < 60; i++) {
		const mid = (lo + hi) / 2;
		if (detects(mid)) hi = mid;
		else lo = mid;
	}
	return hi;
}
