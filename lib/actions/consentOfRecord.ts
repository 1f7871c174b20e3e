import { fieldPath, FieldSource, jsonFields } from '../values/fieldSource';
import { parseFlag } from '../values/yesNo';
import { CanonicalField, fieldForColumn } from '../customer/fieldCatalog';
import type { Reach } from './contactPolicy';

type Channel = keyof Reach['consent'];
const CHANNEL_OF_FIELD: Partial<Record<CanonicalField, Channel>> = { consentEmail: 'email', consentSms: 'sms', consentPush: 'push' };
/** Keys that, when true, withdraw consent on every channel. */
const UNSUBSCRIBED_KEYS = new Set(['unsubscribed', 'optedout', 'optout', 'donotcontact', 'dnc', 'blocked']);

/**
 * A customer's consent per channel, from every shape an item may carry it in: our own
 * `consent: { email, sms, push }` (any case of the keys), one `consent: false` for all
 * channels, top-level fields as exports and CRMs name them (`emailConsent`, `email_opt_in`,
 * `accepts_marketing`), and `unsubscribed: true`. An opt-out anywhere wins: a customer who said
 * no in one field is not contacted because another field says yes.
 */
/** What a top-level field says about consent: an unsubscribe flag, one channel's consent, or nothing. */
type KeyRole = 'unsubscribed' | Channel | null;
/** Roles of names already seen (every record repeats the same keys); bounded like fieldForColumn's. */
const ROLE_OF_KEY = new Map<string, KeyRole>();

function roleOf(key: string): KeyRole {
	let role = ROLE_OF_KEY.get(key);
	if (role !== undefined) return role;
	if (UNSUBSCRIBED_KEYS.has(key.toLowerCase().replace(/[\s_-]/g, ''))) role = 'unsubscribed';
	else {
		const field = fieldForColumn(key);
		role = (field && CHANNEL_OF_FIELD[field]) ?? null;
	}
	if (ROLE_OF_KEY.size < 10_000) ROLE_OF_KEY.set(key, role);
	return role;
}

/** Whether consentOfRecord reads a record's top-level field of this name. */
export function isConsentKey(key: string): boolean {
	return key === 'consent' || roleOf(key) !== null;
}

/** The fields among `keys` that say something about consent besides `consent` itself (see consentOfRecord's `keys`). */
export function consentFieldsAmong(keys: Iterable<string>): string[] {
	return [...keys].filter((key) => roleOf(key) !== null);
}

const CONSENT = fieldPath('consent');

/**
 * `fields`, when given, are the record's fields that can say something about consent
 * (consentFieldsAmong of every field a customer base has): only those are looked at, instead of
 * every field of every record.
 */
export function consentOfRecord(json: Record<string, unknown>, fields?: readonly string[]): Reach['consent'] {
	return consentOfFields(jsonFields(json), fields ?? consentFieldsAmong(Object.keys(json)));
}

/** consentOfRecord of a record's fields wherever they are; `fields` as consentFieldsAmong gives them. */
export function consentOfFields(record: FieldSource, fields: readonly string[]): Reach['consent'] {
	const answers: Record<Channel, Array<boolean | null>> = { email: [], sms: [], push: [] };
	const everyChannel = (answer: boolean | null) => (['email', 'sms', 'push'] as const).forEach((c) => answers[c].push(answer));
	const consent = record.get(CONSENT);
	if (consent && typeof consent === 'object' && !Array.isArray(consent)) {
		for (const [key, value] of Object.entries(consent)) {
			const channel = (['email', 'sms', 'push'] as const).find((c) => c === key.toLowerCase());
			if (channel) answers[channel].push(parseFlag(value));
		}
	} else if (consent !== undefined) everyChannel(parseFlag(consent));
	for (const key of fields) {
		const role = roleOf(key);
		if (role === null) continue;
		const value = record.get(fieldPath(key));
		if (role === 'unsubscribed') {
			const flag = parseFlag(value);
			if (flag !== null) everyChannel(flag ? false : null);
		} else answers[role].push(parseFlag(value));
	}
	const decide = (list: Array<boolean | null>) => (list.includes(false) ? false : list.includes(true) ? true : null);
	return { email: decide(answers.email), sms: decide(answers.sms), push: decide(answers.push) };
}
