import { ByteKeyTable } from '../bytes/byteKeyTable';
import { CleaningOptions } from './cleaningOptions';
import { FieldMapping } from '../fields/fieldMapping';
import { parseDate } from '../../values/parseDate';
import { MAX_AMOUNT, parseMoney, roundMoney } from '../../values/parseMoney';
import { hasValue, idText, parseOptionalNumber, textOrNull } from '../../values/cellValues';
import { parseFlag } from '../../values/yesNo';
import { fingerprintOfValues } from '../bytes/rowFingerprint';
import { ContactFields, contactReader } from '../fields/contactRecord';
import { CONTACT_FIELDS, EXPERIENCE_FIELDS } from '../../customer/fieldCatalog';
import { isPromotionOrder, serviceCodeMatcher } from './promotion';

const DESCRIPTIVE_FIELDS = [...CONTACT_FIELDS, ...EXPERIENCE_FIELDS];


/** One order row (an order, or one line of a line-item order) as read: typed, normalised. */
export interface CleanOrder {
	customerId: string;
	orderId: string | null;
	orderAt: number;
	day: number;
	/** The row's value: its amount, else quantity x unit price. */
	amount: number;
	/** A negative amount: money going back to the customer, not a purchase. */
	isRefund: boolean;
	returned: boolean;
	currency: string | null;
	/** Contact, consent, experience and line fields; null when the data maps none. */
	contact: ContactFields | null;
	/** Bought on promotion (see promotion.ts). */
	promotion: boolean;
	/** The order ID's index in OrderCleaner.orderKeys; -1 without an order ID. */
	orderKey: number;
	row: number;
	sourceItem: number;
}

export interface Rejection {
	row: number;
	sourceItem: number;
	reason: string;
	raw: Record<string, unknown>;
}

/**
 * What a rejected row still tells about its customer's contact details, as of `at`: a duplicate
 * from a later export may carry an opt-out, and a row with a broken amount or date still carries
 * what the customer said about contact.
 */
export type ContactUpdate = { customerId: string; at: number; contact: ContactFields };

export type CleanResult = { order: CleanOrder } | { rejection: Rejection; contactUpdate?: ContactUpdate };

const descriptiveColumnsOf = (mapping: FieldMapping) => new Set(DESCRIPTIVE_FIELDS.map((field) => mapping[field]).filter((column): column is string => column !== undefined));

/**
 * Turns raw rows into orders. Stateful, because of order IDs: line-item exports write one row
 * per product line and repeat the order ID, so a repeated order ID is another line of that
 * order, and only a row identical to one already read under that order ID is a duplicate.
 */
export class OrderCleaner {
	/** Order IDs seen so far: an order's key is its index here. */
	readonly orderKeys = new ByteKeyTable({ numericKeys: true });
	/**
	 * Per order key, two numbers: the fingerprint of its first row, and the summariser's index
	 * of the order (-1 until a purchase line is added), so later lines join it. Fingerprints of
	 * further rows of the key are in moreFingerprints.
	 */
	private keyRecords = new Int32Array(2048);
	private readonly moreFingerprints = new Map<number, number[]>();
	/** What joins a row's values in its text: the file's delimiter (see rowFingerprint). */
	rowSeparator = ',';
	private readContact: ReturnType<typeof contactReader>;
	/** Mapped columns that describe the customer or their experience, not the order line. */
	descriptiveColumns: Set<string>;
	/** Order files repeat a few hundred distinct dates over millions of rows: parse each once. */
	private readonly dateCache = new Map<string, ReturnType<typeof parseDate>>();
	private readonly isServiceCode: (code: string) => boolean;

	constructor(
		public mapping: FieldMapping,
		readonly options: CleaningOptions,
	) {
		this.readContact = contactReader(mapping, options);
		this.descriptiveColumns = descriptiveColumnsOf(mapping);
		this.isServiceCode = serviceCodeMatcher(options.serviceCouponCodes);
		if (!mapping.customerId) throw new Error('No customer ID column was found: map the Customer ID field to one of the columns');
		if (!mapping.orderDate) throw new Error('No order date column was found: map the Order Date field to one of the columns');
		if (!mapping.amount && !mapping.unitPrice && mapping.quantity) {
			throw new Error('Quantity is mapped but neither Amount nor Unit Price is: map one of them, so each line has a value');
		}
	}

