import { ByteKeyTable } from './byteKeyTable';
import { OrderCleaner } from '../clean/cleanOrders';
import { textOrNull } from '../../values/cellValues';
import { dateFromWallClock, DateResult, parseDate } from '../../values/parseDate';
import type { TimeZone } from '../../values/timeZone';
import { MAX_AMOUNT, parseMoney } from '../../values/parseMoney';
import { quotedCsvRows } from '../readers/csvRows';
import { fingerprintOfUtf8 } from './rowFingerprint';
import { decodeChunks } from '../readers/decodeText';
import { columnsFor, RawRow, rowFromSplitLine, TableOptions } from '../readers/rawRow';
import { CustomerSummariser } from '../summary/summariseCustomers';
import { ContactSpans, LastContacts } from './lastContacts';
import { CONTACT_FIELDS } from '../../customer/fieldCatalog';

/** Where the scanner sends what it reads; the Customer Data pipeline implements it. */
export interface CsvOrderTarget {
	/**
	 * Called at the first data row with the file's columns: the cleaner to judge its orders, or
	 * undefined when this file's rows must take the general path (e.g. contact columns mapped).
	 */
	cleanerFor(columns: string[]): OrderCleaner | undefined;
	readonly summariser: CustomerSummariser;
	/** A row the byte path leaves to the general path, which cleans it, keeps it or rejects it. */
	addRow(row: RawRow): void;
	/** Called every few thousand rows, e.g. to notice a cancelled execution. */
	tick(): void;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;
const TICK_EVERY = 16_384;
/** Distinct currency texts remembered: a file holds a handful. */
const CURRENCY_CACHE_LIMIT = 1000;

/** Distinct date strings remembered (dates repeat; full timestamps mostly do not). */
const DATE_CACHE_LIMIT = 100_000;
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The order fields the byte path reads; it also takes the contact and consent fields
 * (CONTACT_FIELDS), and any other mapped field sends the file to the general path.
 */
const CUSTOMER = 0;
const ORDER = 1;
const DATE = 2;
const AMOUNT = 3;
const CURRENCY = 4;
export const BYTE_PATH_FIELDS = ['customerId', 'orderId', 'orderDate', 'amount', 'currency'] as const;
/** Slot of the first contact column in starts/ends. */
const CONTACT = 5;

/**
 * Reads a UTF-8 CSV of orders straight from its bytes into the customer summariser: customer and
 * order IDs interned from the bytes, each distinct date string parsed once, and no string or
 * object per row unless the file has currency or contact columns (then the row becomes the order
 * the general path would make, its contact text read once per customer). It only takes rows it can read with certainty, and hands every other one (a
 * rejected value, a duplicate order ID, an odd amount, a wrong number of fields) to the general
 * path as the very row csvRows would have produced, so results are the same as without it,
 * rejections and their reasons included. From the first line holding a quote, the rest of the
 * file goes to the quoted-record reader, as in csvRows.
 */
export async function scanCsvOrders(
	chunks: AsyncIterable<Uint8Array>,
	delimiter: string,
	table: TableOptions,
	target: CsvOrderTarget,
	sourceItem: number,
): Promise<{ fastRows: number }> {
	const scanner = new LineScanner(delimiter, table, target, sourceItem);
	const iterator = chunks[Symbol.asyncIterator]();
	let carry: Buffer | undefined;
	let atStart = true;
	for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
		let buffer = asBuffer(next.value);
		if (carry) buffer = Buffer.concat([carry, buffer]);
		carry = undefined;
		let from = 0;
		if (atStart && buffer.length >= 3) {
			if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) from = 3;
			atStart = false;
		}
		const unfinished = scanner.lines(buffer, from);
		if (unfinished < 0) {
			await scanner.handOver(buffer.subarray(-unfinished - 1), iterator);
			return { fastRows: scanner.fastRows };
		}
		if (unfinished < buffer.length) carry = buffer.subarray(unfinished);
	}
	if (carry) {
		// The last line has no line break: give it one.
		const last = Buffer.concat([carry, Buffer.from([LF])]);
		const unfinished = scanner.lines(last, 0);
		if (unfinished < 0) await scanner.handOver(last.subarray(-unfinished - 1), iterator);
	}
	scanner.rememberAllPending();
	return { fastRows: scanner.fastRows };
}

