import { typedCopy } from '../values/typedCopies';

/**
 * A customer's purchase history as the probabilistic models see it (MODELS.md): x repeat
 * purchase days, t_x days from first to last purchase, T days from first purchase to the
 * analysis date, m the mean value of the repeat purchases.
 */
export interface History {
	x: number;
	tx: number;
	T: number;
}

export interface SpendHistory {
	x: number;
	m: number;
}

/** Histories with identical (x, t_x, T) collapsed into one row with a count. */
export interface GroupedHistories {
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
	weight: Float64Array;
	customers: number;
}

export function groupHistories(histories: ArrayLike<History> | { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> }): GroupedHistories {
	const columns = 'length' in histories ? undefined : histories;
	const rows = columns ? columns.x.length : (histories as ArrayLike<History>).length;
	const at = (i: number): History => (columns ? { x: columns.x[i], tx: columns.tx[i], T: columns.T[i] } : (histories as ArrayLike<History>)[i]);
	const packed = packedKeys(columns ?? historyColumns(histories as ArrayLike<History>));
	if (packed) return groupsOfSortedKeys(packed.sort(), rows);
	const index = new Map<string, number>();
	const x: number[] = [];
	const tx: number[] = [];
	const T: number[] = [];
	const weight: number[] = [];
	for (let i = 0; i < rows; i++) {
		const h = at(i);
		const key = `${h.x}|${h.tx}|${h.T}`;
		const found = index.get(key);
		if (found === undefined) {
			index.set(key, x.length);
			x.push(h.x);
			tx.push(h.tx);
			T.push(h.T);
			weight.push(1);
		} else weight[found]++;
	}
	return { x: typedCopy(Float64Array, x), tx: typedCopy(Float64Array, tx), T: typedCopy(Float64Array, T), weight: typedCopy(Float64Array, weight), customers: rows };
}

/**
 * What the histories show on average, where the fits start from: repeat purchases per unit of
 * time since the first purchase (at least 1% of customers' worth, so a base without repeat
 * buyers still gives a rate), and the mean time since the first purchase.
 */
export function observedRates(data: GroupedHistories): { meanRate: number; meanT: number } {
	let sumX = 0;
	let sumT = 0;
	for (let i = 0; i < data.x.length; i++) {
		sumX += data.weight[i] * data.x[i];
		sumT += data.weight[i] * data.T[i];
	}
	return { meanRate: Math.max(sumX, 0.01 * data.customers) / Math.max(sumT, 1e-9), meanT: Math.max(sumT / data.customers, 1) };
}

const DAY_KEY = 1_048_576;

function historyColumns(histories: ArrayLike<History>) {
	const column = (field: keyof History) => Float64Array.from({ length: histories.length }, (_, i) => histories[i][field]);
	return { x: column('x'), tx: column('tx'), T: column('T') };
}

/**
 * Whole-day histories (the nodes' case) as one exact number each, x * 2^40 + t_x * 2^20 + T,
 * below 2^52; undefined when any history does not fit. Sorting these numbers groups equal
 * histories far faster than a hash map of a million keys.
 */
function packedKeys(columns: { x: ArrayLike<number>; tx: ArrayLike<number>; T: ArrayLike<number> }): Float64Array | undefined {
	const rows = columns.x.length;
	const keys = new Float64Array(rows);
	for (let i = 0; i < rows; i++) {
		const key = packedHistory(columns.x[i], columns.tx[i], columns.T[i]);
		if (key === undefined) return undefined;
		keys[i] = key;
	}
	return keys;
}

/** A whole-day history as one exact number, x * 2^40 + t_x * 2^20 + T; undefined when it does not fit. */
export function packedHistory(x: number, tx: number, T: number): number | undefined {
	if (!(Number.isInteger(x) && Number.isInteger(tx) && Number.isInteger(T) && x >= 0 && tx >= 0 && T >= 0 && x < 4096 && tx < DAY_KEY && T < DAY_KEY)) return undefined;
	return (x * DAY_KEY + tx) * DAY_KEY + T;
}

function groupsOfSortedKeys(keys: Float64Array, rows: number): GroupedHistories {
	let groups = 0;
	for (let i = 0; i < rows; i++) if (i === 0 || keys[i] !== keys[i - 1]) groups++;
	const x = new Float64Array(groups);
	const tx = new Float64Array(groups);
	const T = new Float64Array(groups);
	const weight = new Float64Array(groups);
	let g = -1;
	for (let i = 0; i < rows; i++) {
		const key = keys[i];
		if (i === 0 || key !== keys[i - 1]) {
			g++;
			const high = Math.floor(key / DAY_KEY);
			T[g] = key - high * DAY_KEY;
			x[g] = Math.floor(high / DAY_KEY);
			tx[g] = high - x[g] * DAY_KEY;
		}
		weight[g]++;
	}
	return { x, tx, T, weight, customers: rows };
}

/** Why a history cannot be scored, or undefined when it is valid. */
export function invalidHistory(h: History): string | undefined {
	if (!Number.isFinite(h.x) || !Number.isFinite(h.tx) || !Number.isFinite(h.T)) return 'frequency, recency and T must be numbers';
	if (h.x < 0 || !Number.isInteger(h.x)) return 'frequency (repeat purchases) must be a whole number of 0 or more';
	if (h.tx < 0 || h.T < 0) return 'recency and T cannot be negative';
	if (h.tx > h.T + 1e-9) return 'recency (first to last purchase) cannot exceed T (first purchase to the analysis date)';
	if (h.x === 0 && h.tx !== 0) return 'a customer without repeat purchases must have recency 0';
	return undefined;
}
