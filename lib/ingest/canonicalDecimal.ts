/**
 * IDs that are plain numbers (1001, 20240001) can be looked up by value instead of by hashing
 * their text. Only canonical decimals qualify: digits only, no leading zero (so `0042` and `42`,
 * different IDs as text, never meet), at most 15 digits (exact as a double, twice over).
 */
const MAX_DIGITS = 15;

/** The value of a canonical decimal written in bytes, or -1. */
export function canonicalDecimal(bytes: Uint8Array, start: number, end: number): number {
	const digits = end - start;
	if (digits < 1 || digits > MAX_DIGITS || (digits > 1 && bytes[start] === 48)) return -1;
	let value = 0;
	for (let i = start; i < end; i++) {
		const byte = bytes[i];
		if (byte < 48 || byte > 57) return -1;
		value = value * 10 + (byte - 48);
	}
	return value;
}

/** The value of a canonical decimal written as a string, or -1. */
export function canonicalDecimalOfString(text: string): number {
	const digits = text.length;
	if (digits < 1 || digits > MAX_DIGITS || (digits > 1 && text.charCodeAt(0) === 48)) return -1;
	let value = 0;
	for (let i = 0; i < digits; i++) {
		const code = text.charCodeAt(i);
		if (code < 48 || code > 57) return -1;
		value = value * 10 + (code - 48);
	}
	return value;
}