class LineScanner {
	private readonly delimiterByte: number;
	private columns: string[] | undefined;
	/** Undefined until the first data row; null when this file takes the general path. */
	private cleaner: OrderCleaner | null | undefined;
	/** For each column, which byte-path field it feeds (-1: none). */
	private fieldOfColumn = new Int8Array(0);
	private starts = new Int32Array(CONTACT);
	private ends = new Int32Array(CONTACT);
	/** The mapped contact columns' names, in slot order from CONTACT. */
	private contactColumns: string[] = [];
	/** Per column, 1 when the row's fingerprint leaves it out (contact columns, as the general path does). */
	private unfingerprinted: Uint8Array | null = null;
	private fingerprintScratch = Buffer.alloc(1024);
	private readonly lastContacts: LastContacts;
	/** Where the row's contact columns are (set with the plan). */
	private contactSpans: ContactSpans = { starts: this.starts, ends: this.ends, first: CONTACT, count: 0 };
	private readonly dates = new ByteKeyTable();
	/** A file's few currency texts, as read (CNY, cny, " USD"...). */
	private readonly currencies = new ByteKeyTable();
	private readonly currencyTexts: Array<string | null> = [];
	private dateDays: number[] = [];
	private dateInstants: number[] = [];
	private rowsRead = 0;
	fastRows = 0;

	constructor(
		private readonly delimiter: string,
		private readonly table: TableOptions,
		private readonly target: CsvOrderTarget,
		private readonly sourceItem: number,
	) {
		this.delimiterByte = delimiter.charCodeAt(0);
		this.lastContacts = new LastContacts(target.summariser);
	}

	/**
	 * Reads the complete lines of `buffer` from `from` on, in one pass over the bytes that
	 * finds line ends and field boundaries together. Returns where the unfinished last line
	 * starts, or -(start + 1) of a line holding a quote, from which the quoted-record reader must take over.
	 */
	lines(buffer: Buffer, from: number): number {
		const delimiter = this.delimiterByte;
		let starts = this.starts;
		let ends = this.ends;
		let fieldOfColumn = this.fieldOfColumn;
		let lineStart = from;
		let column = 0;
		let fieldStart = from;
		// Where the first quote is (native search): the loop then need not look for one.
		const quote = buffer.indexOf(QUOTE, from);
		const scanTo = quote === -1 ? buffer.length : quote;
		for (let i = from; i < scanTo; i++) {
			const byte = buffer[i];
			if (byte === delimiter) {
				const field = column < fieldOfColumn.length ? fieldOfColumn[column] : -1;
				if (field >= 0) {
					starts[field] = fieldStart;
					ends[field] = i;
				}
				column++;
				fieldStart = i + 1;
			} else if (byte === LF) {
				const end = i > lineStart && buffer[i - 1] === CR ? i - 1 : i;
				if (end > lineStart) {
					if (this.columns === undefined) {
						// A file without a header line: its first line is read again, as a row.
						if (this.header(buffer, lineStart, end)) i = lineStart - 1;
					} else if (this.cleaner === undefined) {
						// The first row settles how rows are read; then it is read again with the plan.
						this.plan();
						fieldOfColumn = this.fieldOfColumn;
						starts = this.starts;
						ends = this.ends;
						i = lineStart - 1;
					} else {
						const field = column < fieldOfColumn.length ? fieldOfColumn[column] : -1;
						if (field >= 0) {
							starts[field] = fieldStart;
							ends[field] = end;
						}
						this.row(buffer, lineStart, end, column + 1);
					}
				}
				if (i >= lineStart) lineStart = i + 1;
				column = 0;
				fieldStart = lineStart;
			}
		}
		// The line holding the quote, and all after it, go to the quoted-record reader.
		return quote === -1 ? lineStart : -lineStart - 1;
	}

	/** A data line whose mapped fields are marked; `fields` is how many it has. */
	private row(buffer: Buffer, start: number, end: number, fields: number): void {
		this.rowsRead++;
		if (this.rowsRead % TICK_EVERY === 0) this.target.tick();
		if (this.cleaner && fields === this.fieldOfColumn.length && this.order(buffer, start, end)) this.fastRows++;
		else {
			this.rememberAllPending();
			this.target.addRow(rowFromSplitLine(this.rowsRead, this.columns as string[], buffer.toString('utf8', start, end).split(this.delimiter)));
		}
	}

	/** The rest of the file, from a line holding a quote, through the quoted-record reader (as csvRows does). */
	async handOver(from: Buffer, rest: AsyncIterator<Uint8Array>): Promise<void> {
		this.rememberAllPending();
		async function* bytes(): AsyncGenerator<Uint8Array> {
			yield from;
			for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
		}
		let rows = 0;
		for await (const row of quotedCsvRows(decodeChunks(bytes(), 'utf-8'), this.delimiter, this.table, this.columns, this.rowsRead)) {
			if (++rows % TICK_EVERY === 0) this.target.tick();
			this.target.addRow(row);
		}
	}

