import type { IDataObject } from 'n8n-workflow';
import type { Language } from '../../lib/values/language';
import { WORDS } from '../../lib/words';

const day = (instant: unknown) => (instant ? String(instant).slice(0, 10) : null);
const consent = (value: unknown) => (typeof value === 'boolean' ? value : null);

/** A customer's summary in one line, for an agent: who, how much, how recently, how often, what may be sent. */
export function customerInWords(c: IDataObject, language: Language): string {
	const given = (c.consent ?? {}) as IDataObject;
	return WORDS[language].answers.customer({
		customerId: String(c.customerId),
		name: c.name ? String(c.name) : null,
		orders: Number(c.orders ?? 0),
		spend: `${Number(c.totalSpend ?? 0).toFixed(2)}${c.currency ? ` ${String(c.currency)}` : ''}`,
		firstOrder: day(c.firstOrderAt),
		lastOrder: day(c.lastOrderAt),
		recencyDays: typeof c.recencyDays === 'number' ? c.recencyDays : null,
		usualGapDays: typeof c.avgDaysBetweenOrders === 'number' ? Math.round(c.avgDaysBetweenOrders) : null,
		email: consent(given.email),
		sms: consent(given.sms),
	});
}

/** The figures the sentence rests on. */
export function customerFacts(c: IDataObject): IDataObject {
	const pick = ['customerId', 'name', 'email', 'phone', 'orders', 'totalSpend', 'currency', 'firstOrderAt', 'lastOrderAt', 'recencyDays', 'avgDaysBetweenOrders', 'consent', 'analysisDate'];
	return Object.fromEntries(pick.filter((key) => c[key] !== undefined).map((key) => [key, c[key]]));
}
