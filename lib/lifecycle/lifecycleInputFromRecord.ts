import { customerIdOf, NO_CUSTOMER_ID } from '../customer/customerId';
import { churnProbabilityOf } from '../customer/churnProbability';
import { parseOptionalNumber } from '../values/cellValues';
import { GapRecord } from '../customer/customerSummary';
import { dayOfRecordDate } from '../values/parseDate';
import { TimeZone } from '../values/timeZone';
import { LifecycleInput } from './stageRules';
import { ALL_STAGES, Stage } from './stages';


/** The record gaps of a Customer Data record, else the last gap alone (it ended at the last order). */
function longestGapsOf(json: Record<string, unknown>, recencyDays: number | null): GapRecord[] {
	if (Array.isArray(json.longestGaps)) {
		return json.longestGaps.filter(
			(g): g is GapRecord => typeof g === 'object' && g !== null && Number.isFinite((g as GapRecord).days) && Number.isFinite((g as GapRecord).endedDaysAgo),
		);
	}
	const last = parseOptionalNumber(json.lastGapDays);
	return last !== null && recencyDays !== null ? [{ days: last, endedDaysAgo: recencyDays }] : [];
}

/** Reads a stage name written by us, a CRM, or a person ("At Risk", "at_risk", "atRisk"). */
export function parseStage(value: unknown): Stage | null {
	if (typeof value !== 'string') return null;
	const key = value.replace(/[\s_-]+/g, '').toLowerCase();
	return ALL_STAGES.find((s) => s.toLowerCase() === key) ?? null;
}

/**
 * What the stage rules need, from a Customer Data / Churn Risk item or a database summary
 * (orders, recencyDays or lastOrderAt, tenureDays or firstOrderAt). Returns why not, if unusable.
 */
export function lifecycleInputFromRecord(json: Record<string, unknown>, analysisDay: number, zone: TimeZone): { input: Omit<LifecycleInput, 'previousStage'> } | { error: string } {
	// Without an ID a stage cannot be remembered or joined back: refused, as every node does.
	if (customerIdOf(json) === null) return { error: NO_CUSTOMER_ID };
	const inputs = (typeof json.modelInputs === 'object' && json.modelInputs !== null ? json.modelInputs : {}) as Record<string, unknown>;
	const orders = parseOptionalNumber(json.orders) ?? (parseOptionalNumber(inputs.frequency) !== null ? (parseOptionalNumber(inputs.frequency) as number) + 1 : null);
	if (orders === null) return { error: 'needs the number of orders (field "orders"): connect it after Customer Data, or provide orders, recencyDays and tenureDays' };
	// Dates are read only when the day counts are missing: parsing them costs more than the rest.
	const daysSince = (iso: unknown) => {
		const day = dayOfRecordDate(iso, zone);
		return day !== null ? analysisDay - day : null;
	};
	const recencyDays = parseOptionalNumber(json.recencyDays) ?? daysSince(json.lastOrderAt);
	const tenureDays = parseOptionalNumber(json.tenureDays) ?? daysSince(json.firstOrderAt);
	if (orders > 0 && recencyDays === null) return { error: 'needs the days since the last order (recencyDays, or lastOrderAt)' };
	if (recencyDays !== null && recencyDays < 0) return { error: 'has a last order after the analysis date' };
	const repeatPurchases = parseOptionalNumber(inputs.frequency) ?? parseOptionalNumber(json.frequency) ?? Math.max(0, orders - 1);
	const recency = parseOptionalNumber(inputs.recency) ?? parseOptionalNumber(json.recency);
	const trend = (typeof json.trend === 'object' && json.trend !== null ? json.trend : {}) as Record<string, unknown>;
	const rfm = (typeof json.rfm === 'object' && json.rfm !== null ? json.rfm : {}) as Record<string, unknown>;
	return {
		input: {
			orders,
			recencyDays,
			tenureDays,
			repeatPurchases,
			avgGapDays: parseOptionalNumber(json.avgDaysBetweenOrders) ?? (recency !== null && repeatPurchases > 0 ? recency / repeatPurchases : null),
			lastGapDays: parseOptionalNumber(json.lastGapDays),
			longestGaps: longestGapsOf(json, recencyDays),
			orderTrend: parseOptionalNumber(trend.orderTrend),
			spendTrend: parseOptionalNumber(trend.spendTrend),
			churnProbability: churnProbabilityOf(json),
			rfmSegment: typeof rfm.segment === 'string' ? rfm.segment : null,
		},
	};
}
