/** Emails, phones and yes/no flags as they come from exports and CRMs. */
// libphonenumber-js is a runtime dependency (listed with the other accepted findings in the
// README): numbering plans of every country are data no hand-written rule should guess at.
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports
import { CountryCode, isSupportedCountry, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/min';
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports
import phoneMetadata from 'libphonenumber-js/min/metadata';

import { fromSpreadsheetSafe, runsAsFormula } from '../values/spreadsheetText';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(value: unknown): string | null | { invalid: string } {
	if (value === null || value === undefined) return null;
	const text = String(value).trim().toLowerCase();
	if (text === '') return null;
	// An address a spreadsheet would run as a formula (`=1+1@evil.com`) is no address to write to.
	return EMAIL.test(text) && !runsAsFormula(text) ? text : { invalid: text };
}

/**
 * The country a number without a country code is read in: an ISO 3166 region (`CN`, `IT`) or a
 * calling code (`86`, `+39`), which stands for the main country of that code (`1` is the US).
 * Undefined when the setting names neither.
 */
export function phoneRegion(defaultCountry: string): CountryCode | undefined {
	const setting = defaultCountry.trim().toUpperCase();
	if (/^[A-Z]{2}$/.test(setting)) return isSupportedCountry(setting) ? (setting as CountryCode) : undefined;
	const callingCode = setting.replace(/^\+/, '');
	if (!/^\d{1,4}$/.test(callingCode)) return undefined;
	return MAIN_COUNTRY_OF_CALLING_CODE.get(callingCode);
}

const MAIN_COUNTRY_OF_CALLING_CODE: Map<string, CountryCode> = (() => {
	const byCode = new Map<string, CountryCode>();
	// Each code's main country comes first in the metadata (US for 1, IT for 39, RU for 7).
	const codes = (phoneMetadata as { country_calling_codes: Record<string, CountryCode[]> }).country_calling_codes;
	for (const [code, countries] of Object.entries(codes)) if (countries.length) byCode.set(code, countries[0]);
	return byCode;
})();

const PHONE_PROBLEMS: Record<string, string> = {
	TOO_SHORT: 'has too few digits',
	TOO_LONG: 'has too many digits',
	INVALID_LENGTH: 'has a number of digits no number there has',
	INVALID_COUNTRY: 'has no country code and no Default Country Code applies',
	NOT_A_NUMBER: 'is not a phone number',
};

/**
 * To E.164 (`+8613812345678`), checked against the numbering plan of its country with
 * libphonenumber-js (its small "min" metadata): national trunk prefixes and international
 * dialling prefixes are those of the country (Italy keeps its leading 0, `011` dials out of the
 * US). A number that is not valid there comes back with the reason, for the customer's
 * dataIssues, instead of being guessed into a wrong number.
 */
export function normalisePhone(value: unknown, defaultCountry: string): string | null | { invalid: string; reason: string } {
	if (value === null || value === undefined) return null;
	const raw = String(value).trim();
	if (raw === '') return null;
	const region = phoneRegion(defaultCountry);
	const phone = parsePhoneNumberFromString(raw, region);
	if (phone?.isValid()) return phone.number;
	const where = phone?.country ?? (phone ? `+${phone.countryCallingCode}` : region);
	const problem = validatePhoneNumberLength(raw, region);
	const reason = problem
		? PHONE_PROBLEMS[problem] ?? 'is not a valid number'
		: `is not a valid number${where ? ` in ${where}` : ''}`;
	const hint = region ? '' : ' (set Default Country Code for numbers without +)';
	return { invalid: raw, reason: `${reason}${hint}` };
}

/*
 * Answers to "may we contact you / was it returned", as exports, CRMs and people write them.
 * Unknown words are no answer (null), never consent. Compared after NFKC (full-width ＳＴＯＰ is
 * STOP), lower-casing and turning spaces and dashes into underscores, with and without the
 * underscores. `t` is not a yes: in Chinese SMS practice 回T退订 makes T the unsubscribe reply.
 */
const TRUE_WORDS = new Set([
	'true', 'yes', 'y', '1', 'on', 'optin', 'opted_in', 'subscribed', 'subscribe', 'granted', 'consented', 'consent', 'agreed', 'agree', 'accepted', 'allow', 'allowed', 'x',
	'ja', 'oui', 'si', 'sí',
	'是', '已订阅', '订阅', '同意', '允许', '已退货', '已退款',
]);
const FALSE_WORDS = new Set([
	'false', 'f', 'no', 'n', '0', 'off', 'optout', 'opted_out', 'unsubscribed', 'unsubscribe', 'unsub', 'denied', 'declined', 'decline', 'refused', 'rejected',
	'revoked', 'withdrawn', 'withdraw', 'stop', 'stopped', 'do_not_contact', 'dnc', 'do_not_email', 'do_not_call', 'none', 'never', 'blocked', 'bounced',
	'nein', 'non', 'nee', 'nej', 'nie',
	'否', '未订阅', '不同意', '退订', '已退订', '取消订阅', '拒绝', '拒收', '不接收', '禁止',
]);
/** Words that withdraw consent wherever they stand in the answer ("unsubscribed 2024-05-01", "STOP!"). */
const OPT_OUT_TOKENS = new Set(['unsubscribed', 'unsubscribe', 'unsub', 'optout', 'opted_out', 'stop', 'stopped', 'revoked', 'withdrawn', 'dnc', 'do_not_contact', 'do_not_email', 'do_not_call']);
/** Chinese opt-outs inside longer answers (退订了, 已拒收): checked before the yes words, since 不同意 holds 同意. */
const OPT_OUT_PARTS = ['退订', '拒收', '取消订阅', '拒绝', '不接收', '禁止', '未订阅', '不同意', '勿扰'];

/** true / false, or null when the value does not say (unknown consent is not consent). */
export function parseFlag(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value === 0 ? false : value === 1 ? true : null;
	if (typeof value !== 'string') return null;
	const lower = value.normalize('NFKC').trim().toLowerCase();
	if (OPT_OUT_PARTS.some((part) => lower.includes(part))) return false;
	// Punctuation around the answer says nothing ("Stop.", "yes!").
	const text = lower.replace(/^[\s\p{P}]+|[\s\p{P}]+$/gu, '').replace(/[\s-]/g, '_');
	if (TRUE_WORDS.has(text) || TRUE_WORDS.has(text.replace(/_/g, ''))) return true;
	if (FALSE_WORDS.has(text) || FALSE_WORDS.has(text.replace(/_/g, ''))) return false;
	const tokens = text.split(/[_\p{P}\s]+/u).filter(Boolean);
	// "No thanks", "no, please": a no that opens the answer; an opt-out word anywhere in it.
	if (tokens.length > 1 && (FALSE_WORDS.has(tokens[0]) || tokens.some((t) => OPT_OUT_TOKENS.has(t)) || tokens.join('_').match(/opt(ed)?_out|do_not_/))) return false;
	return null;
}

/** Whether a cell holds anything: not missing, not null, not blank text. */
export function hasValue(value: unknown): boolean {
	return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

export function parseOptionalNumber(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	const n = typeof value === 'number' ? value : Number(String(value).trim());
	return Number.isFinite(n) ? n : null;
}

/**
 * An ID as text: a text or a number, trimmed; an object or list is no ID (never "[object
 * Object]"). The ' a spreadsheet-safe CSV puts before formula-like text is not part of the ID.
 */
export function idText(value: unknown): string | null {
	if (typeof value === 'object') return null;
	const text = textOrNull(value);
	return text === null ? null : fromSpreadsheetSafe(text);
}

export function textOrNull(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	const text = String(value).trim();
	return text === '' ? null : text;
}
