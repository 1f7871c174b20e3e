/**
 * Values by position that are nearly always numbers (a gap in days, a score): the numbers in a
 * typed array, anything else (null, undefined, a text) on the side. A million numbers kept in an
 * ordinary array are a million heap objects for the garbage collector to walk.
 */
export class MostlyNumbers {
	private numbers = new Float64Array(1024);
	private readonly others = new Map<number, unknown>();

	set(i: number, value: unknown): void {
		if (i >= this.numbers.length) {
			const bigger = new Float64Array(Math.max(i + 1, this.numbers.length * 2));
			bigger.set(this.numbers);
			this.numbers = bigger;
		}
		if (typeof value === 'number') {
			this.numbers[i] = value;
			this.others.delete(i);
		} else this.others.set(i, value);
	}

	get(i: number): unknown {
		return this.others.has(i) ? this.others.get(i) : this.numbers[i];
	}
}