	/** Reads the column names; true when the line is also the first row (no header line). */
	private header(buffer: Buffer, start: number, end: number): boolean {
		const header = columnsFor(buffer.toString('utf8', start, end).split(this.delimiter), this.table);
		this.columns = header.columns;
		return header.firstIsData;
	}

	private plan(): void {
		const columns = this.columns as string[];
		const cleaner = this.target.cleanerFor(columns);
		this.cleaner = cleaner ?? null;
		this.fieldOfColumn = new Int8Array(columns.length).fill(-1);
		if (!cleaner) return;
		BYTE_PATH_FIELDS.forEach((field, slot) => {
			const column = cleaner.mapping[field];
			if (column !== undefined) this.fieldOfColumn[columns.indexOf(column)] = slot;
		});
		this.contactColumns = CONTACT_FIELDS.flatMap((field) => (cleaner.mapping[field] === undefined ? [] : [cleaner.mapping[field] as string]));
		this.contactColumns.forEach((column, k) => (this.fieldOfColumn[columns.indexOf(column)] = CONTACT + k));
		this.starts = new Int32Array(CONTACT + this.contactColumns.length);
		this.ends = new Int32Array(CONTACT + this.contactColumns.length);
		this.contactSpans = { starts: this.starts, ends: this.ends, first: CONTACT, count: this.contactColumns.length };
		if (cleaner.descriptiveColumns.size > 0) this.unfingerprinted = Uint8Array.from({ length: columns.length }, (_, k) => (cleaner.descriptiveColumns.has(columns[k]) ? 1 : 0));
	}

	/**
	 * The fingerprint of the line's values without the columns the general path leaves out of it
	 * (rowFingerprint: the values joined by the delimiter). Lines on this path hold no quote.
	 */
	private fingerprint(buffer: Buffer, start: number, end: number): number {
		const skip = this.unfingerprinted;
		if (skip === null) return fingerprintOfUtf8(buffer, start, end);
		if (this.fingerprintScratch.length < end - start) this.fingerprintScratch = Buffer.alloc(2 * (end - start));
		const scratch = this.fingerprintScratch;
		const delimiter = this.delimiterByte;
		let length = 0;
		let column = 0;
		let fieldStart = start;
		let wrote = false;
		for (let i = start; i <= end; i++) {
			if (i < end && buffer[i] !== delimiter) continue;
			if (!skip[column]) {
				if (wrote) scratch[length++] = delimiter;
				// Fields are short: a loop beats Buffer.copy's per-call cost.
				for (let b = fieldStart; b < i; b++) scratch[length++] = buffer[b];
				wrote = true;
			}
			column++;
			fieldStart = i + 1;
		}
		return fingerprintOfUtf8(scratch, 0, length);
	}

