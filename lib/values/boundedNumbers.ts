import { parseOptionalNumber } from './cellValues';
import { MAX_AMOUNT } from './parseMoney';

/**
 * Money a customer brought or may bring, as another node or a database wrote it. Like an order
 * (see MAX_AMOUNT), no customer's value reaches a trillion: a larger number (1e308, an amount in
 * the wrong unit) is refused where it enters, since it would turn every figure computed from it
 * into Infinity or NaN.
 */
const MAX_CUSTOMER_VALUE = MAX_AMOUNT;
/** No customer places a million orders in a campaign window. */
const MAX_COUNT = 1e6;

export type Bounded = { value: number | null } | { error: string };

/** What is wrong with a value as a bounded number, or null: then its value is parseOptionalNumber's. */
function boundedProblem(value: unknown, field: string, max: number, what: string): string | null {
	if (value === null || value === undefined || value === '') return null;
	const n = parseOptionalNumber(value);
	if (n === null) return typeof value === 'number' ? `${field} is ${String(value)}, not a finite number` : null;
	if (Math.abs(n) > max) return `${field} ${n} is beyond any ${what} (more than ${max.toExponential()}): check the field and its unit`;
	return null;
}

function bounded(value: unknown, field: string, max: number, what: string): Bounded {
	const problem = boundedProblem(value, field, max, what);
	return problem === null ? { value: parseOptionalNumber(value) } : { error: problem };
}

export const boundedAmount = (value: unknown, field: string): Bounded => bounded(value, field, MAX_CUSTOMER_VALUE, "customer's value");
/** boundedAmount's error alone (for a reader of millions of records: no object per amount). */
export const amountProblem = (value: unknown, field: string): string | null => boundedProblem(value, field, MAX_CUSTOMER_VALUE, "customer's value");
export const boundedCount = (value: unknown, field: string): Bounded => bounded(value, field, MAX_COUNT, 'number of orders');

/** The first error of several readings, or their values by name. */
export function allBounded<K extends string>(readings: Record<K, Bounded>): { values: Record<K, number | null> } | { error: string } {
	const values = {} as Record<K, number | null>;
	for (const key of Object.keys(readings) as K[]) {
		const reading = readings[key];
		if ('error' in reading) return { error: reading.error };
		values[key] = reading.value;
	}
	return { values };
}
