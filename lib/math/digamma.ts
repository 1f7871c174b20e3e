/**
 * The digamma function psi(x) = d/dx ln Gamma(x) for x > 0, which the models' analytic gradients
 * need and simple-statistics does not provide. Recurrence up to x >= 6, then the asymptotic
 * series; accurate to about 1e-13.
 */
export function digamma(x: number): number {
	let result = 0;
	let v = x;
	while (v < 6) {
		result -= 1 / v;
		v += 1;
	}
	const inv = 1 / v;
	const inv2 = inv * inv;
	result +=
		Math.log(v) -
		0.5 * inv -
		inv2 * (1 / 12 - inv2 * (1 / 120 - inv2 * (1 / 252 - inv2 * (1 / 240 - inv2 * (1 / 132 - inv2 * (691 / 32760 - inv2 / 12))))));
	return result;
}
