import { Utf8Buffer } from './utf8Buffer';

/** Whether a text survives UTF-8 unchanged: a lone surrogate (from JSON's "\ud800") does not. */
export function isWellFormedText(text: string): boolean {
	return text.isWellFormed();
}

/** Distinct texts a list keeps as themselves (see Utf8TextList). */
const MOST_KEPT = 1024;
/** Once that many are kept, a list looks texts up only while at least this share of them were found. */
const LEAST_FOUND_SHARE = 0.5;

/**
 * Texts (or nulls) by position, kept as UTF-8 bytes until read. A million strings held until a
 * later step needs them (a plan's explanations, say) are a million objects the garbage collector
 * walks again and again; bytes in one buffer are none. A text said again and again (a reason most
 * records share) is kept once, as itself, and read back as that one string: writing a million
 * copies of it as bytes and decoding each again cost more than the rest of the list. Positions
 * are set in increasing order; one skipped reads as null. Only well-formed texts
 * (isWellFormedText) read back as they were.
 */
export class Utf8TextList {
	private readonly utf8 = new Utf8Buffer();
	/** Where each position's text ends; null positions end where the previous one did. */
	private readonly ends: Uint32Array;
	private readonly isNull: Uint8Array;
	/** Per position, 1 + the index of its text among those kept as themselves; 0 for bytes or null. */
	private readonly keptAt: Uint16Array;
	private readonly kept = new Map<string, number>();
	private readonly keptTexts: string[] = [];
	private lookups = 0;
	private found = 0;
	/** The last text kept as itself, and its index: a text like the one before is found without hashing it. */
	private lastText: string | null = null;
	private lastIndex = -1;
	/** Positions set so far (and those skipped before them). */
	private filled = 0;

	constructor(readonly length: number) {
		this.ends = new Uint32Array(length);
		this.isNull = new Uint8Array(length).fill(1);
		this.keptAt = new Uint16Array(length);
	}

	set(position: number, text: string | null): void {
		if (position < this.filled) throw new Error(`Position ${position} was set already, or passed`);
		for (let p = this.filled; p < position; p++) this.ends[p] = this.utf8.used;
		if (text !== null) {
			this.isNull[position] = 0;
			const at = this.keptIndex(text);
			if (at >= 0) this.keptAt[position] = at + 1;
			else this.utf8.append(text);
		}
		this.ends[position] = this.utf8.used;
		this.filled = position + 1;
	}

	get(position: number): string | null {
		if (position >= this.filled || this.isNull[position] === 1) return null;
		const kept = this.keptAt[position];
		if (kept > 0) return this.keptTexts[kept - 1];
		return this.utf8.text(position === 0 ? 0 : this.ends[position - 1], this.ends[position]);
	}

	/** The index of the text among those kept as themselves (kept now if there is room); -1 when it is not. */
	private keptIndex(text: string): number {
		if (text === this.lastText) {
			this.lookups++;
			this.found++;
			return this.lastIndex;
		}
		const full = this.keptTexts.length === MOST_KEPT;
		// Mostly distinct texts (IDs, messages) fill the list and are then rarely found: stop looking.
		if (full && this.found < LEAST_FOUND_SHARE * this.lookups) return -1;
		this.lookups++;
		let at = this.kept.get(text);
		if (at !== undefined) this.found++;
		else if (full) return -1;
		else {
			at = this.keptTexts.push(text) - 1;
			this.kept.set(text, at);
		}
		this.lastText = text;
		this.lastIndex = at;
		return at;
	}
}
