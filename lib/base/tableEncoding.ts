/*
 * The bytes of one table: "RTNBASE1", the header's length (uint32), the header as JSON, then
 * the column blocks, each at an 8-byte boundary so a reader views them as typed arrays without
 * copying. Numbers are little-endian, as on every machine n8n runs on (x64, arm64).
 */

const MAGIC = 'RTNBASE1';
const ALIGN = 8;

export type StoredKind = 'const' | 'object' | 'bool' | 'i8' | 'i16' | 'i32' | 'f64' | 'instant' | 'dict8' | 'dict16' | 'text' | 'list';

export interface ColumnHeader {
	/** The field's name in its object (top level, or the parent column's). */
	name: string;
	/** Index of the object column this field sits in, -1 at the top. */
	parent: number;
	kind: StoredKind;
	/** Integer columns of numbers with decimals: the value is the integer / 10^scale. */
	scale?: number;
	/** The value of every VALUE row of a const column. */
	value?: unknown;
	/** Texts of a dictionary column, by code. */
	dictionary?: string[];
	/** Block indexes. */
	data?: number;
	text?: number;
	/** A list column's elements: a table of their own (see tableBuilder's listOfRecords). */
	elements?: number;
	states?: number;
	/** The texts are JSON values (lists, mixed values). */
	json?: true;
	/** The text block is raw DEFLATE (RFC 1951) of the texts. */
	deflated?: true;
	/** Rows whose value was not of the column's kind: [row, value]. */
	exceptions?: Array<[number, unknown]>;
}

export interface TableHeader {
	rows: number;
	columns: ColumnHeader[];
	/** [byte offset, byte length] of each block. */
	blocks: Array<[number, number]>;
}

const pad = (n: number) => (n + ALIGN - 1) & ~(ALIGN - 1);

export function encodeTable(rows: number, columns: ColumnHeader[], blocks: Uint8Array[]): Uint8Array {
	// The header holds the blocks' offsets, which depend on the header's own length: the offsets
	// are made relative to the first block, which starts at an aligned offset after the header.
	const placed: Array<[number, number]> = [];
	let at = 0;
	for (const block of blocks) {
		placed.push([at, block.byteLength]);
		at = pad(at + block.byteLength);
	}
	const header = Buffer.from(JSON.stringify({ rows, columns, blocks: placed } satisfies TableHeader), 'utf8');
	const start = pad(MAGIC.length + 4 + header.byteLength);
	const out = new Uint8Array(start + at);
	out.set(Buffer.from(MAGIC, 'latin1'), 0);
	new DataView(out.buffer).setUint32(MAGIC.length, header.byteLength, true);
	out.set(header, MAGIC.length + 4);
	blocks.forEach((block, i) => out.set(block, start + placed[i][0]));
	return out;
}

export interface DecodedTable {
	header: TableHeader;
	/** A block's bytes, aligned. */
	block(index: number): Uint8Array;
}

export function isTableBytes(bytes: Uint8Array): boolean {
	return bytes.byteLength >= MAGIC.length + 4 && Buffer.from(bytes.buffer, bytes.byteOffset, MAGIC.length).toString('latin1') === MAGIC;
}

export function decodeTable(input: Uint8Array): DecodedTable {
	if (!isTableBytes(input)) throw new Error('This is not a customer base written by the retention nodes');
	// Typed views need the blocks at aligned addresses: copy once when the buffer is not.
	const bytes = input.byteOffset % ALIGN === 0 ? input : new Uint8Array(input);
	const length = new DataView(bytes.buffer, bytes.byteOffset).getUint32(MAGIC.length, true);
	const header = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + MAGIC.length + 4, length).toString('utf8')) as TableHeader;
	const start = pad(MAGIC.length + 4 + length);
	if (header.blocks.some(([offset, size]) => start + offset + size > bytes.byteLength)) throw new Error('The customer base is cut short: read it again from the node that wrote it');
	return {
		header,
		block: (index) => {
			const [offset, size] = header.blocks[index];
			return new Uint8Array(bytes.buffer, bytes.byteOffset + start + offset, size);
		},
	};
}
