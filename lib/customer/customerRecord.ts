import { amountProblem } from '../values/boundedNumbers';
import { parseOptionalNumber, textOrNull } from '../values/cellValues';
import { dayOfIsoDateText, dayOfRecordDate } from '../values/parseDate';
import { FieldPath, fieldPath, FieldSource, jsonFields } from '../values/fieldSource';
import { TimeZone } from '../values/timeZone';
import { CHURN_PROBABILITY_PATHS, churnProbabilityOf } from './churnProbability';
import { CUSTOMER_ID_PATHS, customerIdOfFields, NO_CUSTOMER_ID } from './customerId';
import { GapRecord } from './customerSummary';
import { PURCHASE_DATES_SEPARATOR } from './purchaseDays';

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
	/** The distinct purchase days, oldest first (only when asked for): from `purchaseDates`; null when the record has none. */
	purchaseDays: number[] | null;
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
	/** What Customer Data's events said (null without events). */
	engagement: { openTickets: number | null; latestNps: number | null; latestRating: number | null; reviewSentiment: number | null; recentVisits: number | null; usualVisits: number | null };
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

const path = fieldPath;
/** Every field the record reader reads, by path: it reads nothing else. */
const P = {
	modelInputs: { frequency: path('modelInputs', 'frequency'), recency: path('modelInputs', 'recency'), T: path('modelInputs', 'T'), monetaryValue: path('modelInputs', 'monetaryValue') },
	frequency: path('frequency'),
	recency: path('recency'),
	T: path('T'),
	monetaryValue: path('monetaryValue'),
	totalSpend: path('totalSpend'),
	avgOrderValue: path('avgOrderValue'),
	predictedClv: path('predictedClv'),
	historicClv: path('historicClv'),
	expectedAvgOrderValue: path('expectedAvgOrderValue'),
	pAlive: path('pAlive'),
	analysisDate: path('analysisDate'),
	orders: path('orders'),
	recencyDays: path('recencyDays'),
	tenureDays: path('tenureDays'),
	firstOrderAt: path('firstOrderAt'),
	lastOrderAt: path('lastOrderAt'),
	avgDaysBetweenOrders: path('avgDaysBetweenOrders'),
	lastGapDays: path('lastGapDays'),
	longestGaps: path('longestGaps'),
	purchaseDates: path('purchaseDates'),
	trend: { orderTrend: path('trend', 'orderTrend'), spendTrend: path('trend', 'spendTrend') },
	signals: {
		discountShare: path('signals', 'discountShare'),
		discountedOrders: path('signals', 'discountedOrders'),
		lastOrderDiscounted: path('signals', 'lastOrderDiscounted'),
		returnRate: path('signals', 'returnRate'),
		returnedOrders: path('signals', 'returnedOrders'),
		complaints: path('signals', 'complaints'),
		avgSatisfaction: path('signals', 'avgSatisfaction'),
	},
	rfm: { segment: path('rfm', 'segment'), r: path('rfm', 'r'), f: path('rfm', 'f') },
	engagement: {
		openTickets: path('engagement', 'openTickets'),
		latestNps: path('engagement', 'latestNps'),
		latestRating: path('engagement', 'latestRating'),
		reviewSentiment: path('engagement', 'reviewSentiment'),
		recentVisits: path('engagement', 'activity', 'recent'),
		usualVisits: path('engagement', 'activity', 'usual'),
	},
	expectedOrders: path('expectedOrders'),
	expectedOrdersIfActive: path('expectedOrdersIfActive'),
	horizonDays: path('horizonDays'),
	riskLevel: path('riskLevel'),
	lifecycleStage: path('lifecycleStage'),
	churnCause: path('churnCause'),
};

const pathsIn = (group: object): FieldPath[] => Object.values(group).flatMap((value: FieldPath | object) => ('names' in value ? [value as FieldPath] : pathsIn(value)));

/** Every path the record reader may read, with the ID's and the churn probability's. */
export const RECORD_PATHS: readonly FieldPath[] = [...new Set([...CUSTOMER_ID_PATHS, ...CHURN_PROBABILITY_PATHS, ...pathsIn(P)])];

/** The top-level fields of RECORD_PATHS: what a node builds of a customer of a base to read its record. */
export const RECORD_FIELDS: readonly string[] = [...new Set(RECORD_PATHS.map((p) => p.names[0]))];

