import { canonicalDecimal, NumericKeyPages } from './numericKeyPages';

/**
 * A set of byte strings, each given a dense index in order of arrival. Customer IDs and order
 * IDs are interned here straight from the bytes of a file, so a million customers and a few
 * million orders cost a few typed arrays instead of a Map of millions of small strings.
 * Strings (rows from items or the general CSV path) go through their UTF-8 bytes, so both ways
 * in agree on every key. A key also carries a small tag (e.g. "this is a refund line"), so
 * `A1` as an order and `A1` as its refund are different keys.
 *
 * With `numericKeys`, untagged keys that are plain numbers are found by value in
 * NumericKeyPages instead of by hash: numbered customers or orders (1..N) then cost sequential
 * memory instead of a cache miss each (hashing 2.56M order IDs cost 1.2 s of a 2.8 s parse).
 * Such keys still get their bytes and index here.
 */
export class ByteKeyTable {
	/**
	 * Open addressing, two numbers per slot: the key's hash and its entry index + 1 (0 when
	 * empty). Keeping the hash in the slot means a probe touches one cache line until the
	 * hashes match; with millions of keys, memory latency is the cost that counts.
	 */
	private slots = new Int32Array(2 << 12);
	private tags = new Uint8Array(1 << 10);
	/** Entry i's bytes are arena[offsets[i], offsets[i + 1]). */
	private offsets = new Int32Array(1 << 10);
	private arena = Buffer.allocUnsafe(1 << 14);
	private scratch = Buffer.allocUnsafe(256);
	/** Keys with unpaired surrogates, by entry (see encode). */
	private readonly illFormed = new Map<number, string>();
	private numbers: NumericKeyPages | undefined;
	/** Entries in `slots` (the others are in `numbers`). */
	private hashed = 0;
	size = 0;
	/** Whether the last intern() call added a new key. */
	added = false;

	constructor(options: { numericKeys?: boolean } = {}) {
		if (options.numericKeys) this.numbers = new NumericKeyPages();
	}

	/** The index of the key, adding it when new. */
	intern(bytes: Uint8Array, start: number, end: number, tag = 0): number {
		const value = this.numbers && tag === 0 ? canonicalDecimal(bytes, start, end) : -1;
		if (value >= 0) return this.internNumber(value, bytes, start, end);
		const hash = hashBytes(bytes, start, end, tag);
		const slot = this.probe(bytes, start, end, tag, hash);
		const entry = this.slots[2 * slot + 1] - 1;
		this.added = entry < 0;
		return entry < 0 ? this.append(bytes, start, end, tag, hash, slot) : entry;
	}

	/** The index of the key, or -1 when it is not in the table. */
	find(bytes: Uint8Array, start: number, end: number, tag = 0): number {
		const value = this.numbers && tag === 0 ? canonicalDecimal(bytes, start, end) : -1;
		if (value >= 0) return (this.numbers as NumericKeyPages).get(value);
		return this.slots[2 * this.probe(bytes, start, end, tag, hashBytes(bytes, start, end, tag)) + 1] - 1;
	}

