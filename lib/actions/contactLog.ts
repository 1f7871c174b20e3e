import { customerIdOf } from '../customer/customerId';
import { hasValue, textOrNull } from '../values/cellValues';
import { DateOrder, parseDate } from '../values/parseDate';
import { TimeZone } from '../values/timeZone';
import { ACTIONS, Action } from './actionCatalog';
import { PastContact } from './contactPolicy';

/**
 * A contact log: one row per contact made, by this workflow or any other (a file, a sheet, a
 * database table that every campaign appends to). Reading it makes the frequency cap and the
 * cooldown hold across campaigns and across manual runs, which the node's own memory (one
 * node, production runs only) cannot. Rows of the control group were never contacted and do
 * not count.
 */
export type ContactHistory = Map<string, PastContact[]>;

/** The log's fields, as Retention Action writes them (its output items) and as a sheet may name them. */
const TIME_FIELDS = ['contactedAt', 'contacted_at', 'sentAt'] as const;

const first = (row: Record<string, unknown>, fields: readonly string[]) => fields.map((f) => row[f]).find(hasValue);

/** A CSV saved with a byte-order mark (Excel, n8n's Convert to File) puts it in the first column's name. */
function withoutBom(row: Record<string, unknown>): Record<string, unknown> {
	const keys = Object.keys(row);
	if (!keys.some((k) => k.charCodeAt(0) === 0xfeff)) return row;
	return Object.fromEntries(keys.map((k) => [k.replace(/^\uFEFF/, ''), row[k]]));
}

/**
 * Reads the rows; the first unusable row is an error naming it (1-based) and what to fix, since
 * a log read in part would let the caps contact a customer too often.
 */
export function readContactLog(rows: ReadonlyArray<Record<string, unknown>>, zone: TimeZone, dateOrder: DateOrder = 'ymd'): { history: ContactHistory; contacts: number } | { error: string; description: string } {
	const history: ContactHistory = new Map();
	let contacts = 0;
	for (let i = 0; i < rows.length; i++) {
		const row = withoutBom(rows[i]);
		if (textOrNull(row.group)?.toLowerCase() === 'control') continue;
		const customerId = customerIdOf(row);
		const when = first(row, TIME_FIELDS);
		const where = `Contact Log row ${i + 1}${customerId ? ` (customer ${customerId})` : ''}`;
		if (customerId === null) return { error: `${where} has no customerId`, description: 'Each row of the contact log needs customerId and contactedAt, as Retention Action writes them.' };
		if (!hasValue(when)) return { error: `${where} has no contactedAt`, description: 'Give the time of each contact (contactedAt), e.g. 2025-06-30T10:00:00Z.' };
		const parsed = parseDate(when, dateOrder, zone);
		if ('error' in parsed) return { error: `${where}: contactedAt ${parsed.error}`, description: 'Give the time of each contact as a date and time, e.g. 2025-06-30T10:00:00Z.' };
		const action = textOrNull(row.action);
		const known = action !== null && (ACTIONS as readonly string[]).includes(action) ? (action as Action) : null;
		const list = history.get(customerId) ?? [];
		list.push({ at: parsed.ms, action: known });
		history.set(customerId, list);
		contacts++;
	}
	return { history, contacts };
}

/**
 * One customer's past contacts from two sources, a contact in both (the node's memory and the
 * log it wrote) counted once: same minute, and the same action when both name one.
 */
export function mergeContacts(a: readonly PastContact[], b: readonly PastContact[]): PastContact[] {
	const merged = [...a];
	for (const contact of b) {
		const same = merged.some((m) => Math.abs(m.at - contact.at) < 60_000 && (m.action === null || contact.action === null || m.action === contact.action));
		if (!same) merged.push(contact);
	}
	return merged;
}
