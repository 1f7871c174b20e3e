/*
 * A 32-bit fingerprint of a row's text, to tell a repeated row (a duplicate) from another line
 * of the same order in line-item exports. Rows read from bytes (the CSV byte path) and rows read
 * as values (the general path, items) must agree: both hash the row's text as UTF-16 code units
 * with the values joined by the file's delimiter, and the byte path decodes UTF-8 on the fly.
 * For an unquoted CSV line, the line is exactly its values joined by the delimiter.
 *
 * Only rows under the same order ID are ever compared, so 32 bits are plenty: two different
 * lines of one order share a fingerprint with odds of 1 in 4 billion. FNV-1a, with runs of four
 * ASCII code units taken as one 32-bit word (a quarter of the multiplications): "the next four
 * units are ASCII" holds in the bytes exactly when it holds in the string, so both ways group
 * the same units. The byte path hashes every line it reads, which is why this is hand-written
 * and kept to one multiplication per step.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The fingerprint of values joined by `separator` (objects as JSON, null and undefined as ''). */
export function fingerprintOfValues(values: readonly unknown[], separator: string): number {
	let text = '';
	for (let v = 0; v < values.length; v++) {
		const value = values[v];
		if (v > 0) text += separator;
		text += value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
	let h = FNV_OFFSET;
	const length = text.length;
	let i = 0;
	while (i < length) {
		if (i + 4 <= length) {
			const c0 = text.charCodeAt(i);
			const c1 = text.charCodeAt(i + 1);
			const c2 = text.charCodeAt(i + 2);
			const c3 = text.charCodeAt(i + 3);
			if ((c0 | c1 | c2 | c3) < 0x80) {
				h = Math.imul(h ^ (c0 | (c1 << 8) | (c2 << 16) | (c3 << 24)), FNV_PRIME);
				i += 4;
				continue;
			}
		}
		h = Math.imul(h ^ text.charCodeAt(i++), FNV_PRIME);
	}
	return h;
}

/** The fingerprint of the UTF-8 text in bytes[from, end), equal to that of the decoded string. */
export function fingerprintOfUtf8(bytes: Uint8Array, from: number, end: number): number {
	let h = FNV_OFFSET;
	let i = from;
	while (i < end) {
		if (i + 4 <= end) {
			const word = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
			if ((word & 0x80808080) === 0) {
				h = Math.imul(h ^ word, FNV_PRIME);
				i += 4;
				continue;
			}
		}
		const byte = bytes[i];
		if (byte < 0x80) {
			h = Math.imul(h ^ byte, FNV_PRIME);
			i++;
			continue;
		}
		// A multi-byte character: its UTF-16 code units, as the decoded string has them. An
		// invalid byte becomes U+FFFD (TextDecoder may make one of a run of them: only rows
		// holding invalid bytes could then fingerprint differently).
		const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		let code = length === 4 ? byte & 0x07 : length === 3 ? byte & 0x0f : byte & 0x1f;
		let valid = length > 1 && i + length <= end;
		for (let k = 1; valid && k < length; k++) {
			const next = bytes[i + k];
			if ((next & 0xc0) !== 0x80) valid = false;
			else code = (code << 6) | (next & 0x3f);
		}
		if (!valid) {
			h = Math.imul(h ^ 0xfffd, FNV_PRIME);
			i++;
		} else if (code > 0xffff) {
			code -= 0x10000;
			h = Math.imul(h ^ (0xd800 + (code >> 10)), FNV_PRIME);
			h = Math.imul(h ^ (0xdc00 + (code & 0x3ff)), FNV_PRIME);
			i += length;
		} else {
			h = Math.imul(h ^ code, FNV_PRIME);
			i += length;
		}
	}
	return h;
}
