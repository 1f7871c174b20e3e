import { tierRule, valueTier, ValueTier } from '../../../lib/actions/valueTier';

const FIXED = { vip: 2000, high: 500, medium: 100 };
const tiersOf = (values: number[]) => {
	const rule = tierRule(values, FIXED);
	const counts: Record<ValueTier, number> = { vip: 0, high: 0, medium: 0, low: 0 };
	for (const v of values) counts[valueTier(v, rule)]++;
	return counts;
};

describe('value tiers', () => {
	it('ranks a run of distinct values: top 10% VIP, next 20% high, next 40% medium, the rest low', () => {
		expect(tiersOf(Array.from({ length: 100 }, (_, i) => i + 1))).toEqual({ vip: 10, high: 20, medium: 40, low: 30 });
	});

	it('puts 20 identical customers in one tier, the one their middle rank falls in, not all in VIP', () => {
		expect(tiersOf(Array.from({ length: 20 }, () => 350))).toEqual({ vip: 0, high: 0, medium: 20, low: 0 });
	});

	it('never splits equal values, and a tie straddling a cut goes where most of it lies', () => {
		// Ranks 1-8 distinct, then 9-14 equal (middle rank 11.5 of 100: high), then distinct.
		const values = [...Array.from({ length: 8 }, (_, i) => 1000 - i), ...Array.from({ length: 6 }, () => 900), ...Array.from({ length: 86 }, (_, i) => 800 - i)];
		const rule = tierRule(values, FIXED);
		expect(valueTier(900, rule)).toBe('high');
		expect(tiersOf(values)).toEqual({ vip: 8, high: 22, medium: 40, low: 30 });
	});

	it('tiers fewer than 20 customers by the fixed thresholds, and nothing of no value above low', () => {
		const rule = tierRule([2500, 600, 150, 0], FIXED);
		expect(rule.basis).toBe('fixed');
		expect([2500, 600, 150, 50, 0].map((v) => valueTier(v, rule))).toEqual(['vip', 'high', 'medium', 'low', 'low']);
		expect(tiersOf(Array.from({ length: 30 }, () => 0))).toEqual({ vip: 0, high: 0, medium: 0, low: 30 });
	});
});
