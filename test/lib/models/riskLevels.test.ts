import { MIN_BACKTEST_BUYERS, MIN_BACKTEST_CUSTOMERS, riskCalibration, riskCalibrationInWords, riskLevel } from '../../../lib/models/riskLevels';

/** Held-out customers in groups: each with one predicted chance of no order, and how many of them did order. */
function heldOut(groups: Array<{ chance: number; customers: number; ordered: number }>) {
	const scores: number[] = [];
	const churned: boolean[] = [];
	for (const g of groups) {
		for (let i = 0; i < g.customers; i++) {
			scores.push(g.chance);
			churned.push(i >= g.ordered);
		}
	}
	return { scores, churned };
}

describe('Risk levels set by a backtest', () => {
	it('starts each level where the observed order rate falls below its share of the shop average (worked by hand)', () => {
		// 3,000 customers, 780 ordered: the average order rate is 0.26. The group at 0.8 ordered at
		// 0.15, under the average (medium) but not under half of it (0.13); the group at 0.95 at
		// 0.03, under a quarter (0.065): high and critical both start between 0.8 and 0.95.
		const { scores, churned } = heldOut([
			{ chance: 0.3, customers: 1000, ordered: 600 },
			{ chance: 0.8, customers: 1000, ordered: 150 },
			{ chance: 0.95, customers: 1000, ordered: 30 },
		]);
		const c = riskCalibration(scores, churned, 90);
		expect(c).not.toBeNull();
		expect(c?.averageChurn).toBeCloseTo(1 - 0.26, 12);
		expect(c?.thresholds.medium).toBeCloseTo(0.55, 12);
		expect(c?.thresholds.high).toBeCloseTo(0.875, 12);
		expect(c?.thresholds.critical).toBeCloseTo(0.875, 12);
		expect(c?.bands).toEqual([
			{ level: 'low', from: 0, to: 0.55, customers: 1000, observedChurn: 0.4 },
			{ level: 'medium', from: 0.55, to: 0.875, customers: 1000, observedChurn: 0.85 },
			{ level: 'high', from: null, to: null, customers: 0, observedChurn: null },
			{ level: 'critical', from: 0.875, to: null, customers: 1000, observedChurn: 0.97 },
		]);
	});

	it('leaves a level empty when no customers ordered that rarely, and says so', () => {
		const { scores, churned } = heldOut([
			{ chance: 0.4, customers: 500, ordered: 300 },
			{ chance: 0.9, customers: 500, ordered: 100 },
		]);
		// Average 0.4; 0.2 is under it but not under half (0.2 is not below 0.2).
		const c = riskCalibration(scores, churned, 30);
		expect(c?.thresholds).toEqual({ medium: 0.65, high: null, critical: null });
		expect(riskLevel(0.99, c?.thresholds as never)).toBe('medium');
		const words = riskCalibrationInWords(c as never);
		expect(words).toContain('of 1000 customers, 60% did not order in the 30 held-out days');
		expect(words).toContain('medium from a churn probability of 0.65 (80% of them did not order)');
		expect(words).toContain('critical: nobody');
	});

	it('pools bands where a higher chance of no order came with more orders, so the levels keep rising', () => {
		// The 0.5 group ordered at 0.3, under the average (620 / 1600 = 0.3875), but the 0.6 group
		// above it at 0.5: pooled, the two order at 0.4, above the average, and medium starts only
		// at the 0.9 group (0.05, under a quarter of the average as well).
		const { scores, churned } = heldOut([
			{ chance: 0.2, customers: 400, ordered: 280 },
			{ chance: 0.5, customers: 400, ordered: 120 },
			{ chance: 0.6, customers: 400, ordered: 200 },
			{ chance: 0.9, customers: 400, ordered: 20 },
		]);
		const c = riskCalibration(scores, churned, 90);
		expect(c?.thresholds).toEqual({ medium: 0.75, high: 0.75, critical: 0.75 });
		expect(c?.bands.filter((b) => b.customers > 0).map((b) => [b.level, b.observedChurn])).toEqual([
			['low', 0.5],
			['critical', 0.95],
		]);
	});

	it('does not let a handful of customers at the top set a level', () => {
		// 40 customers who never ordered sit above everyone; alone they would be "critical".
		const { scores, churned } = heldOut([
			{ chance: 0.5, customers: 2000, ordered: 600 },
			{ chance: 0.99, customers: 40, ordered: 0 },
		]);
		const c = riskCalibration(scores, churned, 90);
		expect(c?.thresholds.critical).toBeNull();
	});

	it('sets no levels from a backtest too small to tell', () => {
		const few = heldOut([{ chance: 0.5, customers: MIN_BACKTEST_CUSTOMERS - 1, ordered: 100 }]);
		expect(riskCalibration(few.scores, few.churned, 90)).toBeNull();
		const fewBuyers = heldOut([{ chance: 0.5, customers: 5000, ordered: MIN_BACKTEST_BUYERS - 1 }]);
		expect(riskCalibration(fewBuyers.scores, fewBuyers.churned, 90)).toBeNull();
	});

	it('puts every customer in exactly one band', () => {
		const { scores, churned } = heldOut(Array.from({ length: 20 }, (_, k) => ({ chance: k / 20, customers: 100, ordered: 100 - 5 * k })));
		const c = riskCalibration(scores, churned, 90);
		expect(c?.bands.reduce((sum, b) => sum + b.customers, 0)).toBe(2000);
	});
});
