import { GapRecord } from '../customer/customerSummary';
import { FloatColumn } from '../values/growableColumns';
import { LifecycleInput } from './stageRules';

type Inputs = Omit<LifecycleInput, 'previousStage'>;

/** The numeric fields of an input, each kept as one column (NaN for null). */
const NUMBER_FIELDS = ['recencyDays', 'tenureDays', 'avgGapDays', 'lastGapDays', 'orderTrend', 'spendTrend', 'churnProbability'] as const;

/*
 * The stage rules' inputs of a whole base, one typed array per field. Lifecycle Stage needs every
 * customer's rhythm before it stages anyone (the base's usual gap); reading each customer once
 * into these columns costs a few dozen bytes per customer, where reading the base a second time
 * cost as much as the rules themselves, and a million input objects kept cost more still.
 */
export class LifecycleColumns {
	readonly orders: Float64Array;
	readonly repeatPurchases: Float64Array;
	private readonly numbers: Record<(typeof NUMBER_FIELDS)[number], Float64Array>;
	private readonly segments: Uint32Array;
	private readonly segmentNames: Array<string | null> = [null];
	private readonly segmentCodes = new Map<string, number>();
	/** Each customer's record gaps: those of row r end at gapEnds[r]. */
	private readonly gapEnds: Uint32Array;
	private readonly gapDays = new FloatColumn();
	private readonly gapEndedDaysAgo = new FloatColumn();

	constructor(readonly rows: number) {
		this.orders = new Float64Array(rows);
		this.repeatPurchases = new Float64Array(rows);
		this.numbers = Object.fromEntries(NUMBER_FIELDS.map((field) => [field, new Float64Array(rows)])) as LifecycleColumns['numbers'];
		this.segments = new Uint32Array(rows);
		this.gapEnds = new Uint32Array(rows);
	}

	/** Mean days between purchase days of a row; NaN when unknown. */
	get avgGapDays(): Float64Array {
		return this.numbers.avgGapDays;
	}

	/** Rows must be set in order, each once (the gaps are appended). */
	set(row: number, input: Inputs): void {
		this.orders[row] = input.orders;
		this.repeatPurchases[row] = input.repeatPurchases;
		for (const field of NUMBER_FIELDS) this.numbers[field][row] = input[field] ?? NaN;
		this.segments[row] = this.segmentCode(input.rfmSegment);
		for (const gap of input.longestGaps) {
			this.gapDays.push(gap.days);
			this.gapEndedDaysAgo.push(gap.endedDaysAgo);
		}
		this.gapEnds[row] = this.gapDays.length;
	}

	/** Row `row`'s inputs written into `into` (one object reused for every row). */
	read(row: number, into: LifecycleInput): LifecycleInput {
		into.orders = this.orders[row];
		into.repeatPurchases = this.repeatPurchases[row];
		for (const field of NUMBER_FIELDS) {
			const value = this.numbers[field][row];
			into[field] = Number.isNaN(value) ? null : value;
		}
		into.rfmSegment = this.segmentNames[this.segments[row]];
		const gaps: GapRecord[] = [];
		for (let g = row === 0 ? 0 : this.gapEnds[row - 1]; g < this.gapEnds[row]; g++) gaps.push({ days: this.gapDays.data[g], endedDaysAgo: this.gapEndedDaysAgo.data[g] });
		into.longestGaps = gaps;
		return into;
	}

	private segmentCode(segment: string | null): number {
		if (segment === null) return 0;
		let code = this.segmentCodes.get(segment);
		if (code === undefined) {
			code = this.segmentNames.push(segment) - 1;
			this.segmentCodes.set(segment, code);
		}
		return code;
	}
}

/** An input to fill with LifecycleColumns.read. */
export function emptyLifecycleInput(): LifecycleInput {
	return { orders: 0, recencyDays: null, tenureDays: null, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, longestGaps: [], orderTrend: null, spendTrend: null, churnProbability: null, rfmSegment: null, previousStage: null };
}
