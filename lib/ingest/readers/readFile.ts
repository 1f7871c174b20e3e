import { sniffDelimiter, csvRows } from './csvRows';
import { decodeChunks, TextEncodingChoice } from './decodeText';
import { jsonArrayRows, ndjsonRows, whitespaceRows } from './lineRows';
import { FileFormat, RawRow, TableOptions } from './rawRow';

export interface FileReadOptions extends TableOptions {
	format: 'auto' | FileFormat;
	encoding: TextEncodingChoice;
	delimiter: 'auto' | string;
	recordsPath: string;
	fileName?: string;
	mimeType?: string;
}

/** What the reader decided, to show the user. */
export interface FileReadInfo {
	format?: FileFormat;
	encoding?: string;
	delimiter?: string;
}

export function formatFromName(fileName = '', mimeType = ''): FileFormat | undefined {
	const name = fileName.toLowerCase();
	if (/\.(ndjson|jsonl)$/.test(name) || /ndjson|jsonl/.test(mimeType)) return 'ndjson';
	if (name.endsWith('.json') || mimeType === 'application/json') return 'json';
	if (/\.(csv|tsv)$/.test(name) || /csv|tab-separated/.test(mimeType)) return 'csv';
	return undefined;
}

export function formatFromContent(head: string): FileFormat {
	const text = head.replace(/^\uFEFF/, '').trimStart();
	if (text.startsWith('[')) return 'json';
	if (text.startsWith('{')) {
		const firstLine = text.split(/\r?\n/, 1)[0].trim();
		return firstLine.endsWith('}') && text.split(/\r?\n/).filter((l) => l.trim()).length > 1 ? 'ndjson' : 'json';
	}
	const firstLine = text.split(/\r?\n/, 1)[0];
	if (!/[,;\t|]/.test(firstLine) && /\S\s+\S/.test(firstLine)) return 'whitespace';
	return 'csv';
}

/** Reads a file's bytes, chunk by chunk, into rows. */
export async function* readFileRows(chunks: AsyncIterable<Uint8Array>, options: FileReadOptions, info: FileReadInfo): AsyncGenerator<RawRow> {
	const text = decodeChunks(chunks, options.encoding, (encoding) => (info.encoding = encoding));
	const first = await text.next();
	const head = first.done ? '' : first.value;
	async function* all(): AsyncGenerator<string> {
		if (head) yield head;
		yield* text;
	}
	const format =
		options.format !== 'auto' ? options.format : (formatFromName(options.fileName, options.mimeType) ?? formatFromContent(head));
	info.format = format;
	if (format === 'json') yield* jsonArrayRows(all(), options.recordsPath);
	else if (format === 'ndjson') yield* ndjsonRows(all());
	else if (format === 'whitespace') yield* whitespaceRows(all(), options);
	else {
		const delimiter = options.delimiter === 'auto' ? sniffDelimiter(head.slice(0, 16384)) : options.delimiter;
		info.delimiter = delimiter;
		yield* csvRows(all(), delimiter, options);
	}
}
