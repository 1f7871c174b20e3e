import { ColumnHeader, encodeTable } from './tableEncoding';
import { TextColumn } from './textColumn';
import { withRoom } from '../values/growableColumns';
import { typedCopy } from '../values/typedCopies';
import { setOwnField } from '../values/ownField';

/*
 * Records in, one column per field path out. A nested plain object becomes an object column
 * (whether it is there, null or absent) with a column per field under it, so `consent.email`
 * costs a byte per customer rather than a JSON text. A column takes the kind of its first value;
 * a later value of another kind is kept as an exception, so nothing a record holds is lost.
 */

/** Per-row state of a column. VALUE rows read the column's data. */
export const VALUE = 0;
export const NULL = 1;
export const ABSENT = 2;
export const EXCEPTION = 3;

export type ColumnKind = 'number' | 'string' | 'boolean' | 'object' | 'json';

function kindOf(value: unknown): ColumnKind {
	switch (typeof value) {
		case 'number':
			return 'number';
		case 'string':
			return 'string';
		case 'boolean':
			return 'boolean';
		default:
			return isPlainObject(value) ? 'object' : 'json';
	}
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
	const proto = Object.getPrototypeOf(value);
	return proto === Object.prototype || proto === null;
}

/** One field path's values as they arrive; `rows` is how many rows it has accounted for. */
export class ColumnBuilder {
	kind: ColumnKind | null = null;
	rows = 0;
	numbers = new Float64Array(0);
	/** Strings, as they will be stored (made with the first string). */
	texts: TextColumn | null = null;
	/** JSON values (lists, mixed): one slot per row. */
	values: unknown[] = [];
	states: Uint8Array | null = null;
	exceptions: Array<[number, unknown]> = [];
	/** Lists of records given whole (fillRecordLists). */
	recordLists: { ends: Uint32Array; elements: TableBuilder } | null = null;

	constructor(
		readonly name: string,
		readonly parent: number,
		startRow: number,
	) {
		// Rows before the column first appeared did not have the field.
		for (let row = 0; row < startRow; row++) this.state(row, ABSENT);
		this.rows = startRow;
	}

	/** Whether a row accounted for so far holds a value of the column's kind. */
	isValue(row: number): boolean {
		return this.states === null || row >= this.states.length || this.states[row] === VALUE;
	}

	private state(row: number, state: number): void {
		if (state === VALUE && this.states === null) return;
		this.states = this.states === null ? new Uint8Array(Math.max(1024, row * 2)) : withRoom(this.states, row);
		this.states[row] = state;
	}

	private slot(row: number): void {
		if (this.kind === 'number' || this.kind === 'boolean') {
			this.numbers = withRoom(this.numbers, row);
		} else if (this.kind === 'json') {
			while (this.values.length < row) this.values.push(null);
		}
	}

	/** Marks rows up to (not including) `row` that did not set the column as absent. */
	catchUp(row: number): void {
		for (let r = this.rows; r < row; r++) this.state(r, ABSENT);
		if (this.rows < row) this.rows = row;
	}

	set(row: number, value: unknown): void {
		this.catchUp(row);
		this.rows = row + 1;
		if (value === null || value === undefined) {
			this.state(row, value === null ? NULL : ABSENT);
			return;
		}
		const kind = kindOf(value);
		if (this.kind === null) this.kind = kind;
		if (kind !== this.kind) {
			this.state(row, EXCEPTION);
			this.exceptions.push([row, value]);
			return;
		}
		this.state(row, VALUE);
		if (kind === 'object') return;
		this.slot(row);
		// -0 is 0, as in the JSON n8n stores items in (and a column of 0s stays whole numbers).
		if (kind === 'number') this.numbers[row] = (value as number) + 0;
		else if (kind === 'boolean') this.numbers[row] = value ? 1 : 0;
		else if (kind === 'string') (this.texts ??= new TextColumn(true, (r) => this.isValue(r))).set(row, value as string);
		else this.values[row] = value;
	}

	/*
	 * set() for the common case of a described row, without its checks: a value of the column's
	 * kind for the row after the last, with room for it. False, having changed nothing, otherwise.
	 * The row's state is already VALUE (0): no row after the last one set has been written.
	 */
	setNextNumber(row: number, value: number): boolean {
		if (this.kind !== 'number' || row !== this.rows || row >= this.numbers.length || (this.states !== null && row >= this.states.length)) return false;
		this.rows = row + 1;
		this.numbers[row] = value + 0;
		return true;
	}

	setNextText(row: number, value: string): boolean {
		if (this.kind !== 'string' || row !== this.rows || this.texts === null || (this.states !== null && row >= this.states.length)) return false;
		this.rows = row + 1;
		this.texts.set(row, value);
		return true;
	}

