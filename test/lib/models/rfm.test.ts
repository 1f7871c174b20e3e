import { parseBreakpoints, quintileBreakpoints, rfmBreakpointsOf, rfmSegment, scoreRfm, SEGMENT_RULES, segmentSummary } from '../../../lib/models/rfm';

describe('RFM scores', () => {
	it('splits distinct values into quintiles', () => {
		const values = Array.from({ length: 100 }, (_, i) => i + 1);
		expect(quintileBreakpoints(values)).toEqual([21, 41, 61, 81]);
	});

	it('gives equal values equal scores: when 60% bought once, all of them score 1', () => {
		const frequency = [...Array(60).fill(1), ...Array(20).fill(2), ...Array(10).fill(3), ...Array(10).fill(8)];
		const bp = rfmBreakpointsOf({ recencyDays: frequency.map(() => 10), frequency, monetary: frequency.map(() => 10) });
		const scores = frequency.map((f) => scoreRfm(bp, { recencyDays: 10, frequency: f, monetary: 10 }).f);
		expect(new Set(scores.slice(0, 60))).toEqual(new Set([1]));
		expect(new Set(scores.slice(60, 80)).size).toBe(1);
		expect(scores[60]).toBeGreaterThan(1);
		expect(scores[99]).toBeGreaterThanOrEqual(scores[80]);
	});

	it('reverses recency: fewer days since the last order scores higher', () => {
		const bp = rfmBreakpointsOf({ recencyDays: Array.from({ length: 50 }, (_, i) => i * 10), frequency: Array(50).fill(1), monetary: Array(50).fill(1) });
		expect(scoreRfm(bp, { recencyDays: 0, frequency: 1, monetary: 1 }).r).toBe(5);
		expect(scoreRfm(bp, { recencyDays: 490, frequency: 1, monetary: 1 }).r).toBe(1);
	});

	it('writes the score as a string like 545', () => {
		const bp = { recency: [90, 60, 30, 14], frequency: [2, 3, 5, 8], monetary: [100, 300, 600, 1000] };
		expect(scoreRfm(bp, { recencyDays: 7, frequency: 4, monetary: 2000 })).toEqual({ r: 5, f: 3, m: 5, score: '535', segment: 'Champions' });
	});

	it('reads user-given thresholds and says how to fix bad ones', () => {
		expect(parseBreakpoints('180, 90, 60, 30', 'recency')).toEqual([180, 90, 60, 30]);
		expect(parseBreakpoints('2 3 5 8', 'frequency')).toEqual([2, 3, 5, 8]);
		expect(() => parseBreakpoints('30, 60, 90, 180', 'recency')).toThrow('recency thresholds must fall (days since last order for scores 2..5, e.g. "180, 90, 60, 30"), got "30, 60, 90, 180"');
		expect(() => parseBreakpoints('1, 2', 'monetary')).toThrow('monetary thresholds need four numbers');
	});
});

describe('RFM segments', () => {
	it('reaches every one of the 11 segments', () => {
		const reached = new Set<string>();
		for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) reached.add(rfmSegment(r, f, m));
		expect([...reached].sort()).toEqual(SEGMENT_RULES.map((rule) => rule.segment).sort());
	});

	it('matches every score combination by a rule (no fall-through)', () => {
		for (let r = 1; r <= 5; r++)
			for (let f = 1; f <= 5; f++)
				for (let m = 1; m <= 5; m++) {
					const fm = (f + m) / 2;
					expect(SEGMENT_RULES.some((rule) => r >= rule.r[0] && r <= rule.r[1] && fm >= rule.fm[0] && fm <= rule.fm[1])).toBe(true);
				}
	});

	it.each([
		[5, 5, 5, 'Champions'],
		[2, 4, 4, 'Loyal Customers'],
		[5, 1, 1, 'New Customers'],
		[3, 1, 1, 'Promising'],
		[5, 2, 2, 'Potential Loyalist'],
		[2, 2, 2, 'Need Attention'],
		[2, 1, 1, 'About To Sleep'],
		[1, 5, 5, "Can't Lose Them"],
		[1, 3, 3, 'At Risk'],
		[1, 1, 1, 'Lost'],
		[1, 1, 2, 'Hibernating'],
	])('R=%d F=%d M=%d is %s', (r, f, m, segment) => {
		expect(rfmSegment(r, f, m)).toBe(segment);
	});

	it('summarises segments with counts, revenue and shares', () => {
		const summary = segmentSummary([
			{ segment: 'Champions', revenue: 300 },
			{ segment: 'Champions', revenue: 100 },
			{ segment: 'Lost', revenue: 100 },
		]);
		expect(summary.find((s) => s.segment === 'Champions')).toEqual({ segment: 'Champions', customers: 2, share: 2 / 3, revenue: 400, revenueShare: 0.8 });
		expect(summary).toHaveLength(11);
	});
});

describe('quintile breakpoints of large bases', () => {
	it('come out the same whether whole-number values are counted or sorted', () => {
		const days = Array.from({ length: 50_000 }, (_, i) => (i * 7919) % 547);
		const counted = quintileBreakpoints(days);
		const sorted = quintileBreakpoints(days.map((d) => d + 0.5)).map((b) => b - 0.5);
		expect(counted).toEqual(sorted);
		expect(quintileBreakpoints([3, 3, 3, 3, 3])).toEqual([Infinity, Infinity, Infinity, Infinity]);
		expect(quintileBreakpoints([-5, -1, -3, -2, -4])).toEqual([-4, -3, -2, -1]);
	});
});
