import type { RecordSink } from '../values/recordSink';
import { isWellFormedText, Utf8TextList } from './utf8TextList';
import { ColumnBuilder, isPlainObject, NULL, TableBuilder } from './tableBuilder';

/**
 * How a field is kept: a text of its own per record, one of a few values (a code: texts, yes/no,
 * null), a number, or nothing (a field that must be null).
 */
export type FieldKind = 'text' | 'code' | 'number' | 'none';

/** A record's fields in their order, each with how it is kept. */
export type Schema<T> = { [K in keyof T]-?: FieldKind };

interface Field {
	key: string;
	kind: FieldKind;
	texts: Utf8TextList | null;
	codes: Uint16Array | null;
	names: unknown[];
	codeOf: Map<unknown, number>;
	numbers: Float64Array | null;
	isNull: Uint8Array | null;
}

const MOST_CODES = 0xffff;

/*
 * Records of one shape kept as columns rather than objects: a million objects held from one step
 * to a later one are a million objects the garbage collector walks again and again (at a million
 * customers, most of a node's collection time). A record that does not fit the schema exactly
 * (another field, another order, a value of another kind, a text UTF-8 cannot hold) is kept
 * whole, as is one the caller will still change; one that fits reads back exactly as it was,
 * fields in order.
 */
export class CompactRecords<T> {
	private readonly fields: Field[];
	private readonly byKey = new Map<string, Field>();
	private readonly inColumns: Uint8Array;
	private readonly whole = new Map<number, T>();

	constructor(
		readonly count: number,
		schema: Schema<T>,
	) {
		this.inColumns = new Uint8Array(count);
		this.fields = fieldsOf(schema as Record<string, FieldKind>, count);
		for (const field of this.fields) this.byKey.set(field.key, field);
	}

	/** Keeps the record at `index` (indexes in increasing order): as columns when it fits, else whole. */
	keep(index: number, record: T): void {
		if (storeIfFits(this.fields, record as Record<string, unknown>, index)) this.inColumns[index] = 1;
		else this.whole.set(index, record);
	}

	/** Keeps the record itself, for a caller that will still change it. */
	keepWhole(index: number, record: T): void {
		this.whole.set(index, record);
	}

	/** Whether the record at `index` is kept as columns (not whole). */
	isInColumns(index: number): boolean {
		return this.inColumns[index] === 1;
	}

	/** The record at `index`: itself when kept whole, else made again. */
	get(index: number): T {
		if (this.inColumns[index] === 1) return build(this.fields, index) as T;
		return this.wholeAt(index);
	}

	/** One top-level field of the record at `index`, without making the record. */
	field<K extends keyof T & string>(index: number, key: K): T[K] {
		if (this.inColumns[index] === 1) return valueOf(this.byKey.get(key) as Field, index) as T[K];
		return this.wholeAt(index)[key];
	}

	/** The record at `index` described into a sink (a base layer's row, or an object), fields in order. */
	describe(index: number, sink: Pick<RecordSink<Record<string, unknown>>, 'field'>): void {
		if (this.inColumns[index] === 1) {
			for (const field of this.fields) sink.field(field.key, valueOf(field, index));
			return;
		}
		const whole = this.wholeAt(index) as Record<string, unknown>;
		for (const key in whole) sink.field(key, whole[key]);
	}

	/**
	 * Every record written into an empty table a column at a time: the table describe() gives
	 * record by record, without a trip through every field of every row. False, having written
	 * nothing, when a record kept whole has other fields than the schema's, in another order
	 * (then describe each), or a record was never kept.
	 */
	writeColumns(table: TableBuilder): boolean {
		const wholeAt: Array<Record<string, unknown> | undefined> = new Array(this.count);
		// The first record holding an object, by field. Row by row, an object's fields get their
		// columns where it is first met: right after its own on the first row, after every field's
		// on a later one. A column at a time keeps that order for one such field, on a later row
		// or as the last field.
		const firstObject = new Map<string, number>();
		for (const [index, record] of this.whole) {
			const fields = record as Record<string, unknown>;
			if (!hasFieldsInOrder(fields, this.fields)) return false;
			for (const key in fields) if (isPlainObject(fields[key])) firstObject.set(key, Math.min(index, firstObject.get(key) ?? index));
			wholeAt[index] = fields;
		}
		if (firstObject.size > 1) return false;
		for (const [key, index] of firstObject) if (index === 0 && key !== this.fields[this.fields.length - 1].key) return false;
		for (let index = 0; index < this.count; index++) if (this.inColumns[index] === 0 && wholeAt[index] === undefined) return false;
		table.setRowCount(this.count);
		if (this.count === 0) return true;
		const columns = this.fields.map((field) => table.columnFor(-1, field.key, 0));
		this.fields.forEach((field, f) => {
			const { index: at, column } = columns[f];
			if (field.kind === 'number' && fillNumbers(column, field, this.inColumns, wholeAt)) return;
			for (let index = 0; index < this.count; index++) table.setAt(at, index, this.inColumns[index] === 1 ? valueOf(field, index) : (wholeAt[index] as Record<string, unknown>)[field.key]);
		});
		return true;
	}

