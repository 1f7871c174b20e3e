import { gammaln } from './statistics';

/** ln Gamma(x) for x > 0 (simple-statistics' Lanczos approximation). */
export function lnGamma(x: number): number {
	return gammaln(x);
}
