import { allBounded, boundedAmount } from '../values/boundedNumbers';
import { parseOptionalNumber, textOrNull } from '../values/cellValues';
import { dayOfIsoDateText, dayOfRecordDate } from '../values/parseDate';
import { TimeZone } from '../values/timeZone';
import { churnProbabilityOf } from './churnProbability';
import { CUSTOMER_ID_FIELDS, customerIdOf, NO_CUSTOMER_ID } from './customerId';
import { GapRecord } from './customerSummary';

/**
 * One customer record as every node reads it, whoever wrote it: Customer Data (with Churn
 * Risk, Lifecycle Stage or Retention Action fields when they ran), a database summary in the
 * BTYD convention (`frequency`, `recency`, `T` in days), a CRM list or a contact log. Numbers
 * are numbers or null, days are day numbers, money is bounded; the nodes build what they need
 * from this and never read the record's fields themselves.
 */
export interface CustomerRecord {
	customerId: string;
	/** The day the record is as of: its own `analysisDate`, else the node's. */
	analysisDay: number;
	/** The record's own `analysisDate`, when it has one. */
	ownAnalysisDay: number | null;
	orders: number | null;
	/** Repeat purchase days (x), first to last purchase (t_x) and first purchase to the analysis date (T), in days. */
	frequency: number | null;
	recency: number | null;
	T: number | null;
	/** Days since the last order: `recencyDays`, else T - t_x, else from `lastOrderAt`. */
	recencyDays: number | null;
	/** Days since the first order: `tenureDays`, else T, else from `firstOrderAt`. */
	tenureDays: number | null;
	/** Calendar days of the first and last order (only when asked for: reading dates costs). */
	firstOrderDay: number | null;
	lastOrderDay: number | null;
	/** Mean days between purchase days: `avgDaysBetweenOrders`, else t_x / x. */
	avgGapDays: number | null;
	lastGapDays: number | null;
	/** Record gaps (CustomerSummary.longestGaps), else the last gap alone: it ended at the last order. */
	longestGaps: GapRecord[];
	money: {
		totalSpend: number | null;
		avgOrderValue: number | null;
		/** Mean spend of the repeat purchase days. */
		monetaryValue: number | null;
		predictedClv: number | null;
		historicClv: number | null;
		expectedAvgOrderValue: number | null;
	};
	orderTrend: number | null;
	spendTrend: number | null;
	signals: {
		discountShare: number | null;
		discountedOrders: number | null;
		lastOrderDiscounted: boolean;
		returnRate: number | null;
		returnedOrders: number | null;
		complaints: number | null;
		avgSatisfaction: number | null;
	};
	rfm: { segment: string | null; r: number | null; f: number | null };
	/** Churn Risk's probability, else 1 - pAlive; always within 0..1 when given. */
	churnProbability: number | null;
	pAlive: number | null;
	/** Churn Risk's expected orders over horizonDays, and the same if the customer is still active. */
	expectedOrders: number | null;
	expectedOrdersIfActive: number | null;
	horizonDays: number | null;
	riskLevel: string | null;
	lifecycleStage: string | null;
	churnCause: string | null;
}

/**
 * The top-level fields readCustomerRecord may look at: a node reading customers from a compact
 * base builds only these of each record (a test holds the list to the reader).
 */
export const RECORD_FIELDS: readonly string[] = [
	...CUSTOMER_ID_FIELDS,
	'modelInputs',
	'frequency',
	'recency',
	'T',
	'monetaryValue',
	'totalSpend',
	'avgOrderValue',
	'predictedClv',
	'historicClv',
	'expectedAvgOrderValue',
	'churnProbability',
	'pAlive',
	'analysisDate',
	'orders',
	'recencyDays',
	'tenureDays',
	'firstOrderAt',
	'lastOrderAt',
	'avgDaysBetweenOrders',
	'lastGapDays',
	'longestGaps',
	'signals',
	'trend',
	'rfm',
	'expectedOrders',
	'expectedOrdersIfActive',
	'horizonDays',
	'riskLevel',
	'lifecycleStage',
	'churnCause',
];

export interface RecordContext {
	/** The node's analysis day, for records without their own. */
	analysisDay: number;
	zone: TimeZone;
	/** Also read the first and last order's calendar days (the health report's cohorts need them). */
	orderDays?: boolean;
}

const objectOf = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const num = parseOptionalNumber;
const probabilityOrNull = (value: unknown) => {
	const n = num(value);
	return n !== null && n >= 0 && n <= 1 ? n : null;
};
const nonNegativeOrNull = (value: unknown) => {
	const n = num(value);
	return n !== null && n >= 0 ? n : null;
};
const positiveOrNull = (value: unknown) => {
	const n = num(value);
	return n !== null && n > 0 ? n : null;
};

