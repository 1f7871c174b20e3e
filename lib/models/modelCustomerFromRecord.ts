import { readCustomerFields, RecordContext } from '../customer/customerRecord';
import { FieldSource, jsonFields } from '../values/fieldSource';
import { invalidHistory } from './customerHistory';
import { ModelCustomer } from './churnModel';

/**
 * What the churn models need of a customer record. Two shapes are accepted:
 * - a Customer Data summary (it carries `modelInputs`);
 * - a summary from a database with, in days: `customerId`, `frequency` (repeat purchase days),
 *   `recency` (first to last purchase), `T` (first purchase to the analysis date), and optionally
 *   `monetaryValue` (mean repeat spend), `orders`, `totalSpend`, `avgOrderValue`.
 * Returns the reason when the record cannot be used.
 */
export type RecordReading = { customer: ModelCustomer } | { noOrders: true; customerId: string } | { error: string };

export function modelCustomerFromRecord(json: Record<string, unknown>, context: RecordContext): RecordReading {
	return modelCustomerFromFields(jsonFields(json), context);
}

/** modelCustomerFromRecord of a record's fields wherever they are (an item, a customer of a base). */
export function modelCustomerFromFields(fields: FieldSource, context: RecordContext): RecordReading {
	const read = readCustomerFields(fields, context);
	if ('error' in read) return read;
	const { customerId, orders, frequency: x, recency: tx, T, money } = read.record;
	if (orders === 0) return { noOrders: true, customerId };
	if (x === null || tx === null || T === null) {
		return { error: `(customer ${customerId}) needs frequency, recency and T in days: connect it after Customer Data, or provide those fields` };
	}
	const history = { x, tx, T };
	const invalid = invalidHistory(history);
	if (invalid) return { error: `(customer ${customerId}): ${invalid}` };

	const monetaryValue = money.monetaryValue ?? 0;
	const orderCount = orders ?? x + 1;
	const totalSpend = money.totalSpend ?? monetaryValue * orderCount;
	return {
		customer: {
			customerId,
			recencyDays: read.record.recencyDays ?? T - tx,
			orders: orderCount,
			totalSpend,
			avgOrderValue: money.avgOrderValue ?? (orderCount > 0 ? totalSpend / orderCount : 0),
			history,
			spend: { x, m: monetaryValue },
			ownGapDays: read.record.avgGapDays,
			analysisDay: read.record.analysisDay,
			purchaseDays: read.record.purchaseDays,
		},
	};
}
