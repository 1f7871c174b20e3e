/** Paths, inside an output, of numbers that are NaN or infinite and of values that are undefined. */
export function unsoundValues(value: unknown, path = ''): string[] {
	if (typeof value === 'number') return Number.isFinite(value) ? [] : [path];
	if (value === undefined) return [path];
	if (Array.isArray(value)) return value.flatMap((v, i) => unsoundValues(v, `${path}[${i}]`));
	if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => unsoundValues(v, `${path}.${k}`));
	return [];
}