export interface RecordContext {
	/** The node's analysis day, for records without their own. */
	analysisDay: number;
	zone: TimeZone;
	/** Also read the first and last order's calendar days (the health report's cohorts need them). */
	orderDays?: boolean;
	/** Also read every purchase day (a backtest needs them). */
	purchaseDays?: boolean;
}

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

function daysSince(fields: FieldSource, date: FieldPath, zone: TimeZone, analysisDay: number): number | null {
	const day = dayOfRecordDate(fields.get(date), zone);
	return day === null ? null : analysisDay - day;
}

/**
 * `purchaseDates` as day numbers, or why they cannot be used: each must be a date, oldest first,
 * and (when the record has frequency) one per purchase day, as Customer Data writes them.
 */
function purchaseDaysOf(fields: FieldSource, frequency: number | null): number[] | null | { error: string } {
	const text = fields.get(P.purchaseDates);
	if (text === undefined || text === null || text === '') return null;
	if (typeof text !== 'string') return { error: 'has purchaseDates that are not text: leave the field as Customer Data writes it (dates joined by commas)' };
	const days: number[] = [];
	for (const part of text.split(PURCHASE_DATES_SEPARATOR)) {
		const day = dayOfIsoDateText(part.trim());
		if (day === null) return { error: `has "${part.trim()}" in purchaseDates, which is not a date (YYYY-MM-DD)` };
		if (days.length > 0 && day <= days[days.length - 1]) return { error: 'has purchaseDates out of order or repeated: they must be distinct days, oldest first' };
		days.push(day);
	}
	if (frequency !== null && days.length !== frequency + 1) return { error: `has ${days.length} purchaseDates but frequency ${frequency}: there must be one date per purchase day (frequency + 1)` };
	return days;
}

function longestGapsOf(fields: FieldSource, lastGapDays: number | null, recencyDays: number | null): GapRecord[] {
	// Read once: from a customer base, each read of a field builds its value again.
	const gaps = fields.get(P.longestGaps);
	if (Array.isArray(gaps)) {
		return gaps.filter((g): g is GapRecord => typeof g === 'object' && g !== null && Number.isFinite((g as GapRecord).days) && Number.isFinite((g as GapRecord).endedDaysAgo));
	}
	return lastGapDays !== null && recencyDays !== null ? [{ days: lastGapDays, endedDaysAgo: recencyDays }] : [];
}

/** Reads a record, or says why it cannot be read (after "Item N"). */
export function readCustomerRecord(json: Record<string, unknown>, context: RecordContext): { record: CustomerRecord } | { error: string } {
	return readCustomerFields(jsonFields(json), context);
}

