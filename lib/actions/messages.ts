import { escapeHtml } from '../values/htmlText';
import { Language } from '../values/language';
import { Action } from './actionCatalog';
import { BusinessType } from './playbook';

/**
 * Message templates per action, in English and Simplified Chinese, with the wording some
 * business types need (a restaurant's voucher is for a return visit). Placeholders in braces:
 * {name} {store} {coupon} {discount} (a percentage) {zhe} (the same as Chinese retail writes it:
 * 20% off is 8折) {expiry} {product} {categories}. A placeholder with no value
 * renders as a neutral word, never as "{coupon}" or "undefined".
 */

export interface Template {
	subject: string;
	/** Email text; paragraphs are separated by a blank line. */
	body: string;
	sms: string;
	pushTitle: string;
	pushBody: string;
}

type Templates = Record<Exclude<Action, 'noAction' | 'vipOutreach'>, Template>;

const EN: Templates = {
	discountCoupon: {
		subject: '{name}, {discount}% off your next order at {store}',
		body: 'Hi {name},\n\nWe miss you at {store}. Here is {discount}% off your next order with the code {coupon}, valid until {expiry}.\n\nSee you soon!',
		sms: '{store}: {name}, {discount}% off your next order with code {coupon} until {expiry}.',
		pushTitle: '{discount}% off, just for you',
		pushBody: 'Use code {coupon} at {store} until {expiry}.',
	},
	productDiscount: {
		subject: '{discount}% off {product}, {name}',
		body: 'Hi {name},\n\n{product} is {discount}% off for you at {store} with the code {coupon}, until {expiry}.',
		sms: '{store}: {discount}% off {product} for you, code {coupon}, until {expiry}.',
		pushTitle: '{product}: {discount}% off',
		pushBody: 'Your favourite, with code {coupon} until {expiry}.',
	},
	freeShipping: {
		subject: 'Free shipping on your next order, {name}',
		body: 'Hi {name},\n\nThanks for your first order at {store}. Your next one ships free with the code {coupon}, until {expiry}.',
		sms: '{store}: free shipping on your next order, code {coupon}, until {expiry}.',
		pushTitle: 'Your next order ships free',
		pushBody: 'Code {coupon}, until {expiry}.',
	},
	productRecommendation: {
		subject: 'Picked for you at {store}',
		body: 'Hi {name},\n\nWe picked a few things for you from {categories} at {store}.',
		sms: '{store}: new picks for you in {categories}.',
		pushTitle: 'Picked for you',
		pushBody: 'New in {categories} at {store}.',
	},
	loyaltyPerk: {
		subject: 'A thank-you from {store}, {name}',
		body: 'Hi {name},\n\nAs one of our members you get a perk on your next visit to {store}: use the code {coupon} until {expiry}.',
		sms: '{store}: a member perk for you, code {coupon}, until {expiry}.',
		pushTitle: 'A perk for you',
		pushBody: 'Code {coupon} at {store} until {expiry}.',
	},
	careMessage: {
		subject: 'How are you, {name}?',
		body: 'Hi {name},\n\nIt has been a while, and we wanted to say hello from {store}. If there is anything we can do for you, just reply to this email.',
		sms: '{store}: hello {name}, we have missed you. Reply if we can help.',
		pushTitle: 'We have missed you',
		pushBody: 'Everything all right, {name}?',
	},
	greeting: {
		subject: 'Best wishes from {store}',
		body: 'Hi {name},\n\nBest wishes from all of us at {store}.',
		sms: '{store}: best wishes, {name}!',
		pushTitle: 'Best wishes',
		pushBody: 'From all of us at {store}.',
	},
	satisfactionSurvey: {
		subject: '{name}, how did we do?',
		body: 'Hi {name},\n\nWe would love to know how your last order from {store} went. Your answer helps us do better.',
		sms: '{store}: how did we do, {name}? Reply 1 (poor) to 5 (great).',
		pushTitle: 'How did we do?',
		pushBody: 'Tell {store} about your last order.',
	},
	serviceRecovery: {
		subject: 'We are sorry, {name}',
		body: 'Hi {name},\n\nWe are sorry your last experience with {store} was not what it should have been. Reply to this email and tell us what went wrong: we will do our best to put it right. As an apology, here is {discount}% off with the code {coupon}, until {expiry}.',
		sms: '{store}: sorry about your last order, {name}. {discount}% off with code {coupon} until {expiry}.',
		pushTitle: 'We are sorry',
		pushBody: '{discount}% off with code {coupon} as an apology.',
	},
	newArrivals: {
		subject: 'New at {store}',
		body: 'Hi {name},\n\nThere is a lot new at {store} since your last visit. Come and have a look.',
		sms: '{store}: new arrivals and offers are in. Come and have a look!',
		pushTitle: 'New at {store}',
		pushBody: 'New arrivals and offers since your last visit.',
	},
	crossSell: {
		subject: 'Goes well with {product}',
		body: 'Hi {name},\n\nCustomers who like {product} also love these picks from {categories} at {store}.',
		sms: '{store}: picks that go with {product}, just for you.',
		pushTitle: 'Goes with {product}',
		pushBody: 'Picks from {categories} at {store}.',
	},
};

