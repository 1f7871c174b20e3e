import { inflateSync } from 'fflate';
import { ABSENT, EXCEPTION, NULL, VALUE } from './tableBuilder';
import { ColumnHeader, decodeTable } from './tableEncoding';
import { valueAtPath } from '../values/fieldSource';
import { setOwnField } from '../values/ownField';

/** What TableReader.pathReader gives for a row without the path's top-level field. */
export const NOT_IN_TABLE: unique symbol = Symbol('not in this table');

type Values = Int8Array | Int16Array | Int32Array | Float64Array | Uint8Array | Uint16Array;

interface ReadColumn {
	header: ColumnHeader;
	/** The field's name in its parent object. */
	name: string;
	states: Uint8Array | null;
	exceptions: Map<number, unknown> | null;
	/** The value of a VALUE row, by a function made once for the column's kind. */
	read: (row: number) => unknown;
	/** No row lacks the field (worked out when first asked). */
	everyRow?: boolean;
}

/** A column's reader of VALUE rows: chosen once per column, not per row. */
function readerOf(header: ColumnHeader, values: Values | null, ends: Uint32Array | null, text: Buffer | null, elements: TableReader | null): (row: number) => unknown {
	const parse = header.json ? (t: string) => JSON.parse(t) as unknown : (t: string) => t;
	switch (header.kind) {
		case 'const': {
			const value = header.value;
			return () => value;
		}
		case 'object':
			return () => ({});
		case 'bool': {
			const bytes = values as Uint8Array;
			return (row) => bytes[row] === 1;
		}
		case 'dict8':
		case 'dict16': {
			const dictionary = header.dictionary as string[];
			const codes = values as Values;
			// A JSON value is parsed per row: each record gets its own list or object.
			return header.json ? (row) => JSON.parse(dictionary[codes[row]]) as unknown : (row) => dictionary[codes[row]];
		}
		case 'list': {
			const listEnds = new Uint32Array((values as Uint8Array).buffer, (values as Uint8Array).byteOffset, (values as Uint8Array).byteLength / 4);
			const table = elements as TableReader;
			return (row) => {
				const list: Array<Record<string, unknown>> = [];
				for (let i = row === 0 ? 0 : listEnds[row - 1]; i < listEnds[row]; i++) list.push(table.row(i));
				return list;
			};
		}
		case 'instant': {
			const instants = values as Float64Array;
			return (row) => new Date(instants[row]).toISOString();
		}
		case 'text': {
			const offsets = ends as Uint32Array;
			if (!header.deflated) {
				const bytes = text as Buffer;
				return (row) => parse(bytes.toString('utf8', row === 0 ? 0 : offsets[row - 1], offsets[row]));
			}
			// Inflated on the first read: a node that does not read the column does not pay for it.
			let bytes: Buffer | undefined;
			return (row) => {
				if (bytes === undefined) {
					const inflated = inflateSync(text as Buffer);
					bytes = Buffer.from(inflated.buffer, inflated.byteOffset, inflated.byteLength);
				}
				return parse(bytes.toString('utf8', row === 0 ? 0 : offsets[row - 1], offsets[row]));
			};
		}
		default: {
			const numbers = values as Values;
			const divisor = 10 ** (header.scale ?? 0);
			return header.scale ? (row) => numbers[row] / divisor : (row) => numbers[row];
		}
	}
}

/**
 * One table read back: any row as a record, or only the fields under some top-level keys (a
 * node that needs ten fields of a customer does not build the other forty).
 */
export class TableReader {
	readonly rows: number;
	private readonly columns: ReadColumn[];
	/** Column indexes under each top-level key, parents before their fields. */
	readonly keys = new Map<string, number[]>();
	/** The same, as a list in the order the keys were first written. */
	readonly groups: Array<{ key: string; columns: number[] }> = [];
	private readonly slots: Array<Record<string, unknown> | undefined>;