/** readCustomerRecord of a record's fields wherever they are (an item, a customer of a base). */
export function readCustomerFields(fields: FieldSource, context: RecordContext): { record: CustomerRecord } | { error: string } {
	// Written for a million customers a node: no closure or reading object per call.
	const customerId = customerIdOfFields(fields);
	if (customerId === null) return { error: NO_CUSTOMER_ID };
	const frequency = num(fields.get(P.modelInputs.frequency) ?? fields.get(P.frequency));
	const recency = num(fields.get(P.modelInputs.recency) ?? fields.get(P.recency));
	const T = num(fields.get(P.modelInputs.T) ?? fields.get(P.T));

	const totalSpend = fields.get(P.totalSpend);
	const avgOrderValue = fields.get(P.avgOrderValue);
	const monetaryValue = fields.get(P.modelInputs.monetaryValue) ?? fields.get(P.monetaryValue);
	const predictedClv = fields.get(P.predictedClv);
	const historicClv = fields.get(P.historicClv);
	const expectedAvgOrderValue = fields.get(P.expectedAvgOrderValue);
	// The first amount out of bounds is the error.
	const amountError =
		amountProblem(totalSpend, 'totalSpend') ??
		amountProblem(avgOrderValue, 'avgOrderValue') ??
		amountProblem(monetaryValue, 'monetaryValue') ??
		amountProblem(predictedClv, 'predictedClv') ??
		amountProblem(historicClv, 'historicClv') ??
		amountProblem(expectedAvgOrderValue, 'expectedAvgOrderValue');
	if (amountError !== null) return { error: `(customer ${customerId}) ${amountError}` };
	const money = {
		totalSpend: num(totalSpend),
		avgOrderValue: num(avgOrderValue),
		monetaryValue: num(monetaryValue),
		predictedClv: num(predictedClv),
		historicClv: num(historicClv),
		expectedAvgOrderValue: num(expectedAvgOrderValue),
	};
	const churnProbability = churnProbabilityOf(fields);
	if (churnProbability !== null && !(churnProbability >= 0 && churnProbability <= 1)) {
		return { error: `(customer ${customerId}) has a churn probability of ${churnProbability}: it must lie between 0 and 1 (churnProbability, or pAlive)` };
	}

	const analysisDate = fields.get(P.analysisDate);
	const ownAnalysisDay = typeof analysisDate === 'string' ? dayOfIsoDateText(analysisDate) : null;
	// Customer Data writes the day it summarised as of; every node dates a record by it.
	const analysisDay = ownAnalysisDay ?? context.analysisDay;
	const orders = num(fields.get(P.orders));
	// A customer without orders has no last or first order, whatever a summary's zeros say.
	// Dates are read only when the day counts are missing: parsing them costs more than the rest.
	const recencyDays = orders === 0 ? null : (num(fields.get(P.recencyDays)) ?? (T !== null && recency !== null ? T - recency : daysSince(fields, P.lastOrderAt, context.zone, analysisDay)));
	const tenureDays = orders === 0 ? null : (num(fields.get(P.tenureDays)) ?? T ?? daysSince(fields, P.firstOrderAt, context.zone, analysisDay));
	const lastGapDays = num(fields.get(P.lastGapDays));
	const purchaseDays = context.purchaseDays ? purchaseDaysOf(fields, frequency) : null;
	if (purchaseDays !== null && 'error' in purchaseDays) return { error: `(customer ${customerId}) ${purchaseDays.error}` };
	const { signals, trend, rfm } = P;
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
			firstOrderDay: context.orderDays ? (dayOfRecordDate(fields.get(P.firstOrderAt), context.zone) ?? (tenureDays === null ? null : analysisDay - tenureDays)) : null,
			lastOrderDay: context.orderDays ? (dayOfRecordDate(fields.get(P.lastOrderAt), context.zone) ?? (recencyDays === null ? null : analysisDay - recencyDays)) : null,
			purchaseDays,
			avgGapDays: num(fields.get(P.avgDaysBetweenOrders)) ?? (frequency !== null && recency !== null && frequency > 0 ? recency / frequency : null),
			lastGapDays,
			longestGaps: longestGapsOf(fields, lastGapDays, recencyDays),
			money,
			orderTrend: num(fields.get(trend.orderTrend)),
			spendTrend: num(fields.get(trend.spendTrend)),
			signals: {
				discountShare: num(fields.get(signals.discountShare)),
				discountedOrders: num(fields.get(signals.discountedOrders)),
				lastOrderDiscounted: fields.get(signals.lastOrderDiscounted) === true,
				returnRate: num(fields.get(signals.returnRate)),
				returnedOrders: num(fields.get(signals.returnedOrders)),
				complaints: num(fields.get(signals.complaints)),
				avgSatisfaction: num(fields.get(signals.avgSatisfaction)),
			},
			rfm: { segment: textOrNull(fields.get(rfm.segment)), r: num(fields.get(rfm.r)), f: num(fields.get(rfm.f)) },
			engagement: {
				openTickets: num(fields.get(P.engagement.openTickets)),
				latestNps: num(fields.get(P.engagement.latestNps)),
				latestRating: num(fields.get(P.engagement.latestRating)),
				reviewSentiment: num(fields.get(P.engagement.reviewSentiment)),
				recentVisits: num(fields.get(P.engagement.recentVisits)),
				usualVisits: num(fields.get(P.engagement.usualVisits)),
			},
			churnProbability,
			pAlive: probabilityOrNull(fields.get(P.pAlive)),
			expectedOrders: nonNegativeOrNull(fields.get(P.expectedOrders)),
			expectedOrdersIfActive: nonNegativeOrNull(fields.get(P.expectedOrdersIfActive)),
			horizonDays: positiveOrNull(fields.get(P.horizonDays)),
			riskLevel: textOrNull(fields.get(P.riskLevel)),
			lifecycleStage: textOrNull(fields.get(P.lifecycleStage)),
			churnCause: textOrNull(fields.get(P.churnCause)),
		},
	};
}
