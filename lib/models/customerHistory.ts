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
	// Whole days below 2^20 pack into one exact number key; anything else keys by text.
	const index = new Map<number | string, number>();
	const x: number[] = [];
	const tx: number[] = [];
	const T: number[] = [];
	const weight: number[] = [];
	for (let i = 0; i < rows; i++) {
		const h = columns ? { x: columns.x[i], tx: columns.tx[i], T: columns.T[i] } : (histories as ArrayLike<History>)[i];
		const packable = Number.isInteger(h.tx) && Number.isInteger(h.T) && h.tx >= 0 && h.T >= 0 && h.tx < 1_048_576 && h.T < 1_048_576 && h.x < 4096;
		const key = packable ? (h.x * 1_048_576 + h.tx) * 1_048_576 + h.T : `${h.x}|${h.tx}|${h.T}`;
		const at = index.get(key);
		if (at === undefined) {
			index.set(key, x.length);
			x.push(h.x);
			tx.push(h.tx);
			T.push(h.T);
			weight.push(1);
		} else weight[at]++;
	}
	return { x: Float64Array.from(x), tx: Float64Array.from(tx), T: Float64Array.from(T), weight: Float64Array.from(weight), customers: rows };
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
