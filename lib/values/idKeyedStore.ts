/**
 * Per-customer memory as it is kept in workflow static data. A customer ID is any text, and
 * `__proto__`, `constructor` or `toString` used as a key of a plain object read back the
 * object's own machinery (or, assigned, change its prototype). In memory it is a Map; stored,
 * it is two lists, the IDs and their values in the same order, which JSON and n8n's static-data
 * proxy keep as they are (a list of [id, value] pairs, as earlier versions stored it, made a
 * million small arrays for a million customers). Stores written as pairs or as an object by
 * earlier versions are still read.
 */
export interface IdColumns<T> {
	format: 'columns';
	ids: string[];
	values: T[];
}

export function isIdColumns(stored: unknown): stored is IdColumns<unknown> {
	const s = stored as IdColumns<unknown> | null;
	return typeof s === 'object' && s !== null && s.format === 'columns' && Array.isArray(s.ids) && Array.isArray(s.values);
}

export function mapFromStore<T>(stored: unknown, read: (value: unknown) => T | null): Map<string, T> {
	const map = new Map<string, T>();
	if (isIdColumns(stored)) {
		const { ids, values } = stored;
		for (let i = 0; i < ids.length && i < values.length; i++) {
			if (typeof ids[i] !== 'string') continue;
			const value = read(values[i]);
			if (value !== null) map.set(ids[i], value);
		}
		return map;
	}
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

export function storeFromMap<T>(map: ReadonlyMap<string, T>): IdColumns<T> {
	return { format: 'columns', ids: [...map.keys()], values: [...map.values()] };
}
