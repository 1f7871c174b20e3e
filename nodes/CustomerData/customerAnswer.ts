import type { IDataObject } from 'n8n-workflow';
import { daysInWords } from '../shared/agentTool/answerWords';

const money = (value: unknown, currency: unknown) => `${Number(value ?? 0).toFixed(2)}${currency ? ` ${String(currency)}` : ''}`;
const day = (instant: unknown) => String(instant ?? '').slice(0, 10);
const consentWord = (value: unknown) => (value === true ? 'yes' : value === false ? 'no' : 'not known');

/** A customer's summary in one line, for an agent: who, how much, how recently, how often, what may be sent. */
export function customerInWords(c: IDataObject): string {
	const consent = (c.consent ?? {}) as IDataObject;
	const orders = Number(c.orders ?? 0);
	return [
		`${String(c.customerId)}${c.name ? ` (${String(c.name)})` : ''}: ${orders} order${orders === 1 ? '' : 's'}, ${money(c.totalSpend, c.currency)} spent`,
		c.lastOrderAt ? `first order ${day(c.firstOrderAt)}, last ${day(c.lastOrderAt)} (${daysInWords(c.recencyDays)} ago)` : 'no order yet',
		typeof c.avgDaysBetweenOrders === 'number' ? `orders about every ${daysInWords(Math.round(c.avgDaysBetweenOrders))}` : 'no repeat order yet',
		`may be emailed: ${consentWord(consent.email)}, texted: ${consentWord(consent.sms)}`,
	].join('; ') + '.';
}

/** The figures the sentence rests on. */
export function customerFacts(c: IDataObject): IDataObject {
	const pick = ['customerId', 'name', 'email', 'phone', 'orders', 'totalSpend', 'currency', 'firstOrderAt', 'lastOrderAt', 'recencyDays', 'avgDaysBetweenOrders', 'consent', 'analysisDate'];
	return Object.fromEntries(pick.filter((key) => c[key] !== undefined).map((key) => [key, c[key]]));
}
