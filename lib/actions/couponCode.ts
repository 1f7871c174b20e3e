import { createHmac } from 'crypto';

/** Crockford's base 32: no I, L, O or U, so a code read aloud or typed is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

const MIN_SECRET_LENGTH = 16;

/** Texts shipped or typed as stand-ins: a secret anyone can read is no secret. */
const PLACEHOLDERS = new Set(['change-me-for-each-client', 'change-me', 'changeme', 'change_me', 'secret', 'coupon-secret', 'your-secret', 'your-secret-here', 'placeholder', 'default', 'password', 'test', 'example']);

/**
 * Why a Coupon Secret cannot sign codes, or null when it can: empty, a known placeholder, or too
 * short to resist guessing. Whoever knows the secret (or sees the workflow it was derived from)
 * can mint valid codes for any customer.
 */
export function couponSecretProblem(secret: string): string | null {
	const text = secret.trim();
	if (text === '') return 'Coupon Secret is empty';
	if (PLACEHOLDERS.has(text.toLowerCase())) return `Coupon Secret "${text}" is a placeholder`;
	if (text.length < MIN_SECRET_LENGTH) return `Coupon Secret is shorter than ${MIN_SECRET_LENGTH} characters`;
	return null;
}

/**
 * A coupon code for one customer in one campaign: an HMAC of the two under a secret, so it is
 * the same on every run (a re-run does not issue a second code), unique in practice (50 bits),
 * and cannot be guessed or derived from the customer ID without the secret. Shown in groups of
 * five: `K7Q2M-9XH4T`.
 */
export function couponCode(secret: string, campaignId: string, customerId: string, prefix = ''): string {
	const digest = createHmac('sha256', secret).update(`${campaignId}\u0000${customerId}`).digest();
	let bits = 0;
	let value = 0;
	let code = '';
	for (let i = 0; code.length < LENGTH; i++) {
		value = (value << 8) | digest[i];
		bits += 8;
		while (bits >= 5 && code.length < LENGTH) {
			bits -= 5;
			code += ALPHABET[(value >> bits) & 31];
		}
		value &= (1 << bits) - 1;
	}
	return `${prefix}${code.slice(0, 5)}-${code.slice(5)}`;
}
