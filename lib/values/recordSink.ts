import { instantToIso } from './parseDate';

type Key<T> = keyof T & string;

/**
 * A record described field by field, in order, instead of made. A writer of millions of records
 * of one shape (Customer Data's customer summaries) describes each once: into an object where an
 * item needs one (ObjectSink), or straight into the columns of a base layer (TableBuilder's
 * sink), where a million objects made only to be taken apart again were most of the cost.
 */
export interface RecordSink<T> {
	field<K extends Key<T>>(name: K, value: T[K]): void;
	/** A date-time field, given as epoch milliseconds and written as ISO 8601 text (toISOString's). */
	instant<K extends Key<T>>(name: K, ms: number): void;
	/** The fields described until close() belong to an object under `name`. */
	open<K extends Key<T>>(name: K): RecordSink<NonNullable<T[K]>>;
	close(): void;
}

/** Makes the described record as an object. */
export class ObjectSink<T> implements RecordSink<T> {
	private readonly stack: Array<Record<string, unknown>>;

	constructor(private readonly root: Record<string, unknown> = {}) {
		this.stack = [root];
	}

	get record(): T {
		return this.root as T;
	}

	field<K extends Key<T>>(name: K, value: T[K]): void {
		this.stack[this.stack.length - 1][name] = value;
	}

	instant<K extends Key<T>>(name: K, ms: number): void {
		this.stack[this.stack.length - 1][name] = instantToIso(ms);
	}

	open<K extends Key<T>>(name: K): RecordSink<NonNullable<T[K]>> {
		const object: Record<string, unknown> = {};
		this.stack[this.stack.length - 1][name] = object;
		this.stack.push(object);
		return this as unknown as RecordSink<NonNullable<T[K]>>;
	}

	close(): void {
		this.stack.pop();
	}
}
