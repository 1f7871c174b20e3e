import { customerIdOf, NO_CUSTOMER_ID } from '../customer/customerId';
import { parseOptionalNumber } from '../values/cellValues';
import { analysisDayOfRecord } from '../customer/recordShape';
import { allBounded, boundedAmount } from '../values/boundedNumbers';
import { invalidHistory } from './customerHistory';
import { ModelCustomer } from './churnModel';

/**
 * Reads a customer record into what the churn models need. Two shapes are accepted:
 * - a Customer Data summary (it carries `modelInputs`);
 * - a summary from a database with, in days: `customerId`, `frequency` (repeat purchase days),
 *   `recency` (first to last purchase), `T` (first purchase to the analysis date), and optionally
 *   `monetaryValue` (mean repeat spend), `orders`, `totalSpend`, `avgOrderValue`.
 * Returns the reason when the record cannot be used.
 */
export type RecordReading = { customer: ModelCustomer } | { noOrders: true; customerId: string } | { error: string };

export function modelCustomerFromRecord(json: Record<string, unknown>, fallbackAnalysisDay: number): RecordReading {
	const customerId = customerIdOf(json);
	if (customerId === null) return { error: NO_CUSTOMER_ID };
	const inputs = (typeof json.modelInputs === 'object' && json.modelInputs !== null ? json.modelInputs : json) as Record<string, unknown>;
	const orders = parseOptionalNumber(json.orders);
	if (orders === 0) return { noOrders: true, customerId };

	const x = parseOptionalNumber(inputs.frequency);
	const tx = parseOptionalNumber(inputs.recency);
	const T = parseOptionalNumber(inputs.T);
	if (x === null || tx === null || T === null) {
		return { error: `(customer ${customerId}) needs frequency, recency and T in days: connect it after Customer Data, or provide those fields` };
	}
	const history = { x, tx, T };
	const invalid = invalidHistory(history);
	if (invalid) return { error: `(customer ${customerId}): ${invalid}` };

	const amounts = allBounded({
		monetaryValue: boundedAmount(inputs.monetaryValue, 'monetaryValue'),
		totalSpend: boundedAmount(json.totalSpend, 'totalSpend'),
		avgOrderValue: boundedAmount(json.avgOrderValue, 'avgOrderValue'),
	});
	if ('error' in amounts) return { error: `(customer ${customerId}) ${amounts.error}` };
	const monetaryValue = amounts.values.monetaryValue ?? 0;
	const orderCount = orders ?? x + 1;
	const totalSpend = amounts.values.totalSpend ?? monetaryValue * orderCount;
	const avgOrderValue = amounts.values.avgOrderValue ?? (orderCount > 0 ? totalSpend / orderCount : 0);
	const analysisDay = analysisDayOfRecord(json, fallbackAnalysisDay);
	return {
		customer: {
			customerId,
			recencyDays: parseOptionalNumber(json.recencyDays) ?? T - tx,
			orders: orderCount,
			totalSpend,
			avgOrderValue,
			history,
			spend: { x, m: monetaryValue },
			ownGapDays: parseOptionalNumber(json.avgDaysBetweenOrders) ?? (x > 0 ? tx / x : null),
			analysisDay,
		},
	};
}
