import { DEFAULT_COUNTRY_CODE, normaliseEmail, normalisePhone } from './contactFields';

/** What a lookup needs of a customer: the ID and the contact fields as Customer Data cleans them. */
export interface Identified {
	customerId: string;
	email: string | null;
	phone: string | null;
}

/**
 * Which customers someone means by what they typed: a customer ID (any case), an email address
 * (as cleaned: trimmed, lower case) or a phone number (to E.164, read in `defaultCountry` when it
 * has no country code, so "138 1234 5678" finds +8613812345678). Every customer it fits, the ID
 * first: an agent must be told when a phone is shared rather than be given one of them.
 */
export function customersMatching<T extends Identified>(customers: Iterable<T>, query: string, defaultCountry = DEFAULT_COUNTRY_CODE): T[] {
	const text = query.trim();
	if (text === '') return [];
	const id = text.toLowerCase();
	const email = normaliseEmail(text);
	const phone = /\d{5}/.test(text.replace(/\D/g, '')) ? normalisePhone(text, defaultCountry) : null;
	const byId: T[] = [];
	const byContact: T[] = [];
	for (const customer of customers) {
		if (customer.customerId.toLowerCase() === id) byId.push(customer);
		else if (typeof email === 'string' && customer.email === email) byContact.push(customer);
		else if (typeof phone === 'string' && customer.phone === phone) byContact.push(customer);
	}
	return byId.length > 0 ? byId : byContact;
}
