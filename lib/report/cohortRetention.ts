import { MS_PER_DAY } from '../values/days';

/**
 * The cohort table: customers grouped by the month of their first order, and for each later
 * month the share of the cohort that bought in it. Months are calendar months of the days
 * given (days since 1970 in the shop's time zone), so the table reads like a shop's calendar.
 */
export interface CohortRow {
	/** YYYY-MM of the first order. */
	cohort: string;
	customers: number;
	/** shares[k]: share of the cohort with an order k months after its first month (shares[0] = 1). */
	shares: number[];
}

function monthIndexOfDay(day: number): number {
	const date = new Date(day * MS_PER_DAY);
	return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

const monthLabel = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** `orderDays` per customer: the days of their orders. Cohorts up to `lastDay`'s month. */
export function cohortRetention(orderDays: Iterable<ReadonlyArray<number>>, lastDay: number): CohortRow[] {
	const lastMonth = monthIndexOfDay(lastDay);
	const cohorts = new Map<number, { customers: number; active: number[] }>();
	for (const days of orderDays) {
		if (days.length === 0) continue;
		const months = new Set(days.filter((d) => d <= lastDay).map(monthIndexOfDay));
		if (months.size === 0) continue;
		const first = Math.min(...months);
		let cohort = cohorts.get(first);
		if (!cohort) cohorts.set(first, (cohort = { customers: 0, active: new Array(lastMonth - first + 1).fill(0) }));
		cohort.customers++;
		for (const month of months) cohort.active[month - first]++;
	}
	return [...cohorts.entries()]
		.sort((a, b) => a[0] - b[0])
		.map(([month, { customers, active }]) => ({ cohort: monthLabel(month), customers, shares: active.map((n) => n / customers) }));
}