	/**
	 * The row as an order, when every value reads cleanly and its order ID is new; false (with
	 * nothing changed) otherwise, and the general path gives the row its verdict.
	 */
	private order(buffer: Buffer, lineStart: number, lineEnd: number): boolean {
		const cleaner = this.cleaner as OrderCleaner;
		const options = cleaner.options;
		const mapping = cleaner.mapping;
		const { starts, ends } = this;

		let customerId: string | null = null;
		const plainCustomerId = isPlainToken(buffer, starts[CUSTOMER], ends[CUSTOMER]);
		if (!plainCustomerId) {
			customerId = textOrNull(buffer.toString('utf8', starts[CUSTOMER], ends[CUSTOMER]));
			// Invalid bytes: the general path rejects the row and says why.
			if (customerId === null || customerId.includes('\uFFFD')) return false;
		}

		let day: number;
		let instant: number;
		// A time of day makes nearly every date text new: such texts are read from their bytes
		// without a look in the cache of dates, which they would only fill.
		const timed = ends[DATE] - starts[DATE] > 10 ? plainDateTime(buffer, starts[DATE], ends[DATE], options.timeZone) : null;
		const known = timed === null ? this.dates.find(buffer, starts[DATE], ends[DATE]) : -1;
		if (timed !== null) {
			if ('error' in timed) return false;
			day = timed.day;
			instant = timed.ms;
		} else if (known >= 0) {
			day = this.dateDays[known];
			instant = this.dateInstants[known];
		} else {
			const parsed = plainDateTime(buffer, starts[DATE], ends[DATE], options.timeZone) ?? parseDate(buffer.toString('utf8', starts[DATE], ends[DATE]), options.dateOrder, options.timeZone);
			if ('error' in parsed) return false;
			day = parsed.day;
			instant = parsed.ms;
			if (this.dates.size < DATE_CACHE_LIMIT) {
				this.dates.intern(buffer, starts[DATE], ends[DATE]);
				this.dateDays.push(day);
				this.dateInstants.push(instant);
			}
		}

		let amount = 0;
		if (mapping.amount !== undefined) {
			const plain = options.decimalComma ? NaN : plainDecimal(buffer, starts[AMOUNT], ends[AMOUNT]);
			if (Number.isNaN(plain)) {
				const money = parseMoney(buffer.toString('utf8', starts[AMOUNT], ends[AMOUNT]), options);
				// A currency sign in the amount is a currency value the general path records.
				if ('error' in money || money.currency) return false;
				amount = money.value;
			} else amount = options.minorUnits ? plain / 100 : plain;
			// Beyond MAX_AMOUNT the general path rejects the row and says why.
			if (!(Math.abs(amount) <= MAX_AMOUNT)) return false;
			if (amount < 0 && options.refunds === 'exclude') return false;
			if (amount === 0 && options.zeroValueOrders === 'exclude') return false;
		}

		// Currency and contact values are read as the general path reads them (text of the
		// column); invalid bytes send the row there, to be rejected with the reason.
		let currency: string | null = null;
		if (mapping.currency !== undefined) {
			const known = this.currencies.find(buffer, starts[CURRENCY], ends[CURRENCY]);
			if (known >= 0) currency = this.currencyTexts[known];
			else {
				const text = buffer.toString('utf8', starts[CURRENCY], ends[CURRENCY]);
				if (text.includes('\uFFFD')) return false;
				currency = textOrNull(text)?.toUpperCase() ?? null;
				if (this.currencies.size < CURRENCY_CACHE_LIMIT) {
					this.currencies.intern(buffer, starts[CURRENCY], ends[CURRENCY]);
					this.currencyTexts.push(currency);
				}
			}
		}
		const rich = this.contactColumns.length > 0 || mapping.currency !== undefined;
		let contactValues: string[] | null = null;
		const summariser = this.target.summariser;
		// With contact columns, the customer's index when they are already known: their last contact may be this row's.
		const knownCustomer = plainCustomerId && this.contactColumns.length > 0 ? summariser.ids.find(buffer, starts[CUSTOMER], ends[CUSTOMER]) : -1;
		const sameContact = knownCustomer >= 0 && this.lastContacts.isLast(buffer, knownCustomer, this.contactSpans);
		if (this.contactColumns.length > 0 && !sameContact) {
			contactValues = new Array(this.contactColumns.length);
			for (let k = 0; k < contactValues.length; k++) {
				const value = buffer.toString('utf8', starts[CONTACT + k], ends[CONTACT + k]);
				if (value.includes('\uFFFD')) return false;
				contactValues[k] = value;
			}
		}

		let orderKey = -1;
		if (mapping.orderId !== undefined) {
			const keys = cleaner.orderKeys;
			if (isPlainToken(buffer, starts[ORDER], ends[ORDER])) orderKey = keys.intern(buffer, starts[ORDER], ends[ORDER]);
			else {
				const orderId = textOrNull(buffer.toString('utf8', starts[ORDER], ends[ORDER]));
				if (orderId !== null) orderKey = keys.internString(orderId);
				else keys.added = true;
			}
			// A repeated order ID: another line of that order, or a duplicate row; the general
			// path, which compares the rows, decides.
			if (!keys.added) return false;
		}

		const customer = knownCustomer >= 0 ? knownCustomer : plainCustomerId ? summariser.ids.intern(buffer, starts[CUSTOMER], ends[CUSTOMER]) : summariser.ids.internString(customerId as string);
		if (!rich) {
			const order = summariser.addOrder(customer, day, instant, amount, this.sourceItem);
			if (orderKey >= 0) cleaner.registerNewKey(this.fingerprint(buffer, lineStart, lineEnd), amount >= 0 ? order : -1);
			return true;
		}
		// With currency or contact fields, the row is the order the general path would have made of it.
		// (Valid UTF-8 bytes are equal exactly when their texts are.)
		let contact = sameContact || (contactValues !== null && this.lastContacts.isLast(buffer, customer, this.contactSpans)) ? this.lastContacts.contactOf(customer) : contactValues === null ? null : undefined;
		if (contact === undefined) {
			const raw: Record<string, unknown> = {};
			this.contactColumns.forEach((column, k) => (raw[column] = (contactValues as string[])[k]));
			contact = cleaner.contactOf(raw);
			this.lastContacts.keep(buffer, customer, this.contactSpans, contact);
		} else if (sameContact) this.lastContacts.postpone(customer, instant);
		const promotion = cleaner.isPromotion(contact, amount);
		// A repeat of a contact that does nothing per order need not be looked at again (its fields are postponed).
		if (sameContact && !promotion && this.lastContacts.isPassive(customer)) contact = null;
		const slot = summariser.addFor(
			customer,
			{
				orderAt: instant,
				day,
				amount,
				isRefund: amount < 0,
				returned: false,
				currency,
				contact,
				promotion,
				orderKey,
				row: this.rowsRead,
				sourceItem: this.sourceItem,
			},
			-1,
			!sameContact,
		);
		if (orderKey >= 0) cleaner.registerNewKey(this.fingerprint(buffer, lineStart, lineEnd), slot);
		return true;
	}

