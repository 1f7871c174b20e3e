import { float64Of, typedCopy } from '../values/typedCopies';

/**
 * RFM scores 1-5 and the 11 named segments.
 *
 * Scores are tie-safe quintiles: a value scores s when at least (s-1)/5 of the population has a
 * strictly worse value, so equal values always get equal scores (when 60% bought once, all of
 * them score 1 on frequency). Each dimension keeps four breakpoints (the least value reaching
 * scores 2..5), which is all a saved model needs to score one more customer the same way.
 */
export interface RfmBreakpoints {
	/** Days since the last order at or below which scores 2, 3, 4, 5 are reached. */
	recency: number[];
	/** Orders (or purchase days) at or above which scores 2..5 are reached. */
	frequency: number[];
	/** Spend at or above which scores 2..5 are reached. */
	monetary: number[];
}

export interface RfmValues {
	recencyDays: number;
	frequency: number;
	monetary: number;
}

export interface RfmScore {
	r: number;
	f: number;
	m: number;
	score: string;
	segment: RfmSegment;
}

export type RfmSegment =
	| 'Champions'
	| 'Loyal Customers'
	| 'Potential Loyalist'
	| 'New Customers'
	| 'Promising'
	| 'Need Attention'
	| 'About To Sleep'
	| "Can't Lose Them"
	| 'At Risk'
	| 'Hibernating'
	| 'Lost';

/**
 * The segment table (R score, FM = (F + M) / 2 as a real number), first match wins. The order
 * differs from the usual listing so every segment is reachable: New Customers and Promising come
 * before Potential Loyalist, which would otherwise shadow them, and Lost before Hibernating.
 */
export const SEGMENT_RULES: Array<{ segment: RfmSegment; r: [number, number]; fm: [number, number] }> = [
	{ segment: 'Champions', r: [4, 5], fm: [4, 5] },
	{ segment: 'Loyal Customers', r: [2, 5], fm: [3, 5] },
	{ segment: 'New Customers', r: [4, 5], fm: [1, 1] },
	{ segment: 'Promising', r: [3, 4], fm: [1, 1] },
	{ segment: 'Potential Loyalist', r: [3, 5], fm: [1, 3] },
	{ segment: 'Need Attention', r: [2, 3], fm: [2, 3] },
	{ segment: 'About To Sleep', r: [2, 3], fm: [1, 2] },
	{ segment: "Can't Lose Them", r: [1, 1], fm: [4, 5] },
	{ segment: 'At Risk', r: [1, 2], fm: [2, 5] },
	{ segment: 'Lost', r: [1, 1], fm: [1, 1] },
	{ segment: 'Hibernating', r: [1, 2], fm: [1, 2] },
];

export function rfmSegment(r: number, f: number, m: number): RfmSegment {
	const fm = (f + m) / 2;
	for (const rule of SEGMENT_RULES) {
		if (r >= rule.r[0] && r <= rule.r[1] && fm >= rule.fm[0] && fm <= rule.fm[1]) return rule.segment;
	}
	// Unreachable for scores 1-5 (a test walks every combination); kept total for the type.
	return 'Hibernating';
}

/** Least values reaching scores 2..5 when higher is better (Infinity: nobody reaches it). */
export function quintileBreakpoints(values: ArrayLike<number>): number[] {
	return breakpointsOfSorted(wholeNumberRange(values) ? countingSort(values) : typedCopy(Float64Array, values).sort());
}

function breakpointsOfSorted(sorted: Float64Array): number[] {
	const n = sorted.length;
	const breakpoints: number[] = [];
	let j = 0;
	for (let s = 2; s <= 5; s++) {
		const target = Math.ceil(((s - 1) * n) / 5);
		j = Math.max(j, target);
		// The first value at or after the target position that is a first occurrence.
		while (j < n && j > 0 && sorted[j] === sorted[j - 1]) j++;
		breakpoints.push(j < n ? sorted[j] : Infinity);
	}
	return breakpoints;
}

/** Whole numbers within a span of a million (days, order counts) sort by counting. */
const COUNTING_SPAN = 1 << 20;

function wholeNumberRange(values: ArrayLike<number>): boolean {
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) {
		const v = values[i];
		if (!Number.isInteger(v)) return false;
		if (v < min) min = v;
		if (v > max) max = v;
	}
	return values.length > 0 && max - min < COUNTING_SPAN;
}

