/**
 * Bytes to text, chunk by chunk, so a large export is never held as one string. `auto` reads a
 * byte-order mark, else checks that the first 64 KiB are valid UTF-8 and otherwise takes
 * GB18030 (the superset of GBK that exports from Chinese systems use).
 */
export type TextEncodingChoice = 'auto' | 'utf-8' | 'gb18030' | 'gbk' | 'utf-16le';

const SNIFF_BYTES = 64 * 1024;

function detectEncoding(head: Uint8Array, isWholeFile: boolean): Exclude<TextEncodingChoice, 'auto'> {
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

export async function* decodeChunks(
	chunks: AsyncIterable<Uint8Array>,
	choice: TextEncodingChoice,
	onEncoding: (encoding: string) => void,
): AsyncGenerator<string> {
	let decoder: TextDecoder | undefined;
	let pending: Uint8Array[] = [];
	let pendingBytes = 0;
	const start = (isWholeFile: boolean) => {
		const head = Buffer.concat(pending);
		const encoding = choice === 'auto' ? detectEncoding(head, isWholeFile) : choice;
		onEncoding(encoding);
		// ignoreBOM: false (the default) strips a leading byte-order mark.
		decoder = new TextDecoder(encoding);
		pending = [];
		pendingBytes = 0;
		return decoder.decode(head, { stream: true });
	};
	for await (const chunk of chunks) {
		if (decoder) {
			yield decoder.decode(chunk, { stream: true });
			continue;
		}
		pending.push(chunk);
		pendingBytes += chunk.length;
		if (pendingBytes >= SNIFF_BYTES) yield start(false);
	}
	if (!decoder) yield start(true);
	const rest = (decoder as TextDecoder | undefined)?.decode() ?? '';
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
