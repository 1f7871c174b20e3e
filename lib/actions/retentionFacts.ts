import { CustomerRecord, readCustomerFields, RecordContext } from '../customer/customerRecord';
import { fieldPath, FieldSource, jsonFields } from '../values/fieldSource';
import { consentFieldsAmong, consentOfFields } from './consentOfRecord';
import { hasValue, textOrNull } from '../values/cellValues';
import { DateOrder, parseDate } from '../values/parseDate';
import { CauseInput } from './churnCause';
import { Reach } from './contactPolicy';
import { ChurnOutlook } from './winBackValue';
import { isAtRisk } from './atRisk';

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
	/** The churn model's view: the base for the response and the value if won back. */
	outlook: ChurnOutlook;
	/** Expected spend of one order, for sizing a discount's cost. */
	orderValue: number;
	/** The name of the product they buy most, when the data name it. */
	topProduct: string | null;
	categories: string[];
	cause: CauseInput;
}

const FACT = {
	lastContactedAt: fieldPath('lastContactedAt'),
	products: fieldPath('products'),
	firstName: fieldPath('firstName'),
	name: fieldPath('name'),
	email: fieldPath('email'),
	phone: fieldPath('phone'),
	timezone: fieldPath('timezone'),
};

/** Reads an item; returns why not when it cannot be planned for. `consentFields`: see consentOfRecord. */
export function retentionFactsFromRecord(json: Record<string, unknown>, context: RecordContext, dateOrder: DateOrder = 'ymd', consentFields?: readonly string[]): { facts: RetentionFacts } | { error: string } {
	return retentionFactsFromFields(jsonFields(json), context, dateOrder, consentFields ?? consentFieldsAmong(Object.keys(json)));
}

/**
 * What every check of a customer needs and the churn model's outlook, which values them: the part
 * of the facts a first pass over a base reads (any reason a customer cannot be planned for is
 * found here, none later).
 */
export function retentionOutlookFromFields(fields: FieldSource, context: RecordContext, dateOrder: DateOrder): { record: CustomerRecord; lastContactedAt: number | null; outlook: ChurnOutlook } | { error: string } {
	const read = readCustomerFields(fields, context);
	if ('error' in read) return read;
	const r = read.record;
	const { customerId, money } = r;
	if (r.churnProbability === null) {
		return { error: `(customer ${customerId}) needs a churn probability between 0 and 1 (churnProbability): connect it after Churn Risk` };
	}
	// Read like every other date: a CRM's "2024-06-20 10:00" is wall-clock time in the zone.
	const lastContactedAt = fields.get(FACT.lastContactedAt);
	const contacted = hasValue(lastContactedAt) ? parseDate(lastContactedAt, dateOrder, context.zone) : null;
	// A contact date that cannot be read would let the caps contact the customer too soon.
	if (contacted && 'error' in contacted) return { error: `(customer ${customerId}) lastContactedAt ${contacted.error}: give it as a date and time (2024-06-30T10:00:00Z), or leave it empty` };
	const orderValue = Math.max(0, money.expectedAvgOrderValue ?? money.avgOrderValue ?? (money.totalSpend !== null && r.orders ? money.totalSpend / r.orders : 0));
	return {
		record: r,
		lastContactedAt: contacted ? contacted.ms : null,
		outlook: {
			pAlive: r.pAlive,
			churnProbability: r.churnProbability,
			expectedOrdersIfActive: r.expectedOrdersIfActive,
			expectedOrders: r.expectedOrders,
			horizonDays: r.horizonDays,
			avgGapDays: r.avgGapDays,
			orderValue,
		},
	};
}

/** retentionFactsFromRecord of a record's fields wherever they are (an item, a customer of a base). */
export function retentionFactsFromFields(fields: FieldSource, context: RecordContext, dateOrder: DateOrder, consentFields: readonly string[]): { facts: RetentionFacts } | { error: string } {
	const basics = retentionOutlookFromFields(fields, context, dateOrder);
	if ('error' in basics) return basics;
	const { record: r, outlook } = basics;
	const { customerId, signals } = r;
	const listed = fields.get(FACT.products);
	// The first three categories and the first product name the customer's products give.
	const categories: string[] = [];
	let topProduct: string | null = null;
	if (Array.isArray(listed)) {
		for (const product of listed as Array<Record<string, unknown>>) {
			const category = textOrNull(product.category);
			if (category !== null && categories.length < 3 && !categories.includes(category)) categories.push(category);
			topProduct ??= textOrNull(product.productName);
		}
	}
	return {
		facts: {
			customerId,
			name: textOrNull(fields.get(FACT.firstName)) ?? textOrNull(fields.get(FACT.name)),
			reach: {
				email: textOrNull(fields.get(FACT.email)),
				phone: textOrNull(fields.get(FACT.phone)),
				consent: consentOfFields(fields, consentFields),
			},
			timezone: textOrNull(fields.get(FACT.timezone)),
			lastContactedAt: basics.lastContactedAt,
			stage: r.lifecycleStage,
			riskLevel: r.riskLevel,
			segment: r.rfm.segment,
			churnProbability: outlook.churnProbability,
			outlook,
			orderValue: outlook.orderValue,
			// A name a customer recognises, never a bare product code (SKU-TEA-01): without one the message says "your favourites".
			topProduct,
			categories,
			cause: {
				atRisk: isAtRisk(r.lifecycleStage, r.riskLevel, outlook.churnProbability),
				orders: r.orders ?? 0,
				recencyDays: r.recencyDays,
				tenureDays: r.tenureDays,
				avgGapDays: r.avgGapDays,
				lastGapDays: r.lastGapDays,
				discountShare: signals.discountShare ?? 0,
				discountedOrders: signals.discountedOrders ?? 0,
				lastOrderDiscounted: signals.lastOrderDiscounted,
				returnRate: signals.returnRate ?? 0,
				returnedOrders: signals.returnedOrders ?? 0,
				complaints: signals.complaints ?? 0,
				avgSatisfaction: signals.avgSatisfaction,
				orderTrend: r.orderTrend,
				spendTrend: r.spendTrend,
				givenCause: r.churnCause,
				openTickets: r.engagement.openTickets ?? 0,
				latestNps: r.engagement.latestNps,
				latestRating: r.engagement.latestRating,
				reviewSentiment: r.engagement.reviewSentiment,
				recentVisits: r.engagement.recentVisits,
				usualVisits: r.engagement.usualVisits,
			},
		},
	};
}
