import { IdColumns, isIdColumns, mapFromStore } from './idKeyedStore';

/*
 * Per-customer memory from one run to the next, kept in the order of the run's customers. A
 * weekly run over the same shop meets its customers in the order it saved them, so each is found
 * at its own position by one comparison; a customer elsewhere is found through an index built the
 * first time one is. A Map of a million IDs, filled on load and on every run, cost about a second
 * per run at a million customers; this costs a comparison per customer.
 */
export class OrderedIdMemory<T> {
	private index: Map<string, number> | null = null;
	/** Last run's entries this run has recalled: they are replaced by this run's. */
	private readonly recalled: Uint8Array;
	private readonly nextIds: string[] = [];
	private readonly nextValues: T[] = [];

	private constructor(
		private readonly ids: readonly string[],
		private readonly values: readonly T[],
	) {
		this.recalled = new Uint8Array(ids.length);
	}

	/** Memory as stored by this or an earlier version (see idKeyedStore); unreadable entries are dropped. */
	static fromStore<T>(stored: unknown, read: (value: unknown) => T | null): OrderedIdMemory<T> {
		if (!isIdColumns(stored)) {
			const map = mapFromStore(stored, read);
			return new OrderedIdMemory([...map.keys()], [...map.values()]);
		}
		const ids: string[] = [];
		const values: T[] = [];
		for (let i = 0; i < stored.ids.length && i < stored.values.length; i++) {
			const id = stored.ids[i];
			const value = typeof id === 'string' ? read(stored.values[i]) : null;
			if (value === null) continue;
			ids.push(id as string);
			values.push(value);
		}
		return new OrderedIdMemory(ids, values);
	}

	static empty<T>(): OrderedIdMemory<T> {
		return new OrderedIdMemory<T>([], []);
	}

	/** Last run's value for `id`, this run's `position`-th customer (looked for there first). */
	recall(id: string, position: number): T | undefined {
		const at = this.ids[position] === id ? position : this.positionOf(id);
		if (at === undefined) return undefined;
		this.recalled[at] = 1;
		return this.values[at];
	}

	/** This run's value for `id`. */
	keep(id: string, value: T): void {
		this.nextIds.push(id);
		this.nextValues.push(value);
	}

	/** This run's values in its order, then last run's for the customers this run did not recall. */
	toStore(): IdColumns<T> {
		const ids = this.nextIds.slice();
		const values = this.nextValues.slice();
		for (let at = 0; at < this.ids.length; at++) {
			if (this.recalled[at] === 1) continue;
			ids.push(this.ids[at]);
			values.push(this.values[at]);
		}
		return { format: 'columns', ids, values };
	}

	private positionOf(id: string): number | undefined {
		if (this.index === null) {
			this.index = new Map();
			// The last entry of an ID wins, as it did when memory was a Map filled in order.
			for (let at = 0; at < this.ids.length; at++) this.index.set(this.ids[at], at);
		}
		return this.index.get(id);
	}
}
