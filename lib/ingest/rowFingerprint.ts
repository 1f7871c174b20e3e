/*
 * A 53-bit fingerprint of a row's text, to tell a repeated row (a duplicate) from another line
 * of the same order in line-item exports. Rows read from bytes (the CSV byte path) and rows read
 * as values (the general path, items) must agree: both hash the row's text as UTF-16 code units
 * with the values joined by the file's delimiter, and the byte path decodes UTF-8 on the fly.
 * For an unquoted CSV line, the line is exactly its values joined by the delimiter.
 *
 * Two independent 32-bit multiplicative lanes (FNV-1a and a murmur-style mix) give 53 bits: two
 * different lines of one order share a fingerprint with odds of about 1 in 10^15, and only lines
 * of the same order ID are ever compared.
 */

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const MIX_SEED = 0x9747b28c;
const MIX_PRIME = 0x5bd1e995;
const TWO_TO_21 = 2 ** 21;

class FingerprintHasher {
	private a = FNV_OFFSET;
	private b = MIX_SEED;

	unit(code: number): void {
		this.a = Math.imul(this.a ^ code, FNV_PRIME);
		this.b = Math.imul(this.b ^ code, MIX_PRIME);
		this.b ^= this.b >>> 13;
	}

	value(): number {
		return (this.a >>> 0) * TWO_TO_21 + ((this.b >>> 0) >>> 11);
	}
}

/** The fingerprint of values joined by `separator` (objects as JSON, null and undefined as ''). */
export function fingerprintOfValues(values: readonly unknown[], separator: string): number {
	const h = new FingerprintHasher();
	for (let v = 0; v < values.length; v++) {
		if (v > 0) for (let i = 0; i < separator.length; i++) h.unit(separator.charCodeAt(i));
		const value = values[v];
		const text = value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
		for (let i = 0; i < text.length; i++) h.unit(text.charCodeAt(i));
	}
	return h.value();
}

/** The fingerprint of the UTF-8 text in bytes[start, end), equal to that of the decoded string. */
export function fingerprintOfUtf8(bytes: Uint8Array, start: number, end: number): number {
	const h = new FingerprintHasher();
	for (let i = start; i < end; ) {
		const byte = bytes[i];
		if (byte < 0x80) {
			h.unit(byte);
			i++;
			continue;
		}
		const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
		let code = length === 4 ? byte & 0x07 : length === 3 ? byte & 0x0f : byte & 0x1f;
		let valid = length > 1 && i + length <= end;
		for (let k = 1; valid && k < length; k++) {
			const next = bytes[i + k];
			if ((next & 0xc0) !== 0x80) valid = false;
			else code = (code << 6) | (next & 0x3f);
		}
		if (!valid) {
			// As TextDecoder does: an invalid byte becomes U+FFFD.
			h.unit(0xfffd);
			i++;
			continue;
		}
		if (code > 0xffff) {
			code -= 0x10000;
			h.unit(0xd800 + (code >> 10));
			h.unit(0xdc00 + (code & 0x3ff));
		} else h.unit(code);
		i += length;
	}
	return h.value();
}
