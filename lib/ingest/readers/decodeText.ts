/**
 * Bytes to text, chunk by chunk, so a large export is never held as one string. `auto` reads a
 * byte-order mark, else checks that the first 64 KiB are valid UTF-8 and otherwise takes
 * GB18030 (the superset of GBK that exports from Chinese systems use).
 */
export type TextEncodingChoice = 'auto' | 'utf-8' | 'gb18030' | 'gbk' | 'utf-16le' | 'utf-16be';

/** How much of a file is read before deciding its encoding and format. */
export const SNIFF_BYTES = 64 * 1024;

/**
 * The encoding of a file from exactly its first SNIFF_BYTES (`head` may hold more: only those
 * count, so the verdict is the same however the file arrives in chunks). A multi-byte character
 * cut by that limit still counts as UTF-8; one cut by the end of the file does not.
 */
export function detectEncoding(head: Uint8Array, isWholeFile: boolean): Exclude<TextEncodingChoice, 'auto'> {
	if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf-8';
	if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
	if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
	const cut = head.length > SNIFF_BYTES;
	const sample = cut ? head.subarray(0, SNIFF_BYTES) : head;
	return isUtf8(sample, cut || !isWholeFile) ? 'utf-8' : 'gb18030';
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
