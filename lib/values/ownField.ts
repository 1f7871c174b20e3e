/**
 * Sets a field of an object as its own property whatever its name: assigned, a field named
 * `__proto__` (JSON can have one) would set the object's prototype instead and vanish.
 */
export function setOwnField(object: Record<string, unknown>, name: string, value: unknown): void {
	Object.defineProperty(object, name, { value, enumerable: true, writable: true, configurable: true });
}
