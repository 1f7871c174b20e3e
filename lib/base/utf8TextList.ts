import { Utf8Buffer } from './utf8Buffer';

/** Whether a text survives UTF-8 unchanged: a lone surrogate (from JSON's "\ud800") does not. */
export function isWellFormedText(text: string): boolean {
	return text.isWellFormed();
}

/**
 * Texts (or nulls) by position, kept as UTF-8 bytes until read. A million strings held until a
 * later step needs them (a plan's explanations, say) are a million objects the garbage collector
 * walks again and again; bytes in one buffer are none. Positions are set in increasing order;
 * one skipped reads as null. Only well-formed texts (isWellFormedText) read back as they were.
 */
export class Utf8TextList {
	private readonly utf8 = new Utf8Buffer();
	/** Where each position's text ends; null positions end where the previous one did. */
	private readonly ends: Uint32Array;
	private readonly isNull: Uint8Array;
	/** Positions set so far (and those skipped before them). */
	private filled = 0;

	constructor(readonly length: number) {
		this.ends = new Uint32Array(length);
		this.isNull = new Uint8Array(length).fill(1);
	}

	set(position: number, text: string | null): void {
		if (position < this.filled) throw new Error(`Position ${position} was set already, or passed`);
		for (let p = this.filled; p < position; p++) this.ends[p] = this.utf8.used;
		if (text !== null) {
			this.utf8.append(text);
			this.isNull[position] = 0;
		}
		this.ends[position] = this.utf8.used;
		this.filled = position + 1;
	}

	get(position: number): string | null {
		if (position >= this.filled || this.isNull[position] === 1) return null;
		return this.utf8.text(position === 0 ? 0 : this.ends[position - 1], this.ends[position]);
	}
}
