/** Between the dates of a summary's `purchaseDates`. */
export const PURCHASE_DATES_SEPARATOR = ',';

/**
 * Every customer's distinct purchase days (day numbers), ascending: customer k's are
 * days[starts[k]] .. days[starts[k + 1] - 1]. What a backtest splits at a calibration date; one
 * flat array, since a million customers' lists as arrays would be a million objects.
 */
export interface PurchaseDays {
	starts: Int32Array;
	days: Int32Array;
}

export function customersIn(p: PurchaseDays): number {
	return p.starts.length - 1;
}

/** Purchase days from lists (tests, small callers). */
export function purchaseDaysOf(lists: ReadonlyArray<readonly number[]>): PurchaseDays {
	const starts = new Int32Array(lists.length + 1);
	const all: number[] = [];
	lists.forEach((list, k) => {
		const distinct = [...new Set(list)].sort((a, b) => a - b);
		all.push(...distinct);
		starts[k + 1] = all.length;
	});
	const days = new Int32Array(all.length);
	days.set(all);
	return { starts, days };
}

/**
 * About `customers` of them, each kept with the same chance by a fixed hash of its position (so
 * a run is reproducible); all when there are no more than that.
 */
export function samplePurchaseDays(p: PurchaseDays, customers: number, keepChance: (position: number) => number): PurchaseDays {
	const total = customersIn(p);
	if (total <= customers) return p;
	const rate = customers / total;
	const kept: number[] = [];
	for (let k = 0; k < total; k++) if (keepChance(k) < rate) kept.push(k);
	const starts = new Int32Array(kept.length + 1);
	let size = 0;
	kept.forEach((k, j) => {
		size += p.starts[k + 1] - p.starts[k];
		starts[j + 1] = size;
	});
	const days = new Int32Array(size);
	kept.forEach((k, j) => days.set(p.days.subarray(p.starts[k], p.starts[k + 1]), starts[j]));
	return { starts, days };
}
