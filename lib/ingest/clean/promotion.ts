import { ContactFields } from '../fields/contactRecord';

/**
 * Whether an order was bought on promotion, the sign of a price-sensitive customer: a discount of
 * at least MIN_PROMOTION_DEPTH of the price before it, or (without an amount) a coupon code. Codes
 * the shop hands out as service rather than price (a welcome or win-back code it lists, and the
 * codes Retention Action issues) are not promotions: redeeming a win-back coupon must not make a
 * customer "price sensitive" next time. Customer Data leaves a customer's first order out of the
 * count in any case (welcome offers).
 */
export const MIN_PROMOTION_DEPTH = 0.1;

/** The shape of Retention Action's codes: two groups of five in Crockford's base 32. */
const RETENTION_CODE = /^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/;

/** Codes as listed ("WELCOME10, BACK*"): exact codes, or prefixes ending in *; case ignored. */
export function serviceCodeMatcher(listed: readonly string[]): (code: string) => boolean {
	const exact = new Set<string>();
	const prefixes: string[] = [];
	for (const entry of listed) {
		const code = entry.trim().toUpperCase();
		if (code === '') continue;
		if (code.endsWith('*')) prefixes.push(code.slice(0, -1));
		else exact.add(code);
	}
	return (code) => {
		const upper = code.trim().toUpperCase();
		return RETENTION_CODE.test(upper) || exact.has(upper) || prefixes.some((prefix) => upper.startsWith(prefix));
	};
}

export function isPromotionOrder(contact: ContactFields | null, amount: number, isServiceCode: (code: string) => boolean): boolean {
	if (!contact) return false;
	const code = contact.couponCode ?? null;
	if (code !== null && isServiceCode(code)) return false;
	const discount = contact.discountAmount ?? 0;
	if (discount > 0) return amount + discount > 0 && discount / (amount + discount) >= MIN_PROMOTION_DEPTH;
	return code !== null;
}
