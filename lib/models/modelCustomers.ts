import { FloatColumn, IntColumn } from '../values/growableColumns';
import type { PurchaseDays } from '../customer/purchaseDays';
import type { History, SpendHistory } from './customerHistory';
import { typedCopy } from '../values/typedCopies';

/** What the churn models learn from one customer (time in days). */
export interface ModelCustomer {
	customerId: string;
	recencyDays: number;
	orders: number;
	totalSpend: number;
	avgOrderValue: number;
	history: History;
	spend: SpendHistory;
	ownGapDays: number | null;
	analysisDay: number;
	/** The distinct purchase days, oldest first, when the record has them (for a backtest). */
	purchaseDays?: number[] | null;
}

const MEASURES = ['scored', 'x', 'tx', 'T', 'recencyDays', 'orders', 'totalSpend', 'avgOrderValue', 'm', 'ownGapDays', 'analysisDay'] as const;
type Measure = (typeof MEASURES)[number];

/**
 * The customers a churn model is fitted on and scores, one typed column per measure: a million
 * customers held as objects (each with its history and spend) were millions of objects that
 * every garbage collection walked while the node ran. A customer without orders keeps its place
 * with zero orders, so positions match the input's.
 */
export class ModelCustomers {
	private readonly columns = Object.fromEntries(MEASURES.map((m) => [m, new FloatColumn()])) as Record<Measure, FloatColumn>;

	/** Customers held, with orders or without. */
	get size(): number {
		return this.columns.scored.length;
	}

	/** Customers with orders: those fitted on and scored. */
	scoredCount = 0;

	/** Every customer's purchase days, one flat list (see PurchaseDays); dropped at the first customer without them. */
	private purchaseDayList: IntColumn | null = new IntColumn();
	private readonly purchaseDayStarts = new IntColumn();

	static of(customers: ModelCustomer[]): ModelCustomers {
		const all = new ModelCustomers();
		for (const customer of customers) all.add(customer);
		return all;
	}

	/** Adds a customer (null: one without orders) and returns its position. */
	add(c: ModelCustomer | null): number {
		const i = this.size;
		const k = this.columns;
		this.purchaseDayStarts.push(this.purchaseDayList?.length ?? 0);
		if (c === null) {
			for (const measure of MEASURES) k[measure].push(0);
			return i;
		}
		if (this.purchaseDayList && c.purchaseDays) for (const day of c.purchaseDays) this.purchaseDayList.push(day);
		else this.purchaseDayList = null;
		this.scoredCount++;
		k.scored.push(1);
		k.x.push(c.history.x);
		k.tx.push(c.history.tx);
		k.T.push(c.history.T);
		k.recencyDays.push(c.recencyDays);
		k.orders.push(c.orders);
		k.totalSpend.push(c.totalSpend);
		k.avgOrderValue.push(c.avgOrderValue);
		k.m.push(c.spend.m);
		// Not a number: no gap of their own (a mean gap is a finite ratio of days when there is one).
		k.ownGapDays.push(c.ownGapDays ?? NaN);
		k.analysisDay.push(c.analysisDay);
		return i;
	}

	/** The customer at i as one object, for a moment (scoring), without its ID (not kept); null for one without orders. */
	customer(i: number): ModelCustomer | null {
		const k = this.columns;
		if (k.scored.data[i] === 0) return null;
		const x = k.x.data[i];
		const own = k.ownGapDays.data[i];
		return {
			customerId: '',
			recencyDays: k.recencyDays.data[i],
			orders: k.orders.data[i],
			totalSpend: k.totalSpend.data[i],
			avgOrderValue: k.avgOrderValue.data[i],
			history: { x, tx: k.tx.data[i], T: k.T.data[i] },
			spend: { x, m: k.m.data[i] },
			ownGapDays: Number.isNaN(own) ? null : own,
			analysisDay: k.analysisDay.data[i],
		};
	}

	/**
	 * The purchase days of every customer with orders (in position order), when each record had
	 * them; null otherwise.
	 */
	purchaseDays(): PurchaseDays | null {
		const list = this.purchaseDayList;
		if (!list || this.scoredCount === 0) return null;
		const starts = new Int32Array(this.size + 1);
		starts.set(this.purchaseDayStarts.data.subarray(0, this.size));
		starts[this.size] = list.length;
		return { starts, days: list.data.slice(0, list.length) };
	}

	/** The latest analysis day of the customers with orders: what a backtest's held-out days end on. */
	latestAnalysisDay(): number {
		return this.measure('analysisDay', this.where((k, i) => k.orders[i] > 0)).reduce((latest, day) => Math.max(latest, day), -Infinity);
	}

	/** One measure of the customers at `positions` (all when omitted), in their order. */
	measure(name: Measure, positions?: Int32Array): Float64Array {
		const column = this.columns[name].data;
		if (!positions) return column.slice(0, this.size);
		const out = new Float64Array(positions.length);
		for (let j = 0; j < positions.length; j++) out[j] = column[positions[j]];
		return out;
	}

	/** Positions of the scored customers for whom `keep` holds (of those `among`, when given), in order. */
	where(keep: (k: Readonly<Record<Measure, Float64Array>>, i: number) => boolean, among?: Int32Array): Int32Array {
		const k = this.data();
		const out: number[] = [];
		const count = among ? among.length : this.size;
		for (let j = 0; j < count; j++) {
			const i = among ? among[j] : j;
			if (k.scored[i] === 1 && keep(k, i)) out.push(i);
		}
		return typedCopy(Int32Array, out);
	}

	/** Each measure's values as they stand (a column's array is replaced when it grows). */
	private data(): Record<Measure, Float64Array> {
		return Object.fromEntries(MEASURES.map((m) => [m, this.columns[m].data])) as Record<Measure, Float64Array>;
	}
}
