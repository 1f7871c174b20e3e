const NUMBER = 0;
const NULL = 1;
const UNDEFINED = 2;
const OTHER = 3;

/**
 * Values by position that are nearly always numbers or null (a gap in days, a score): numbers
 * in a typed array with a kind byte beside them, any other value on the side. A million values
 * kept in an ordinary array are a million heap objects for the garbage collector to walk.
 */
export class MostlyNumbers {
	private numbers = new Float64Array(1024);
	private kinds = new Uint8Array(1024);
	private readonly others = new Map<number, unknown>();

	set(i: number, value: unknown): void {
		if (i >= this.numbers.length) {
			const size = Math.max(i + 1, this.numbers.length * 2);
			const numbers = new Float64Array(size);
			numbers.set(this.numbers);
			this.numbers = numbers;
			const kinds = new Uint8Array(size);
			kinds.set(this.kinds);
			this.kinds = kinds;
		}
		if (this.kinds[i] === OTHER) this.others.delete(i);
		if (typeof value === 'number') {
			this.numbers[i] = value;
			this.kinds[i] = NUMBER;
		} else if (value === null) this.kinds[i] = NULL;
		else if (value === undefined) this.kinds[i] = UNDEFINED;
		else {
			this.kinds[i] = OTHER;
			this.others.set(i, value);
		}
	}

	get(i: number): unknown {
		switch (this.kinds[i]) {
			case NUMBER:
				return this.numbers[i];
			case NULL:
				return null;
			case UNDEFINED:
				return undefined;
			default:
				return this.others.get(i);
		}
	}
}