	constructor(bytes: Uint8Array) {
		const table = decodeTable(bytes);
		this.rows = table.header.rows;
		this.columns = table.header.columns.map((header) => {
			const view = (index: number | undefined) => (index === undefined ? null : table.block(index));
			const data = view(header.data);
			let values: Values | null = null;
			if (data) {
				const { buffer, byteOffset, byteLength } = data;
				if (header.kind === 'i8') values = new Int8Array(buffer, byteOffset, byteLength);
				else if (header.kind === 'i16') values = new Int16Array(buffer, byteOffset, byteLength / 2);
				else if (header.kind === 'i32') values = new Int32Array(buffer, byteOffset, byteLength / 4);
				else if (header.kind === 'f64' || header.kind === 'instant') values = new Float64Array(buffer, byteOffset, byteLength / 8);
				else if (header.kind === 'dict16') values = new Uint16Array(buffer, byteOffset, byteLength / 2);
				else if (header.kind === 'text') values = null;
				else values = data;
			}
			const text = view(header.text);
			const ends = header.kind === 'text' && data ? new Uint32Array(data.buffer, data.byteOffset, data.byteLength / 4) : null;
			return {
				header,
				name: header.name,
				states: view(header.states),
				exceptions: header.exceptions ? new Map(header.exceptions) : null,
				read: readerOf(header, values, ends, text ? Buffer.from(text.buffer, text.byteOffset, text.byteLength) : null, header.elements === undefined ? null : new TableReader(table.block(header.elements))),
			};
		});
		this.slots = new Array(this.columns.length);
		this.columns.forEach((_, index) => {
			let top = index;
			while (this.columns[top].header.parent >= 0) top = this.columns[top].header.parent;
			const key = this.columns[top].name;
			const list = this.keys.get(key);
			if (list) list.push(index);
			else {
				const columns = [index];
				this.keys.set(key, columns);
				this.groups.push({ key, columns });
			}
		});
	}

	/** A row's value at one column: undefined when the row does not have the field. */
	private value(column: ReadColumn, row: number): unknown {
		if (column.states !== null) {
			const state = column.states[row];
			if (state === ABSENT) return undefined;
			if (state === NULL) return null;
			if (state === EXCEPTION) return column.exceptions?.get(row);
		}
		return column.read(row);
	}

	/**
	 * Writes the fields of one top-level key of a row into `out`; false when the row does not
	 * have that key (so an earlier layer's value can stand).
	 */
	readKey(key: string, row: number, out: Record<string, unknown>): boolean {
		const indexes = this.keys.get(key);
		return indexes === undefined ? false : this.readColumns(indexes, row, out);
	}

	/** readKey for a key's column list (from `groups` or `keys`). */
	readColumns(indexes: number[], row: number, out: Record<string, unknown>): boolean {
		// A field's parent is an earlier column under the same key: its object for this row is in slots.
		const slots = this.slots;
		let found = false;
		for (let i = 0; i < indexes.length; i++) {
			const index = indexes[i];
			const column = this.columns[index];
			const parent = column.header.parent;
			const target = parent < 0 ? out : slots[parent];
			slots[index] = undefined;
			if (target === undefined) continue;
			const value = this.value(column, row);
			if (value === undefined) continue;
			// A field named __proto__ (JSON can have one) stays a field, as JSON.parse keeps it.
			if (column.name === '__proto__') setOwnField(target, '__proto__', value);
			else target[column.name] = value;
			if (parent < 0) found = true;
			if (column.header.kind === 'object' && typeof value === 'object' && value !== null && !Array.isArray(value)) slots[index] = value as Record<string, unknown>;
		}
		return found;
	}

	/** The value of one top-level key's columns at a row (see readColumns); undefined when the row does not have it. */
	valueAt(indexes: number[], row: number): unknown {
		// A plain field (no object around fields of its own) is its column's value.
		if (indexes.length === 1 && this.columns[indexes[0]].header.kind !== 'object') return this.value(this.columns[indexes[0]], row);
		return this.objectAt(indexes, row);
	}

