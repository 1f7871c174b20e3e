import { normalCdf, normalQuantile } from '../../../lib/math/normalDistribution';
import { customersPerGroupNeeded, minimumDetectableUplift } from '../../../lib/math/samplePower';
import { compareProportions, normalApproximationHolds } from '../../../lib/report/proportionComparison';

/*
 * The statistics behind "did the win-back work", against independent answers: SciPy 1.17
 * (scipy.stats.norm, chi2_contingency, and a numerical inversion of the score test), a published
 * Mee interval, and the sample-size formula worked by hand.
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

describe('treatment against control: one score statistic for the test and the interval', () => {
	/*
	 * The reference intervals are found independently of this code: the restricted maximum
	 * likelihood by numerical optimisation and the limits by root finding in SciPy 1.17
	 * (scipy.optimize.minimize_scalar and brentq, the script is in docs/statistics.md), and the
	 * p-values by scipy.stats.chi2_contingency without continuity correction, which is the score
	 * test at no difference. 56/70 - 48/80 is also published: Mee interval 0.0533 to 0.3377
	 * (GSK cicalc, ci_prop_diff_mee), statistic 2.65.
	 */
	it.each([
		[56, 70, 48, 80, 0.053334, 0.337729, 0.008045081368196585],
		[9, 10, 3, 10, 0.182126, 0.83695, 0.0061698993205441645],
		[6, 7, 2, 7, 0.054448, 0.847809, 0.03075356125927456],
		[5, 56, 0, 29, -0.031327, 0.19256, 0.09718656817057987],
		[60, 200, 40, 200, 0.015243, 0.184067, 0.020921335337794035],
		[450, 5000, 380, 5000, 0.003191, 0.024847, 0.01117065049475005],
		[3, 12, 1, 10, -0.204291, 0.461198, 0.36372232738071153],
	])('%i/%i against %i/%i: interval %f to %f, p = %f', (x1, n1, x2, n2, low, high, p) => {
		const result = compareProportions({ successes: x1, total: n1 }, { successes: x2, total: n2 });
		expect(result.difference).toBeCloseTo(x1 / n1 - x2 / n2, 12);
		expect(result.low).toBeCloseTo(low, 5);
		expect(result.high).toBeCloseTo(high, 5);
		expect(result.pValue).toBeCloseTo(p, 7);
	});

	it('handles groups where nobody, or everybody, ordered', () => {
		expect(compareProportions({ successes: 0, total: 10 }, { successes: 0, total: 20 })).toMatchObject({ difference: 0, pValue: 1 });
		const none = compareProportions({ successes: 0, total: 10 }, { successes: 0, total: 20 });
		expect(none.low).toBeCloseTo(-0.161125, 5);
		expect(none.high).toBeCloseTo(0.277533, 5);
		const all = compareProportions({ successes: 10, total: 10 }, { successes: 0, total: 20 });
		expect(all.low).toBeCloseTo(0.722467, 5);
		expect(all.high).toBe(1);
		expect(all.pValue).toBeLessThan(1e-7);
	});

	it('never lets the interval and the test disagree, for any table', () => {
		for (let n1 = 1; n1 <= 25; n1 += 3) {
			for (let n2 = 1; n2 <= 25; n2 += 4) {
				for (let x1 = 0; x1 <= n1; x1++) {
					for (let x2 = 0; x2 <= n2; x2++) {
						const r = compareProportions({ successes: x1, total: n1 }, { successes: x2, total: n2 });
						const excludesZero = r.low > 0 || r.high < 0;
						// Away from the boundary p = 0.05 itself, where rounding decides.
						if (Math.abs(r.pValue - 0.05) > 1e-6) expect([`${x1}/${n1} - ${x2}/${n2}`, excludesZero]).toEqual([`${x1}/${n1} - ${x2}/${n2}`, r.pValue < 0.05]);
					}
				}
			}
		}
	});

	it('says when the groups are below the textbook size for the normal approximation', () => {
		expect(normalApproximationHolds({ successes: 7, total: 10 }, { successes: 2, total: 10 })).toBe(false);
		expect(compareProportions({ successes: 7, total: 10 }, { successes: 2, total: 10 }).smallGroups).toBe(true);
		expect(compareProportions({ successes: 60, total: 200 }, { successes: 40, total: 200 }).smallGroups).toBe(false);
	});
});

describe('customers needed per group', () => {
	it('matches the normal-approximation formula (Fleiss, no continuity correction)', () => {
		// 30% against 20% at 5% two-sided and 80% power: 293.15, so 294 per group.
		expect(customersPerGroupNeeded(0.3, 0.2)).toBe(294);
		expect(customersPerGroupNeeded(0.2, 0.2)).toBe(Infinity);
	});
});

describe('the smallest uplift a campaign can detect', () => {
	it('is the uplift the sample-size formula needs exactly these groups for', () => {
		// 294 per group detect 20% -> 30% (above); so 294 and 294 detect just under 10 points.
		const uplift = minimumDetectableUplift(294, 294, 0.2);
		expect(uplift).toBeLessThanOrEqual(0.1);
		expect(uplift).toBeGreaterThan(0.0995);
		expect(customersPerGroupNeeded(0.2 + uplift, 0.2)).toBeLessThanOrEqual(294);
	});

	it('grows as the control group shrinks', () => {
		expect(minimumDetectableUplift(1000, 50, 0.1)).toBeGreaterThan(minimumDetectableUplift(1000, 200, 0.1));
		expect(minimumDetectableUplift(100, 0, 0.1)).toBe(Infinity);
	});
});