const ZH: Templates = {
	discountCoupon: {
		subject: '{name}，{store}送您下单{zhe}优惠',
		body: '{name}，您好：\n\n{store}想念您了！下次购物使用优惠码 {coupon} 可享{zhe}优惠，有效期至{expiry}。\n\n期待您的光临！',
		sms: '【{store}】{name}，送您{zhe}优惠，优惠码{coupon}，{expiry}前有效。',
		pushTitle: '专属{zhe}优惠',
		pushBody: '优惠码{coupon}，{expiry}前有效。',
	},
	productDiscount: {
		subject: '{name}，{product}专享{zhe}优惠',
		body: '{name}，您好：\n\n您常买的{product}在{store}为您专享{zhe}优惠，优惠码 {coupon}，有效期至{expiry}。',
		sms: '【{store}】您常买的{product}专享{zhe}优惠，优惠码{coupon}，{expiry}前有效。',
		pushTitle: '{product}专享优惠',
		pushBody: '优惠码{coupon}，{expiry}前有效。',
	},
	freeShipping: {
		subject: '{name}，下一单免运费',
		body: '{name}，您好：\n\n感谢您在{store}的首次购物！下一单使用优惠码 {coupon} 即可免运费，有效期至{expiry}。',
		sms: '【{store}】下一单免运费，优惠码{coupon}，{expiry}前有效。',
		pushTitle: '下一单免运费',
		pushBody: '优惠码{coupon}，{expiry}前有效。',
	},
	productRecommendation: {
		subject: '{store}为您精选',
		body: '{name}，您好：\n\n我们从{categories}中为您精选了几件好物，欢迎来{store}看看。',
		sms: '【{store}】为您精选{categories}新品，欢迎选购。',
		pushTitle: '为您精选',
		pushBody: '{store}的{categories}上新了。',
	},
	loyaltyPerk: {
		subject: '{store}会员专属礼遇',
		body: '{name}，您好：\n\n作为{store}的会员，您可享受专属礼遇与积分奖励：下次消费使用 {coupon}，有效期至{expiry}。',
		sms: '【{store}】会员专属礼遇，使用{coupon}，{expiry}前有效。',
		pushTitle: '会员专属礼遇',
		pushBody: '使用{coupon}，{expiry}前有效。',
	},
	careMessage: {
		subject: '{name}，好久不见',
		body: '{name}，您好：\n\n好久不见，{store}想念您了。如有任何需要，欢迎直接回复我们。',
		sms: '【{store}】{name}，好久不见，有需要随时联系我们。',
		pushTitle: '好久不见',
		pushBody: '{name}，{store}想念您了。',
	},
	greeting: {
		subject: '{store}的祝福',
		body: '{name}，您好：\n\n{store}全体同仁祝您生活愉快！',
		sms: '【{store}】祝{name}生活愉快！',
		pushTitle: '节日祝福',
		pushBody: '{store}祝您生活愉快。',
	},
	satisfactionSurvey: {
		subject: '{name}，请为我们的服务打分',
		body: '{name}，您好：\n\n想了解您对{store}上次购物的感受，您的意见能帮助我们做得更好。',
		sms: '【{store}】{name}，请为上次购物打分，回复1（差）至5（好）。',
		pushTitle: '请为我们打分',
		pushBody: '告诉{store}您上次购物的感受。',
	},
	serviceRecovery: {
		subject: '{name}，向您致歉',
		body: '{name}，您好：\n\n很抱歉您上次在{store}的体验不尽如人意。欢迎直接回复告诉我们哪里没做好，我们会尽力弥补。为表歉意，送您{zhe}优惠，优惠码 {coupon}，有效期至{expiry}。',
		sms: '【{store}】抱歉上次体验不佳，送您{zhe}优惠，优惠码{coupon}，{expiry}前有效。',
		pushTitle: '向您致歉',
		pushBody: '送您{zhe}优惠，优惠码{coupon}。',
	},
	newArrivals: {
		subject: '{store}上新啦',
		body: '{name}，您好：\n\n自您上次光临以来，{store}上新了许多好物，欢迎来看看。',
		sms: '【{store}】新品与优惠已上线，欢迎选购！',
		pushTitle: '{store}上新啦',
		pushBody: '新品与优惠等您来看。',
	},
	crossSell: {
		subject: '与{product}更配',
		body: '{name}，您好：\n\n喜欢{product}的顾客也喜欢{categories}中的这些好物，欢迎来{store}看看。',
		sms: '【{store}】与{product}更配的好物，为您精选。',
		pushTitle: '与{product}更配',
		pushBody: '{store}为您精选{categories}。',
	},
};

