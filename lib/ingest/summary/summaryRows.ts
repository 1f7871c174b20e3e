import { Rejection } from '../clean/cleanOrders';
import { CleaningOptions } from '../clean/cleaningOptions';
import { ContactFields, contactReader } from '../fields/contactRecord';
import { CustomerSummary } from '../../customer/customerSummary';
import { FieldMapping } from '../fields/fieldMapping';
import { dayNumberToIsoDate, parseDate } from '../../values/parseDate';
import { parseMoney } from '../../values/parseMoney';
import { textOrNull } from '../../values/cellValues';
import { buildCustomerSummary } from './buildCustomerSummary';

/**
 * Reads one row per customer from a database summary (customer id, number of orders, first and
 * last order date, total spend). Such a summary cannot tell same-day orders apart, so each order
 * is taken as its own purchase day: frequency = orders - 1. The repeat purchases' mean value is
 * `repeatSpend / (orders - 1)` when that column is given, else the average order value.
 */
export class SummaryRowReader {
	private readonly seen = new Set<string>();
	private readContact: ReturnType<typeof contactReader>;

	constructor(
		private mapping: FieldMapping,
		private readonly options: CleaningOptions,
		private readonly analysisDay: number,
	) {
		if (!mapping.customerId) throw new Error('No customer ID column was found: map the Customer ID field to one of the columns');
		if (!mapping.orders) throw new Error('No number-of-orders column was found: map the Number of Orders field to one of the columns');
		this.readContact = contactReader(mapping, options);
	}

	/** A mapping grown by keys later records brought (see CustomerDataPipeline). */
	useMapping(mapping: FieldMapping): void {
		this.mapping = mapping;
		this.readContact = contactReader(mapping, this.options);
	}

	read(raw: Record<string, unknown>, row: number, sourceItem: number): { customer: CustomerSummary } | { rejection: Rejection } {
		const m = this.mapping;
		const reject = (reason: string) => ({ rejection: { row, sourceItem, reason, raw } });
		const customerId = textOrNull(raw[m.customerId as string]);
		if (customerId === null) return reject(`customer ID (column "${m.customerId}") is empty`);
		if (this.seen.has(customerId)) return reject(`customer ID "${customerId}" appears more than once in the summary`);

		const orders = Number(raw[m.orders as string]);
		if (!Number.isInteger(orders) || orders < 0) return reject(`number of orders (column "${m.orders}") must be a whole number of 0 or more`);

		let first: { ms: number; day: number } | undefined;
		let last: { ms: number; day: number } | undefined;
		if (orders > 0) {
			if (!m.firstOrderAt || !m.lastOrderAt) return reject('a customer with orders needs first and last order dates: map both fields');
			const f = parseDate(raw[m.firstOrderAt], this.options.dateOrder, this.options.timeZone);
			if ('error' in f) return reject(`first order date (column "${m.firstOrderAt}") ${f.error}`);
			const l = parseDate(raw[m.lastOrderAt], this.options.dateOrder, this.options.timeZone);
			if ('error' in l) return reject(`last order date (column "${m.lastOrderAt}") ${l.error}`);
			if (l.ms < f.ms) return reject('last order date is before the first order date');
			if (f.day > this.analysisDay) return reject('first order date is after the analysis date');
			if (l.day > this.analysisDay) {
				return reject(`last order date ${dayNumberToIsoDate(l.day)} is after the analysis date ${dayNumberToIsoDate(this.analysisDay)}: set the Analysis Date to the day of the export or later`);
			}
			if (orders === 1 && l.day !== f.day) {
				return reject(`one order, but the first (${dayNumberToIsoDate(f.day)}) and last (${dayNumberToIsoDate(l.day)}) order dates differ: check the number of orders or the dates`);
			}
			first = f;
			last = l;
		}
		const money = (column: string | undefined) => {
			if (!column) return { value: 0 };
			const value = raw[column];
			if (value === undefined || value === null || value === '') return { value: 0 };
			return parseMoney(value, this.options);
		};
		// Refunds are netted inside a summary's totals, so below zero the row is wrong, not a refund.
		const notNegative = (what: string, column: string | undefined, read: ReturnType<typeof money>) =>
			'error' in read ? `${what} (column "${column}") ${read.error}` : read.value < 0 ? `${what} (column "${column}") is negative (${read.value}): a summary's total cannot be below zero` : null;
		const spend = money(m.totalSpend);
		const repeat = money(m.repeatSpend);
		const moneyProblem = notNegative('total spend', m.totalSpend, spend) ?? notNegative('repeat spend', m.repeatSpend, repeat);
		if (moneyProblem || 'error' in spend || 'error' in repeat) return reject(moneyProblem as string);
		if (m.repeatSpend && repeat.value > spend.value) {
			return reject(`repeat spend (${repeat.value}) is more than the total spend (${spend.value}): repeat spend is the part of the total after the first order`);
		}

		this.seen.add(customerId);
		const contact: Partial<ContactFields> & { issues: string[] } = this.readContact ? this.readContact(raw) : { issues: [] };
		const currency = m.currency ? textOrNull(raw[m.currency])?.toUpperCase() ?? null : ('currency' in spend ? spend.currency : null) ?? null;
		const repeatOrders = Math.max(0, orders - 1);
		const repeatDaySpend = m.repeatSpend ? repeat.value : orders > 0 ? (spend.value / orders) * repeatOrders : 0;
		const customer = buildCustomerSummary(
			customerId,
			{ ...contact, currency },
			{ complaints: contact.complaints ?? 0, satisfaction: contact.satisfaction ?? null, issues: contact.issues.length ? contact.issues.map((i) => `row ${row}: ${i}`) : null },
			{
				orders,
				spend: spend.value,
				repeatDaySpend,
				firstAt: first?.ms ?? 0,
				lastAt: last?.ms ?? 0,
				firstDay: first?.day ?? 0,
				lastDay: last?.day ?? 0,
				analysisDay: this.analysisDay,
			},
		);
		return { customer };
	}
}
