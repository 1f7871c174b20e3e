import { CleaningOptions } from './cleanOrders';
import { normaliseEmail, normalisePhone, parseFlag, parseOptionalNumber, textOrNull } from './contactFields';
import { ORDER_FIELDS, OrderField } from './fieldCatalog';
import { FieldMapping } from './fieldMapping';
import { parseDate } from './parseDate';
import { parseMoney } from './parseMoney';

/** The optional contact, consent, CRM and experience fields of a row. */
export interface ContactFields {
	email: string | null;
	phone: string | null;
	firstName: string | null;
	lastName: string | null;
	name: string | null;
	discountAmount: number | null;
	couponCode: string | null;
	complaints: number | null;
	satisfaction: number | null;
	consentEmail: boolean | null;
	consentSms: boolean | null;
	consentPush: boolean | null;
	lastContactedAt: number | null;
	timezone: string | null;
	hubspotId: string | null;
	salesforceId: string | null;
	pipedriveId: string | null;
	productId: string | null;
	/** Problems with these fields; they never stop a row from being read. */
	issues: string[];
}

function present(value: unknown): boolean {
	return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

/** Every catalog field that is not part of the order itself. */
type ContactKey = Exclude<OrderField, 'customerId' | 'orderId' | 'orderDate' | 'amount' | 'currency' | 'returned'>;
const ORDER_CORE = new Set<OrderField>(['customerId', 'orderId', 'orderDate', 'amount', 'currency', 'returned']);
const CONTACT_KEYS = ORDER_FIELDS.filter((field): field is ContactKey => !ORDER_CORE.has(field));


/**
 * Builds, once per mapping, a reader of the contact fields of a row; it touches only the mapped
 * columns, so a file with just ids, dates and amounts pays nothing per row. Returns null when
 * no contact column is mapped at all.
 */
export function contactReader(m: FieldMapping, options: CleaningOptions): ((raw: Record<string, unknown>) => ContactFields) | null {
	const mapped = CONTACT_KEYS.filter((key) => m[key] !== undefined).map((key) => [key, m[key] as string] as const);
	if (mapped.length === 0) return null;
	return (raw) => {
		const contact: ContactFields = {
			email: null,
			phone: null,
			firstName: null,
			lastName: null,
			name: null,
			discountAmount: null,
			couponCode: null,
			complaints: null,
			satisfaction: null,
			consentEmail: null,
			consentSms: null,
			consentPush: null,
			lastContactedAt: null,
			timezone: null,
			hubspotId: null,
			salesforceId: null,
			pipedriveId: null,
			productId: null,
			issues: [],
		};
		for (const [key, column] of mapped) readField(contact, key, raw[column], options);
		return contact;
	};
}

function readField(contact: ContactFields, key: ContactKey, value: unknown, options: CleaningOptions): void {
	switch (key) {
		case 'email': {
			const parsed = normaliseEmail(value);
			if (parsed !== null && typeof parsed === 'object') contact.issues.push(`email "${parsed.invalid}" is not a valid address`);
			else contact.email = parsed;
			return;
		}
		case 'phone': {
			const parsed = normalisePhone(value, options.defaultCountryCode);
			if (parsed !== null && typeof parsed === 'object') {
				contact.issues.push(`phone "${parsed.invalid}" could not be turned into an international number (set Default Country Code?)`);
			} else contact.phone = parsed;
			return;
		}
		case 'lastContactedAt': {
			if (!present(value)) return;
			const parsed = parseDate(value, options.dateOrder, options.timeZone);
			if ('error' in parsed) contact.issues.push(`last contacted at ${parsed.error}`);
			else contact.lastContactedAt = parsed.ms;
			return;
		}
		case 'discountAmount': {
			if (!present(value)) return;
			const parsed = parseMoney(value, options);
			if ('error' in parsed) contact.issues.push(`discount ${parsed.error}`);
			else contact.discountAmount = Math.abs(parsed.value);
			return;
		}
		case 'complaints':
		case 'satisfaction': {
			const parsed = parseOptionalNumber(value);
			if (parsed === null && present(value)) contact.issues.push(`${key} "${String(value)}" is not a number`);
			contact[key] = parsed;
			return;
		}
		case 'consentEmail':
		case 'consentSms':
		case 'consentPush':
			contact[key] = parseFlag(value);
			return;
		default:
			contact[key] = textOrNull(value);
	}
}
