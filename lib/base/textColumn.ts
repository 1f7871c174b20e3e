// fflate, bundled into the package, and not Node's zlib, which n8n does not let a verified node
// import: the long texts of a base deflate to an eighth, and the base is what a saved execution
// stores. It takes about 10 ms a megabyte where zlib takes 3 (measured on stage reasons).
import { deflateSync } from 'fflate';
import { canonicalInstant } from './canonicalInstant';
import { Utf8Buffer } from './utf8Buffer';
import { withRoom } from '../values/growableColumns';
import type { ColumnHeader } from './tableEncoding';

/** Most distinct texts a dictionary column holds (its codes are 16 bits). */
const MOST_CODES = 65536;

/**
 * After this many rows, a column with more than 256 distinct texts and more than one for every
 * eight rows so far is taken for one of mostly distinct texts (IDs, emails, phones) and leaves
 * the dictionary: keeping tens of thousands of them in a map cost more than the rest of the
 * column.
 */
const SAMPLE_ROWS = 4096;

/** The instants toISOString writes as YYYY-MM-DDTHH:MM:SS.mmmZ (years 0-9999), which canonicalInstant reads. */
const FIRST_CANONICAL_MS = -62_167_219_200_000;
const LAST_CANONICAL_MS = 253_402_300_799_999;

/** Text blocks above this many bytes are stored deflated when they deflate well. */
const DEFLATE_FROM = 64 * 1024;
/** Deflated to at most this share of its size, a text column is worth deflating. */
const DEFLATED_SHARE = 1 / 3;

/** Whether the texts deflate well, judged on their first DEFLATE_FROM bytes. */
function deflatesWell(texts: Uint8Array): boolean {
	const sample = texts.subarray(0, DEFLATE_FROM);
	return deflateSync(sample, { level: 1 }).byteLength <= DEFLATED_SHARE * sample.byteLength;
}

/*
 * One text column's values as they arrive, held the way they will be stored rather than as a
 * million strings: string objects that live until the layer is finished are what the garbage
 * collector spent most of a million-customer run on. A column is a dictionary while it has few
 * distinct texts (a stage, a currency, a date), instants while every text is an ISO instant as
 * toISOString writes it (order dates), and UTF-8 bytes otherwise (IDs, emails, reasons). Rows
 * never set (null, absent, of another kind) read as the empty text, code 0 or instant 0.
 */
export class TextColumn {
	private mode: 'dictionary' | 'instants' | 'bytes' = 'dictionary';
	private readonly codes = new Map<string, number>();
	/** Codes of texts set as instants, by the instant (a date column's few days, say). */
	private readonly instantCodes = new Map<number, number>();
	private codeOf = new Uint32Array(1024);
	/** Every distinct text so far is a canonical instant. */
	private canonical = true;
	private instants = new Float64Array(0);
	private readonly utf8 = new Utf8Buffer();
	private ends = new Uint32Array(0);
	/** The row after the last one whose end is set. */
	private endsUpTo = 0;

	/**
	 * @param instantsAllowed JSON texts never become instants.
	 * @param wasSet Whether a row was set: the owner keeps the rows' states.
	 */
	constructor(
		private readonly instantsAllowed: boolean,
		private readonly wasSet: (row: number) => boolean,
	) {}

	set(row: number, text: string): void {
		if (this.mode === 'dictionary') {
			let code = this.codes.get(text);
			if (code === undefined) {
				if (this.codes.size === MOST_CODES || (this.codes.size >= 256 && row >= SAMPLE_ROWS && this.codes.size * 8 > row)) {
					this.leaveDictionary(row);
					this.set(row, text);
					return;
				}
				code = this.codes.size;
				this.codes.set(text, code);
				if (this.canonical && !(this.instantsAllowed && !Number.isNaN(canonicalInstant(text)))) this.canonical = false;
			}
			this.codeOf = withRoom(this.codeOf, row);
			this.codeOf[row] = code;
		} else if (this.mode === 'instants') {
			const ms = canonicalInstant(text);
			if (Number.isNaN(ms)) {
				this.toBytes(row);
				this.set(row, text);
				return;
			}
			this.instants = withRoom(this.instants, row);
			this.instants[row] = ms;
		} else this.append(row, text);
	}

	/**
	 * An instant (epoch milliseconds) as set(row, its toISOString text) would store it, without
	 * the text where the column holds instants or has met this one before.
	 */
	setInstant(row: number, ms: number): void {
		if (this.mode === 'instants' && Number.isInteger(ms) && ms >= FIRST_CANONICAL_MS && ms <= LAST_CANONICAL_MS) {
			this.instants = withRoom(this.instants, row);
			this.instants[row] = ms + 0;
			return;
		}
		if (this.mode === 'dictionary') {
			const code = this.instantCodes.get(ms);
			if (code !== undefined) {
				this.codeOf = withRoom(this.codeOf, row);
				this.codeOf[row] = code;
				return;
			}
			this.set(row, new Date(ms).toISOString());
			if (this.mode === 'dictionary') this.instantCodes.set(ms, this.codeOf[row]);
			return;
		}
		this.set(row, new Date(ms).toISOString());
	}

