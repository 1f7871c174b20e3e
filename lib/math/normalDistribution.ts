import { errorFunction } from './statistics';

/*
 * The standard normal distribution for the campaign statistics. The CDF comes from
 * simple-statistics' error function (absolute error about 1e-8). Its probit is a coarse
 * approximation (1.9572 for the 97.5% point, where 1.95996 is right, which moves a 95% interval
 * visibly), so the quantile is Acklam's rational approximation, relative error below 1.2e-9
 * over (0, 1). (A Halley step would need a CDF more exact than this one.)
 */

/** P(Z <= z). */
export function normalCdf(z: number): number {
	return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** Two-sided p-value of a z statistic. */
export function twoSidedP(z: number): number {
	return Math.min(1, 2 * (1 - normalCdf(Math.abs(z))));
}

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** The z with P(Z <= z) = p. */
export function normalQuantile(p: number): number {
	if (!(p > 0 && p < 1)) throw new RangeError(`A probability strictly between 0 and 1 is needed; got ${p}`);
	const low = 0.02425;
	let x: number;
	if (p < low) {
		const q = Math.sqrt(-2 * Math.log(p));
		x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
	} else if (p <= 1 - low) {
		const q = p - 0.5;
		const r = q * q;
		x = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
	} else {
		const q = Math.sqrt(-2 * Math.log(1 - p));
		x = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
	}
	return x;
}
