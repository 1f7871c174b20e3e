/**
 * Which IDs came before, in a list whose IDs are kept elsewhere (a decision store, a base):
 * the table holds only each ID's hash and first position, and asks the owner for the ID at a
 * position when a hash matches. A Set of a million customer IDs kept every ID string alive
 * through the whole plan (most of what the garbage collector copied in Retention Action, and
 * a second in its profile); this keeps 8 bytes per slot.
 */
export class FirstPositions {
	private readonly positions: Int32Array;
	private readonly hashes: Int32Array;
	private readonly mask: number;

	/** `capacity`: how many IDs will be added at most; `idAt(position)` gives back an added ID. */
	constructor(
		capacity: number,
		private readonly idAt: (position: number) => string,
	) {
		let size = 16;
		while (size < capacity * 2) size *= 2;
		this.positions = new Int32Array(size).fill(-1);
		this.hashes = new Int32Array(size);
		this.mask = size - 1;
	}

	/** The first position `id` was added at, or -1 when it is new (then it is added at `position`). */
	firstOrAdd(id: string, position: number): number {
		const hash = hashText(id);
		for (let slot = hash & this.mask; ; slot = (slot + 1) & this.mask) {
			const earlier = this.positions[slot];
			if (earlier < 0) {
				this.positions[slot] = position;
				this.hashes[slot] = hash;
				return -1;
			}
			if (this.hashes[slot] === hash && this.idAt(earlier) === id) return earlier;
		}
	}
}

/** FNV-1a over the UTF-16 code units, as a 32-bit integer (what the table stores, also for ""). */
function hashText(text: string): number {
	let hash = 0x811c9dc5 | 0;
	for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
	return hash;
}
