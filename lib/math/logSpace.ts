// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs, exp, expm1, log, log1p, max } = Math;

/** ln(e^u + e^v) without overflow. */
export function logAddExp(u: number, v: number): number {
	if (u === -Infinity) return v;
	if (v === -Infinity) return u;
	const high = max(u, v);
	return high + log1p(exp(-abs(u - v)));
}

/** ln(1 - e^u) for u <= 0, accurate at both ends (Maechler 2012). */
export function logOneMinusExp(u: number): number {
	return u > -Math.LN2 ? log(-expm1(u)) : log1p(-exp(u));
}

