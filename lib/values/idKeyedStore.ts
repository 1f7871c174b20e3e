/**
 * Per-customer memory as it is kept in workflow static data. A customer ID is any text, and
 * `__proto__`, `constructor` or `toString` used as a key of a plain object read back the
 * object's own machinery (or, assigned, change its prototype). In memory it is a Map; stored,
 * it is a list of [id, value] pairs, which JSON and n8n's static-data proxy keep as they are.
 * A store written as an object by an earlier version is still read, key by own key.
 */
export type IdPairs<T> = Array<[string, T]>;

export function mapFromStore<T>(stored: unknown, read: (value: unknown) => T | null): Map<string, T> {
	const map = new Map<string, T>();
	const entries: Array<[unknown, unknown]> = Array.isArray(stored)
		? stored.filter((pair): pair is [unknown, unknown] => Array.isArray(pair) && pair.length === 2)
		: stored && typeof stored === 'object'
			? Object.entries(stored)
			: [];
	for (const [id, value] of entries) {
		if (typeof id !== 'string') continue;
		const read_ = read(value);
		if (read_ !== null) map.set(id, read_);
	}
	return map;
}

export function storeFromMap<T>(map: ReadonlyMap<string, T>): IdPairs<T> {
	return [...map];
}
