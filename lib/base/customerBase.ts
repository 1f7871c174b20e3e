import { TableBuilder } from './tableBuilder';
import { NOT_IN_TABLE, TableReader } from './tableReader';
import type { FieldPath, FieldSource } from '../values/fieldSource';

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
 * The fields of one customer of the base, at `row`, for readers that ask for values by path
 * (the record readers) and keep nothing: each path is read from its columns, newest layer
 * first, and no record is made per customer.
 */
export interface BaseCursor extends FieldSource {
	row: number;
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

	/** A cursor on the customers, at row 0 until moved. */
	cursor(): BaseCursor {
		const readers: Array<((row: number) => unknown) | undefined> = [];
		const cursor = {
			row: 0,
			get: (path: FieldPath) => (readers[path.id] ??= this.pathReader(path.names))(cursor.row),
		};
		return cursor;
	}

	/** The value at a path of each customer's record: from the newest layer that has its top-level field. */
	private pathReader(names: readonly string[]): (row: number) => unknown {
		const holders = this.layers.filter((layer) => layer.keys.has(names[0])).reverse();
		const readers = holders.map((layer) => layer.pathReader(names));
		if (readers.length === 0) return () => undefined;
		// The only layer with the field, and every customer has it there: its reader is the path's.
		if (readers.length === 1 && holders[0].hasForEveryRow(names[0])) return readers[0];
		if (readers.length === 1) {
			const only = readers[0];
			return (row) => {
				const value = only(row);
				return value === NOT_IN_TABLE ? undefined : value;
			};
		}
		return (row) => {
			for (let c = 0; c < readers.length; c++) {
				const value = readers[c](row);
				if (value !== NOT_IN_TABLE) return value;
			}
			return undefined;
		};
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
