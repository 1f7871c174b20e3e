// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs } = Math;

/**
 * The integral of f over [a, b] by adaptive Simpson's rule to a relative tolerance. Written here
 * (a dozen lines) because the one place that needs it, the Pareto/NBD tail at parameters where
 * its hypergeometric series converges too slowly, calls it rarely and on a smooth positive
 * integrand; no maintained npm package of quadrature rules fits a bundle this small.
 */
export function adaptiveSimpson(f: (x: number) => number, a: number, b: number, relativeTolerance = 1e-12, maxDepth = 48): number {
	const fa = f(a);
	const fb = f(b);
	const m = (a + b) / 2;
	const fm = f(m);
	const whole = ((b - a) / 6) * (fa + 4 * fm + fb);
	const tolerance = relativeTolerance * abs(whole) || relativeTolerance;
	return refine(f, a, b, fa, fm, fb, whole, tolerance, maxDepth);
}

function refine(f: (x: number) => number, a: number, b: number, fa: number, fm: number, fb: number, whole: number, tolerance: number, depth: number): number {
	const m = (a + b) / 2;
	const lm = (a + m) / 2;
	const rm = (m + b) / 2;
	const flm = f(lm);
	const frm = f(rm);
	const left = ((m - a) / 6) * (fa + 4 * flm + fm);
	const right = ((b - m) / 6) * (fm + 4 * frm + fb);
	const delta = left + right - whole;
	if (depth <= 0 || abs(delta) <= 15 * tolerance) return left + right + delta / 15;
	return refine(f, a, m, fa, flm, fm, left, tolerance / 2, depth - 1) + refine(f, m, b, fm, frm, fb, right, tolerance / 2, depth - 1);
}
