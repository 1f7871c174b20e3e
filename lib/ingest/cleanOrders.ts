import { ByteKeyTable } from './byteKeyTable';
import { FieldMapping } from './fieldMapping';
import { DateOrder, parseDate } from './parseDate';
import { MoneyOptions, parseMoney } from './parseMoney';
import { parseFlag, textOrNull } from './contactFields';
import { ContactFields, contactReader } from './contactRecord';
import { TimeZone } from './timeZone';

export interface CleaningOptions extends MoneyOptions {
	dateOrder: DateOrder;
	timeZone: TimeZone;
	defaultCountryCode: string;
	/** Refunds (negative amounts, returned flags) reduce spend, or are left out. */
	refunds: 'subtract' | 'exclude';
	zeroValueOrders: 'keep' | 'exclude';
}

/** One order as read from a row: typed, normalised, with where it came from. */
export interface CleanOrder {
	customerId: string;
	orderId: string | null;
	orderAt: number;
	day: number;
	amount: number;
	/** A negative amount: money going back to the customer, not a purchase. */
	isRefund: boolean;
	returned: boolean;
	currency: string | null;
	/** Contact, consent and experience fields; null when the data maps none. */
	contact: ContactFields | null;
	row: number;
	sourceItem: number;
}

export interface Rejection {
	row: number;
	sourceItem: number;
	reason: string;
	raw: Record<string, unknown>;
}

export type CleanResult = { order: CleanOrder } | { rejection: Rejection };

/** Turns raw rows into orders; stateful because an order id seen before is a duplicate. */
export class OrderCleaner {
	/** Order IDs seen so far, tagged 1 for refund lines (a refund may repeat its order's ID). */
	readonly orderKeys = new ByteKeyTable({ numericKeys: true });
	private readonly readContact: ReturnType<typeof contactReader>;
	/** Order files repeat a few hundred distinct dates over millions of rows: parse each once. */
	private readonly dateCache = new Map<string, ReturnType<typeof parseDate>>();

	constructor(
		readonly mapping: FieldMapping,
		readonly options: CleaningOptions,
	) {
		this.readContact = contactReader(mapping, options);
		if (!mapping.customerId) throw new Error('No customer ID column was found: map the Customer ID field to one of the columns');
		if (!mapping.orderDate) throw new Error('No order date column was found: map the Order Date field to one of the columns');
	}

	private parseOrderDate(value: unknown): ReturnType<typeof parseDate> {
		if (typeof value !== 'string') return parseDate(value, this.options.dateOrder, this.options.timeZone);
		let parsed = this.dateCache.get(value);
		if (parsed === undefined) {
			parsed = parseDate(value, this.options.dateOrder, this.options.timeZone);
			if (this.dateCache.size < 200_000) this.dateCache.set(value, parsed);
		}
		return parsed;
	}

	clean(raw: Record<string, unknown>, row: number, sourceItem: number): CleanResult {
		const m = this.mapping;
		const reject = (reason: string): CleanResult => ({ rejection: { row, sourceItem, reason, raw } });

		const customerId = textOrNull(raw[m.customerId as string]);
		if (customerId === null) return reject(`customer ID (column "${m.customerId}") is empty`);

		const date = this.parseOrderDate(raw[m.orderDate as string]);
		if ('error' in date) return reject(`order date (column "${m.orderDate}") ${date.error}`);

		let amount = 0;
		let currency = m.currency ? textOrNull(raw[m.currency])?.toUpperCase() ?? null : null;
		if (m.amount) {
			const money = parseMoney(raw[m.amount], this.options);
			if ('error' in money) return reject(`amount (column "${m.amount}") ${money.error}`);
			amount = money.value;
			currency = currency ?? money.currency ?? null;
		}
		const returned = m.returned ? parseFlag(raw[m.returned]) === true : false;
		const isRefund = amount < 0;
		if ((isRefund || returned) && this.options.refunds === 'exclude') {
			return reject(isRefund ? 'refund (negative amount) left out by the Refunds option' : 'returned order left out by the Refunds option');
		}
		if (amount === 0 && m.amount && this.options.zeroValueOrders === 'exclude') {
			return reject('zero-value order left out by the Zero-Value Orders option');
		}

		const orderId = m.orderId ? textOrNull(raw[m.orderId]) : null;
		if (orderId !== null) {
			this.orderKeys.internString(orderId, isRefund ? 1 : 0);
			if (!this.orderKeys.added) return reject(`duplicate order ID "${orderId}" (counted once)`);
		}

		return {
			order: {
				customerId,
				orderId,
				orderAt: date.ms,
				day: date.day,
				amount,
				isRefund,
				returned,
				currency,
				contact: this.readContact ? this.readContact(raw) : null,
				row,
				sourceItem,
			},
		};
	}
}