	/*
	 * Whole columns, for a table filled a column at a time (TableBuilder.columnFor), on a column
	 * no row has set yet: the column set() row by row would give, but for the kind of a column
	 * whose rows are all null, which is stored the same either way. `states` null: every row
	 * holds a value.
	 */
	fillNumbers(kind: 'number' | 'boolean', values: Float64Array<ArrayBuffer>, states: Uint8Array | null): void {
		this.rows = values.length;
		this.numbers = values;
		this.states = states;
		this.kind = kind;
	}

	/**
	 * Every row's list of records at once, as listOfRecords would find them: row r's records are
	 * the elements ends[r - 1] to ends[r] of `elements`, which holds at least one.
	 */
	fillRecordLists(ends: Uint32Array, elements: TableBuilder): void {
		this.rows = ends.length;
		this.kind = 'json';
		this.recordLists = { ends, elements };
	}

	/** Every one of `rows` rows holds an object, described by the columns under this one. */
	fillObjects(rows: number): void {
		this.rows = rows;
		if (rows > 0) this.kind = 'object';
	}

	/** A date-time as epoch milliseconds: what set(row, its toISOString text) would store. */
	setInstant(row: number, ms: number): void {
		if (this.kind !== 'string' || this.texts === null) {
			this.set(row, new Date(ms).toISOString());
			return;
		}
		this.catchUp(row);
		this.rows = row + 1;
		this.state(row, VALUE);
		this.texts.setInstant(row, ms);
	}

	/** States of every row, or null when every row holds a value of the column's kind. */
	finalStates(rows: number): Uint8Array | null {
		this.catchUp(rows);
		return this.states === null ? null : this.states.subarray(0, rows);
	}
}

/** What an object column is set to for a row whose fields are described one by one: it holds nothing. */
const OPENED: Record<string, unknown> = Object.freeze({});

/**
 * Builds one table from records added one at a time. Columns appear in the order fields are
 * first seen, so records of one shape come back with their fields in their order.
 */
export class TableBuilder {
	private readonly columns: ColumnBuilder[] = [];
	/** Column index by parent column and field name (a name may hold a dot). */
	private readonly byPath = new Map<string, number>();
	/**
	 * Per object (top level first), the columns of the last record's fields by position: records
	 * of one shape find every column without a lookup (the lookup was most of the build time).
	 */
	private readonly lastShape: number[][] = [];
	private rows = 0;

	get rowCount(): number {
		return this.rows;
	}

	/** A builder holding these records, one row each in order. */
	static of(records: Iterable<Record<string, unknown>>): TableBuilder {
		const builder = new TableBuilder();
		for (const record of records) builder.add(record);
		return builder;
	}

	/** For a table filled a column at a time: it has this many rows. */
	setRowCount(rows: number): void {
		this.rows = rows;
	}

	/**
	 * The column of a field under `parent` (a column index, -1: the top), made now if new, as if
	 * its first value came at `firstRow`: a table filled a column at a time asks for its columns
	 * in the order rows added one by one would have made them.
	 */
	columnFor(parent: number, name: string, firstRow: number): { index: number; column: ColumnBuilder } {
		const index = this.column(name, parent, firstRow);
		return { index, column: this.columns[index] };
	}

	/** A value of the column at `index` (from columnFor) for `row`, an object's fields under it: what a field of that row would store. */
	setAt(index: number, row: number, value: unknown): void {
		const column = this.columns[index];
		column.set(row, value);
		if (column.kind === 'object' && isPlainObject(value)) this.addObject(value, index, row);
	}

	add(record: Record<string, unknown>): void {
		const row = this.rows++;
		this.addObject(record, -1, row);
	}

	private column(name: string, parent: number, row: number): number {
		const path = parent < 0 ? name : `${parent}\u0000${name}`;
		let index = this.byPath.get(path);
		if (index === undefined) {
			index = this.columns.length;
			this.columns.push(new ColumnBuilder(name, parent, row));
			this.byPath.set(path, index);
		}
		return index;
	}

	private addObject(object: Record<string, unknown>, parent: number, row: number): void {
		let position = 0;
		for (const key in object) {
			const value = object[key];
			const index = this.columnAt(parent, position++, key, row);
			const column = this.columns[index];
			column.set(row, value);
			if (column.kind === 'object' && isPlainObject(value)) this.addObject(value, index, row);
		}
	}

	/** The column of the field at `position` of an object under `parent` (-1: the top), found by position for records of one shape. */
	private columnAt(parent: number, position: number, name: string, row: number): number {
		const shape = (this.lastShape[parent + 1] ??= []);
		let index = shape[position];
		if (index === undefined || this.columns[index].name !== name) index = shape[position] = this.column(name, parent, row);
		return index;
	}

