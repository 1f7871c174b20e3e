import { ACTIONS, Action } from './actionCatalog';
import { PastContact } from './contactPolicy';
import { IdColumns, mapFromStore, storeFromMap } from '../values/idKeyedStore';
import { MS_PER_DAY } from '../values/days';

/**
 * The contacts a node made in earlier runs, compact enough for a large base in workflow static
 * data: per customer a few numbers, each minutes since 1970 x 16 + the action's code. Entries
 * older than the longest window that still matters are pruned on every run, and a customer
 * keeps at most MAX_PER_CUSTOMER, so the memory stays bounded.
 */
export type ContactMemory = Map<string, number[]>;

const codesOf = (value: unknown): number[] | null => (Array.isArray(value) ? value.filter((code): code is number => typeof code === 'number') : null);

/** The memory from static data (any earlier form), and back. */
export function loadContactMemory(stored: unknown): ContactMemory {
	return mapFromStore(stored, codesOf);
}

export function storedContactMemory(memory: ContactMemory): IdColumns<number[]> {
	return storeFromMap(memory);
}

const MINUTE = 60_000;
const CODES = 16;
export const MAX_PER_CUSTOMER = 12;

export function encodeContact(at: number, action: Action): number {
	return Math.floor(at / MINUTE) * CODES + ACTIONS.indexOf(action);
}

export function decodeContact(code: number): PastContact | null {
	if (!Number.isFinite(code) || code < 0) return null;
	const action = ACTIONS[code % CODES];
	return action ? { at: Math.floor(code / CODES) * MINUTE, action } : null;
}

export function contactsOf(memory: ContactMemory, customerId: string): PastContact[] {
	const codes = memory.get(customerId);
	if (!codes) return [];
	return codes.map(decodeContact).filter((c): c is PastContact => c !== null);
}

/** Adds a contact, keeping the customer's newest MAX_PER_CUSTOMER. */
export function remember(memory: ContactMemory, customerId: string, at: number, action: Action): void {
	let codes = memory.get(customerId);
	if (!codes) memory.set(customerId, (codes = []));
	codes.push(encodeContact(at, action));
	if (codes.length > MAX_PER_CUSTOMER) codes.splice(0, codes.length - MAX_PER_CUSTOMER);
}

/** Drops contacts older than keepDays before now, and customers left with none. */
export function prune(memory: ContactMemory, now: number, keepDays: number): ContactMemory {
	const oldest = Math.floor((now - keepDays * MS_PER_DAY) / MINUTE) * CODES;
	const kept: ContactMemory = new Map();
	for (const [id, codes] of memory) {
		const recent = codes.filter((code) => code >= oldest);
		if (recent.length) kept.set(id, recent);
	}
	return kept;
}
