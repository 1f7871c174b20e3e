import type { KeptField } from './summaryFields';

type Kept = string | number | boolean;

/**
 * Each customer's latest contact values (email, phone, consents, currency...), one column per
 * field, with the instant each value was given. Kept as columns rather than two small objects
 * per customer: a million customers' objects lived through the whole read and were most of
 * what the garbage collector walked.
 */
export class ContactMemory {
	private readonly values = new Map<KeptField, Kept[]>();
	private readonly at = new Map<KeptField, Float64Array>();

	/**
	 * The latest explicit value wins; at the same instant a later row wins too, except that a
	 * "no" to a consent is never overturned by a "yes" given at the same moment.
	 */
	remember(customer: number, field: KeptField, value: Kept, at: number): void {
		let values = this.values.get(field);
		let seen = this.at.get(field);
		if (!values || !seen) {
			values = [];
			seen = new Float64Array(0);
			this.values.set(field, values);
		}
		if (customer >= seen.length) {
			// NaN: never given. Instants are finite.
			const bigger = new Float64Array(Math.max(1024, customer + 1, seen.length * 2)).fill(NaN);
			bigger.set(seen);
			seen = bigger;
			this.at.set(field, seen);
		}
		const seenAt = seen[customer];
		if (Number.isNaN(seenAt) || at > seenAt || (at === seenAt && !(values[customer] === false && value === true))) {
			values[customer] = value;
			seen[customer] = at;
		}
	}

	/** One customer's value of a field; undefined when never given. */
	valueOf(customer: number, field: KeptField): Kept | undefined {
		const seen = this.at.get(field);
		if (seen === undefined || customer >= seen.length || Number.isNaN(seen[customer])) return undefined;
		return (this.values.get(field) as Kept[])[customer];
	}
}
