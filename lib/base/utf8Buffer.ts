/**
 * UTF-8 bytes of texts appended one after another in one growing buffer: a million texts kept
 * this way are one object for the garbage collector instead of a million strings.
 */
export class Utf8Buffer {
	private buffer = Buffer.alloc(0);
	/** Bytes written so far: where the next text starts. */
	used = 0;

	/** Appends a text; returns where its bytes end. */
	append(text: string): number {
		const most = this.used + text.length * 3;
		if (most > this.buffer.length) {
			const bigger = Buffer.allocUnsafe(Math.max(most, this.buffer.length * 2, 64 * 1024));
			this.buffer.copy(bigger, 0, 0, this.used);
			this.buffer = bigger;
		}
		this.used += this.buffer.write(text, this.used, 'utf8');
		return this.used;
	}

	/** The text of the bytes from `start` to `end`. */
	text(start: number, end: number): string {
		return this.buffer.toString('utf8', start, end);
	}

	/** Every byte written, without a copy. */
	written(): Buffer {
		return this.buffer.subarray(0, this.used);
	}
}
