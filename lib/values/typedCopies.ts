/*
 * Typed arrays made from lists without the iterator. In a running n8n server V8's fast paths for
 * TypedArray.from, spreads and typed arrays built from lists are off (a module n8n loads changes
 * the array iterator), and they iterate one element at a time: a million numbers took 60-120 ms
 * there against 4 ms in a bare Node.js. set() does not iterate, and stays at 2-4 ms there from a
 * list or a typed array (measured with a probe loaded into the server). Code that handles a
 * base's million customers uses these.
 */

type NumberArray = Int8Array | Int16Array | Int32Array | Uint8Array | Uint32Array | Float64Array;

/** `values` as a new typed array of `kind`, each converted as storing it there converts it. */
export function typedCopy<T extends NumberArray>(kind: new (length: number) => T, values: ArrayLike<number>): T {
	const out = new kind(values.length);
	out.set(values);
	return out;
}

/** `map` of each of `values` as a new Float64Array. */
export function float64Of(values: ArrayLike<number>, map: (value: number, index: number) => number): Float64Array<ArrayBuffer> {
	const out = new Float64Array(values.length);
	for (let i = 0; i < values.length; i++) out[i] = map(values[i], i);
	return out;
}