	private wholeAt(index: number): T {
		const whole = this.whole.get(index);
		if (whole === undefined) throw new Error(`No record was kept for customer ${index + 1}`);
		return whole;
	}
}

function fieldsOf(schema: Record<string, FieldKind>, count: number): Field[] {
	return Object.entries(schema).map(([key, kind]) => ({
		key,
		kind,
		texts: kind === 'text' ? new Utf8TextList(count) : null,
		codes: kind === 'code' ? new Uint16Array(count) : null,
		names: [],
		codeOf: new Map(),
		numbers: kind === 'number' ? new Float64Array(count) : null,
		isNull: kind === 'number' ? new Uint8Array(count) : null,
	}));
}

/**
 * Stores a record's fields at `index` while they fit; false at the first that does not (what was
 * stored of it is never read: the record is kept whole).
 */
function storeIfFits(fields: Field[], record: Record<string, unknown>, index: number): boolean {
	let position = 0;
	for (const key in record) {
		const field = fields[position++];
		if (field === undefined || field.key !== key) return false;
		const value = record[key];
		switch (field.kind) {
			case 'text':
				if (value !== null && (typeof value !== 'string' || !isWellFormedText(value))) return false;
				(field.texts as Utf8TextList).set(index, value);
				break;
			case 'code': {
				if (value !== null && typeof value !== 'string' && typeof value !== 'boolean') return false;
				let code = field.codeOf.get(value);
				if (code === undefined) {
					if (field.names.length > MOST_CODES) return false;
					code = field.names.push(value) - 1;
					field.codeOf.set(value, code);
				}
				(field.codes as Uint16Array)[index] = code;
				break;
			}
			case 'number':
				if (value === null) (field.isNull as Uint8Array)[index] = 1;
				else if (typeof value === 'number') (field.numbers as Float64Array)[index] = value;
				else return false;
				break;
			default:
				if (value !== null) return false;
		}
	}
	return position === fields.length;
}

function hasFieldsInOrder(record: Record<string, unknown>, fields: Field[]): boolean {
	let position = 0;
	for (const key in record) if (fields[position++]?.key !== key) return false;
	return position === fields.length;
}

/** A number field's column whole, when every record's value is a number or null; false (nothing set) otherwise. */
function fillNumbers(column: ColumnBuilder, field: Field, inColumns: Uint8Array, wholeAt: Array<Record<string, unknown> | undefined>): boolean {
	const count = inColumns.length;
	const values = new Float64Array(count);
	let states: Uint8Array | null = null;
	for (let index = 0; index < count; index++) {
		const value = inColumns[index] === 1 ? valueOf(field, index) : (wholeAt[index] as Record<string, unknown>)[field.key];
		if (value === null) (states ??= new Uint8Array(count))[index] = NULL;
		// -0 is 0, as set() keeps it.
		else if (typeof value === 'number') values[index] = value + 0;
		else return false;
	}
	column.fillNumbers('number', values, states);
	return true;
}

function valueOf(field: Field, index: number): unknown {
	switch (field.kind) {
		case 'text':
			return (field.texts as Utf8TextList).get(index);
		case 'code':
			return field.names[(field.codes as Uint16Array)[index]];
		case 'number':
			return (field.isNull as Uint8Array)[index] === 1 ? null : (field.numbers as Float64Array)[index];
		default:
			return null;
	}
}

function build(fields: Field[], index: number): Record<string, unknown> {
	const record: Record<string, unknown> = {};
	for (let f = 0; f < fields.length; f++) {
		const field = fields[f];
		record[field.key] = valueOf(field, index);
	}
	return record;
}
