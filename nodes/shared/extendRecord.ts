import type { IDataObject } from 'n8n-workflow';
import { CUSTOMER_SUMMARY_FIELDS } from '../../lib/ingest/customerSummary';

/*
 * How Churn Risk and Lifecycle Stage build their output records: a copy of the input record
 * with their fields added. `{ ...json, ...added }` is the natural way to write that, and V8 runs
 * it on a slow generic path: about 30 µs per Customer Data record, 3 s of a 100k-customer
 * workflow (measured while working on `npm run bench`). Copying a record's known fields with one
 * object literal, then storing the rest one by one, takes 1-3 µs and keeps the objects compact
 * (fast properties, one shared hidden class), which also shortens garbage collection. The
 * result is the same as the spread's, field order included.
 */

const SUMMARY_FIELDS: readonly string[] = CUSTOMER_SUMMARY_FIELDS;

/** Whether the record starts with the Customer Data fields, in their order. */
function startsLikeSummary(json: IDataObject): boolean {
	let k = 0;
	for (const key in json) {
		if (key !== SUMMARY_FIELDS[k]) return false;
		if (++k === SUMMARY_FIELDS.length) return true;
	}
	return false;
}

/**
 * One object literal with the fields in CUSTOMER_SUMMARY_FIELDS order (checked by a test). Its
 * type makes the compiler name any field of the list that the literal misses.
 */
function copySummaryFields(json: IDataObject): IDataObject {
	const copy: Record<(typeof CUSTOMER_SUMMARY_FIELDS)[number], unknown> = {
		customerId: json.customerId,
		email: json.email,
		phone: json.phone,
		firstName: json.firstName,
		lastName: json.lastName,
		name: json.name,
		crmIds: json.crmIds,
		consent: json.consent,
		timezone: json.timezone,
		lastContactedAt: json.lastContactedAt,
		currency: json.currency,
		orders: json.orders,
		repeatOrders: json.repeatOrders,
		firstOrderAt: json.firstOrderAt,
		lastOrderAt: json.lastOrderAt,
		recencyDays: json.recencyDays,
		tenureDays: json.tenureDays,
		totalSpend: json.totalSpend,
		avgOrderValue: json.avgOrderValue,
		avgRepeatOrderValue: json.avgRepeatOrderValue,
		avgDaysBetweenOrders: json.avgDaysBetweenOrders,
		lastGapDays: json.lastGapDays,
		longestGaps: json.longestGaps,
		trend: json.trend,
		signals: json.signals,
		products: json.products,
		modelInputs: json.modelInputs,
		analysisDate: json.analysisDate,
	};
	return copy as IDataObject;
}

/** `{ ...json, ...added[0], ...added[1] }`, built the fast way. */
export function extendRecord(json: IDataObject, ...added: object[]): IDataObject {
	const summary = startsLikeSummary(json);
	const out: IDataObject = summary ? copySummaryFields(json) : {};
	let k = 0;
	for (const key in json) {
		if (summary && k++ < SUMMARY_FIELDS.length) continue;
		out[key] = json[key];
	}
	for (const fields of added) for (const key in fields) out[key] = (fields as IDataObject)[key];
	return out;
}
