/** ln(e^u + e^v) without overflow. */
export function logAddExp(u: number, v: number): number {
	if (u === -Infinity) return v;
	if (v === -Infinity) return u;
	const high = Math.max(u, v);
	return high + Math.log1p(Math.exp(-Math.abs(u - v)));
}

/** ln(1 - e^u) for u <= 0, accurate at both ends (Maechler 2012). */
export function logOneMinusExp(u: number): number {
	return u > -Math.LN2 ? Math.log(-Math.expm1(u)) : Math.log1p(-Math.exp(u));
}

