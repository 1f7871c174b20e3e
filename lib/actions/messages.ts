import { escapeHtml } from '../values/htmlText';
import { Language } from '../values/language';
import { BusinessType } from './businessTypes';
import { MessageAction, MessageTemplate, Placeholder, WORDS } from '../words';

/**
 * Messages from the templates per action in each language (lib/words), with the wording some
 * business types need (a restaurant's voucher is for a return visit). Placeholders in braces:
 * {name} {store} {coupon} {discount} (a percentage) {zhe} (the same as Chinese retail writes it:
 * 20% off is 8折) {expiry} {product} {categories}. A placeholder with no value
 * renders as a neutral word, never as "{coupon}" or "undefined".
 */

export type Template = MessageTemplate;

export function templateFor(action: MessageAction, language: Language, business: BusinessType): Template {
	const words = WORDS[language].messages;
	return { ...words.templates[action], ...(words.flavours[business]?.[action] ?? {}) };
}

export type Placeholders = Partial<Record<Placeholder, string | null>>;

export function render(text: string, values: Placeholders, language: Language): string {
	return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
		const fallback = WORDS[language].messages.fallback;
		if (!(key in fallback)) return whole;
		const value = oneLine(values[key as Placeholder]);
		return value === null || value === '' ? fallback[key as Placeholder] : value;
	});
}

/**
 * A value from the data (a name, a store, a product) as one line of plain text: a CR/LF in a
 * name would otherwise start a new header where a subject is sent as one (SMTP, an HTTP
 * target), and other control characters have no business in a message.
 */
export function oneLine(value: string | null | undefined): string | null {
	if (value === null || value === undefined) return null;
	return value
		.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
		.replace(/ {2,}/g, ' ')
		.trim();
}

/** The email as simple, safe HTML: every value escaped, paragraphs kept, the footer small with its link. */
export function htmlOf(text: string, coupon: string | null, footer: EmailFooter | null = null): string {
	const escape = escapeHtml;
	const paragraphs = text.split(/\n\s*\n/).map((p) => `<p>${escape(p).replace(/\n/g, '<br>')}</p>`);
	if (coupon) paragraphs.push(`<p style="font-size:20px;font-weight:bold;letter-spacing:2px">${escape(coupon)}</p>`);
	if (footer) {
		const words = escape(footer.text);
		const linked = footer.url ? words.replace(escape(footer.url), `<a href="${escape(footer.url)}">${escape(footer.url)}</a>`) : words;
		paragraphs.push(`<p style="font-size:12px;color:#6b7280">${linked}</p>`);
	}
	return `<div style="font-family:sans-serif;line-height:1.5">${paragraphs.join('')}</div>`;
}

/**
 * How a marketing message lets its reader stop them: every SMS ends with an opt-out line (Chinese
 * carriers require one such as 回T退订 on marketing SMS; "Reply STOP" is the US and EU practice),
 * every email with a footer saying why it came and how to stop it, with a link when the shop has
 * an unsubscribe page. On by default; the texts can be the shop's own.
 */
export interface OptOutSettings {
	enabled: boolean;
	/** The SMS line; empty for the language's usual one. */
	smsText: string;
	/** The email footer, with {store} and {link}; empty for the language's usual one. */
	emailText: string;
	/** The shop's unsubscribe page, with {customerId} where the customer goes; empty for "reply to unsubscribe". */
	unsubscribeUrl: string;
}

export interface EmailFooter {
	text: string;
	url: string | null;
}

export function smsWithOptOut(text: string, language: Language, s: OptOutSettings): string {
	if (!s.enabled) return text;
	const words = WORDS[language].messages;
	const line = oneLine(s.smsText) || words.smsOptOut;
	return `${text}${words.smsOptOutSeparator}${line}`;
}

export function emailFooter(store: string, customerId: string, language: Language, s: OptOutSettings): EmailFooter | null {
	if (!s.enabled) return null;
	const url = s.unsubscribeUrl.trim() ? s.unsubscribeUrl.trim().replace(/\{customerId\}/g, encodeURIComponent(customerId)) : null;
	const words = WORDS[language].messages;
	const template = s.emailText.trim() || (url ? words.emailFooter.link : words.emailFooter.reply);
	const text = template.replace(/\{store\}/g, oneLine(store) || words.fallback.store).replace(/\{link\}/g, url ?? '');
	return { text, url };
}