	/**
	 * valueAt for one key, as a function of the row made once: a reader that looks a key up for
	 * every customer (a view of the base) skips the choice of path each time.
	 */
	valueReader(indexes: number[]): (row: number) => unknown {
		if (indexes.length !== 1 || this.columns[indexes[0]].header.kind === 'object') return (row) => this.objectAt(indexes, row);
		const column = this.columns[indexes[0]];
		const { states, read } = column;
		if (states === null) return read;
		return (row) => {
			const state = states[row];
			return state === VALUE ? read(row) : state === NULL ? null : state === ABSENT ? undefined : column.exceptions?.get(row);
		};
	}

	/**
	 * The value at a field path of each row, as valueAtPath gives it of the row's record, or
	 * NOT_IN_TABLE when the row does not have the path's top-level field. Fields inside objects
	 * are read from their own columns: no object is built on the way.
	 */
	pathReader(names: readonly string[]): (row: number) => unknown {
		const indexes = this.keys.get(names[0]);
		if (indexes === undefined) return () => NOT_IN_TABLE;
		const read = names.length === 1 ? this.valueReader(indexes) : this.readerBelow(indexes[0], names.slice(1));
		const states = this.columns[indexes[0]].states;
		if (states === null || this.hasForEveryRow(names[0])) return read;
		return (row) => (states[row] === ABSENT ? NOT_IN_TABLE : read(row));
	}

	/** Whether no row lacks the top-level field (so pathReader never gives NOT_IN_TABLE for it). */
	hasForEveryRow(key: string): boolean {
		const indexes = this.keys.get(key);
		if (indexes === undefined) return false;
		const column = this.columns[indexes[0]];
		return (column.everyRow ??= column.states === null || !column.states.includes(ABSENT));
	}

	/** The value at `names` inside column `index`'s value, for a row that has the column. */
	private readerBelow(index: number, names: readonly string[]): (row: number) => unknown {
		const column = this.columns[index];
		const { states, exceptions } = column;
		const inException = (row: number) => valueAtPath(exceptions?.get(row), names);
		if (column.header.kind !== 'object') {
			// A list, a text or a JSON value: nothing in columns below it.
			const own = this.columnReader(index);
			return (row) => valueAtPath(own(row), names);
		}
		const child = this.columns.findIndex((c) => c.header.parent === index && c.name === names[0]);
		const below = child < 0 ? () => undefined : names.length === 1 ? this.columnReader(child) : this.readerBelow(child, names.slice(1));
		if (states === null) return below;
		return (row) => {
			const state = states[row];
			return state === VALUE ? below(row) : state === EXCEPTION ? inException(row) : undefined;
		};
	}

	/** One column's value at a row, an object column's with its fields. */
	private columnReader(index: number): (row: number) => unknown {
		const column = this.columns[index];
		if (column.header.kind === 'object') {
			const fields = this.columns.flatMap((_, i) => (this.isBelow(i, index) ? [i] : []));
			const scratch: Record<string, unknown> = {};
			// readColumns writes a field's value into its parent's object, found in slots.
			return (row) => {
				const state = column.states === null ? VALUE : column.states[row];
				if (state !== VALUE) return state === NULL ? null : state === ABSENT ? undefined : column.exceptions?.get(row);
				const value = {};
				this.slots[index] = value;
				this.readColumns(fields, row, scratch);
				return value;
			};
		}
		return this.valueReader([index]);
	}

	private isBelow(index: number, ancestor: number): boolean {
		for (let parent = this.columns[index].header.parent; parent >= 0; parent = this.columns[parent].header.parent) if (parent === ancestor) return true;
		return false;
	}

	private objectAt(indexes: number[], row: number): unknown {
		const scratch = this.scratch;
		if (!this.readColumns(indexes, row, scratch)) return undefined;
		const name = this.columns[indexes[0]].name;
		const value = scratch[name];
		scratch[name] = undefined;
		return value;
	}

	private readonly scratch: Record<string, unknown> = {};

	/** Every field of a row. */
	row(row: number): Record<string, unknown> {
		const out: Record<string, unknown> = {};
		for (const { columns } of this.groups) this.readColumns(columns, row, out);
		return out;
	}

}