	/** Too many distinct texts for a dictionary: instants if they all are, bytes otherwise. */
	private leaveDictionary(rows: number): void {
		const dictionary = [...this.codes.keys()];
		const codes = this.codeOf;
		this.codes.clear();
		this.instantCodes.clear();
		this.codeOf = new Uint32Array(0);
		if (this.canonical) {
			const ms = dictionary.map(canonicalInstant);
			this.instants = new Float64Array(Math.max(1024, rows * 2));
			for (let r = 0; r < rows; r++) this.instants[r] = ms[codes[r]];
			this.mode = 'instants';
		} else {
			this.mode = 'bytes';
			this.rewrite(rows, (r) => dictionary[codes[r]]);
		}
	}

	private toBytes(rows: number): void {
		const instants = this.instants;
		this.instants = new Float64Array(0);
		this.mode = 'bytes';
		this.rewrite(rows, (r) => new Date(instants[r]).toISOString());
	}

	/** Writes rows 0..rows-1 as bytes; rows never set come out as the empty text. */
	private rewrite(rows: number, text: (row: number) => string): void {
		for (let r = 0; r < rows; r++) if (this.wasSet(r)) this.append(r, text(r));
	}

	private append(row: number, text: string): void {
		this.closeRowsBefore(row);
		const end = this.utf8.append(text);
		this.ends = withRoom(this.ends, row);
		this.ends[row] = end;
		this.endsUpTo = row + 1;
	}

	/** Rows between the last set one and `row` hold the empty text: their end is the last end. */
	private closeRowsBefore(row: number): void {
		this.ends = withRoom(this.ends, row - 1);
		for (let r = this.endsUpTo; r < row; r++) this.ends[r] = this.utf8.used;
	}

	/**
	 * The stored form: one text is a constant; few (at most 256, or one for every eight rows) a
	 * dictionary, unless the column left it early (see SAMPLE_ROWS); instants if every text is
	 * one; otherwise the texts, deflated when long. `valueRows` > 0.
	 */
	describe(header: ColumnHeader, rows: number, isValue: (row: number) => boolean, blocks: Uint8Array[], parse: (text: string) => unknown): ColumnHeader {
		if (this.mode === 'dictionary') {
			const dictionary = [...this.codes.keys()];
			if (dictionary.length === 1) return { ...header, kind: 'const', value: parse(dictionary[0]) };
			const mostCodes = Math.max(256, Math.min(MOST_CODES, Math.floor(rows / 8)));
			if (dictionary.length <= mostCodes) {
				const wide = dictionary.length > 256;
				const data = wide ? new Uint16Array(rows) : new Uint8Array(rows);
				for (let r = 0; r < rows; r++) data[r] = isValue(r) ? this.codeOf[r] : 0;
				return { ...header, kind: wide ? 'dict16' : 'dict8', dictionary, data: blocks.push(new Uint8Array(data.buffer)) - 1 };
			}
			this.leaveDictionary(rows);
		}
		if (this.mode === 'instants') {
			const data = new Float64Array(rows);
			for (let r = 0; r < rows; r++) if (isValue(r)) data[r] = this.instants[r];
			return { ...header, kind: 'instant', data: blocks.push(new Uint8Array(data.buffer)) - 1 };
		}
		this.closeRowsBefore(rows);
		const ends = this.ends.slice(0, rows);
		const encoded = this.utf8.written();
		// Long texts per customer (a stage's reason, a cause's evidence) are sentences with numbers
		// that deflate to an eighth; readers inflate them only when read. IDs barely shrink (to a
		// half, at several times the cost a megabyte), so a column whose first block does not
		// deflate to a third is stored as it is. Raw DEFLATE, as zlib's deflateRaw wrote it
		// before, so bases saved then still read.
		const deflate = encoded.byteLength > DEFLATE_FROM && deflatesWell(encoded);
		const stored = deflate ? deflateSync(encoded, { level: 1 }) : encoded;
		const out: ColumnHeader = { ...header, kind: 'text', data: blocks.push(new Uint8Array(ends.buffer)) - 1 };
		if (deflate) out.deflated = true;
		out.text = blocks.push(new Uint8Array(stored.buffer, stored.byteOffset, stored.byteLength)) - 1;
		return out;
	}
}