/** Where a business type words an action its own way (the playbook presets pick these actions). */
const FLAVOURS: Partial<Record<BusinessType, Partial<Record<Language, Partial<Record<keyof Templates, Partial<Template>>>>>>> = {
	ecommerce: {
		en: { serviceRecovery: { body: 'Hi {name},\n\nWe are sorry if the delivery or after-sales service of your last order from {store} let you down. Reply and tell us what happened: we will do our best to put it right. As an apology, here is {discount}% off with the code {coupon}, until {expiry}.' } },
		'zh-CN': { serviceRecovery: { body: '{name}，您好：\n\n如果您上次在{store}的订单在物流或售后上给您带来不便，我们深表歉意。欢迎回复告诉我们具体情况，我们会尽力弥补。为表歉意，送您{zhe}优惠，优惠码 {coupon}，有效期至{expiry}。' } },
	},
	physicalStore: {
		en: { newArrivals: { subject: 'You are invited: an in-store event at {store}', body: 'Hi {name},\n\nWe are holding an event at {store} and would love to see you there. Come by for new arrivals and offers.', sms: '{store}: you are invited to our in-store event. New arrivals and offers!' } },
		'zh-CN': { newArrivals: { subject: '诚邀您参加{store}店内活动', body: '{name}，您好：\n\n{store}即将举办店内活动，诚邀您到店体验新品与优惠。', sms: '【{store}】诚邀您参加店内活动，新品与优惠等您来！' } },
	},
	fmcg: {
		en: { productDiscount: { subject: '{product} is on promotion for you', sms: '{store}: your usual {product} is {discount}% off, code {coupon}, until {expiry}.' } },
		'zh-CN': { productDiscount: { subject: '您常买的{product}促销啦', sms: '【{store}】您常买的{product}促销{zhe}，优惠码{coupon}，{expiry}前有效。' } },
	},
	apparel: {
		en: { newArrivals: { subject: 'The new collection is in at {store}', body: 'Hi {name},\n\nThe new collection is in at {store}, with styling ideas picked for you.', sms: '{store}: the new collection is in, with styling ideas for you.' } },
		'zh-CN': { newArrivals: { subject: '{store}新系列上市', body: '{name}，您好：\n\n{store}新系列已上市，并为您准备了穿搭灵感。', sms: '【{store}】新系列上市，穿搭灵感为您准备好了。' } },
	},
	restaurant: {
		en: {
			discountCoupon: { subject: '{name}, a voucher for your next visit to {store}', body: 'Hi {name},\n\nWe would love to cook for you again. Here is {discount}% off your next visit to {store} with the code {coupon}, until {expiry}.', sms: '{store}: {discount}% off your next visit, code {coupon}, until {expiry}.' },
			satisfactionSurvey: { subject: 'How was your meal, {name}?', body: 'Hi {name},\n\nHow did you like the food at {store}? Tell us about the taste: we read every answer.', sms: '{store}: how was your meal? Reply 1 (poor) to 5 (delicious).' },
		},
		'zh-CN': {
			discountCoupon: { subject: '{name}，送您{store}回店优惠券', body: '{name}，您好：\n\n期待再次为您服务！下次到{store}用餐使用 {coupon} 可享{zhe}优惠，有效期至{expiry}。', sms: '【{store}】回店享{zhe}优惠，券码{coupon}，{expiry}前有效。' },
			satisfactionSurvey: { subject: '{name}，菜品口味还满意吗？', body: '{name}，您好：\n\n您觉得{store}的菜品口味如何？欢迎告诉我们您的感受。', sms: '【{store}】菜品口味满意吗？回复1（不满意）至5（很满意）。' },
		},
	},
	membershipStore: {
		en: { loyaltyPerk: { subject: 'Your member benefits at {store}', body: 'Hi {name},\n\nYour membership at {store} comes with benefits and bonus points: use the code {coupon} on your next visit, until {expiry}.' } },
		'zh-CN': { loyaltyPerk: { subject: '您在{store}的会员权益', body: '{name}，您好：\n\n您的{store}会员权益与积分奖励已到账：下次消费使用 {coupon}，有效期至{expiry}。' } },
	},
	freshFood: {
		en: { serviceRecovery: { subject: 'Our freshness guarantee, {name}', body: 'Hi {name},\n\nWe are sorry if your last delivery from {store} was not as fresh or on time as it should have been. Reply and tell us what happened; under our freshness guarantee, here is {discount}% off with the code {coupon}, until {expiry}.' } },
		'zh-CN': { serviceRecovery: { subject: '{name}，我们的新鲜承诺', body: '{name}，您好：\n\n如果您上次在{store}收到的商品不够新鲜或配送不及时，我们深表歉意。欢迎回复告诉我们具体情况；按照我们的新鲜承诺，送您{zhe}优惠，优惠码 {coupon}，有效期至{expiry}。' } },
	},
};