	/** Every postponed contact remembered: before a row goes to the general path, and at the end of the file. */
	rememberAllPending(): void {
		this.lastContacts.rememberAllPending();
	}
}

function asBuffer(chunk: Uint8Array): Buffer {
	return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}

/**
 * "YYYY-MM-DD", or with a time of day "HH:MM" or "HH:MM:SS" after a space or a T, read from
 * bytes with the conversion parseDate gives that text (dateFromWallClock); null for any other
 * text, which parseDate reads. Exports stamp each order to the minute or second, so a million
 * orders are a million distinct texts that no cache of dates holds.
 */
function plainDateTime(buffer: Buffer, start: number, end: number, zone: TimeZone): DateResult | null {
	const length = end - start;
	if (length !== 10 && length !== 16 && length !== 19) return null;
	const digits = (from: number, count: number) => {
		let n = 0;
		for (let i = start + from; i < start + from + count; i++) {
			const d = buffer[i] - 48;
			if (d < 0 || d > 9) return NaN;
			n = n * 10 + d;
		}
		return n;
	};
	if (buffer[start + 4] !== 45 || buffer[start + 7] !== 45) return null;
	const year = digits(0, 4);
	const month = digits(5, 2);
	const day = digits(8, 2);
	let hour = 0;
	let minute = 0;
	let second = 0;
	if (length > 10) {
		if ((buffer[start + 10] !== 32 && buffer[start + 10] !== 84) || buffer[start + 13] !== 58) return null;
		hour = digits(11, 2);
		minute = digits(14, 2);
		if (length === 19) {
			if (buffer[start + 16] !== 58) return null;
			second = digits(17, 2);
		}
	}
	if (Number.isNaN(year + month + day + hour + minute + second)) return null;
	return dateFromWallClock(zone, year, month, day, hour, minute, second, 0, null);
}

/**
 * Printable ASCII without leading or trailing spaces: bytes that are exactly the UTF-8 of the
 * trimmed text, so they can be interned as they are.
 */
function isPlainToken(buffer: Buffer, start: number, end: number): boolean {
	if (end <= start || buffer[start] === 32 || buffer[end - 1] === 32) return false;
	for (let i = start; i < end; i++) {
		const byte = buffer[i];
		if (byte < 32 || byte > 126) return false;
	}
	return true;
}

/**
 * `-?\d+(\.\d+)?` read from bytes, or NaN for anything else (which goes to parseMoney). The
 * digits form an integer below 2^53 and 10^k is exact for k <= 22, so the one division is
 * correctly rounded: the same double as Number() of the text.
 */
function plainDecimal(buffer: Buffer, start: number, end: number): number {
	let i = start;
	const negative = i < end && buffer[i] === 45;
	if (negative) i++;
	const digitsFrom = i;
	let mantissa = 0;
	for (; i < end && buffer[i] >= 48 && buffer[i] <= 57; i++) mantissa = mantissa * 10 + (buffer[i] - 48);
	if (i === digitsFrom) return NaN;
	let scale = 0;
	if (i < end) {
		if (buffer[i] !== 46) return NaN;
		const fractionFrom = ++i;
		for (; i < end && buffer[i] >= 48 && buffer[i] <= 57; i++) mantissa = mantissa * 10 + (buffer[i] - 48);
		if (i === fractionFrom || i !== end) return NaN;
		scale = i - fractionFrom;
	}
	if (mantissa > Number.MAX_SAFE_INTEGER || scale >= POWERS_OF_TEN.length) return NaN;
	const value = scale ? mantissa / POWERS_OF_TEN[scale] : mantissa;
	return negative ? -value : value;
}
