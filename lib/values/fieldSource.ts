/*
 * Where a reader takes one record's fields from: an item's JSON, or a customer of a base read
 * straight from its columns. A reader asks for values by path, so the same rules read both,
 * and a base never builds a customer's record as an object (with its nested objects) only for
 * a reader to take a few numbers out of it: that was most of a node's reading time.
 */

/** A field of a record by its names from the top-level field down into objects, numbered once for all readers. */
export interface FieldPath {
	readonly names: readonly string[];
	/** The same for every call with the same names: a source may keep a reader per path in a list. */
	readonly id: number;
}

export interface FieldSource {
	/** The value at the path, as valueAtPath gives it of the record. */
	get(path: FieldPath): unknown;
}

// Paths are named by the code and by the fields a base has, so the table stays small.
const PATHS = new Map<string, FieldPath>();

export function fieldPath(...names: string[]): FieldPath {
	const key = names.join('\u0000');
	let path = PATHS.get(key);
	if (path === undefined) {
		path = Object.freeze({ names: Object.freeze([...names]), id: PATHS.size });
		PATHS.set(key, path);
	}
	return path;
}

const hasOwn = (value: object, name: string) => Object.prototype.hasOwnProperty.call(value, name);

/**
 * The value at `names` in a record: each step goes into an object (not a list) by a field of
 * its own; undefined when a step finds nothing to go into.
 */
export function valueAtPath(value: unknown, names: readonly string[]): unknown {
	let node = value;
	for (let i = 0; i < names.length; i++) {
		if (node === null || typeof node !== 'object' || Array.isArray(node) || !hasOwn(node, names[i])) return undefined;
		node = (node as Record<string, unknown>)[names[i]];
	}
	return node;
}

/** The fields of an item's JSON. */
export function jsonFields(json: Record<string, unknown>): FieldSource {
	return { get: (path) => valueAtPath(json, path.names) };
}
