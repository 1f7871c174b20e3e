/**
 * The gradient of f at x by central differences, with a step relative to each coordinate: for
 * likelihoods whose derivatives have no closed form worth writing (Pareto/NBD's hypergeometric
 * terms, BG/BB's sums), at 2n evaluations per gradient. The error is of order step^2 times the
 * third derivative, about 1e-10 relative at the default step for smooth likelihoods.
 */
export function centralDifferenceGradient(f: (x: number[]) => number, x: number[], relativeStep = 1e-5): number[] {
	return x.map((xk, k) => {
		const h = relativeStep * Math.max(Math.abs(xk), 1e-8);
		const up = [...x];
		const down = [...x];
		up[k] = xk + h;
		down[k] = xk - h;
		return (f(up) - f(down)) / (2 * h);
	});
}