function longestGapsOf(json: Record<string, unknown>, lastGapDays: number | null, recencyDays: number | null): GapRecord[] {
	// Read once: from a customer base, each read of a field builds its value again.
	const gaps = json.longestGaps;
	if (Array.isArray(gaps)) {
		return gaps.filter((g): g is GapRecord => typeof g === 'object' && g !== null && Number.isFinite((g as GapRecord).days) && Number.isFinite((g as GapRecord).endedDaysAgo));
	}
	return lastGapDays !== null && recencyDays !== null ? [{ days: lastGapDays, endedDaysAgo: recencyDays }] : [];
}

/** Reads a record, or says why it cannot be read (after "Item N"). */
export function readCustomerRecord(json: Record<string, unknown>, context: RecordContext): { record: CustomerRecord } | { error: string } {
	const customerId = customerIdOf(json);
	if (customerId === null) return { error: NO_CUSTOMER_ID };
	const inputs = objectOf(json.modelInputs);
	const fromInputs = (field: string) => num(inputs[field] ?? json[field]);
	const frequency = fromInputs('frequency');
	const recency = fromInputs('recency');
	const T = fromInputs('T');

	const amounts = allBounded({
		totalSpend: boundedAmount(json.totalSpend, 'totalSpend'),
		avgOrderValue: boundedAmount(json.avgOrderValue, 'avgOrderValue'),
		monetaryValue: boundedAmount(inputs.monetaryValue ?? json.monetaryValue, 'monetaryValue'),
		predictedClv: boundedAmount(json.predictedClv, 'predictedClv'),
		historicClv: boundedAmount(json.historicClv, 'historicClv'),
		expectedAvgOrderValue: boundedAmount(json.expectedAvgOrderValue, 'expectedAvgOrderValue'),
	});
	if ('error' in amounts) return { error: `(customer ${customerId}) ${amounts.error}` };
	const churnProbability = churnProbabilityOf(json);
	if (churnProbability !== null && !(churnProbability >= 0 && churnProbability <= 1)) {
		return { error: `(customer ${customerId}) has a churn probability of ${churnProbability}: it must lie between 0 and 1 (churnProbability, or pAlive)` };
	}

	const ownAnalysisDay = typeof json.analysisDate === 'string' ? dayOfIsoDateText(json.analysisDate) : null;
	// Customer Data writes the day it summarised as of; every node dates a record by it.
	const analysisDay = ownAnalysisDay ?? context.analysisDay;
	// Dates are read only when the day counts are missing: parsing them costs more than the rest.
	const dayOf = (value: unknown) => dayOfRecordDate(value, context.zone);
	const daysSince = (value: unknown) => {
		const day = dayOf(value);
		return day === null ? null : analysisDay - day;
	};
	const orders = num(json.orders);
	// A customer without orders has no last or first order, whatever a summary's zeros say.
	const recencyDays = orders === 0 ? null : (num(json.recencyDays) ?? (T !== null && recency !== null ? T - recency : daysSince(json.lastOrderAt)));
	const tenureDays = orders === 0 ? null : (num(json.tenureDays) ?? T ?? daysSince(json.firstOrderAt));
	const lastGapDays = num(json.lastGapDays);
	const signals = objectOf(json.signals);
	const trend = objectOf(json.trend);
	const rfm = objectOf(json.rfm);
	return {
		record: {
			customerId,
			analysisDay,
			ownAnalysisDay,
			orders,
			frequency,
			recency,
			T,
			recencyDays,
			tenureDays,
			firstOrderDay: context.orderDays ? (dayOf(json.firstOrderAt) ?? (tenureDays === null ? null : analysisDay - tenureDays)) : null,
			lastOrderDay: context.orderDays ? (dayOf(json.lastOrderAt) ?? (recencyDays === null ? null : analysisDay - recencyDays)) : null,
			avgGapDays: num(json.avgDaysBetweenOrders) ?? (frequency !== null && recency !== null && frequency > 0 ? recency / frequency : null),
			lastGapDays,
			longestGaps: longestGapsOf(json, lastGapDays, recencyDays),
			money: amounts.values,
			orderTrend: num(trend.orderTrend),
			spendTrend: num(trend.spendTrend),
			signals: {
				discountShare: num(signals.discountShare),
				discountedOrders: num(signals.discountedOrders),
				lastOrderDiscounted: signals.lastOrderDiscounted === true,
				returnRate: num(signals.returnRate),
				returnedOrders: num(signals.returnedOrders),
				complaints: num(signals.complaints),
				avgSatisfaction: num(signals.avgSatisfaction),
			},
			rfm: { segment: textOrNull(rfm.segment), r: num(rfm.r), f: num(rfm.f) },
			churnProbability,
			pAlive: probabilityOrNull(json.pAlive),
			expectedOrders: nonNegativeOrNull(json.expectedOrders),
			expectedOrdersIfActive: nonNegativeOrNull(json.expectedOrdersIfActive),
			horizonDays: positiveOrNull(json.horizonDays),
			riskLevel: textOrNull(json.riskLevel),
			lifecycleStage: textOrNull(json.lifecycleStage),
			churnCause: textOrNull(json.churnCause),
		},
	};
}
