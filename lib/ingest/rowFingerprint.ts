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

// The two lanes live in module state rather than an object: the byte path hashes millions of
// lines, and a hasher object per line (or a call per code unit) cost a second at 2.56M lines.
// Runs of four ASCII code units go in as one 32-bit word (a quarter of the multiplications);
// "the next four units are ASCII" holds in the bytes exactly when it holds in the string, so
// both ways group the same units.
let laneA = FNV_OFFSET;
let laneB = MIX_SEED;

function unit(code: number): void {
	laneA = Math.imul(laneA ^ code, FNV_PRIME);
	laneB = Math.imul(laneB ^ code, MIX_PRIME);
	laneB ^= laneB >>> 13;
}

/** The fingerprint of values joined by `separator` (objects as JSON, null and undefined as ''). */
export function fingerprintOfValues(values: readonly unknown[], separator: string): number {
	let text = '';
	for (let v = 0; v < values.length; v++) {
		const value = values[v];
		if (v > 0) text += separator;
		text += value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
	}
	laneA = FNV_OFFSET;
	laneB = MIX_SEED;
	const length = text.length;
	let i = 0;
	while (i < length) {
		if (i + 4 <= length) {
			const c0 = text.charCodeAt(i);
			const c1 = text.charCodeAt(i + 1);
			const c2 = text.charCodeAt(i + 2);
			const c3 = text.charCodeAt(i + 3);
			if ((c0 | c1 | c2 | c3) < 0x80) {
				unit(c0 | (c1 << 8) | (c2 << 16) | (c3 << 24));
				i += 4;
				continue;
			}
		}
		unit(text.charCodeAt(i++));
	}
	return (laneA >>> 0) * TWO_TO_21 + ((laneB >>> 0) >>> 11);
}

/** The fingerprint of the UTF-8 text in bytes[from, end), equal to that of the decoded string. */
export function fingerprintOfUtf8(bytes: Uint8Array, from: number, end: number): number {
	let a = FNV_OFFSET;
	let b = MIX_SEED;
	let i = from;
	while (i < end) {
		if (i + 4 <= end) {
			const word = bytes[i] | (bytes[i + 1] << 8) | (bytes[i + 2] << 16) | (bytes[i + 3] << 24);
			if ((word & 0x80808080) === 0) {
				a = Math.imul(a ^ word, FNV_PRIME);
				b = Math.imul(b ^ word, MIX_PRIME);
				b ^= b >>> 13;
				i += 4;
				continue;
			}
		}
		const byte = bytes[i];
		if (byte < 0x80) {
			a = Math.imul(a ^ byte, FNV_PRIME);
			b = Math.imul(b ^ byte, MIX_PRIME);
			b ^= b >>> 13;
			i++;
			continue;
		}
		laneA = a;
		laneB = b;
		i = multiByte(bytes, i, end);
		a = laneA;
		b = laneB;
	}
	return (a >>> 0) * TWO_TO_21 + ((b >>> 0) >>> 11);
}

/** Feeds the UTF-16 code units of the character at bytes[i] to the lanes; returns the next index. */
function multiByte(bytes: Uint8Array, i: number, end: number): number {
	const byte = bytes[i];
	const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
	let code = length === 4 ? byte & 0x07 : length === 3 ? byte & 0x0f : byte & 0x1f;
	let valid = length > 1 && i + length <= end;
	for (let k = 1; valid && k < length; k++) {
		const next = bytes[i + k];
		if ((next & 0xc0) !== 0x80) valid = false;
		else code = (code << 6) | (next & 0x3f);
	}
	if (!valid) {
		// An invalid byte becomes U+FFFD, as in decoded text (TextDecoder may make one of a run
		// of them: only rows holding invalid bytes could then fingerprint differently).
		unit(0xfffd);
		return i + 1;
	}
	if (code > 0xffff) {
		code -= 0x10000;
		unit(0xd800 + (code >> 10));
		unit(0xdc00 + (code & 0x3ff));
	} else unit(code);
	return i + length;
}
