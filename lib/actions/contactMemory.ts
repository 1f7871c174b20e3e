import { ACTIONS, Action } from './actionCatalog';
import { PastContact } from './contactPolicy';

/**
 * The contacts a node made in earlier runs, compact enough for a large base in workflow static
 * data: per customer a few numbers, each minutes since 1970 x 16 + the action's code. Entries
 * older than the longest window that still matters are pruned on every run, and a customer
 * keeps at most MAX_PER_CUSTOMER, so the memory stays bounded.
 */
export type ContactMemory = Record<string, number[]>;

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
	const codes = memory[customerId];
	if (!Array.isArray(codes)) return [];
	return codes.map(decodeContact).filter((c): c is PastContact => c !== null);
}

/** Adds a contact, keeping the customer's newest MAX_PER_CUSTOMER. */
export function remember(memory: ContactMemory, customerId: string, at: number, action: Action): void {
	const codes = (memory[customerId] ??= []);
	codes.push(encodeContact(at, action));
	if (codes.length > MAX_PER_CUSTOMER) codes.splice(0, codes.length - MAX_PER_CUSTOMER);
}

/** Drops contacts older than keepDays before now, and customers left with none. */
export function prune(memory: ContactMemory, now: number, keepDays: number): ContactMemory {
	const oldest = Math.floor((now - keepDays * 86_400_000) / MINUTE) * CODES;
	const kept: ContactMemory = {};
	for (const [id, codes] of Object.entries(memory)) {
		if (!Array.isArray(codes)) continue;
		const recent = codes.filter((code) => typeof code === 'number' && code >= oldest);
		if (recent.length) kept[id] = recent;
	}
	return kept;
}
