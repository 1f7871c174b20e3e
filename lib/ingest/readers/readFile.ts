import { sniffDelimiter, csvRows } from './csvRows';
import { decodeChunks, detectEncoding, EncodingVerdict, SNIFF_BYTES, TextEncoding, TextEncodingChoice } from './decodeText';
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
	/** What decided the encoding when the file did not say (no byte-order mark) and it was not clear-cut. */
	encodingBecause?: string;
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
		const firstLine = text.split(/\r\n|\n|\r/, 1)[0].trim();
		return firstLine.endsWith('}') && text.split(/\r\n|\n|\r/).filter((l) => l.trim()).length > 1 ? 'ndjson' : 'json';
	}
	const firstLine = text.split(/\r\n|\n|\r/, 1)[0];
	if (!/[,;\t|]/.test(firstLine) && /\S\s+\S/.test(firstLine)) return 'whitespace';
	return 'csv';
}

/** A file whose first bytes have been read to decide how to read it. */
export interface SniffedFile {
	/** All of the file's bytes, the sniffed head included. */
	chunks: AsyncIterable<Uint8Array>;
	encoding: TextEncoding;
	format: FileFormat;
	/** For CSV only. */
	delimiter?: string;
	/** Whether a line in the head ends with a CR alone (the byte reader splits on LF only). */
	loneCarriageReturns: boolean;
}

/** Reads the first 64 KiB (or the whole of a smaller file) to settle encoding, format and delimiter. */
export async function sniffFile(chunks: AsyncIterable<Uint8Array>, options: FileReadOptions, info: FileReadInfo): Promise<SniffedFile> {
	const iterator = chunks[Symbol.asyncIterator]();
	const head: Uint8Array[] = [];
	let headBytes = 0;
	let ended = false;
	while (headBytes < SNIFF_BYTES) {
		const next = await iterator.next();
		if (next.done) {
			ended = true;
			break;
		}
		head.push(next.value);
		headBytes += next.value.length;
	}
	const headBuffer = Buffer.concat(head);
	const verdict: EncodingVerdict = options.encoding === 'auto' ? detectEncoding(headBuffer, ended) : { encoding: options.encoding };
	const encoding = verdict.encoding;
	// stream: true holds back a character cut at the end of the head instead of garbling it.
	const headText = new TextDecoder(encoding).decode(headBuffer, { stream: true });
	const format =
		options.format !== 'auto' ? options.format : (formatFromName(options.fileName, options.mimeType) ?? formatFromContent(headText));
	const delimiter = format !== 'csv' ? undefined : options.delimiter === 'auto' ? sniffDelimiter(headText.slice(0, 16384)) : options.delimiter;
	info.encoding = encoding;
	info.encodingBecause = verdict.because;
	info.format = format;
	info.delimiter = delimiter;
	async function* all(): AsyncGenerator<Uint8Array> {
		if (headBuffer.length) yield headBuffer;
		if (ended) return;
		for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
	}
	return { chunks: all(), encoding, format, delimiter, loneCarriageReturns: /\r(?!\n)/.test(headText.replace(/\r$/, '')) };
}

/** Reads a file's bytes, chunk by chunk, into rows. */
export async function* readFileRows(chunks: AsyncIterable<Uint8Array>, options: FileReadOptions, info: FileReadInfo): AsyncGenerator<RawRow> {
	yield* sniffedFileRows(await sniffFile(chunks, options, info), options);
}

export async function* sniffedFileRows(file: SniffedFile, options: FileReadOptions): AsyncGenerator<RawRow> {
	const text = decodeChunks(file.chunks, file.encoding);
	if (file.format === 'json') yield* jsonArrayRows(text, options.recordsPath);
	else if (file.format === 'ndjson') yield* ndjsonRows(text);
	else if (file.format === 'whitespace') yield* whitespaceRows(text, options);
	else yield* csvRows(text, file.delimiter as string, options);
}