export function templateFor(action: keyof Templates, language: Language, business: BusinessType): Template {
	const base = (language === 'zh-CN' ? ZH : EN)[action];
	return { ...base, ...(FLAVOURS[business]?.[language]?.[action] ?? {}) };
}

export type Placeholders = Partial<Record<'name' | 'store' | 'coupon' | 'discount' | 'zhe' | 'expiry' | 'product' | 'categories', string | null>>;

const FALLBACK: Record<Language, Required<Record<keyof Placeholders, string>>> = {
	en: { name: 'there', store: 'our store', coupon: '', discount: '', zhe: '', expiry: '', product: 'your favourites', categories: 'our range' },
	'zh-CN': { name: '亲爱的顾客', store: '本店', coupon: '', discount: '', zhe: '', expiry: '', product: '您喜欢的商品', categories: '全部商品' },
};

export function render(text: string, values: Placeholders, language: Language): string {
	return text.replace(/\{(\w+)\}/g, (whole, key: string) => {
		if (!(key in FALLBACK[language])) return whole;
		const value = oneLine(values[key as keyof Placeholders]);
		return value === null || value === '' ? FALLBACK[language][key as keyof Placeholders] : value;
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

export const DEFAULT_SMS_OPT_OUT: Record<Language, string> = { en: 'Reply STOP to opt out.', 'zh-CN': '回T退订' };

const DEFAULT_EMAIL_FOOTER: Record<Language, { reply: string; link: string }> = {
	en: { reply: 'You receive this email as a customer of {store}. To stop these emails, reply "unsubscribe".', link: 'You receive this email as a customer of {store}. To stop these emails: {link}' },
	'zh-CN': { reply: '您收到此邮件是因为您是{store}的顾客。如不想再收到此类邮件，请回复“退订”。', link: '您收到此邮件是因为您是{store}的顾客。退订请访问：{link}' },
};

export interface EmailFooter {
	text: string;
	url: string | null;
}

export function smsWithOptOut(text: string, language: Language, s: OptOutSettings): string {
	if (!s.enabled) return text;
	const line = oneLine(s.smsText) || DEFAULT_SMS_OPT_OUT[language];
	return language === 'zh-CN' ? `${text}${line}` : `${text} ${line}`;
}

export function emailFooter(store: string, customerId: string, language: Language, s: OptOutSettings): EmailFooter | null {
	if (!s.enabled) return null;
	const url = s.unsubscribeUrl.trim() ? s.unsubscribeUrl.trim().replace(/\{customerId\}/g, encodeURIComponent(customerId)) : null;
	const template = s.emailText.trim() || (url ? DEFAULT_EMAIL_FOOTER[language].link : DEFAULT_EMAIL_FOOTER[language].reply);
	const text = template.replace(/\{store\}/g, oneLine(store) || FALLBACK[language].store).replace(/\{link\}/g, url ?? '');
	return { text, url };
}

/**
 * A discount as Chinese retail writes it: the share of the price paid, in tenths (折). 20% off is
 * 8折, 15% off 85折, 12% off 88折.
 */
export function zheText(discountPct: number): string {
	const tenths = (100 - discountPct) / 10;
	return Number.isInteger(tenths) ? `${tenths}折` : `${Math.round(tenths * 10)}折`;
}
