import type { CustomerSummary } from '../../customer/customerSummary';
import { emptyColumns } from './summaryColumns';
import { CustomerExperience, KeptField, summaryOfRow } from './summaryFields';
import { dayNumberToIsoDate } from '../../values/parseDate';

export type ContactValues = Partial<Record<KeptField, string | number | boolean | null>>;

/** What a pre-aggregated summary row gives (one order per purchase day is assumed). */
export interface AggregateTotals {
	orders: number;
	spend: number;
	repeatDaySpend: number;
	firstAt: number;
	lastAt: number;
	firstDay: number;
	lastDay: number;
	analysisDay: number;
}

/**
 * The summary of a customer known from a pre-aggregated row rather than their orders: no
 * trend, gaps, discounts, returns or products, and their satisfaction as the row gives it.
 */
export function buildCustomerSummary(
	customerId: string,
	kept: ContactValues,
	experience: { complaints: number; satisfaction: number | null; issues: string[] | null },
	t: AggregateTotals,
): CustomerSummary {
	const cols = emptyColumns(1, t.analysisDay, 0, 0);
	cols.orders[0] = t.orders;
	cols.spend[0] = t.spend;
	cols.firstAt[0] = t.firstAt;
	cols.lastAt[0] = t.lastAt;
	cols.firstDay[0] = t.firstDay;
	cols.lastDay[0] = t.lastDay;
	cols.distinctDays[0] = t.orders;
	cols.repeatDaySpend[0] = t.repeatDaySpend;
	cols.firstOrderAmount[0] = t.spend - t.repeatDaySpend;
	cols.lastGapDays[0] = -1;
	const known: CustomerExperience = {
		refunds: 0,
		complaints: experience.complaints,
		satisfactionSum: experience.satisfaction ?? 0,
		satisfactionCount: experience.satisfaction === null ? 0 : 1,
		lastSatisfaction: experience.satisfaction,
		issues: experience.issues,
	};
	return summaryOfRow(
		{
			cols,
			analysisDate: dayNumberToIsoDate(t.analysisDay),
			hasTrend: false,
			customerId: () => customerId,
			kept: (_, field) => kept[field],
			experience: () => known,
			products: () => null,
			distinctProducts: () => 0,
		},
		0,
	);
}
