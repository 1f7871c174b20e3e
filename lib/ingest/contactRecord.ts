import { CleaningOptions } from './cleanOrders';
import { normaliseEmail, normalisePhone, parseFlag, parseOptionalNumber, textOrNull } from './contactFields';
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

export function readContactFields(raw: Record<string, unknown>, m: FieldMapping, options: CleaningOptions): ContactFields {
	const issues: string[] = [];
	const value = (field: keyof FieldMapping) => (m[field] ? raw[m[field] as string] : undefined);
	const text = (field: keyof FieldMapping) => textOrNull(value(field));
	const flag = (field: keyof FieldMapping) => parseFlag(value(field));
	const number = (field: keyof FieldMapping) => {
		const parsed = parseOptionalNumber(value(field));
		if (parsed === null && present(value(field))) issues.push(`${field} "${String(value(field))}" is not a number`);
		return parsed;
	};

	let email: string | null = null;
	const parsedEmail = normaliseEmail(value('email'));
	if (parsedEmail !== null && typeof parsedEmail === 'object') issues.push(`email "${parsedEmail.invalid}" is not a valid address`);
	else email = parsedEmail;

	let phone: string | null = null;
	const parsedPhone = normalisePhone(value('phone'), options.defaultCountryCode);
	if (parsedPhone !== null && typeof parsedPhone === 'object') {
		issues.push(`phone "${parsedPhone.invalid}" could not be turned into an international number (set Default Country Code?)`);
	} else phone = parsedPhone;

	let lastContactedAt: number | null = null;
	if (present(value('lastContactedAt'))) {
		const parsed = parseDate(value('lastContactedAt'), options.dateOrder, options.timeZone);
		if ('error' in parsed) issues.push(`last contacted at ${parsed.error}`);
		else lastContactedAt = parsed.ms;
	}
	let discountAmount: number | null = null;
	if (present(value('discountAmount'))) {
		const parsed = parseMoney(value('discountAmount'), options);
		if ('error' in parsed) issues.push(`discount ${parsed.error}`);
		else discountAmount = Math.abs(parsed.value);
	}
	return {
		email,
		phone,
		firstName: text('firstName'),
		lastName: text('lastName'),
		name: text('name'),
		discountAmount,
		couponCode: text('couponCode'),
		complaints: number('complaints'),
		satisfaction: number('satisfaction'),
		consentEmail: flag('consentEmail'),
		consentSms: flag('consentSms'),
		consentPush: flag('consentPush'),
		lastContactedAt,
		timezone: text('timezone'),
		hubspotId: text('hubspotId'),
		salesforceId: text('salesforceId'),
		pipedriveId: text('pipedriveId'),
		productId: text('productId'),
		issues,
	};
}
