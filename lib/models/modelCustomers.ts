import type { History, SpendHistory } from './customerHistory';

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
	private length = 0;
	private readonly columns = Object.fromEntries(MEASURES.map((m) => [m, new Float64Array(1024)])) as Record<Measure, Float64Array>;

	/** Customers held, with orders or without. */
	get size(): number {
		return this.length;
	}

	/** Customers with orders: those fitted on and scored. */
	scoredCount = 0;

	static of(customers: ModelCustomer[]): ModelCustomers {
		const all = new ModelCustomers();
		for (const customer of customers) all.add(customer);
		return all;
	}

	/** Adds a customer (null: one without orders) and returns its position. */
	add(c: ModelCustomer | null): number {
		const i = this.length++;
		if (i === this.columns.x.length) {
			for (const measure of MEASURES) {
				const bigger = new Float64Array(i * 2);
				bigger.set(this.columns[measure]);
				this.columns[measure] = bigger;
			}
		}
		const k = this.columns;
		if (c === null) {
			for (const measure of MEASURES) k[measure][i] = 0;
			return i;
		}
		k.scored[i] = 1;
		this.scoredCount++;
		k.x[i] = c.history.x;
		k.tx[i] = c.history.tx;
		k.T[i] = c.history.T;
		k.recencyDays[i] = c.recencyDays;
		k.orders[i] = c.orders;
		k.totalSpend[i] = c.totalSpend;
		k.avgOrderValue[i] = c.avgOrderValue;
		k.m[i] = c.spend.m;
		// Not a number: no gap of their own (a mean gap is a finite ratio of days when there is one).
		k.ownGapDays[i] = c.ownGapDays ?? NaN;
		k.analysisDay[i] = c.analysisDay;
		return i;
	}

	/** The customer at i as one object, for a moment (scoring); null for one without orders. */
	customer(i: number, customerId = ''): ModelCustomer | null {
		if (this.columns.scored[i] === 0) return null;
		const k = this.columns;
		const x = k.x[i];
		const own = k.ownGapDays[i];
		return {
			customerId,
			recencyDays: k.recencyDays[i],
			orders: k.orders[i],
			totalSpend: k.totalSpend[i],
			avgOrderValue: k.avgOrderValue[i],
			history: { x, tx: k.tx[i], T: k.T[i] },
			spend: { x, m: k.m[i] },
			ownGapDays: Number.isNaN(own) ? null : own,
			analysisDay: k.analysisDay[i],
		};
	}

	/** One measure of the customers at `positions` (all when omitted), in their order. */
	measure(name: Measure, positions?: Int32Array): Float64Array {
		const column = this.columns[name];
		if (!positions) return column.slice(0, this.length);
		const out = new Float64Array(positions.length);
		for (let j = 0; j < positions.length; j++) out[j] = column[positions[j]];
		return out;
	}

	/** Positions of the scored customers for whom `keep` holds (of those `among`, when given), in order. */
	where(keep: (k: Readonly<Record<Measure, Float64Array>>, i: number) => boolean, among?: Int32Array): Int32Array {
		const out: number[] = [];
		const count = among ? among.length : this.length;
		for (let j = 0; j < count; j++) {
			const i = among ? among[j] : j;
			if (this.columns.scored[i] === 1 && keep(this.columns, i)) out.push(i);
		}
		return Int32Array.from(out);
	}
}
