import { fitPenalizedLogistic, LogisticRow } from '../../../lib/response/penalizedLogistic';

/*
 * The penalized logistic fit against an independent one: the same 400 rows and priors maximised
 * with SciPy 1.17 (scipy.optimize.minimize, BFGS, on the log posterior), the standard deviations
 * from the inverse of the exact Hessian at SciPy's optimum (numpy.linalg.inv). The script is in
 * docs/statistics.md.
 */

function rows(): LogisticRow[] {
	return Array.from({ length: 400 }, (_, i) => {
		const treated = i % 2;
		const cell = i % 5 === 0 || i % 5 === 1 ? 1 : 0;
		const offset = -2 + (i % 7) * 0.3;
		const features = [0, ...(treated ? [1] : []), ...(cell ? [2] : [])];
		const p = 1 / (1 + Math.exp(-(offset + 0.2 + 0.6 * treated + 0.3 * cell)));
		return { features, offset, y: ((i * 7919) % 97) / 97 < p ? 1 : 0 };
	});
}

describe('logistic regression with priors and offsets', () => {
	const fit = fitPenalizedLogistic(rows(), [
		{ mean: 0, sd: 1 },
		{ mean: 0.5, sd: 0.5 },
		{ mean: 0, sd: 0.4 },
	]);

	it('finds the same optimum as SciPy', () => {
		expect(fit.converged).toBe(true);
		const scipy = [0.3927451187985128, 0.3015101805327257, 0.19093736090435354];
		fit.coefficients.forEach((c, j) => expect(c).toBeCloseTo(scipy[j], 6));
	});

	it('gives the posterior standard deviations of the Laplace approximation', () => {
		const scipy = [0.16465862337708953, 0.19581131274471203, 0.19061597965486904];
		fit.sd.forEach((s, j) => expect(s).toBeCloseTo(scipy[j], 5));
	});

	it('stays at the prior where the data say nothing, and stays finite where they separate perfectly', () => {
		const separated: LogisticRow[] = Array.from({ length: 50 }, (_, i) => ({ features: i < 25 ? [0, 1] : [0], offset: 0, y: i < 25 ? 1 : 0 }));
		const result = fitPenalizedLogistic(separated, [
			{ mean: 0, sd: 1 },
			{ mean: 0.5, sd: 0.5 },
			{ mean: 0.2, sd: 0.3 },
		]);
		expect(result.coefficients.every(Number.isFinite)).toBe(true);
		expect(result.coefficients[2]).toBeCloseTo(0.2, 12);
		expect(result.sd[2]).toBeCloseTo(0.3, 12);
	});
});
