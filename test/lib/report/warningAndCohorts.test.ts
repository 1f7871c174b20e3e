import { cohortRetention } from '../../../lib/report/cohortRetention';
import { areaUnderRoc, calibrationByQuantile, warningAccuracy } from '../../../lib/report/warningAccuracy';

/*
 * Whether the warning held, and how cohorts keep buying: AUC against SciPy's Mann-Whitney U
 * (AUC = U / (leavers x stayers)), calibration and the cohort table worked by hand.
 */

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('warning accuracy', () => {
	const leavers = [0.9, 0.8, 0.8, 0.4, 0.7].map((p) => ({ churnProbability: p, churned: true, flagged: p >= 0.75 }));
	const stayers = [0.1, 0.3, 0.8, 0.5, 0.2, 0.4].map((p) => ({ churnProbability: p, churned: false, flagged: p >= 0.75 }));

	it('gives the AUC, ties counted half (scipy.stats.mannwhitneyu: U / 30 = 0.85)', () => {
		expect(areaUnderRoc([...leavers, ...stayers])).toBeCloseTo(0.85, 12);
		expect(areaUnderRoc(leavers)).toBeNull();
	});

	it('counts how many flagged customers left and how many leavers were flagged', () => {
		const result = warningAccuracy([...leavers, ...stayers]);
		// Flagged: 0.9, 0.8, 0.8 (leavers) and 0.8 (a stayer): 3 of 4 left; 3 of 5 leavers flagged.
		expect(result).toMatchObject({ customers: 11, churned: 5, flagged: 4, flaggedWhoLeft: 0.75, leaversFlaggedEarly: 0.6 });
	});

	it('bins customers by predicted probability for the calibration plot', () => {
		const outcomes = Array.from({ length: 20 }, (_, i) => ({ churnProbability: i / 20, churned: i % 2 === 0 }));
		const bins = calibrationByQuantile(outcomes, 4);
		expect(bins.map((b) => b.customers)).toEqual([5, 5, 5, 5]);
		expect(bins[0]).toEqual({ customers: 5, meanPredicted: 0.1, observedRate: 0.6 });
	});
});

describe('the cohort table', () => {
	it('gives each first-order month the share still buying in each later month', () => {
		const customers = [
			[day('2024-01-05'), day('2024-02-10'), day('2024-03-01')],
			[day('2024-01-20')],
			[day('2024-01-31'), day('2024-03-15')],
			[day('2024-02-02'), day('2024-02-20'), day('2024-03-03')],
			[day('2024-04-01')],
		];
		expect(cohortRetention(customers, day('2024-03-31'))).toEqual([
			{ cohort: '2024-01', customers: 3, shares: [1, 1 / 3, 2 / 3] },
			{ cohort: '2024-02', customers: 1, shares: [1, 1] },
		]);
	});
});
