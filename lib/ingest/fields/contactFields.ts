/** Emails and phones as they come from exports and CRMs. */
// libphonenumber-js (bundled into the package): numbering plans of every country are data no
// hand-written rule should guess at.
import { CountryCode, isSupportedCountry, parsePhoneNumberFromString, validatePhoneNumberLength } from 'libphonenumber-js/min';
import phoneMetadata from 'libphonenumber-js/min/metadata';

import { runsAsFormula } from '../../values/spreadsheetText';

/** The calling code phones without one are read in: the source material's market is China. */
export const DEFAULT_COUNTRY_CODE = '86';

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
