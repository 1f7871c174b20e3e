/**
 * Bytes to text, chunk by chunk, so a large export is never held as one string. `auto` reads a
 * byte-order mark, else looks at the first 64 KiB: UTF-16 by its zero bytes, UTF-8 when (almost)
 * every sequence is valid UTF-8, otherwise GB18030 (the superset of GBK that exports from
 * Chinese systems use).
 */
export type TextEncodingChoice = 'auto' | 'utf-8' | 'gb18030' | 'gbk' | 'utf-16le' | 'utf-16be';
export type TextEncoding = Exclude<TextEncodingChoice, 'auto'>;

/** How much of a file is read before deciding its encoding and format. */
export const SNIFF_BYTES = 64 * 1024;

/** The encoding taken, and in words what decided it when that was not clear-cut. */
export interface EncodingVerdict {
	encoding: TextEncoding;
	because?: string;
}

/**
 * GBK text read as UTF-8 yields about one valid multi-byte character per 15 invalid sequences
 * (measured on common Chinese names); a UTF-8 export with a stray byte has hundreds per invalid
 * one. At four to one the file is UTF-8 and the rows holding the stray bytes are rejected.
 */
const VALID_PER_INVALID_FOR_UTF8 = 4;

/**
 * The encoding of a file from exactly its first SNIFF_BYTES (`head` may hold more: only those
 * count, so the verdict is the same however the file arrives in chunks). A multi-byte character
 * cut by that limit still counts as UTF-8; one cut by the end of the file does not.
 */
export function detectEncoding(head: Uint8Array, isWholeFile: boolean): EncodingVerdict {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8' };
	if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le' };
	if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be' };
	const cut = head.length > SNIFF_BYTES;
	const sample = cut ? head.subarray(0, SNIFF_BYTES) : head;
	const utf16 = utf16WithoutMark(sample);
	if (utf16) return { encoding: utf16, because: 'no byte-order mark, but zero bytes between the characters' };
	if (isUtf8(sample, cut || !isWholeFile)) return { encoding: 'utf-8' };
	const { valid, invalid, badLines, firstBadLine } = utf8Tally(sample, cut || !isWholeFile);
	if (valid >= VALID_PER_INVALID_FOR_UTF8 * invalid) {
		const which = badLines === 1 ? `line ${firstBadLine} of the file holds` : `${badLines} lines of the file, the first line ${firstBadLine}, hold`;
		return { encoding: 'utf-8', because: `${which} bytes that are not UTF-8` };
	}
	return { encoding: 'gb18030', because: `line ${firstBadLine} of the file is not UTF-8` };
}

/**
 * UTF-16 text without a byte-order mark: the ASCII characters every export is full of (digits,
 * commas, dates) put a zero in every other byte, and text in an 8-bit encoding or UTF-8 never
 * holds a zero byte.
 */
function utf16WithoutMark(sample: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const pairs = Math.floor(sample.length / 2);
	if (pairs < 2) return undefined;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i + 1 < sample.length; i += 2) {
		if (sample[i] === 0) evenZeros++;
		if (sample[i + 1] === 0) oddZeros++;
	}
	if (oddZeros >= pairs * 0.3 && evenZeros <= pairs * 0.05) return 'utf-16le';
	if (evenZeros >= pairs * 0.3 && oddZeros <= pairs * 0.05) return 'utf-16be';
	return undefined;
}

/** Bytes read as UTF-8: valid multi-byte characters, invalid sequences, and the lines holding them. */
function utf8Tally(bytes: Uint8Array, mayBeCut: boolean) {
	const text = new TextDecoder('utf-8').decode(bytes, { stream: mayBeCut });
	let valid = 0;
	let invalid = 0;
	let line = 1;
	let badLines = 0;
	let lastBadLine = 0;
	let firstBadLine = 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) line++;
		else if (c === 0xfffd) {
			invalid++;
			if (lastBadLine !== line) badLines++;
			lastBadLine = line;
			if (!firstBadLine) firstBadLine = line;
		} else if (c > 127 && !(c >= 0xdc00 && c <= 0xdfff)) valid++;
	}
	return { valid, invalid, badLines, firstBadLine };
}

/**
 * Whether the bytes are well-formed UTF-8 (the WHATWG decoder's fatal mode: no overlongs, no
 * surrogates). With `mayBeCut`, a sequence left incomplete by the end is accepted: in streaming
 * mode the decoder holds it back for the next chunk instead of failing.
 */
export function isUtf8(bytes: Uint8Array, mayBeCut: boolean): boolean {
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: mayBeCut });
		return true;
	} catch {
		return false;
	}
}

/** Decodes chunk by chunk; the decoder carries characters split across chunks. */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: TextEncoding): AsyncGenerator<string> {
	// ignoreBOM: false (the default) strips a leading byte-order mark.
	const decoder = new TextDecoder(encoding);
	for await (const chunk of chunks) {
		const text = decoder.decode(chunk, { stream: true });
		if (text) yield text;
	}
	const rest = decoder.decode();
	if (rest) yield rest;
}

/**
 * Splits a stream of text into lines: a line ends at CRLF, LF, or a CR on its own (old Mac and
 * some POS exports end lines with CR only), keeping memory to one chunk.
 */
export async function* splitLines(text: AsyncIterable<string>): AsyncGenerator<string> {
	let carry = '';
	for await (const chunk of text) {
		const joined = carry + chunk;
		let from = 0;
		for (let i = 0; i < joined.length; i++) {
			const c = joined.charCodeAt(i);
			if (c === 10) {
				yield joined.slice(from, i);
				from = i + 1;
			} else if (c === 13) {
				// A CR at the end of the chunk may be the first half of a CRLF: wait for the next chunk.
				if (i + 1 === joined.length) break;
				yield joined.slice(from, i);
				if (joined.charCodeAt(i + 1) === 10) i++;
				from = i + 1;
			}
		}
		carry = joined.slice(from);
	}
	if (carry.endsWith('\r')) carry = carry.slice(0, -1);
	if (carry !== '') yield carry;
}
