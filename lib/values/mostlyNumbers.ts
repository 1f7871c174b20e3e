import { ByteColumn, FloatColumn } from './growableColumns';

const NUMBER = 0;
const NULL = 1;
const UNDEFINED = 2;
const OTHER = 3;

/**
 * Values in order that are nearly always numbers or null (a gap in days, a score): numbers in a
 * typed column with a kind byte beside them, any other value on the side. A million values kept
 * in an ordinary array are a million heap objects for the garbage collector to walk.
 */
export class MostlyNumbers {
	private readonly numbers = new FloatColumn();
	private readonly kinds = new ByteColumn();
	private readonly others = new Map<number, unknown>();

	/** Adds a value after the others; returns its position. */
	push(value: unknown): number {
		const i = this.kinds.length;
		if (typeof value === 'number') {
			this.numbers.push(value);
			this.kinds.push(NUMBER);
			return i;
		}
		this.numbers.push(0);
		if (value === null) this.kinds.push(NULL);
		else if (value === undefined) this.kinds.push(UNDEFINED);
		else {
			this.kinds.push(OTHER);
			this.others.set(i, value);
		}
		return i;
	}

	get(i: number): unknown {
		switch (this.kinds.data[i]) {
			case NUMBER:
				return this.numbers.data[i];
			case NULL:
				return null;
			case UNDEFINED:
				return undefined;
			default:
				return this.others.get(i);
		}
	}
}
