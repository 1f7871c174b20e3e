import { fieldPath, FieldSource, jsonFields } from '../values/fieldSource';
import { parseFlag } from '../values/yesNo';
import { CanonicalField, fieldForColumn } from '../customer/fieldCatalog';
import type { Reach } from './contactPolicy';

type Channel = keyof Reach['consent'];
const CHANNELS: readonly Channel[] = ['email', 'sms', 'push'];
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

const YES = 1;
const NO = 2;
/** What one answer adds to a channel's answers seen. */
const answerBit = (flag: boolean | null) => (flag === null ? 0 : flag ? YES : NO);
/** A channel's answers: a no anywhere wins, then a yes, else nothing said. */
const decide = (seen: number) => ((seen & NO) !== 0 ? false : (seen & YES) !== 0 ? true : null);

/** The channel a key of `consent` names, in any case; -1 for none. */
function channelOfKey(key: string): number {
	switch (key) {
		case 'email':
			return 0;
		case 'sms':
			return 1;
		case 'push':
			return 2;
	}
	const lower = key.toLowerCase();
	return lower === key ? -1 : channelOfKey(lower);
}

/** consentOfRecord of a record's fields wherever they are; `fields` as consentFieldsAmong gives them. */
export function consentOfFields(record: FieldSource, fields: readonly string[]): Reach['consent'] {
	// Answers seen per channel (email, sms, push), as bits: a million customers, no lists.
	const seen = [0, 0, 0];
	const everyChannel = (bit: number) => {
		for (let c = 0; c < 3; c++) seen[c] |= bit;
	};
	const consent = record.get(CONSENT);
	if (consent && typeof consent === 'object' && !Array.isArray(consent)) {
		for (const key of Object.keys(consent)) {
			const channel = channelOfKey(key);
			if (channel >= 0) seen[channel] |= answerBit(parseFlag((consent as Record<string, unknown>)[key]));
		}
	} else if (consent !== undefined) everyChannel(answerBit(parseFlag(consent)));
	for (const key of fields) {
		const role = roleOf(key);
		if (role === null) continue;
		const flag = parseFlag(record.get(fieldPath(key)));
		// An unsubscribe withdraws consent on every channel; not being unsubscribed says nothing.
		if (role === 'unsubscribed') everyChannel(flag === true ? NO : 0);
		else seen[CHANNELS.indexOf(role)] |= answerBit(flag);
	}
	return { email: decide(seen[0]), sms: decide(seen[1]), push: decide(seen[2]) };
}
