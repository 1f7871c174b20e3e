// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs, log, log1p } = Math;

/**
 * ln 2F1(a, b; c; z) for 0 <= z < 1 and c > 0, where the Gauss series has positive value, as in
 * the BG/NBD expectations (a, b, c > 0).
 *
 * The plain series converges like z^k but its terms first grow like k^(a+b-c-1): when
 * a + b > c (many repeat purchases, long horizons) the sum is astronomically large and slow.
 * Euler's transformation 2F1(a,b;c;z) = (1-z)^(c-a-b) 2F1(c-a, c-b; c; z) moves that growth
 * into the prefactor (taken in logs), leaving a series whose terms fall like k^(c-a-b-1).
 */
const MAX_TERMS = 2_000_000;
const TOLERANCE = 1e-15;

export function gaussSeries(a: number, b: number, c: number, z: number): number {
	let term = 1;
	let sum = 1;
	for (let k = 0; k < MAX_TERMS; k++) {
		term *= ((a + k) * (b + k) * z) / ((c + k) * (k + 1));
		sum += term;
		if (abs(term) <= TOLERANCE * abs(sum)) return sum;
		if (term === 0) return sum;
	}
	throw new Error(`2F1(${a}, ${b}; ${c}; ${z}) did not converge in ${MAX_TERMS} terms`);
}

export function logHyp2f1(a: number, b: number, c: number, z: number): number {
	if (!(z >= 0 && z < 1)) throw new RangeError(`2F1 needs 0 <= z < 1, got ${z}`);
	if (z === 0) return 0;
	const excess = c - a - b;
	if (excess >= 0) return log(gaussSeries(a, b, c, z));
	return excess * log1p(-z) + log(gaussSeries(c - a, c - b, c, z));
}
