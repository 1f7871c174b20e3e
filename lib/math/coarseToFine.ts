import { bfgsSteps, fromStartsSteps, MinimiseOptions, MinimiseResult, Objective } from './bfgs';
import { Steps } from './steps';

/**
 * Multi-start search on a sample, then one polishing run on all the data. On a large customer
 * base the search from several starting points is where the evaluations go; on a sample whose
 * objective has the same scale (a mean per customer), the optimum and the curvature learnt
 * there are close to the full data's, so the full run starts next to the answer with a good
 * inverse Hessian and needs a handful of evaluations. The answer is still the full data's own
 * optimum, to the same tolerance: the sample only chooses where to start. When the polishing
 * run does not converge, the full multi-start search runs as it would without a sample.
 */
export function* coarseToFineSteps(
	full: Objective,
	sample: Objective | undefined,
	starts: number[][],
	options: MinimiseOptions = {},
): Steps<MinimiseResult | undefined> {
	if (!sample) return yield* fromStartsSteps(full, starts, options);
	const coarse = yield* fromStartsSteps(sample, starts, options);
	if (coarse && Number.isFinite(coarse.value)) {
		const polished = yield* bfgsSteps(full, coarse.x, { ...options, initialInverseHessian: coarse.inverseHessian });
		if (polished.converged) return { ...polished, iterations: coarse.iterations + polished.iterations };
	}
	return yield* fromStartsSteps(full, starts, options);
}

/**
 * Which rows of a sample to keep, for `rows` rows with weights (customers per row): every row
 * whose weight reaches `1 / rate` is kept whole, lighter rows are kept with probability
 * rate * weight and then stand for weight / probability customers (a Horvitz-Thompson sample,
 * so sums over it estimate sums over all rows without bias). The choice is a fixed hash of the
 * row number, so a fit is reproducible. Returns each row's new weight, 0 when left out.
 */
export function sampleWeights(weights: ArrayLike<number>, rate: number): Float64Array {
	const out = new Float64Array(weights.length);
	for (let i = 0; i < weights.length; i++) {
		const keep = Math.min(1, rate * weights[i]);
		if (keep >= 1) out[i] = weights[i];
		else if (unitHash(i) < keep) out[i] = weights[i] / keep;
	}
	return out;
}

/** A well-spread number in [0, 1) from an integer. */
export function unitHash(i: number): number {
	let h = Math.imul(i ^ 0x9e3779b9, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	h ^= h >>> 16;
	return (h >>> 0) / 4_294_967_296;
}
