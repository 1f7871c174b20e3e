import { FieldMapping } from './fieldMapping';
import { DateOrder, parseDate } from './parseDate';
import { MoneyOptions, parseMoney } from './parseMoney';
import { parseFlag, textOrNull } from './contactFields';
import { ContactFields, readContactFields } from './contactRecord';
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
export interface CleanOrder extends ContactFields {
	customerId: string;
	orderId: string | null;
	orderAt: number;
	day: number;
	amount: number;
	/** A negative amount: money going back to the customer, not a purchase. */
	isRefund: boolean;
	returned: boolean;
	currency: string | null;
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
	private readonly seenOrderKeys = new Set<string>();

	constructor(
		private readonly mapping: FieldMapping,
		private readonly options: CleaningOptions,
	) {
		if (!mapping.customerId) throw new Error('No customer ID column was found: map the Customer ID field to one of the columns');
		if (!mapping.orderDate) throw new Error('No order date column was found: map the Order Date field to one of the columns');
	}

	clean(raw: Record<string, unknown>, row: number, sourceItem: number): CleanResult {
		const m = this.mapping;
		const reject = (reason: string): CleanResult => ({ rejection: { row, sourceItem, reason, raw } });

		const customerId = textOrNull(raw[m.customerId as string]);
		if (customerId === null) return reject(`customer ID (column "${m.customerId}") is empty`);

		const date = parseDate(raw[m.orderDate as string], this.options.dateOrder, this.options.timeZone);
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
			const key = isRefund ? `${orderId}\u0000refund` : orderId;
			if (this.seenOrderKeys.has(key)) return reject(`duplicate order ID "${orderId}" (counted once)`);
			this.seenOrderKeys.add(key);
		}

		const contact = readContactFields(raw, m, this.options);

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
				...contact,
				row,
				sourceItem,
			},
		};
	}
}
