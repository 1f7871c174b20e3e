/**
 * Bytes to text, chunk by chunk, so a large export is never held as one string. `auto` reads a
 * byte-order mark, else checks that the first 64 KiB are valid UTF-8 and otherwise takes
 * GB18030 (the superset of GBK that exports from Chinese systems use).
 */
export type TextEncodingChoice = 'auto' | 'utf-8' | 'gb18030' | 'gbk' | 'utf-16le';

/** How much of a file is read before deciding its encoding and format. */
export const SNIFF_BYTES = 64 * 1024;

export function detectEncoding(head: Uint8Array, isWholeFile: boolean): Exclude<TextEncodingChoice, 'auto'> {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	// A multi-byte character may be cut at the end of the sniffed bytes: ignore the last three.
	const sample = isWholeFile ? head : head.subarray(0, Math.max(0, head.length - 3));
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(sample);
		return 'utf-8';
	} catch {
		return 'gb18030';
	}
}

/** Decodes chunk by chunk; the decoder carries characters split across chunks. */
export async function* decodeChunks(chunks: AsyncIterable<Uint8Array>, encoding: Exclude<TextEncodingChoice, 'auto'>): AsyncGenerator<string> {
	// ignoreBOM: false (the default) strips a leading byte-order mark.
	const decoder = new TextDecoder(encoding);
	for await (const chunk of chunks) {
		const text = decoder.decode(chunk, { stream: true });
		if (text) yield text;
	}
	const rest = decoder.decode();
	if (rest) yield rest;
}

/** Splits a stream of text into lines (LF or CRLF), keeping memory to one chunk. */
export async function* splitLines(text: AsyncIterable<string>): AsyncGenerator<string> {
	let carry = '';
	for await (const chunk of text) {
		const joined = carry + chunk;
		let from = 0;
		let newline = joined.indexOf('\n', from);
		while (newline !== -1) {
			yield joined.charCodeAt(newline - 1) === 13 ? joined.slice(from, newline - 1) : joined.slice(from, newline);
			from = newline + 1;
			newline = joined.indexOf('\n', from);
		}
		carry = joined.slice(from);
	}
	if (carry.endsWith('\r')) carry = carry.slice(0, -1);
	if (carry !== '') yield carry;
}
