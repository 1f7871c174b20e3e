import { ByteKeyTable } from './byteKeyTable';
import { CleanOrder } from './cleanOrders';
import { buildCustomerSummary, CONTACT_FIELDS, ContactField } from './buildCustomerSummary';
import { CustomerSignals, CustomerSummary } from './customerSummary';
import { dayNumberToIsoDate } from './parseDate';

/** What a customer has beyond their orders; created on first need, so most customers have none. */
interface CustomerState {
	/** Created on the first contact value. */
	contact: Partial<Record<ContactField, string | number | boolean>> | null;
	contactAt: Partial<Record<ContactField, number>> | null;
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

function emptyState(): CustomerState {
	return {
		contact: null,
		contactAt: null,
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
	};
}

/**
 * Growable typed columns, so millions of orders cost a few bytes each. One class per element
 * type: a single generic class sees both array kinds at its push site, which keeps that site
 * polymorphic (its push showed as a tenth of the parse time in a profile at a million customers).
 */
class IntColumn {
	length = 0;
	data = new Int32Array(1024);
	push(value: number): void {
		if (this.length === this.data.length) {
			const bigger = new Int32Array(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}
}

class FloatColumn {
	length = 0;
	data = new Float64Array(1024);
	push(value: number): void {
		if (this.length === this.data.length) {
			const bigger = new Float64Array(this.data.length * 2);
			bigger.set(this.data);
			this.data = bigger;
		}
		this.data[this.length++] = value;
	}
}

/** Per-customer totals, one row per customer, as typed columns. */
export interface SummaryColumns {
	rows: number;
	analysisDay: number;
	trendWindowDays: number;
	ordersAfterAnalysisDate: number;
	/** Index of the customer's accumulated state (for id and contact fields). */
	customer: Int32Array;
	orders: Int32Array;
	spend: Float64Array;
	firstAt: Float64Array;
	lastAt: Float64Array;
	firstDay: Int32Array;
	lastDay: Int32Array;
	distinctDays: Int32Array;
	repeatDaySpend: Float64Array;
	firstOrderAmount: Float64Array;
	/** -1 when the customer bought on one day only. */
	lastGapDays: Int32Array;
	recentOrders: Int32Array;
	previousOrders: Int32Array;
	recentSpend: Float64Array;
	previousSpend: Float64Array;
}

function emptyColumns(rows: number, analysisDay: number, trendWindowDays: number, ordersAfterAnalysisDate: number): SummaryColumns {
	const ints = () => new Int32Array(rows);
	const floats = () => new Float64Array(rows);
	return {
		rows,
		analysisDay,
		trendWindowDays,
		ordersAfterAnalysisDate,
		customer: ints(),
		orders: ints(),
		spend: floats(),
		firstAt: floats(),
		lastAt: floats(),
		firstDay: ints(),
		lastDay: ints(),
		distinctDays: ints(),
		repeatDaySpend: floats(),
		firstOrderAmount: floats(),
		lastGapDays: ints(),
		recentOrders: ints(),
		previousOrders: ints(),
		recentSpend: floats(),
		previousSpend: floats(),
	};
}

/**
 * Accumulates clean orders and produces one summary per customer as of an analysis date,
 * following the buy-till-you-die conventions (MODELS.md): same-day purchases are one
 * transaction, frequency = distinct purchase days - 1, recency = first to last purchase,
 * T = first purchase to the analysis date, monetary value = mean of the repeat purchase days.
 */
export class CustomerSummariser {
	/** Customer IDs, interned: a customer's index is its position here. */
	readonly ids = new ByteKeyTable({ numericKeys: true });
	private readonly states: Array<CustomerState | undefined> = [];
	/** The input item the customer's first order came from; more are kept in extraSources. */
	private readonly firstSource = new IntColumn();
	private readonly extraSources = new Map<number, number[]>();
	private readonly orderCustomer = new IntColumn();
	private readonly orderDay = new IntColumn();
	private readonly orderAt = new FloatColumn();
	private readonly orderAmount = new FloatColumn();
	/** 0 purchase, 1 purchase later returned, 2 refund line. */
	private readonly orderKind = new IntColumn();

	/**
	 * One order of the customer with this index (from `ids`): the path for orders read straight
	 * from bytes, which have no contact fields, currency or return flag.
	 */
	addOrder(customer: number, day: number, at: number, amount: number, sourceItem: number): void {
		if (customer === this.firstSource.length) this.firstSource.push(sourceItem);
		else if (this.firstSource.data[customer] !== sourceItem) this.noteSource(customer, sourceItem);
		this.orderCustomer.push(customer);
		this.orderDay.push(day);
		this.orderAt.push(at);
		this.orderAmount.push(amount);
		if (amount < 0) {
			this.orderKind.push(2);
			this.stateOf(customer).refunds++;
		} else this.orderKind.push(0);
	}

	add(order: CleanOrder): void {
		const index = this.ids.internString(order.customerId);
		if (order.returned && !order.isRefund) {
			// addOrder knows refunds by their sign; a returned purchase is marked here.
			this.addOrder(index, order.day, order.orderAt, order.amount, order.sourceItem);
			this.orderKind.data[this.orderKind.length - 1] = 1;
			this.stateOf(index).returned++;
		} else this.addOrder(index, order.day, order.orderAt, order.amount, order.sourceItem);

		if (order.currency !== null) this.remember(this.stateOf(index), 'currency', order.currency, order.orderAt);
		const contact = order.contact;
		if (!contact) return;
		const state = this.stateOf(index);
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

	private stateOf(customer: number): CustomerState {
		return (this.states[customer] ??= emptyState());
	}

	private noteSource(customer: number, sourceItem: number): void {
		const extra = this.extraSources.get(customer);
		if (!extra) this.extraSources.set(customer, [sourceItem]);
		else if (!extra.includes(sourceItem)) extra.push(sourceItem);
	}

	/** The value from the customer's latest order that has one wins. */
	private remember(state: CustomerState, field: ContactField, value: string | number | boolean, at: number): void {
		const contact = (state.contact ??= {});
		const contactAt = (state.contactAt ??= {});
		const seenAt = contactAt[field];
		if (seenAt === undefined || at >= seenAt) {
			contact[field] = value;
			contactAt[field] = at;
		}
	}

	/**
	 * The per-customer totals as columns, one row per customer with at least one order or
	 * refund on or before the analysis day; orders after it are left out (that is how a
	 * calibration period is set). The engine works on these; objects are built only for output.
	 */
	summariseColumns(analysisDay: number, trendWindowDays = 90): SummaryColumns {
		const n = this.orderCustomer.length;
		const customerOf = this.orderCustomer.data;
		const day = this.orderDay.data;
		const kind = this.orderKind.data;
		const amount = this.orderAmount.data;
		const at = this.orderAt.data;
		const customers = this.ids.size;

		// Counting sort of order indices by customer, then by day within each customer.
		const start = new Int32Array(customers + 1);
		let ordersAfter = 0;
		for (let i = 0; i < n; i++) {
			if (day[i] > analysisDay) ordersAfter++;
			else start[customerOf[i] + 1]++;
		}
		let rows = 0;
		for (let c = 0; c < customers; c++) {
			if (start[c + 1] > 0) rows++;
			start[c + 1] += start[c];
		}
		const fill = start.slice(0, customers);
		const sorted = new Int32Array(n - ordersAfter);
		for (let i = 0; i < n; i++) if (day[i] <= analysisDay) sorted[fill[customerOf[i]]++] = i;

		const cols = emptyColumns(rows, analysisDay, trendWindowDays, ordersAfter);
		let row = 0;
		for (let c = 0; c < customers; c++) {
			const from = start[c];
			const to = start[c + 1];
			if (to === from) continue;
			sortByTime(sorted, from, to, day, at);
			let orders = 0;
			let spend = 0;
			let firstAt = Infinity;
			let lastAt = -Infinity;
			let firstDay = 0;
			let lastDay = 0;
			let firstOrderAmount = 0;
			let distinctDays = 0;
			let currentDay = NaN;
			let previousDay = NaN;
			let repeatDaySpend = 0;
			let recentOrders = 0;
			let previousOrders = 0;
			let recentSpend = 0;
			let previousSpend = 0;
			for (let k = from; k < to; k++) {
				const i = sorted[k];
				const value = amount[i];
				const age = analysisDay - day[i];
				// Returned orders count as purchases worth nothing; refund lines subtract.
				const net = kind[i] === 1 ? 0 : value;
				if (age < trendWindowDays) recentSpend += net;
				else if (age < 2 * trendWindowDays) previousSpend += net;
				if (kind[i] === 2) {
					spend += value;
					continue;
				}
				if (age < trendWindowDays) recentOrders++;
				else if (age < 2 * trendWindowDays) previousOrders++;
				orders++;
				spend += net;
				if (at[i] < firstAt) {
					firstAt = at[i];
					firstOrderAmount = net;
				}
				if (at[i] > lastAt) lastAt = at[i];
				if (day[i] !== currentDay) {
					if (distinctDays === 0) firstDay = day[i];
					distinctDays++;
					previousDay = currentDay;
					currentDay = day[i];
					lastDay = day[i];
				}
				if (distinctDays > 1) repeatDaySpend += value;
			}
			cols.customer[row] = c;
			cols.orders[row] = orders;
			cols.spend[row] = spend;
			cols.firstAt[row] = orders > 0 ? firstAt : 0;
			cols.lastAt[row] = orders > 0 ? lastAt : 0;
			cols.firstDay[row] = firstDay;
			cols.lastDay[row] = lastDay;
			cols.distinctDays[row] = distinctDays;
			cols.repeatDaySpend[row] = repeatDaySpend;
			cols.firstOrderAmount[row] = firstOrderAmount;
			cols.lastGapDays[row] = distinctDays > 1 ? currentDay - previousDay : -1;
			cols.recentOrders[row] = recentOrders;
			cols.previousOrders[row] = previousOrders;
			cols.recentSpend[row] = recentSpend;
			cols.previousSpend[row] = previousSpend;
			row++;
		}
		return cols;
	}

	customerIdAt(cols: SummaryColumns, row: number): string {
		return this.ids.keyString(cols.customer[row]);
	}

	/** The input items a row's customer came from, for n8n's item linking. */
	sourcesAt(cols: SummaryColumns, row: number): number[] {
		const customer = cols.customer[row];
		const first = this.firstSource.data[customer];
		const extra = this.extraSources.get(customer);
		return extra ? [first, ...extra] : [first];
	}

	/** The full summary object of one row of the columns. */
	summaryAt(cols: SummaryColumns, row: number, analysisDate = dayNumberToIsoDate(cols.analysisDay)): CustomerSummary {
		const customer = cols.customer[row];
		const state = this.states[customer] ?? NO_STATE;
		return buildCustomerSummary(this.ids.keyString(customer), state.contact ?? {}, signalsOf(state, cols.orders[row]), state.issues, {
			orders: cols.orders[row],
			spend: cols.spend[row],
			firstAt: cols.firstAt[row],
			lastAt: cols.lastAt[row],
			firstDay: cols.firstDay[row],
			lastDay: cols.lastDay[row],
			distinctDays: cols.distinctDays[row],
			repeatDaySpend: cols.repeatDaySpend[row],
			firstOrderAmount: cols.firstOrderAmount[row],
			analysisDay: cols.analysisDay,
			analysisDate,
			lastGapDays: cols.lastGapDays[row] >= 0 ? cols.lastGapDays[row] : null,
			trend: {
				windowDays: cols.trendWindowDays,
				recentOrders: cols.recentOrders[row],
				previousOrders: cols.previousOrders[row],
				recentSpend: cols.recentSpend[row],
				previousSpend: cols.previousSpend[row],
			},
		});
	}

	/** One summary object per customer (see summariseColumns), with its source items. */
	summarise(analysisDay: number, trendWindowDays = 90): { customers: CustomerSummary[]; sources: number[][]; ordersAfterAnalysisDate: number } {
		const cols = this.summariseColumns(analysisDay, trendWindowDays);
		const analysisDate = dayNumberToIsoDate(analysisDay);
		const customers: CustomerSummary[] = new Array(cols.rows);
		const sources: number[][] = new Array(cols.rows);
		for (let row = 0; row < cols.rows; row++) {
			customers[row] = this.summaryAt(cols, row, analysisDate);
			sources[row] = this.sourcesAt(cols, row);
		}
		return { customers, sources, ordersAfterAnalysisDate: cols.ordersAfterAnalysisDate };
	}
}

const NO_STATE: Readonly<CustomerState> = emptyState();

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

/**
 * Sorts one customer's order indices by day, then instant. Customers have a handful of orders
 * each: insertion sort beats a general sort's overhead.
 */
function sortByTime(values: Int32Array, from: number, to: number, day: Int32Array, at: Float64Array): void {
	for (let k = from + 1; k < to; k++) {
		const v = values[k];
		let j = k - 1;
		while (j >= from && (day[values[j]] > day[v] || (day[values[j]] === day[v] && at[values[j]] > at[v]))) {
			values[j + 1] = values[j];
			j--;
		}
		values[j + 1] = v;
	}
}
