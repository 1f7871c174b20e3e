/**
 * IDs that are plain numbers (1001, 20240001) can be looked up by value instead of by hashing
 * their text. Only canonical decimals qualify: digits only, no leading zero (so `0042` and `42`,
 * different IDs as text, never meet), at most 15 digits (exact as a double).
 */
const MAX_DIGITS = 15;

/** The value of a canonical decimal written in bytes, or -1. */
export function canonicalDecimal(bytes: Uint8Array, start: number, end: number): number {
	const digits = end - start;
	if (digits < 1 || digits > MAX_DIGITS || (digits > 1 && bytes[start] === 48)) return -1;
	let value = 0;
	for (let i = start; i < end; i++) {
		const byte = bytes[i];
		if (byte < 48 || byte > 57) return -1;
		value = value * 10 + (byte - 48);
	}
	return value;
}

/** Values per page: 256 KiB of entry numbers. */
const PAGE_SIZE = 65_536;
/** Below this many pages the index never gives up, however sparse the values. */
const FREE_PAGES = 64;
/** Page slots allowed per key before the index gives up (keys too sparse to be worth it). */
const SLOTS_PER_KEY = 16;

/**
 * Entry numbers of numeric keys, found by value: a value's page is value / PAGE_SIZE, its slot
 * the rest. Numbered customers fill a few pages densely and are found without hashing, in
 * memory that stays in cache. When the values turn out sparse (phone numbers, random IDs),
 * set() says so and the owner moves them to a hash table.
 */
export class NumericKeyPages {
	private readonly pages = new Map<number, Int32Array>();
	private lastPageNumber = -1;
	private lastPage: Int32Array | undefined;
	private count = 0;

	/** The entry of a value, or -1. */
	get(value: number): number {
		const page = this.page(Math.floor(value / PAGE_SIZE));
		return page ? page[value % PAGE_SIZE] - 1 : -1;
	}

	/** Records a value's entry; false, recording nothing, when the values are too sparse for pages. */
	set(value: number, entry: number): boolean {
		const pageNumber = Math.floor(value / PAGE_SIZE);
		let page = this.page(pageNumber);
		if (!page) {
			const pages = this.pages.size + 1;
			if (pages > FREE_PAGES && pages * PAGE_SIZE > SLOTS_PER_KEY * (this.count + 1)) return false;
			page = new Int32Array(PAGE_SIZE);
			this.pages.set(pageNumber, page);
			this.lastPage = page;
			this.lastPageNumber = pageNumber;
		}
		page[value % PAGE_SIZE] = entry + 1;
		this.count++;
		return true;
	}

	forEachEntry(visit: (entry: number) => void): void {
		for (const page of this.pages.values()) for (let i = 0; i < PAGE_SIZE; i++) if (page[i] !== 0) visit(page[i] - 1);
	}

	private page(pageNumber: number): Int32Array | undefined {
		if (pageNumber !== this.lastPageNumber) {
			const page = this.pages.get(pageNumber);
			if (!page) return undefined;
			this.lastPage = page;
			this.lastPageNumber = pageNumber;
		}
		return this.lastPage;
	}
}
