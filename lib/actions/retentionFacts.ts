import { churnProbabilityOf } from '../customer/churnProbability';
import { customerIdOf, NO_CUSTOMER_ID } from '../customer/customerId';
import { allBounded, boundedAmount } from '../values/boundedNumbers';
import { consentOfRecord } from './consentOfRecord';
import { hasValue, parseOptionalNumber, textOrNull } from '../values/cellValues';
import { DateOrder, parseDate } from '../values/parseDate';
import { TimeZone } from '../values/timeZone';
import { CauseInput } from './churnCause';
import { Reach } from './contactPolicy';

/** What Retention Action reads about one customer, from a Customer Data / Churn Risk / Lifecycle Stage item. */
export interface RetentionFacts {
	customerId: string;
	name: string | null;
	reach: Reach;
	timezone: string | null;
	lastContactedAt: number | null;
	stage: string | null;
	riskLevel: string | null;
	segment: string | null;
	churnProbability: number;
	/** Predicted CLV, else spend so far: what keeping the customer is worth. */
	value: number;
	/** Expected spend of one order, for sizing a discount's cost. */
	orderValue: number;
	topProduct: string | null;
	categories: string[];
	cause: Omit<CauseInput, 'lastContactedDaysAgo'>;
}

const obj = (value: unknown): Record<string, unknown> => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
const num = (value: unknown) => parseOptionalNumber(value);

/** Reads an item; returns why not when it cannot be planned for. */
export function retentionFactsFromRecord(json: Record<string, unknown>, zone: TimeZone, dateOrder: DateOrder = 'ymd'): { facts: RetentionFacts } | { error: string } {
	const customerId = customerIdOf(json);
	if (customerId === null) return { error: NO_CUSTOMER_ID };
	const signals = obj(json.signals);
	const trend = obj(json.trend);
	const rfm = obj(json.rfm);
	const products = Array.isArray(json.products) ? (json.products as Array<Record<string, unknown>>) : [];
	const churnProbability = churnProbabilityOf(json);
	if (churnProbability === null || churnProbability < 0 || churnProbability > 1) {
		return { error: `(customer ${customerId}) needs a churn probability between 0 and 1 (churnProbability): connect it after Churn Risk` };
	}
	const amounts = allBounded({
		predictedClv: boundedAmount(json.predictedClv, 'predictedClv'),
		historicClv: boundedAmount(json.historicClv, 'historicClv'),
		totalSpend: boundedAmount(json.totalSpend, 'totalSpend'),
		expectedAvgOrderValue: boundedAmount(json.expectedAvgOrderValue, 'expectedAvgOrderValue'),
		avgOrderValue: boundedAmount(json.avgOrderValue, 'avgOrderValue'),
	});
	if ('error' in amounts) return { error: `(customer ${customerId}) ${amounts.error}` };
	const money = amounts.values;
	const orders = num(json.orders) ?? 0;
	// Read like every other date: a CRM's "2024-06-20 10:00" is wall-clock time in the zone.
	const contacted = hasValue(json.lastContactedAt) ? parseDate(json.lastContactedAt, dateOrder, zone) : null;
	// A contact date that cannot be read would let the caps contact the customer too soon.
	if (contacted && 'error' in contacted) return { error: `(customer ${customerId}) lastContactedAt ${contacted.error}: give it as a date and time (2024-06-30T10:00:00Z), or leave it empty` };
	const lastContactedAt = contacted ? contacted.ms : null;
	const firstName = textOrNull(json.firstName);
	const categories = [...new Set(products.map((p) => textOrNull(p.category)).filter((c): c is string => c !== null))].slice(0, 3);
	return {
		facts: {
			customerId,
			name: firstName ?? textOrNull(json.name),
			reach: {
				email: textOrNull(json.email),
				phone: textOrNull(json.phone),
				consent: consentOfRecord(json),
			},
			timezone: textOrNull(json.timezone),
			lastContactedAt,
			stage: textOrNull(json.lifecycleStage),
			riskLevel: textOrNull(json.riskLevel),
			segment: textOrNull(rfm.segment),
			churnProbability,
			value: Math.max(0, money.predictedClv ?? money.historicClv ?? money.totalSpend ?? 0),
			orderValue: Math.max(0, money.expectedAvgOrderValue ?? money.avgOrderValue ?? 0),
			topProduct: products.length ? textOrNull(products[0].productName) ?? textOrNull(products[0].productId) : null,
			categories,
			cause: {
				orders,
				recencyDays: num(json.recencyDays),
				tenureDays: num(json.tenureDays),
				avgGapDays: num(json.avgDaysBetweenOrders),
				lastGapDays: num(json.lastGapDays),
				discountShare: num(signals.discountShare) ?? 0,
				discountedOrders: num(signals.discountedOrders) ?? 0,
				lastOrderDiscounted: signals.lastOrderDiscounted === true,
				returnRate: num(signals.returnRate) ?? 0,
				returnedOrders: num(signals.returnedOrders) ?? 0,
				complaints: num(signals.complaints) ?? 0,
				avgSatisfaction: num(signals.avgSatisfaction),
				orderTrend: num(trend.orderTrend),
				spendTrend: num(trend.spendTrend),
				givenCause: textOrNull(json.churnCause),
			},
		},
	};
}