	/*
	 * The builder as a sink of rows described field by field (RecordSink in
	 * lib/values/recordSink.ts): nextRow(), then the fields in order. The table is the one add()
	 * builds from the records described, without making them.
	 */
	private sinkRow = -1;
	private depth = 0;
	/** Per open object: its column (-1: the top) and its next field's position... */
	private readonly frameParent: number[] = [-1];
	private readonly framePosition: number[] = [0];
	/** ...or the object collecting its fields, where its column does not hold objects (kept as an exception). */
	private readonly frameObject: Array<Record<string, unknown> | null> = [null];

	/** add() by way of the row sink: the same table, faster where a row's values are of their columns' kinds. */
	addRow(record: Record<string, unknown>): void {
		this.nextRow();
		for (const key in record) this.field(key, record[key]);
	}

	nextRow(): void {
		this.sinkRow = this.rows++;
		this.depth = 0;
		this.framePosition[0] = 0;
	}

	field(name: string, value: unknown): void {
		const d = this.depth;
		const collecting = this.frameObject[d];
		if (collecting !== null) {
			setOwnField(collecting, name, value);
			return;
		}
		const index = this.columnAt(this.frameParent[d], this.framePosition[d]++, name, this.sinkRow);
		const column = this.columns[index];
		if (typeof value === 'number' ? column.setNextNumber(this.sinkRow, value) : typeof value === 'string' && column.setNextText(this.sinkRow, value)) return;
		column.set(this.sinkRow, value);
		if (column.kind === 'object' && isPlainObject(value)) this.addObject(value, index, this.sinkRow);
	}

	instant(name: string, ms: number): void {
		const d = this.depth;
		const collecting = this.frameObject[d];
		if (collecting !== null) setOwnField(collecting, name, new Date(ms).toISOString());
		else this.columns[this.columnAt(this.frameParent[d], this.framePosition[d]++, name, this.sinkRow)].setInstant(this.sinkRow, ms);
	}

	open(name: string): this {
		const d = this.depth;
		const collecting = this.frameObject[d];
		let parent = -1;
		let object: Record<string, unknown> | null = null;
		if (collecting !== null) setOwnField(collecting, name, (object = {}));
		else {
			parent = this.columnAt(this.frameParent[d], this.framePosition[d]++, name, this.sinkRow);
			const column = this.columns[parent];
			if (column.kind === null || column.kind === 'object') column.set(this.sinkRow, OPENED);
			else column.set(this.sinkRow, (object = {}));
		}
		this.depth = d + 1;
		this.frameParent[d + 1] = parent;
		this.framePosition[d + 1] = 0;
		this.frameObject[d + 1] = object;
		return this;
	}

	close(): void {
		this.depth--;
	}

	/** The table as bytes (see tableEncoding for the layout). */
	finish(): Uint8Array {
		const headers: ColumnHeader[] = [];
		const blocks: Uint8Array[] = [];
		for (const column of this.columns) headers.push(describeColumn(column, this.rows, blocks));
		return encodeTable(this.rows, headers, blocks);
	}
}

function describeColumn(column: ColumnBuilder, rows: number, blocks: Uint8Array[]): ColumnHeader {
	const states = column.finalStates(rows);
	const header: ColumnHeader = { name: column.name, parent: column.parent, kind: 'const', value: null };
	if (column.exceptions.length > 0) header.exceptions = column.exceptions;
	let valueRows = rows;
	if (states) {
		header.states = blocks.push(states.slice()) - 1;
		valueRows = 0;
		for (let r = 0; r < rows; r++) if (states[r] === VALUE) valueRows++;
	}
	const isValue = (r: number) => states === null || states[r] === VALUE;
	if (column.kind === null || column.kind === 'object' || valueRows === 0) {
		header.kind = column.kind === 'object' ? 'object' : 'const';
		return header;
	}
	if (column.kind === 'number' || column.kind === 'boolean') {
		// A column whose last values were nulls or absent has fewer slots than rows.
		const numbers = column.numbers.length >= rows ? column.numbers : Float64Array.from({ length: rows }, (_, r) => column.numbers[r] ?? 0);
		const { min: low, max: high, integers, constant, first } = numberStats(numbers, rows, states);
		let min = low;
		let max = high;
		if (column.kind === 'boolean') {
			if (constant) return { ...header, kind: 'const', value: first === 1 };
			header.kind = 'bool';
			header.data = blocks.push(typedCopy(Uint8Array, numbers.subarray(0, rows))) - 1;
			return header;
		}
		if (constant) return { ...header, kind: 'const', value: first };
		// Money and rounded probabilities have few decimals: kept as integers of 10^-k, exactly.
		const scale = integers ? 0 : decimalScale(numbers, rows, states);
		const stored = scale === 0 ? numbers : scaled(numbers, rows, states, 10 ** scale);
		if (scale > 0) {
			header.scale = scale;
			({ min, max } = numberStats(stored, rows, states));
		}
		const whole = integers || scale > 0;
		if (whole && min >= -128 && max <= 127) {
			header.kind = 'i8';
			header.data = blocks.push(new Uint8Array(typedCopy(Int8Array, stored.subarray(0, rows)).buffer)) - 1;
		} else if (whole && min >= -32768 && max <= 32767) {
			header.kind = 'i16';
			header.data = blocks.push(new Uint8Array(typedCopy(Int16Array, stored.subarray(0, rows)).buffer)) - 1;
		} else if (whole && min >= -2147483648 && max <= 2147483647) {
			header.kind = 'i32';
			header.data = blocks.push(new Uint8Array(typedCopy(Int32Array, stored.subarray(0, rows)).buffer)) - 1;
		} else {
			delete header.scale;
			header.kind = 'f64';
			header.data = blocks.push(new Uint8Array(numbers.slice(0, rows).buffer)) - 1;
		}
		return header;
	}
	const given = column.recordLists;
	const list = given ? { ends: given.ends, elements: given.elements.finish() } : column.kind === 'json' ? listOfRecords(column.values, rows, isValue) : null;
	if (list) {
		header.kind = 'list';
		header.data = blocks.push(new Uint8Array(list.ends.buffer)) - 1;
		header.elements = blocks.push(list.elements) - 1;
		return header;
	}
	if (column.kind === 'string') return (column.texts as TextColumn).describe(header, rows, isValue, blocks, (text) => text);
	header.json = true;
	const texts = new TextColumn(false, isValue);
	for (let r = 0; r < rows; r++) if (isValue(r) && column.values[r] !== undefined) texts.set(r, JSON.stringify(column.values[r]));
	return texts.describe(header, rows, isValue, blocks, (text) => JSON.parse(text) as unknown);
}

