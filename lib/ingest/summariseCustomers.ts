import { CleanOrder } from './cleanOrders';
import { CustomerSignals, CustomerSummary } from './customerSummary';
import { dayNumberToIsoDate } from './parseDate';
import { roundMoney } from './parseMoney';

/** Contact and CRM fields: the value from the customer's latest order that has one wins. */
const CONTACT_FIELDS = [
	'email',
	'phone',
	'firstName',
	'lastName',
	'name',
	'currency',
	'consentEmail',
	'consentSms',
	'consentPush',
	'lastContactedAt',
	'timezone',
	'hubspotId',
	'salesforceId',
	'pipedriveId',
] as const;
type ContactField = (typeof CONTACT_FIELDS)[number];

interface CustomerState {
	id: string;
	contact: Partial<Record<ContactField, string | number | boolean>>;
	contactAt: Partial<Record<ContactField, number>>;
	discounted: number;
	returned: number;
	refunds: number;
	complaints: number;
	satisfactionSum: number;
	satisfactionCount: number;
	lastSatisfaction: number | null;
	lastSatisfactionAt: number;
	products: Set<string> | null;
	issues: string[] | null;
}

/** Growable typed column, so millions of orders cost a few bytes each. */
class Column<T extends Int32Array | Float64Array> {
	length = 0;
	constructor(public data: T) {}
	push(value: number): void {
		if (this.length === this.data.length) {
			const bigger = new (this.data.constructor as new (n: number) => T)(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}
}

/**
 * Accumulates clean orders and produces one summary per customer as of an analysis date,
 * following the buy-till-you-die conventions (MODELS.md): same-day purchases are one
 * transaction, frequency = distinct purchase days - 1, recency = first to last purchase,
 * T = first purchase to the analysis date, monetary value = mean of the repeat purchase days.
 */
export class CustomerSummariser {
	private readonly indexById = new Map<string, number>();
	private readonly customers: CustomerState[] = [];
	private readonly orderCustomer = new Column(new Int32Array(1024));
	private readonly orderDay = new Column(new Int32Array(1024));
	private readonly orderAt = new Column(new Float64Array(1024));
	private readonly orderAmount = new Column(new Float64Array(1024));
	/** 0 purchase, 1 purchase later returned, 2 refund line. */
	private readonly orderKind = new Column(new Int32Array(1024));

	add(order: CleanOrder): void {
		let index = this.indexById.get(order.customerId);
		if (index === undefined) {
			index = this.customers.length;
			this.indexById.set(order.customerId, index);
			this.customers.push({
				id: order.customerId,
				contact: {},
				contactAt: {},
				discounted: 0,
				returned: 0,
				refunds: 0,
				complaints: 0,
				satisfactionSum: 0,
				satisfactionCount: 0,
				lastSatisfaction: null,
				lastSatisfactionAt: -Infinity,
				products: null,
				issues: null,
			});
		}
		const state = this.customers[index];
		this.orderCustomer.push(index);
		this.orderDay.push(order.day);
		this.orderAt.push(order.orderAt);
		this.orderAmount.push(order.amount);
		this.orderKind.push(order.isRefund ? 2 : order.returned ? 1 : 0);

		if (order.currency !== null) this.remember(state, 'currency', order.currency, order.orderAt);
		if (order.isRefund) state.refunds++;
		else if (order.returned) state.returned++;
		const contact = order.contact;
		if (!contact) return;
		for (const field of CONTACT_FIELDS) {
			if (field === 'currency') continue;
			const value = contact[field];
			if (value !== null) this.remember(state, field, value, order.orderAt);
		}
		if (!order.isRefund && ((contact.discountAmount ?? 0) > 0 || contact.couponCode)) state.discounted++;
		if (contact.complaints) state.complaints += contact.complaints;
		if (contact.satisfaction !== null) {
			state.satisfactionSum += contact.satisfaction;
			state.satisfactionCount++;
			if (order.orderAt >= state.lastSatisfactionAt) {
				state.lastSatisfaction = contact.satisfaction;
				state.lastSatisfactionAt = order.orderAt;
			}
		}
		if (contact.productId) (state.products ??= new Set()).add(contact.productId);
		if (contact.issues.length) (state.issues ??= []).push(...contact.issues.map((i) => `row ${order.row}: ${i}`));
	}

	/** The value from the customer's latest order that has one wins. */
	private remember(state: CustomerState, field: ContactField, value: string | number | boolean, at: number): void {
		const seenAt = state.contactAt[field];
		if (seenAt === undefined || at >= seenAt) {
			state.contact[field] = value;
			state.contactAt[field] = at;
		}
	}

	get customerCount(): number {
		return this.customers.length;
	}

	/**
	 * One summary per customer with at least one purchase on or before the analysis day; orders
	 * after it are left out (that is how a calibration period is set).
	 */
	summarise(analysisDay: number, trendWindowDays = 90): { customers: CustomerSummary[]; ordersAfterAnalysisDate: number } {
		const n = this.orderCustomer.length;
		const customerOf = this.orderCustomer.data;
		const day = this.orderDay.data;
		const kind = this.orderKind.data;
		const amount = this.orderAmount.data;
		const at = this.orderAt.data;

		// Counting sort of order indices by customer, then by day within each customer.
		const start = new Int32Array(this.customers.length + 1);
		let ordersAfter = 0;
		for (let i = 0; i < n; i++) {
			if (day[i] > analysisDay) ordersAfter++;
			else start[customerOf[i] + 1]++;
		}
		for (let c = 0; c < this.customers.length; c++) start[c + 1] += start[c];
		const fill = start.slice(0, this.customers.length);
		const sorted = new Int32Array(n - ordersAfter);
		for (let i = 0; i < n; i++) if (day[i] <= analysisDay) sorted[fill[customerOf[i]]++] = i;

		const analysisDate = dayNumberToIsoDate(analysisDay);
		const result: CustomerSummary[] = [];
		for (let c = 0; c < this.customers.length; c++) {
			const from = start[c];
			const to = start[c + 1];
			if (to === from) continue;
			insertionSortBy(sorted, from, to, (i) => day[i] * 1e13 + at[i]);

			let orders = 0;
			let spend = 0;
			let firstAt = Infinity;
			let lastAt = -Infinity;
			let firstDay = Infinity;
			let lastDay = -Infinity;
			let firstOrderAmount = 0;
			let distinctDays = 0;
			let currentDay = NaN;
			let repeatDaySpend = 0;
			let previousDay = NaN;
			const trend = { recentOrders: 0, previousOrders: 0, recentSpend: 0, previousSpend: 0 };
			for (let k = from; k < to; k++) {
				const i = sorted[k];
				const value = amount[i];
				const age = analysisDay - day[i];
				const net = kind[i] === 0 ? value : kind[i] === 2 ? value : 0;
				if (age < trendWindowDays) trend.recentSpend += net;
				else if (age < 2 * trendWindowDays) trend.previousSpend += net;
				if (kind[i] === 2) {
					spend += value;
					continue;
				}
				if (age < trendWindowDays) trend.recentOrders++;
				else if (age < 2 * trendWindowDays) trend.previousOrders++;
				orders++;
				spend += kind[i] === 1 ? 0 : value;
				if (at[i] < firstAt) {
					firstAt = at[i];
					firstOrderAmount = kind[i] === 1 ? 0 : value;
				}
				if (at[i] > lastAt) lastAt = at[i];
				if (day[i] !== currentDay) {
					distinctDays++;
					previousDay = currentDay;
					currentDay = day[i];
					if (day[i] < firstDay) firstDay = day[i];
					lastDay = day[i];
				}
				if (distinctDays > 1) repeatDaySpend += value;
			}
			const state = this.customers[c];
			result.push(buildCustomerSummary(state.id, state.contact, signalsOf(state, orders), state.issues, {
				orders,
				spend,
				firstAt,
				lastAt,
				firstDay,
				lastDay,
				distinctDays,
				repeatDaySpend,
				firstOrderAmount,
				analysisDay,
				analysisDate,
				lastGapDays: distinctDays > 1 ? currentDay - previousDay : null,
				trend: { windowDays: trendWindowDays, ...trend },
			}));
		}
		return { customers: result, ordersAfterAnalysisDate: ordersAfter };
	}
}

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
	/** Orders and spend per window; null when only a pre-aggregated summary is known. */
	trend: { windowDays: number; recentOrders: number; previousOrders: number; recentSpend: number; previousSpend: number } | null;
}

/** (recent - previous) / mean of the two: bounded in [-2, 2], and 0 when both are 0. */
export function symmetricChange(recent: number, previous: number): number {
	const mean = (Math.abs(recent) + Math.abs(previous)) / 2;
	return mean === 0 ? 0 : Math.round(((recent - previous) / mean) * 1000) / 1000;
}

export type ContactValues = Partial<Record<ContactField, string | number | boolean | null>>;

function signalsOf(state: CustomerState, orders: number): CustomerSignals {
	return {
		discountedOrders: state.discounted,
		discountShare: orders > 0 ? state.discounted / orders : 0,
		returnedOrders: state.returned,
		returnRate: orders > 0 ? state.returned / orders : 0,
		refunds: state.refunds,
		complaints: state.complaints,
		avgSatisfaction: state.satisfactionCount ? state.satisfactionSum / state.satisfactionCount : null,
		lastSatisfaction: state.lastSatisfaction,
		distinctProducts: state.products?.size ?? 0,
	};
}

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
	const text = (field: ContactField) => (c[field] === undefined || c[field] === null ? null : String(c[field]));
	const flag = (field: ContactField) => (typeof c[field] === 'boolean' ? (c[field] as boolean) : null);
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
		firstOrderAt: hasOrders ? new Date(t.firstAt).toISOString() : null,
		lastOrderAt: hasOrders ? new Date(t.lastAt).toISOString() : null,
		recencyDays: hasOrders ? t.analysisDay - t.lastDay : null,
		tenureDays: hasOrders ? t.analysisDay - t.firstDay : null,
		totalSpend: roundMoney(t.spend),
		avgOrderValue: hasOrders ? roundMoney(t.spend / t.orders) : null,
		avgRepeatOrderValue: t.orders > 1 ? roundMoney((t.spend - t.firstOrderAmount) / (t.orders - 1)) : null,
		avgDaysBetweenOrders: frequency > 0 ? (t.lastDay - t.firstDay) / frequency : null,
		lastGapDays: t.lastGapDays,
		trend: t.trend
			? {
					...t.trend,
					recentSpend: roundMoney(t.trend.recentSpend),
					previousSpend: roundMoney(t.trend.previousSpend),
					orderTrend: symmetricChange(t.trend.recentOrders, t.trend.previousOrders),
					spendTrend: symmetricChange(t.trend.recentSpend, t.trend.previousSpend),
				}
			: null,
		signals,
		modelInputs: {
			frequency,
			recency: hasOrders ? t.lastDay - t.firstDay : 0,
			T: hasOrders ? t.analysisDay - t.firstDay : 0,
			monetaryValue: frequency > 0 ? t.repeatDaySpend / frequency : 0,
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

/** Customers have a handful of orders each: insertion sort beats a general sort's overhead. */
function insertionSortBy(values: Int32Array, from: number, to: number, key: (i: number) => number): void {
	for (let k = from + 1; k < to; k++) {
		const v = values[k];
		const kv = key(v);
		let j = k - 1;
		while (j >= from && key(values[j]) > kv) {
			values[j + 1] = values[j];
			j--;
		}
		values[j + 1] = v;
	}
}
