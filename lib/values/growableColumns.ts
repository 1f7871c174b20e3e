/**
 * Growable typed columns, so millions of orders cost a few bytes each. One class per element
 * type: a single generic class sees both array kinds at its push site, which keeps that site
 * polymorphic (its push showed as a tenth of the parse time in a profile at a million customers).
 */
export class IntColumn {
	length = 0;
	data = new Int32Array(1024);
	push(value: number): void {
		if (this.length === this.data.length) {
			const bigger = new Int32Array(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}
}

export class FloatColumn {
	length = 0;
	data = new Float64Array(1024);
	push(value: number): void {
		if (this.length === this.data.length) {
			const bigger = new Float64Array(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}
}

export class ByteColumn {
	length = 0;
	data = new Uint8Array(1024);
	push(value: number): void {
		if (this.length === this.data.length) {
			const bigger = new Uint8Array(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}
}

type FixedArray = Uint8Array | Int32Array | Uint32Array | Float64Array;

/** `array`, or a longer copy of it (at least doubled), with room for index `i`; new slots hold `fill`. */
export function withRoom<T extends FixedArray>(array: T, i: number, fill = 0): T {
	if (i < array.length) return array;
	const bigger = new (array.constructor as new (length: number) => T)(Math.max(1024, 2 * array.length, i + 1));
	if (fill !== 0) bigger.fill(fill);
	bigger.set(array);
	return bigger;
}
