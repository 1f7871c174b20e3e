/** A figure rounded to `digits` decimals, for output fields and messages (never for further arithmetic). */
export function roundTo(value: number, digits: number): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}
