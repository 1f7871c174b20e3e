// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs } = Math;

/**
 * The integral of f over [a, b] by adaptive Simpson's rule to a relative tolerance. Written here
 * (a dozen lines) because the one place that needs it, the Pareto/NBD tail at parameters where
 * its hypergeometric series converges too slowly, calls it rarely and on a smooth positive
 * integrand; no maintained npm package of quadrature rules fits a bundle this small.
 */
export function adaptiveSimpson(f: (x: number) => number, a: number, b: number, relativeTolerance = 1e-12, maxDepth = 40): number {
	const fa = f(a);
	const fb = f(b);
	const m = (a + b) / 2;
	const fm = f(m);
	const whole = ((b - a) / 6) * (fa + 4 * fm + fb);
	if (!Number.isFinite(whole)) return NaN;
	const tolerance = relativeTolerance * abs(whole) || relativeTolerance;
	// A budget of evaluations: an integrand that never settles (noise, a kink) must not recurse 2^depth times.
	const budget = { evaluations: MAX_EVALUATIONS };
	return refine(f, a, b, fa, fm, fb, whole, tolerance, maxDepth, budget);
}

const MAX_EVALUATIONS = 100_000;

function refine(f: (x: number) => number, a: number, b: number, fa: number, fm: number, fb: number, whole: number, tolerance: number, depth: number, budget: { evaluations: number }): number {
	const m = (a + b) / 2;
	const lm = (a + m) / 2;
	const rm = (m + b) / 2;
	const flm = f(lm);
	const frm = f(rm);
	budget.evaluations -= 2;
	const left = ((m - a) / 6) * (fa + 4 * flm + fm);
	const right = ((b - m) / 6) * (fm + 4 * frm + fb);
	const delta = left + right - whole;
	// Not a number never passes the test: stop there too, and let NaN come out.
	if (depth <= 0 || budget.evaluations <= 0 || !(abs(delta) > 15 * tolerance)) return left + right + delta / 15;
	return refine(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1, budget) + refine(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1, budget);
}
