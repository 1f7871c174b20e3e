import { TableBuilder } from './tableBuilder';
import { TableReader } from './tableReader';

/*
 * A customer base: every customer of a run as one compact value that passes between the
 * retention nodes as a single item, instead of one item per customer. It is a stack of layers
 * with one row per customer in the same order: the first holds the customers as Customer Data
 * (or the items a node was given) described them, and each node after adds a layer with only
 * the fields it adds. A node never rewrites an earlier layer, so a million customers' summaries
 * are stored once in an execution, however many nodes read them.
 *
 * Reading a row gives the same record the node would have put on an item: `customerId` first,
 * then the newest layer's fields, then the older ones; a field a newer layer has wins.
 */
type ReadPlan = Array<Array<{ layer: TableReader; columns: number[] }>>;

/**
 * One customer's record whose fields are read from the base when touched: `row` says which
 * customer. For readers that look fields up by name (the record readers) and keep nothing: a
 * field never touched (an order date whose day count is there) is never read, and no record is
 * made per customer.
 */
export interface RecordView {
	row: number;
	readonly record: Readonly<Record<string, unknown>>;
}

export class CustomerBase {
	readonly rows: number;

	constructor(readonly layers: readonly TableReader[]) {
		if (layers.length === 0) throw new Error('A customer base needs at least one layer');
		this.rows = layers[0].rows;
		const uneven = layers.find((layer) => layer.rows !== this.rows);
		if (uneven) throw new Error(`The customer base's layers disagree: ${this.rows} customers in the first, ${uneven.rows} in another. Run the workflow again from Customer Data.`);
	}

	static fromBytes(layers: readonly Uint8Array[]): CustomerBase {
		return new CustomerBase(layers.map((bytes) => new TableReader(bytes)));
	}

	/**
	 * One customer's record; with `keys`, only the fields under those top-level keys (a list
	 * given again is recognised, so pass the same array for every row).
	 */
	record(row: number, keys?: readonly string[]): Record<string, unknown> {
		const plan = keys === undefined ? (this.fullPlan ??= this.plan(undefined)) : this.planFor(keys);
		const out: Record<string, unknown> = {};
		for (let k = 0; k < plan.length; k++) {
			const candidates = plan[k];
			for (let c = 0; c < candidates.length; c++) if (candidates[c].layer.readColumns(candidates[c].columns, row, out)) break;
		}
		return out;
	}

	/** A view of the fields under `keys` (customerId always), at row 0 until moved. */
	view(keys: readonly string[]): RecordView {
		const wanted = this.wanted(keys);
		const plan = this.plan(keys);
		const view = { row: 0, record: {} };
		wanted.forEach((key, k) => {
			const readers = plan[k].map(({ layer, columns }) => layer.valueReader(columns));
			const only = readers.length === 1 ? readers[0] : null;
			Object.defineProperty(view.record, key, {
				enumerable: true,
				get: only
					? () => only(view.row)
					: () => {
							for (let c = 0; c < readers.length; c++) {
								const value = readers[c](view.row);
								if (value !== undefined) return value;
							}
							return undefined;
						},
			});
		});
		return view;
	}

	private fullPlan: ReadPlan | undefined;
	private lastKeys: readonly string[] | undefined;
	private lastPlan: ReadPlan = [];

	private planFor(keys: readonly string[]): ReadPlan {
		if (keys !== this.lastKeys) {
			this.lastPlan = this.plan(keys);
			this.lastKeys = keys;
		}
		return this.lastPlan;
	}

	/** The fields a plan covers, customerId first, that some layer has. */
	private wanted(keys: readonly string[] | undefined): string[] {
		return [...new Set(['customerId', ...(keys ?? this.fields())])].filter((key) => this.layers.some((layer) => layer.keys.has(key)));
	}

	/** Per field of `wanted`, the layers that may hold it, newest first. */
	private plan(keys: readonly string[] | undefined): ReadPlan {
		return this.wanted(keys).map((key) => {
			const candidates: Array<{ layer: TableReader; columns: number[] }> = [];
			for (let l = this.layers.length - 1; l >= 0; l--) {
				const columns = this.layers[l].keys.get(key);
				if (columns) candidates.push({ layer: this.layers[l], columns });
			}
			return candidates;
		});
	}

	/** Top-level fields of the records, newest layer's first. */
	fields(): string[] {
		const seen = new Set<string>(['customerId']);
		for (let l = this.layers.length - 1; l >= 0; l--) for (const { key } of this.layers[l].groups) seen.add(key);
		return [...seen];
	}
}

/** A layer from records (whole customers, or the fields a node adds), one per row in order. */
export function layerBytes(records: Iterable<Record<string, unknown>>): Uint8Array {
	return TableBuilder.of(records).finish();
}