	/** A mapping grown by keys later records brought (see CustomerDataPipeline): the rows read so far had none of them. */
	useMapping(mapping: FieldMapping): void {
		this.mapping = mapping;
		this.readContact = contactReader(mapping, this.options);
		this.descriptiveColumns = descriptiveColumnsOf(mapping);
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

		const idValue = raw[m.customerId as string];
		if (typeof idValue === 'object' && idValue !== null) return reject(`customer ID (column "${m.customerId}") is ${Array.isArray(idValue) ? 'a list' : 'an object'}, not a text or a number: map the field that holds the ID itself`);
		const customerId = idText(idValue);
		if (customerId === null) return reject(`customer ID (column "${m.customerId}") is empty`);

		// A row rejected for its order still tells what the customer said about contact: with a
		// date, it counts like any row; without one, only its opt-outs count, as the latest word
		// (when it was said is unknown, and mailing someone who said no is the worse mistake).
		const rejectKeepingContact = (reason: string, at: number | null): CleanResult => {
			const contact = this.readContact ? this.readContact(raw) : null;
			const update = contact && (at === null ? optOutsOnly(contact) : contact);
			return { ...reject(reason), ...(update ? { contactUpdate: { customerId, at: at ?? Infinity, contact: update } } : {}) };
		};

		const date = this.parseOrderDate(raw[m.orderDate as string]);
		if ('error' in date) return rejectKeepingContact(`order date (column "${m.orderDate}") ${date.error}`, null);

		const value = this.rowValue(raw);
		if ('error' in value) return rejectKeepingContact(value.error, date.ms);
		const amount = value.amount;
		let currency = m.currency ? textOrNull(raw[m.currency])?.toUpperCase() ?? null : null;
		currency = currency ?? value.currency ?? null;
		const returned = m.returned ? parseFlag(raw[m.returned]) === true : false;
		const isRefund = amount < 0;
		if ((isRefund || returned) && this.options.refunds === 'exclude') {
			return rejectKeepingContact(isRefund ? 'refund (negative amount) left out by the Refunds option' : 'returned order left out by the Refunds option', date.ms);
		}
		if (amount === 0 && value.fromColumn && this.options.zeroValueOrders === 'exclude') {
			return rejectKeepingContact('zero-value order left out by the Zero-Value Orders option', date.ms);
		}

		let orderKey = -1;
		const orderId = m.orderId ? textOrNull(raw[m.orderId]) : null;
		if (orderId !== null) {
			orderKey = this.orderKeys.internString(orderId);
			const fingerprint = fingerprintOfValues(this.orderColumnsOf(raw), this.rowSeparator);
			if (this.orderKeys.added) this.registerNewKey(fingerprint);
			else if (!this.isNewRowOf(orderKey, fingerprint)) {
				return rejectKeepingContact(`duplicate of an earlier row of order "${orderId}" (counted once)`, date.ms);
			}
		}

		const contact = this.readContact ? this.readContact(raw) : null;
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
				contact,
				promotion: this.isPromotion(contact, amount),
				orderKey,
				row,
				sourceItem,
			},
		};
	}

	/** A row's contact, consent and experience fields (for rows the CSV byte path reads), or null when none are mapped. */
	contactOf(raw: Record<string, unknown>): ContactFields | null {
		return this.readContact ? this.readContact(raw) : null;
	}

	/** Whether an order with these fields was bought on promotion (see promotion.ts). */
	isPromotion(contact: ContactFields | null, amount: number): boolean {
		// Without a coupon or discount column no order is one: asked of millions of orders.
		if (this.mapping.couponCode === undefined && this.mapping.discountAmount === undefined) return false;
		return isPromotionOrder(contact, amount, this.isServiceCode);
	}

	/**
	 * Records the first row of the key just added to orderKeys (by clean, or by the CSV byte path
	 * straight from bytes): the fingerprint of the row's text, and the order it went to (-1: none yet).
	 */
	registerNewKey(fingerprint: number, slot = -1): void {
		const at = 2 * (this.orderKeys.size - 1);
		if (at + 2 > this.keyRecords.length) {
			const bigger = new Int32Array(this.keyRecords.length * 2);
			bigger.set(this.keyRecords);
			this.keyRecords = bigger;
		}
		this.keyRecords[at] = fingerprint;
		this.keyRecords[at + 1] = slot;
	}

	/** The summariser's index of the order with this key, or -1. */
	orderSlot(key: number): number {
		return this.keyRecords[2 * key + 1];
	}

	setOrderSlot(key: number, slot: number): void {
		this.keyRecords[2 * key + 1] = slot;
	}

	/**
	 * The values that make a row this row: every column but the mapped contact and experience
	 * ones (an email, a consent, a complaint count can change between exports of one order line).
	 * A file whose mapping has none of those, as on the CSV byte path, is fingerprinted whole.
	 */
	private orderColumnsOf(raw: Record<string, unknown>): unknown[] {
		if (this.descriptiveColumns.size === 0) return Object.values(raw);
		const values: unknown[] = [];
		for (const key in raw) if (!this.descriptiveColumns.has(key)) values.push(raw[key]);
		return values;
	}

	/** Whether the row differs from every row read before under this order key (then noted). */
	private isNewRowOf(key: number, fingerprint: number): boolean {
		if (this.keyRecords[2 * key] === fingerprint) return false;
		const more = this.moreFingerprints.get(key);
		if (!more) this.moreFingerprints.set(key, [fingerprint]);
		else if (more.includes(fingerprint)) return false;
		else more.push(fingerprint);
		return true;
	}

	/**
	 * What the row is worth: the Amount column when it holds a value; else Unit Price x Quantity
	 * (1 when no quantity is given), so exports that only list line prices still add up.
	 */
	private rowValue(raw: Record<string, unknown>): { amount: number; currency?: string; fromColumn: boolean } | { error: string } {
		const m = this.mapping;
		const amountValue = m.amount ? raw[m.amount] : undefined;
		const priceValue = m.unitPrice ? raw[m.unitPrice] : undefined;
		if (m.amount && (hasValue(amountValue) || !hasValue(priceValue))) {
			const money = parseMoney(amountValue, this.options);
			if ('error' in money) return { error: `amount (column "${m.amount}") ${money.error}` };
			return { amount: money.value, currency: money.currency, fromColumn: true };
		}
		if (!m.unitPrice) return { amount: 0, fromColumn: false };
		const price = parseMoney(priceValue, this.options);
		if ('error' in price) return { error: `unit price (column "${m.unitPrice}") ${price.error}` };
		let quantity = 1;
		if (m.quantity && hasValue(raw[m.quantity])) {
			const parsed = parseOptionalNumber(raw[m.quantity]);
			if (parsed === null) return { error: `quantity (column "${m.quantity}") "${String(raw[m.quantity])}" is not a number` };
			quantity = parsed;
		}
		const amount = roundMoney(price.value * quantity);
		if (!(Math.abs(amount) <= MAX_AMOUNT)) return { error: `unit price x quantity (columns "${m.unitPrice}", "${m.quantity}") is larger than any order: check both columns` };
		return { amount, currency: price.currency, fromColumn: true };
	}
}

const CONSENT_FIELDS = ['consentEmail', 'consentSms', 'consentPush'] as const;

/** The opt-outs of a row's contact fields, or null when it has none. */
function optOutsOnly(contact: ContactFields): ContactFields | null {
	const kept: ContactFields = { issues: [] };
	for (const field of CONSENT_FIELDS) if (contact[field] === false) kept[field] = false;
	return CONSENT_FIELDS.some((field) => kept[field] === false) ? kept : null;
}
