import { ObjectSink, RecordSink } from '../values/recordSink';
import { isWellFormedText, Utf8TextList } from '../values/utf8TextList';
import type { RetentionDecision } from './retentionPlan';

/**
 * How a decision's field is kept once the decision is settled: a text of its own per customer,
 * one of a few texts (a code), a number, a yes/no, or nothing (a field only the selection fills).
 */
type Kind = 'text' | 'code' | 'number' | 'flag' | 'none';

const KINDS: Record<keyof RetentionDecision, Kind> = {
	customerId: 'text',
	churnCause: 'code',
	causeStrength: 'number',
	causeEvidence: 'text',
	valueTier: 'code',
	action: 'code',
	actionLabel: 'code',
	playbookRule: 'code',
	channel: 'code',
	group: 'code',
	selection: 'code',
	contactedAt: 'none',
	baseRate: 'number',
	uplift: 'number',
	upliftSource: 'code',
	valueIfWonBack: 'number',
	expectedCost: 'number',
	expectedValue: 'number',
	profitPerCost: 'number',
	subject: 'none',
	text: 'none',
	html: 'none',
	smsText: 'none',
	smsSegments: 'none',
	pushTitle: 'none',
	pushBody: 'none',
	couponCode: 'none',
	discountPct: 'number',
	offerExpiresAt: 'none',
	taskSubject: 'none',
	taskBody: 'none',
	dueDate: 'none',
	suppressed: 'flag',
	suppressionReason: 'text',
	nextEligibleAt: 'text',
	campaignId: 'code',
	contactLogRow: 'none',
};

/** A settled field's values: texts, codes into `names`, numbers (with which are null), or flags. */
interface Column {
	key: keyof RetentionDecision;
	kind: Kind;
	texts: Utf8TextList;
	codes: Uint16Array;
	names: Array<string | null>;
	codeOf: Map<string | null, number>;
	numbers: Float64Array;
	isNull: Uint8Array;
}

const MOST_CODES = 0xffff;

/*
 * Every customer's decision of a plan, without a million objects. Most decisions are settled the
 * moment they are made (no action, no reachable channel, capped, not worth it): their fields go
 * into columns, and only the customers the selection may still change (the candidates) are kept
 * whole. Holding a million 37-field decisions until the plan ended was half of Retention Action's
 * memory and most of its garbage collection at a million customers. A settled decision reads
 * back exactly as it was made, fields in the same order; one that does not fit the columns (a
 * field of a kind its column does not take) is kept whole too.
 */
export class DecisionStore {
	private readonly whole = new Map<number, RetentionDecision>();
	private readonly settled: Uint8Array;
	private columns: Column[] | null = null;
	private readonly byKey = new Map<keyof RetentionDecision, Column>();

	constructor(readonly count: number) {
		this.settled = new Uint8Array(count);
	}

	/** A decision the selection may still change: kept as it is, and changed in place. */
	hold(index: number, decision: RetentionDecision): void {
		this.whole.set(index, decision);
	}

	/** A decision nothing will change any more. */
	settle(index: number, decision: RetentionDecision): void {
		if (this.columns === null) {
			this.columns = this.columnsFor(decision);
			for (const column of this.columns) this.byKey.set(column.key, column);
		}
		const columns = this.columns;
		if (!fits(columns, decision)) {
			this.hold(index, decision);
			return;
		}
		for (let c = 0; c < columns.length; c++) {
			const column = columns[c];
			const value = decision[column.key] as unknown;
			switch (column.kind) {
				case 'text':
					column.texts.set(index, value as string | null);
					break;
				case 'code': {
					let code = column.codeOf.get(value as string | null);
					if (code === undefined) {
						code = column.names.push(value as string | null) - 1;
						column.codeOf.set(value as string | null, code);
					}
					column.codes[index] = code;
					break;
				}
				case 'number':
					if (value === null) column.isNull[index] = 1;
					else column.numbers[index] = value as number;
					break;
				case 'flag':
					column.numbers[index] = value ? 1 : 0;
					break;
			}
		}
		this.settled[index] = 1;
	}

	/** The decision of the customer at `index`, as an object. */
	get(index: number): RetentionDecision {
		const held = this.whole.get(index);
		if (held) return held;
		const sink = new ObjectSink<RetentionDecision>();
		this.describe(index, sink);
		return sink.record;
	}

	/** One field of a decision, without making the decision. */
	field<K extends keyof RetentionDecision>(index: number, key: K): RetentionDecision[K] {
		const held = this.whole.get(index);
		if (held) return held[key];
		if (this.settled[index] === 0) this.missing(index);
		return valueOf(this.byKey.get(key) as Column, index) as RetentionDecision[K];
	}

	/** The decision at `index` described into a sink (a base layer's row, or an object), fields in their order. */
	describe(index: number, sink: RecordSink<RetentionDecision>): void {
		const held = this.whole.get(index);
		if (held) {
			for (const key in held) sink.field(key as keyof RetentionDecision, held[key as keyof RetentionDecision]);
			return;
		}
		if (this.settled[index] === 0) this.missing(index);
		const columns = this.columns as Column[];
		for (let c = 0; c < columns.length; c++) sink.field(columns[c].key, valueOf(columns[c], index) as never);
	}

	private missing(index: number): never {
		throw new Error(`No decision was made for customer ${index + 1}`);
	}

	/** Columns in the order of the first decision's fields, which every decision shares. */
	private columnsFor(decision: RetentionDecision): Column[] {
		return (Object.keys(decision) as Array<keyof RetentionDecision>).map((key) => ({
			key,
			// A field this store does not know takes nothing: a decision with a value there is kept whole.
			kind: KINDS[key] ?? 'none',
			texts: new Utf8TextList(KINDS[key] === 'text' ? this.count : 0),
			codes: new Uint16Array(KINDS[key] === 'code' ? this.count : 0),
			names: [],
			codeOf: new Map(),
			numbers: new Float64Array(KINDS[key] === 'number' || KINDS[key] === 'flag' ? this.count : 0),
			isNull: new Uint8Array(KINDS[key] === 'number' ? this.count : 0),
		}));
	}
}

/** Whether every field of a decision is of its column's kind, and the decision has exactly the columns' fields in their order. */
function fits(columns: Column[], decision: RetentionDecision): boolean {
	let position = 0;
	for (const key in decision) {
		const column = columns[position++];
		if (column === undefined || column.key !== key) return false;
		const value = decision[key as keyof RetentionDecision] as unknown;
		switch (column.kind) {
			case 'text':
				if (value !== null && (typeof value !== 'string' || !isWellFormedText(value))) return false;
				break;
			case 'code':
				if (value !== null && typeof value !== 'string') return false;
				if (!column.codeOf.has(value) && column.names.length > MOST_CODES) return false;
				break;
			case 'number':
				if (value !== null && typeof value !== 'number') return false;
				break;
			case 'flag':
				if (typeof value !== 'boolean') return false;
				break;
			case 'none':
				if (value !== null) return false;
				break;
		}
	}
	return position === columns.length;
}

function valueOf(column: Column, index: number): unknown {
	switch (column.kind) {
		case 'text':
			return column.texts.get(index);
		case 'code':
			return column.names[column.codes[index]];
		case 'number':
			return column.isNull[index] === 1 ? null : column.numbers[index];
		case 'flag':
			return column.numbers[index] === 1;
		default:
			return null;
	}
}
