import { fisherExactTwoSided } from '../../../lib/report/fisherExact';
import { normalCdf, normalQuantile } from '../../../lib/report/normalDistribution';
import { compareProportions, customersPerGroupNeeded, newcombeInterval, normalApproximationHolds } from '../../../lib/report/proportionComparison';

/*
 * The statistics behind "did the win-back work", against independent answers: Newcombe's own
 * published intervals (Newcombe 1998, Statistics in Medicine 17:873-890, Table II, method 10),
 * SciPy 1.17 (scipy.stats.norm, scipy.stats.fisher_exact), and the z-test worked by hand.
 */

describe('the normal distribution', () => {
	it('gives the quantiles tables give', () => {
		// scipy.stats.norm.ppf
		expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 8);
		expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 8);
		expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306167813, 8);
		expect(normalCdf(1.959963984540054)).toBeCloseTo(0.975, 7);
	});
});

describe('treatment against control with enough customers: z-test and Wald interval', () => {
	// 60 of 200 contacted customers ordered again, 40 of 200 in the control group.
	const result = compareProportions({ successes: 60, total: 200 }, { successes: 40, total: 200 });

	it('tests with the pooled standard error', () => {
		// Pooled rate 0.25: SE = sqrt(0.25 * 0.75 * (1/200 + 1/200)) = 0.0433013; z = 0.1 / SE = 2.3094;
		// two-sided p = 2 * (1 - Phi(2.3094)) = 0.020921 (scipy: 2 * norm.sf(2.3094010767585)).
		expect(result.pValue).toBeCloseTo(0.020921335, 6);
		expect(result.test).toBe('two-proportion z-test (pooled standard error)');
	});

	it('gives the interval with the unpooled standard error', () => {
		// SE = sqrt(0.3 * 0.7 / 200 + 0.2 * 0.8 / 200) = 0.0430116; 0.1 -/+ 1.959964 * SE.
		expect(result.difference).toBeCloseTo(0.1, 12);
		expect(result.low).toBeCloseTo(0.0156988, 6);
		expect(result.high).toBeCloseTo(0.1843012, 6);
		expect(result.interval).toBe('Wald (unpooled standard error)');
	});
});

describe('small groups: Fisher exact test and Newcombe interval', () => {
	it.each([
		[56, 70, 48, 80, 0.0524, 0.3339],
		[9, 10, 3, 10, 0.1705, 0.809],
		[6, 7, 2, 7, 0.0582, 0.8062],
		[5, 56, 0, 29, -0.0381, 0.1926],
	])('Newcombe interval of %i/%i - %i/%i is %f to %f (published)', (x1, n1, x2, n2, low, high) => {
		const interval = newcombeInterval({ successes: x1, total: n1 }, { successes: x2, total: n2 });
		expect(interval.low).toBeCloseTo(low, 4);
		expect(interval.high).toBeCloseTo(high, 4);
	});

	it.each([
		[7, 3, 2, 8, 0.06977851869492736],
		[1, 9, 11, 3, 0.0027594561852200836],
		[3, 17, 9, 11, 0.08235877701951116],
		[0, 10, 0, 12, 1],
	])('Fisher exact p of [[%i, %i], [%i, %i]] is %f (scipy.stats.fisher_exact)', (a, b, c, d, p) => {
		expect(fisherExactTwoSided(a, b, c, d)).toBeCloseTo(p, 10);
	});

	it('switches to them below the textbook size condition, and says so', () => {
		expect(normalApproximationHolds({ successes: 7, total: 10 }, { successes: 2, total: 10 })).toBe(false);
		const result = compareProportions({ successes: 7, total: 10 }, { successes: 2, total: 10 });
		expect(result).toMatchObject({ test: "Fisher's exact test", interval: 'Newcombe hybrid score' });
		expect(result.pValue).toBeCloseTo(0.06977851869492736, 10);
	});
});

describe('customers needed per group', () => {
	it('matches the normal-approximation formula (Fleiss, no continuity correction)', () => {
		// 30% against 20% at 5% two-sided and 80% power: 293.15, so 294 per group.
		expect(customersPerGroupNeeded(0.3, 0.2)).toBe(294);
		expect(customersPerGroupNeeded(0.2, 0.2)).toBe(Infinity);
	});
});