function countingSort(values: ArrayLike<number>): Float64Array {
	let min = Infinity;
	let max = -Infinity;
	for (let i = 0; i < values.length; i++) {
		if (values[i] < min) min = values[i];
		if (values[i] > max) max = values[i];
	}
	const counts = new Int32Array(max - min + 1);
	for (let i = 0; i < values.length; i++) counts[values[i] - min]++;
	const sorted = new Float64Array(values.length);
	let at = 0;
	for (let k = 0; k < counts.length; k++) {
		sorted.fill(k + min, at, at + counts[k]);
		at += counts[k];
	}
	return sorted;
}

/** The RFM breakpoints of a population (its quintiles; see quintileBreakpoints), one column per measure. */
export function rfmBreakpointsOf(population: { [K in keyof RfmValues]: ArrayLike<number> }): RfmBreakpoints {
	return {
		recency: quintileBreakpoints(float64Of(population.recencyDays, (v) => -v)).map((b) => -b),
		frequency: quintileBreakpoints(population.frequency),
		monetary: quintileBreakpoints(population.monetary),
	};
}

/** The score 1-5 a value reaches against four breakpoints (see quintileBreakpoints). */
export function scoreReached(value: number, breakpoints: number[], lowerIsBetter: boolean): number {
	let score = 1;
	for (let k = 0; k < breakpoints.length; k++) if (lowerIsBetter ? value <= breakpoints[k] : value >= breakpoints[k]) score++;
	return score;
}

/** Every (R, F, M) combination's segment, looked up instead of walked per customer. */
const SEGMENT_BY_SCORES: RfmSegment[] = Array.from({ length: 125 }, (_, i) => rfmSegment(Math.floor(i / 25) + 1, (Math.floor(i / 5) % 5) + 1, (i % 5) + 1));

export function segmentOfScores(r: number, f: number, m: number): RfmSegment {
	return SEGMENT_BY_SCORES[(r - 1) * 25 + (f - 1) * 5 + (m - 1)];
}

export function scoreRfm(breakpoints: RfmBreakpoints, v: RfmValues): RfmScore {
	const r = scoreReached(v.recencyDays, breakpoints.recency, true);
	const f = scoreReached(v.frequency, breakpoints.frequency, false);
	const m = scoreReached(v.monetary, breakpoints.monetary, false);
	return { r, f, m, score: `${r}${f}${m}`, segment: segmentOfScores(r, f, m) };
}

/** Parses user-given breakpoints "30, 60, 90, 180": four numbers, in the dimension's order. */
export function parseBreakpoints(text: string, dimension: 'recency' | 'frequency' | 'monetary'): number[] {
	const values = text
		.split(/[,;\s]+/)
		.filter(Boolean)
		.map(Number);
	if (values.length !== 4 || values.some((v) => !Number.isFinite(v))) {
		throw new Error(`${dimension} thresholds need four numbers (the values that reach scores 2, 3, 4 and 5), got "${text}"`);
	}
	const ordered = dimension === 'recency' ? values.every((v, i) => i === 0 || v < values[i - 1]) : values.every((v, i) => i === 0 || v > values[i - 1]);
	if (!ordered) {
		throw new Error(
			dimension === 'recency'
				? `recency thresholds must fall (days since last order for scores 2..5, e.g. "180, 90, 60, 30"), got "${text}"`
				: `${dimension} thresholds must rise (values for scores 2..5), got "${text}"`,
		);
	}
	return values;
}

export interface SegmentSummaryRow {
	segment: RfmSegment;
	customers: number;
	share: number;
	revenue: number;
	revenueShare: number;
}

export function segmentSummary(rows: Array<{ segment: RfmSegment; revenue: number }>): SegmentSummaryRow[] {
	const total = rows.length;
	const totalRevenue = rows.reduce((s, r) => s + r.revenue, 0);
	return SEGMENT_RULES.map(({ segment }) => {
		const members = rows.filter((r) => r.segment === segment);
		const revenue = Math.round(members.reduce((s, r) => s + r.revenue, 0) * 100) / 100;
		return {
			segment,
			customers: members.length,
			share: total ? members.length / total : 0,
			revenue,
			revenueShare: totalRevenue ? revenue / totalRevenue : 0,
		};
	});
}
