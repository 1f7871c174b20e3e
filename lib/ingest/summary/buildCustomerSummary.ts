import { instantToIso } from '../../values/parseDate';
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

/** The one place a CustomerSummary is assembled, from orders or from a pre-aggregated row. */
export function buildCustomerSummary(
	customerId: string,
	c: ContactValues,
	signals: CustomerSignals,
	issues: string[] | null,
	t: SummaryTotals,
): CustomerSummary {
	const hasOrders = t.orders > 0;
	const frequency = Math.max(0, t.distinctDays - 1);
	const text = (field: KeptField) => (c[field] === undefined || c[field] === null ? null : String(c[field]));
	const flag = (field: KeptField) => (typeof c[field] === 'boolean' ? (c[field] as boolean) : null);
	const crmIds: CustomerSummary['crmIds'] = {};
	if (text('hubspotId')) crmIds.hubspot = text('hubspotId') as string;
	if (text('salesforceId')) crmIds.salesforce = text('salesforceId') as string;
	if (text('pipedriveId')) crmIds.pipedrive = text('pipedriveId') as string;
	const summary: CustomerSummary = {
		customerId,
		email: text('email'),
		phone: text('phone'),
		firstName: text('firstName'),
		lastName: text('lastName'),
		name: text('name') ?? joinName(text('firstName'), text('lastName')),
		crmIds,
		consent: { email: flag('consentEmail'), sms: flag('consentSms'), push: flag('consentPush') },
		timezone: text('timezone'),
		lastContactedAt: typeof c.lastContactedAt === 'number' ? new Date(c.lastContactedAt).toISOString() : null,
		currency: text('currency'),
		orders: t.orders,
		repeatOrders: Math.max(0, t.orders - 1),
		firstOrderAt: hasOrders ? instantToIso(t.firstAt) : null,
		lastOrderAt: hasOrders ? instantToIso(t.lastAt) : null,
		recencyDays: hasOrders ? t.analysisDay - t.lastDay : null,
		tenureDays: hasOrders ? t.analysisDay - t.firstDay : null,
		totalSpend: roundMoney(t.spend),
		avgOrderValue: hasOrders ? roundMoney(t.spend / t.orders) : null,
		avgRepeatOrderValue: t.orders > 1 ? roundMoney((t.spend - t.firstOrderAmount) / (t.orders - 1)) : null,
		avgDaysBetweenOrders: frequency > 0 ? (t.lastDay - t.firstDay) / frequency : null,
		lastGapDays: t.lastGapDays,
		longestGaps: t.longestGaps,
		trend: t.trend
			? {
					windowDays: t.trend.windowDays,
					recentOrders: t.trend.recentOrders,
					previousOrders: t.trend.previousOrders,
					recentSpend: roundMoney(t.trend.recentSpend),
					previousSpend: roundMoney(t.trend.previousSpend),
					orderTrend: symmetricChange(t.trend.recentOrders, t.trend.previousOrders),
					spendTrend: symmetricChange(t.trend.recentSpend, t.trend.previousSpend),
				}
			: null,
		signals,
		products: t.products,
		modelInputs: {
			frequency,
			recency: hasOrders ? t.lastDay - t.firstDay : 0,
			T: hasOrders ? t.analysisDay - t.firstDay : 0,
			// Net of returns and refunds, like totalSpend; refunds larger than the repeat purchases
			// leave nothing to model, not a negative spend.
			monetaryValue: frequency > 0 ? Math.max(0, t.repeatDaySpend) / frequency : 0,
		},
		analysisDate: t.analysisDate,
	};
	if (issues && issues.length) summary.dataIssues = issues;
	return summary;
}

function joinName(first: string | null, last: string | null): string | null {
	const name = [first, last].filter(Boolean).join(' ');
	return name === '' ? null : name;
}
