import { CustomerRecord, readCustomerFields, RecordContext } from '../customer/customerRecord';
import { FieldSource, jsonFields } from '../values/fieldSource';
import { LifecycleInput } from './stageRules';
import { ALL_STAGES, Stage } from './stages';

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
export function lifecycleInputFromRecord(json: Record<string, unknown>, context: RecordContext): LifecycleReading {
	return lifecycleInputFromFields(jsonFields(json), context);
}

type LifecycleReading = { input: Omit<LifecycleInput, 'previousStage'>; customerId: string; analysisDay: number } | { error: string };

/** lifecycleInputFromRecord of a record's fields wherever they are (an item, a customer of a base). */
export function lifecycleInputFromFields(fields: FieldSource, context: RecordContext): LifecycleReading {
	// Without an ID a stage cannot be remembered or joined back: refused, as every node does.
	const read = readCustomerFields(fields, context);
	if ('error' in read) return read;
	const r = read.record;
	const who = `(customer ${r.customerId})`;
	const orders = ordersOf(r);
	if (orders === null) return { error: `${who} needs the number of orders (field "orders"): connect it after Customer Data, or provide orders, recencyDays and tenureDays` };
	if (orders > 0 && r.recencyDays === null) return { error: `${who} needs the days since the last order (recencyDays, or lastOrderAt)` };
	if (r.recencyDays !== null && r.recencyDays < 0) return { error: `${who} has a last order after the analysis date` };
	return {
		customerId: r.customerId,
		analysisDay: r.analysisDay,
		input: {
			orders,
			recencyDays: r.recencyDays,
			tenureDays: r.tenureDays,
			repeatPurchases: repeatPurchasesOf(r),
			avgGapDays: r.avgGapDays,
			lastGapDays: r.lastGapDays,
			longestGaps: r.longestGaps,
			orderTrend: r.orderTrend,
			spendTrend: r.spendTrend,
			churnProbability: r.churnProbability,
			rfmSegment: r.rfm.segment,
		},
	};
}

function ordersOf(r: CustomerRecord): number | null {
	return r.orders ?? (r.frequency !== null ? r.frequency + 1 : null);
}

/** Repeat purchases: with the mean gap between purchase days, what the population's usual gap is made of. */
function repeatPurchasesOf(r: CustomerRecord): number {
	return r.frequency ?? Math.max(0, (ordersOf(r) ?? 0) - 1);
}
