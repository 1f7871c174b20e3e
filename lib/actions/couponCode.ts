import { createHmac } from 'crypto';

/** Crockford's base 32: no I, L, O or U, so a code read aloud or typed is not misread. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

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
