import { lnGamma } from '../math/lnGamma';

/**
 * Fisher's exact test for a 2x2 table [[a, b], [c, d]], two-sided: the probability, with the
 * margins fixed, of a table at most as likely as the one observed (the convention of R's
 * fisher.test and SciPy's fisher_exact, with the same relative tolerance for ties).
 */
export function fisherExactTwoSided(a: number, b: number, c: number, d: number): number {
	const row1 = a + b;
	const col1 = a + c;
	const n = a + b + c + d;
	const lnChoose = (k: number, r: number) => lnGamma(k + 1) - lnGamma(r + 1) - lnGamma(k - r + 1);
	const lnP = (x: number) => lnChoose(row1, x) + lnChoose(n - row1, col1 - x) - lnChoose(n, col1);
	const observed = lnP(a);
	let p = 0;
	for (let x = Math.max(0, col1 - (n - row1)); x <= Math.min(row1, col1); x++) {
		const lx = lnP(x);
		if (lx <= observed + 1e-7) p += Math.exp(lx);
	}
	return Math.min(1, p);
}
