/** A probability kept away from 0 and 1, where its log-odds are infinite. */
export const clampProbability = (p: number, edge = 1e-6): number => Math.min(1 - edge, Math.max(edge, p));

export function logit(p: number): number {
	const q = clampProbability(p);
	return Math.log(q / (1 - q));
}

/** 1 / (1 + e^-x), without overflow at either end. */
export function logistic(x: number): number {
	if (x >= 0) return 1 / (1 + Math.exp(-x));
	const e = Math.exp(x);
	return e / (1 + e);
}