/** Most decimals tried: beyond six, integers of 10^-k rarely fit 32 bits. */
const MAX_SCALE = 6;

/**
 * The fewest decimals k (1..6) such that every value is exactly round(v * 10^k) / 10^k, the
 * division a reader makes; 0 when there are none (then the values stay doubles).
 */
function decimalScale(numbers: Float64Array, rows: number, states: Uint8Array | null): number {
	scales: for (let k = 1; k <= MAX_SCALE; k++) {
		const p = 10 ** k;
		for (let r = 0; r < rows; r++) {
			if (states !== null && states[r] !== VALUE) continue;
			const v = numbers[r];
			const n = Math.round(v * p);
			if (n / p !== v || Math.abs(n) > 2147483647 || Object.is(v, -0)) continue scales;
		}
		return k;
	}
	return 0;
}

function scaled(numbers: Float64Array, rows: number, states: Uint8Array | null, p: number): Float64Array {
	const out = new Float64Array(rows);
	for (let r = 0; r < rows; r++) if (states === null || states[r] === VALUE) out[r] = Math.round(numbers[r] * p);
	return out;
}

/**
 * The least and greatest value of the rows holding one, whether all are whole numbers (-0 is
 * not) and whether all are the same value (as Object.is sees it), in one pass: a million-row
 * column is read once, without a call per row.
 */
function numberStats(numbers: Float64Array, rows: number, states: Uint8Array | null): { min: number; max: number; integers: boolean; constant: boolean; first: number | undefined } {
	let min = Infinity;
	let max = -Infinity;
	let integers = true;
	let constant = true;
	let first: number | undefined;
	for (let r = 0; r < rows; r++) {
		if (states !== null && states[r] !== VALUE) continue;
		const n = numbers[r];
		if (first === undefined) first = n;
		else if (constant && !Object.is(n, first)) constant = false;
		if (n < min) min = n;
		if (n > max) max = n;
		if (integers && !(Number.isInteger(n) && !Object.is(n, -0))) integers = false;
	}
	return { min, max, integers, constant, first };
}

/**
 * A column whose every value is a list of plain objects (a customer's record gaps, their
 * products), as the lists' ends and one table of all their elements: the elements' fields are
 * columns like any other, instead of JSON text per customer. Null when some value is not such a
 * list, or every list is empty (then a constant or a dictionary does better).
 */
function listOfRecords(values: unknown[], rows: number, isValue: (r: number) => boolean): { ends: Uint32Array; elements: Uint8Array } | null {
	let count = 0;
	for (let r = 0; r < rows; r++) {
		if (!isValue(r)) continue;
		const value = values[r];
		if (!Array.isArray(value) || !value.every(isPlainObject)) return null;
		count += value.length;
	}
	if (count === 0) return null;
	const elements = new TableBuilder();
	const ends = new Uint32Array(rows);
	let end = 0;
	for (let r = 0; r < rows; r++) {
		if (isValue(r)) for (const element of values[r] as Array<Record<string, unknown>>) elements.add(element), end++;
		ends[r] = end;
	}
	return { ends, elements: elements.finish() };
}
