/** Emails, phones and yes/no flags as they come from exports and CRMs. */

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normaliseEmail(value: unknown): string | null | { invalid: string } {
	if (value === null || value === undefined) return null;
	const text = String(value).trim().toLowerCase();
	if (text === '') return null;
	return EMAIL.test(text) ? text : { invalid: text };
}

/**
 * To E.164 (`+8613812345678`). A number without a country code gets the default one, after
 * dropping a national trunk prefix 0 (`010 1234 5678` -> `+861012345678`). This formats; it does
 * not check numbering plans, so anything of 8 to 15 digits is accepted.
 */
export function normalisePhone(value: unknown, defaultCountryCode: string): string | null | { invalid: string } {
	if (value === null || value === undefined) return null;
	const raw = String(value).trim();
	if (raw === '') return null;
	const compact = raw.replace(/[\s\-().\u00a0/]/g, '');
	let digits: string;
	if (compact.startsWith('+')) digits = compact.slice(1);
	else if (compact.startsWith('00')) digits = compact.slice(2);
	else {
		const cc = defaultCountryCode.replace(/\D/g, '');
		if (!cc) return { invalid: raw };
		digits = cc + compact.replace(/^0/, '');
	}
	if (!/^\d{8,15}$/.test(digits)) return { invalid: raw };
	return `+${digits}`;
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'on', 'optin', 'opted_in', 'subscribed', 'granted', 'x', '是', '已订阅', '同意', '已退货', '已退款']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'off', 'optout', 'opted_out', 'unsubscribed', 'denied', '否', '未订阅', '不同意', '退订']);

/** true / false, or null when the value does not say (unknown consent is not consent). */
export function parseFlag(value: unknown): boolean | null {
	if (typeof value === 'boolean') return value;
	if (typeof value === 'number') return value === 0 ? false : value === 1 ? true : null;
	if (typeof value !== 'string') return null;
	const text = value.trim().toLowerCase().replace(/[\s-]/g, '_');
	if (TRUE_WORDS.has(text) || TRUE_WORDS.has(text.replace(/_/g, ''))) return true;
	if (FALSE_WORDS.has(text) || FALSE_WORDS.has(text.replace(/_/g, ''))) return false;
	return null;
}

export function parseOptionalNumber(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	const n = typeof value === 'number' ? value : Number(String(value).trim());
	return Number.isFinite(n) ? n : null;
}

export function textOrNull(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	const text = String(value).trim();
	return text === '' ? null : text;
}