	/** The slot holding the key, or the empty slot where it would go. */
	private probe(bytes: Uint8Array, start: number, end: number, tag: number, hash: number): number {
		const slots = this.slots;
		const mask = (slots.length >> 1) - 1;
		for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
			const entry = slots[2 * slot + 1] - 1;
			if (entry < 0 || (slots[2 * slot] === hash && this.tags[entry] === tag && this.sameBytes(entry, bytes, start, end))) return slot;
		}
	}

	internString(key: string, tag = 0): number {
		const length = this.encode(key);
		if (length < 0) {
			const entry = this.intern(this.scratch, 0, -length, tag | ILL_FORMED);
			this.illFormed.set(entry, key);
			return entry;
		}
		return this.intern(this.scratch, 0, length, tag);
	}

	findString(key: string, tag = 0): number {
		const length = this.encode(key);
		return length < 0 ? this.find(this.scratch, 0, -length, tag | ILL_FORMED) : this.find(this.scratch, 0, length, tag);
	}

	/** The key of an entry, decoded from UTF-8. */
	keyString(entry: number): string {
		return this.illFormed.get(entry) ?? this.arena.toString('utf8', this.offsets[entry], this.offsets[entry + 1]);
	}

	/**
	 * The key's UTF-8 bytes in scratch, and their length. A string with an unpaired surrogate
	 * has no UTF-8 form (it would become U+FFFD, and two different IDs one), so such keys are
	 * stored as UTF-16 code units under their own tag, and a negative length says so.
	 */
	private encode(key: string): number {
		// UTF-8 takes at most 3 bytes per UTF-16 code unit, UTF-16 two.
		if (key.length * 3 > this.scratch.length) this.scratch = Buffer.allocUnsafe(key.length * 3);
		const length = this.scratch.write(key, 0, 'utf8');
		// As many bytes as code units: ASCII, the common case, well-formed by construction.
		if (length === key.length || key.isWellFormed()) return length;
		return -this.scratch.write(key, 0, 'utf16le');
	}

	private sameBytes(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
		const from = this.offsets[entry];
		if (this.offsets[entry + 1] - from !== end - start) return false;
		const arena = this.arena;
		for (let i = start, j = from; i < end; i++, j++) if (arena[j] !== bytes[i]) return false;
		return true;
	}

	private internNumber(value: number, bytes: Uint8Array, start: number, end: number): number {
		const numbers = this.numbers as NumericKeyPages;
		const known = numbers.get(value);
		this.added = known < 0;
		if (known >= 0) return known;
		const entry = this.store(bytes, start, end, 0);
		if (!numbers.set(value, entry)) {
			// The numbers turned out too sparse for pages: they, and this one, move to the hash slots.
			this.numbers = undefined;
			numbers.forEachEntry((numbered) => this.hashStored(numbered));
			this.hashStored(entry);
		}
		return entry;
	}

	/** Puts an entry already stored (bytes and tag) into the hash slots. */
	private hashStored(entry: number): void {
		const from = this.offsets[entry];
		const to = this.offsets[entry + 1];
		const hash = hashBytes(this.arena, from, to, this.tags[entry]);
		this.place(this.probe(this.arena, from, to, this.tags[entry], hash), hash, entry);
	}

	private append(bytes: Uint8Array, start: number, end: number, tag: number, hash: number, slot: number): number {
		const entry = this.store(bytes, start, end, tag);
		this.place(slot, hash, entry);
		return entry;
	}

	/** The key's bytes and tag, under the next index. */
	private store(bytes: Uint8Array, start: number, end: number, tag: number): number {
		const entry = this.size;
		if (entry + 2 > this.offsets.length) {
			this.offsets = grow(this.offsets, Int32Array);
			this.tags = grow(this.tags, Uint8Array);
		}
		const from = this.offsets[entry];
		const length = end - start;
		if (from + length > this.arena.length) {
			const bigger = Buffer.allocUnsafe(Math.max(this.arena.length * 2, from + length));
			this.arena.copy(bigger, 0, 0, from);
			this.arena = bigger;
		}
		for (let i = 0; i < length; i++) this.arena[from + i] = bytes[start + i];
		this.offsets[entry + 1] = from + length;
		this.tags[entry] = tag;
		this.size = entry + 1;
		return entry;
	}

	private place(slot: number, hash: number, entry: number): void {
		this.slots[2 * slot] = hash;
		this.slots[2 * slot + 1] = entry + 1;
		// Keep the table at most half full, so probes stay short.
		if (++this.hashed > this.slots.length >> 2) this.rehash();
	}

	private rehash(): void {
		const old = this.slots;
		const slots = new Int32Array(old.length * 2);
		const mask = (slots.length >> 1) - 1;
		for (let k = 0; k < old.length; k += 2) {
			if (old[k + 1] === 0) continue;
			let slot = old[k] & mask;
			while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
			slots[2 * slot] = old[k];
			slots[2 * slot + 1] = old[k + 1];
		}
		this.slots = slots;
	}
}

/** Tag bit of keys stored as UTF-16 code units. */
const ILL_FORMED = 0x80;

function grow<T extends Int32Array | Uint8Array>(array: T, Kind: new (n: number) => T): T {
	const bigger = new Kind(array.length * 2);
	bigger.set(array);
	return bigger;
}

/** FNV-1a over the bytes and the tag, then murmur3's finaliser so low bits spread well. */
function hashBytes(bytes: Uint8Array, start: number, end: number, tag: number): number {
	let h = 0x811c9dc5 ^ tag;
	for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	h = Math.imul(h, 0xc2b2ae35);
	return h ^ (h >>> 16);
}
