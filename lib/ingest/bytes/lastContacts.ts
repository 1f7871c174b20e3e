import type { ContactFields } from '../fields/contactRecord';
import { contactActsPerOrder, CustomerSummariser } from '../summary/summariseCustomers';
import { withRoom } from '../../values/growableColumns';

/** Where a row's contact columns are in the line: columns first .. first + count - 1 of starts/ends. */
export interface ContactSpans {
	starts: Int32Array;
	ends: Int32Array;
	first: number;
	count: number;
}

/**
 * Each customer's last contact as the CSV byte path read it: a customer's email and phone
 * repeat on each of their orders, and reading a phone number is the dearest step of a row
 * (libphonenumber). Kept per customer: the contact columns' bytes (in one buffer, each column as
 * its length then its bytes, not as a million strings for the garbage collector), what they
 * read as, and whether that does anything per order.
 *
 * An order that repeats its customer's contact does not remember the contact's fields again
 * (ten scattered lookups per order at a million customers): the latest instant of such a run is
 * remembered once, before anything else can be remembered of that customer (another contact, a
 * row the general path takes) and at the end of the file, which leaves the same latest value
 * standing.
 */
export class LastContacts {
	private bytes = Buffer.allocUnsafe(1 << 16);
	private used = 0;
	/** Where each customer's bytes start in `bytes`; -1 when none yet. */
	private start = new Int32Array(0);
	private readonly contacts: Array<ContactFields | null> = [];
	/** 1 for a contact that does nothing per order (contactActsPerOrder). */
	private passive = new Uint8Array(0);
	/** The latest instant of the postponed orders (NaN: none), and the customers with one. */
	private pendingAt = new Float64Array(0);
	private readonly pendingCustomers: number[] = [];

	constructor(private readonly summariser: CustomerSummariser) {}

	/** Whether the row's contact columns hold the bytes of the customer's last contact, column by column. */
	isLast(buffer: Buffer, customer: number, spans: ContactSpans): boolean {
		if (customer >= this.start.length) return false;
		let at = this.start[customer];
		if (at < 0) return false;
		const kept = this.bytes;
		for (let k = spans.first; k < spans.first + spans.count; k++) {
			const start = spans.starts[k];
			const length = spans.ends[k] - start;
			if (kept.readUInt32LE(at) !== length) return false;
			at += 4;
			for (let i = 0; i < length; i++) if (kept[at + i] !== buffer[start + i]) return false;
			at += length;
		}
		return true;
	}

	/** The customer's last contact, as read. */
	contactOf(customer: number): ContactFields | null {
		return this.contacts[customer];
	}

	/** Whether the customer's last contact does nothing per order, so a repeat of it need not be looked at. */
	isPassive(customer: number): boolean {
		return this.passive[customer] === 1;
	}

	/** The row's contact, read as `contact`, becomes the customer's last (what was postponed of the one before is remembered first). */
	keep(buffer: Buffer, customer: number, spans: ContactSpans, contact: ContactFields | null): void {
		this.rememberPending(customer);
		let size = 0;
		for (let k = spans.first; k < spans.first + spans.count; k++) size += 4 + spans.ends[k] - spans.starts[k];
		if (this.used + size > this.bytes.length) {
			const bigger = Buffer.allocUnsafe(Math.max(2 * this.bytes.length, this.used + size));
			this.bytes.copy(bigger, 0, 0, this.used);
			this.bytes = bigger;
		}
		this.start = withRoom(this.start, customer, -1);
		this.start[customer] = this.used;
		for (let k = spans.first; k < spans.first + spans.count; k++) {
			this.bytes.writeUInt32LE(spans.ends[k] - spans.starts[k], this.used);
			this.used += 4;
			this.used += buffer.copy(this.bytes, this.used, spans.starts[k], spans.ends[k]);
		}
		this.contacts[customer] = contact;
		this.passive = withRoom(this.passive, customer);
		this.passive[customer] = contact === null || !contactActsPerOrder(contact) ? 1 : 0;
	}

	/** Notes an order at `at` that repeats the customer's last contact, without remembering its fields now. */
	postpone(customer: number, at: number): void {
		this.pendingAt = withRoom(this.pendingAt, customer, NaN);
		const pending = this.pendingAt[customer];
		if (Number.isNaN(pending)) {
			this.pendingAt[customer] = at;
			this.pendingCustomers.push(customer);
		} else if (at > pending) this.pendingAt[customer] = at;
	}

	/** Every postponed contact remembered: before a row goes to the general path, and at the end of the file. */
	rememberAllPending(): void {
		for (const customer of this.pendingCustomers) this.rememberPending(customer);
		this.pendingCustomers.length = 0;
	}

	private rememberPending(customer: number): void {
		if (customer >= this.pendingAt.length || Number.isNaN(this.pendingAt[customer])) return;
		const contact = this.contacts[customer];
		if (contact) this.summariser.rememberContact(customer, contact, this.pendingAt[customer]);
		this.pendingAt[customer] = NaN;
	}
}
