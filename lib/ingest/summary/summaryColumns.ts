import type { GapRecord } from '../../customer/customerSummary';
import { TableBuilder } from '../../base/tableBuilder';
import { dayNumberToIsoDate } from '../../values/parseDate';
import { PURCHASE_DATES_SEPARATOR } from '../../customer/purchaseDays';

/** Per-customer totals, one row per customer, as typed columns. */
export interface SummaryColumns {
	rows: number;
	analysisDay: number;
	trendWindowDays: number;
	ordersAfterAnalysisDate: number;
	/** Index of the customer's accumulated state (for id and contact fields). */
	customer: Int32Array;
	orders: Int32Array;
	spend: Float64Array;
	firstAt: Float64Array;
	lastAt: Float64Array;
	firstDay: Int32Array;
	lastDay: Int32Array;
	distinctDays: Int32Array;
	firstOrderAmount: Float64Array;
	/** Net spend of the purchase days after the first, returns and refunds deducted (the model's m x). */
	repeatDaySpend: Float64Array;
	returnedOrders: Int32Array;
	discountedOrders: Int32Array;
	/** 1 when the latest purchase was discounted (a price-sensitive customer's tell). */
	lastOrderDiscounted: Int32Array;
	/** -1 when the customer bought on one day only. */
	lastGapDays: Int32Array;
	recentOrders: Int32Array;
	previousOrders: Int32Array;
	recentSpend: Float64Array;
	previousSpend: Float64Array;
	/**
	 * The customer's record gaps between purchase days, as [gap days, day the gap ended] pairs
	 * in longestGaps[longestGapsFrom[row], longestGapsFrom[row + 1]): newest first, each
	 * longer than every gap that ended after it (see CustomerSummary.longestGaps).
	 */
	longestGapsFrom: Int32Array;
	longestGaps: Int32Array;
	/**
	 * The customer's distinct purchase days (day numbers, oldest first) in
	 * purchaseDays[purchaseDaysFrom[row], purchaseDaysFrom[row + 1]); none for summaries read
	 * ready-made, whose days are unknown.
	 */
	purchaseDaysFrom: Int32Array;
	purchaseDays: Int32Array;
}

export function emptyColumns(rows: number, analysisDay: number, trendWindowDays: number, ordersAfterAnalysisDate: number): SummaryColumns {
	const ints = () => new Int32Array(rows);
	const floats = () => new Float64Array(rows);
	return {
		rows,
		analysisDay,
		trendWindowDays,
		ordersAfterAnalysisDate,
		customer: ints(),
		orders: ints(),
		spend: floats(),
		firstAt: floats(),
		lastAt: floats(),
		firstDay: ints(),
		lastDay: ints(),
		distinctDays: ints(),
		repeatDaySpend: floats(),
		returnedOrders: ints(),
		discountedOrders: ints(),
		lastOrderDiscounted: ints(),
		firstOrderAmount: floats(),
		lastGapDays: ints(),
		recentOrders: ints(),
		previousOrders: ints(),
		recentSpend: floats(),
		previousSpend: floats(),
		longestGapsFrom: new Int32Array(rows + 1),
		longestGaps: new Int32Array(0),
		purchaseDaysFrom: new Int32Array(rows + 1),
		purchaseDays: new Int32Array(0),
	};
}


/** The k-th record gap of all rows (SummaryColumns.longestGaps holds them in pairs). */
const gapDays = (cols: SummaryColumns, k: number) => cols.longestGaps[2 * k];
const gapEndedDaysAgo = (cols: SummaryColumns, k: number) => cols.analysisDay - cols.longestGaps[2 * k + 1];

/** The record gaps of one row of the columns (see SummaryColumns.longestGaps), newest first. */
export function longestGapsAt(cols: SummaryColumns, row: number): GapRecord[] {
	const gaps: GapRecord[] = [];
	for (let k = cols.longestGapsFrom[row] / 2; k < cols.longestGapsFrom[row + 1] / 2; k++) gaps.push({ days: gapDays(cols, k), endedDaysAgo: gapEndedDaysAgo(cols, k) });
	return gaps;
}

/**
 * Every row's record gaps at once, as a layer stores lists of records (their ends, and one
 * table of all the gaps): what longestGapsAt of each row would give. Null when no row has one.
 */
export function longestGapsTable(cols: SummaryColumns): { ends: Uint32Array; elements: TableBuilder } | null {
	const count = cols.longestGapsFrom[cols.rows] / 2;
	if (count === 0) return null;
	const ends = new Uint32Array(cols.rows);
	for (let row = 0; row < cols.rows; row++) ends[row] = cols.longestGapsFrom[row + 1] / 2;
	const days = new Float64Array(count);
	const endedDaysAgo = new Float64Array(count);
	for (let k = 0; k < count; k++) {
		days[k] = gapDays(cols, k);
		endedDaysAgo[k] = gapEndedDaysAgo(cols, k);
	}
	const elements = new TableBuilder();
	elements.setRowCount(count);
	elements.columnFor(-1, 'days', 0).column.fillNumbers('number', days, null);
	elements.columnFor(-1, 'endedDaysAgo', 0).column.fillNumbers('number', endedDaysAgo, null);
	return { ends, elements };
}

/** The row's purchase days as dates, oldest first, comma-separated (see PURCHASE_DATES_SEPARATOR). */
export function purchaseDatesText(cols: SummaryColumns, row: number): string {
	const dates: string[] = [];
	for (let k = cols.purchaseDaysFrom[row]; k < cols.purchaseDaysFrom[row + 1]; k++) dates.push(dayNumberToIsoDate(cols.purchaseDays[k]));
	return dates.join(PURCHASE_DATES_SEPARATOR);
}
