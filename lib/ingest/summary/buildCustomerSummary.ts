import { ObjectSink, RecordSink } from '../../values/recordSink';
import { CustomerSignals, CustomerSummary, GapRecord, ProductCount } from '../../customer/customerSummary';
import { roundMoney } from '../../values/parseMoney';
import { CONTACT_FIELDS, ContactField } from '../../customer/fieldCatalog';

/** The fields a summary keeps per customer, latest value winning: the contact and CRM fields, and the currency. */
export type KeptField = ContactField | 'currency';
export const KEPT_FIELDS: readonly KeptField[] = [...CONTACT_FIELDS, 'currency'];

export interface SummaryTotals {
	orders: number;
	spend: number;
	firstAt: number;
	lastAt: number;
	firstDay: number;
	lastDay: number;
	/** Distinct purchase days; pre-aggregated summaries assume one order per day. */
	distinctDays: number;
	repeatDaySpend: number;
	firstOrderAmount: number;
	analysisDay: number;
	analysisDate: string;
	lastGapDays: number | null;
	longestGaps: GapRecord[];
	products: ProductCount[] | null;
	/** Orders and spend per window; null when only a pre-aggregated summary is known. */
	trend: { windowDays: number; recentOrders: number; previousOrders: number; recentSpend: number; previousSpend: number } | null;
}

/** (recent - previous) / mean of the two: bounded in [-2, 2], and 0 when both are 0. */
function symmetricChange(recent: number, previous: number): number {
	const mean = (Math.abs(recent) + Math.abs(previous)) / 2;
	return mean === 0 ? 0 : Math.round(((recent - previous) / mean) * 1000) / 1000;
}

export type ContactValues = Partial<Record<KeptField, string | number | boolean | null>>;

/** A CustomerSummary as an object (an item's, or a pre-aggregated row's). */
export function buildCustomerSummary(customerId: string, c: ContactValues, signals: CustomerSignals, issues: string[] | null, t: SummaryTotals): CustomerSummary {
	const sink = new ObjectSink<CustomerSummary>();
	describeCustomerSummary(sink, customerId, c, signals, issues, t);
	return sink.record;
}

/**
 * The one place a CustomerSummary is described, field by field in its order: into an object
 * (buildCustomerSummary) or straight into a base layer's columns.
 */
export function describeCustomerSummary(sink: RecordSink<CustomerSummary>, customerId: string, c: ContactValues, signals: CustomerSignals, issues: string[] | null, t: SummaryTotals): void {
	const hasOrders = t.orders > 0;
	const frequency = Math.max(0, t.distinctDays - 1);
	const text = (field: KeptField) => (c[field] === undefined || c[field] === null ? null : String(c[field]));
	const flag = (field: KeptField) => (typeof c[field] === 'boolean' ? (c[field] as boolean) : null);
	sink.field('customerId', customerId);
	sink.field('email', text('email'));
	sink.field('phone', text('phone'));
	sink.field('firstName', text('firstName'));
	sink.field('lastName', text('lastName'));
	sink.field('name', text('name') ?? joinName(text('firstName'), text('lastName')));
	const crmIds = sink.open('crmIds');
	if (text('hubspotId')) crmIds.field('hubspot', text('hubspotId') as string);
	if (text('salesforceId')) crmIds.field('salesforce', text('salesforceId') as string);
	if (text('pipedriveId')) crmIds.field('pipedrive', text('pipedriveId') as string);
	sink.close();
	const consent = sink.open('consent');
	consent.field('email', flag('consentEmail'));
	consent.field('sms', flag('consentSms'));
	consent.field('push', flag('consentPush'));
	sink.close();
	sink.field('timezone', text('timezone'));
	if (typeof c.lastContactedAt === 'number') sink.instant('lastContactedAt', c.lastContactedAt);
	else sink.field('lastContactedAt', null);
	sink.field('currency', text('currency'));
	sink.field('orders', t.orders);
	sink.field('repeatOrders', Math.max(0, t.orders - 1));
	if (hasOrders) sink.instant('firstOrderAt', t.firstAt);
	else sink.field('firstOrderAt', null);
	if (hasOrders) sink.instant('lastOrderAt', t.lastAt);
	else sink.field('lastOrderAt', null);
	sink.field('recencyDays', hasOrders ? t.analysisDay - t.lastDay : null);
	sink.field('tenureDays', hasOrders ? t.analysisDay - t.firstDay : null);
	sink.field('totalSpend', roundMoney(t.spend));
	sink.field('avgOrderValue', hasOrders ? roundMoney(t.spend / t.orders) : null);
	sink.field('avgRepeatOrderValue', t.orders > 1 ? roundMoney((t.spend - t.firstOrderAmount) / (t.orders - 1)) : null);
	sink.field('avgDaysBetweenOrders', frequency > 0 ? (t.lastDay - t.firstDay) / frequency : null);
	sink.field('lastGapDays', t.lastGapDays);
	sink.field('longestGaps', t.longestGaps);
	if (t.trend) {
		const trend = sink.open('trend');
		trend.field('windowDays', t.trend.windowDays);
		trend.field('recentOrders', t.trend.recentOrders);
		trend.field('previousOrders', t.trend.previousOrders);
		trend.field('recentSpend', roundMoney(t.trend.recentSpend));
		trend.field('previousSpend', roundMoney(t.trend.previousSpend));
		trend.field('orderTrend', symmetricChange(t.trend.recentOrders, t.trend.previousOrders));
		trend.field('spendTrend', symmetricChange(t.trend.recentSpend, t.trend.previousSpend));
		sink.close();
	} else sink.field('trend', null);
	sink.field('signals', signals);
	sink.field('products', t.products);
	const model = sink.open('modelInputs');
	model.field('frequency', frequency);
	model.field('recency', hasOrders ? t.lastDay - t.firstDay : 0);
	model.field('T', hasOrders ? t.analysisDay - t.firstDay : 0);
	// Net of returns and refunds, like totalSpend; refunds larger than the repeat purchases
	// leave nothing to model, not a negative spend.
	model.field('monetaryValue', frequency > 0 ? Math.max(0, t.repeatDaySpend) / frequency : 0);
	sink.close();
	sink.field('analysisDate', t.analysisDate);
	if (issues && issues.length) sink.field('dataIssues', issues);
}

function joinName(first: string | null, last: string | null): string | null {
	const name = [first, last].filter(Boolean).join(' ');
	return name === '' ? null : name;
}
