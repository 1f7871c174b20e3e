/**
 * The value at a dotted path (`data.items`, `customer.id`) in a parsed JSON value, or undefined.
 * Only own properties count, so a path through `__proto__` or `constructor` finds nothing.
 */
export function getPath(value: unknown, path: string): unknown {
	let node = value;
	for (const key of path.split('.').filter(Boolean)) {
		if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
		node = (node as Record<string, unknown>)[key];
	}
	return node;
}
