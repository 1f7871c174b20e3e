import { normaliseEmail, normalisePhone } from '../fields/contactFields';
import { hasValue, idText, parseOptionalNumber, textOrNull } from '../../values/cellValues';
import { DateOrder, parseDate } from '../../values/parseDate';
import type { TimeZone } from '../../values/timeZone';
import { EVENT_COLUMN_LABELS, EventColumn, EventMapping } from '../../engagement/eventColumns';
import type { EngagementEvent, EventOwner } from '../../engagement/engagementEvent';
import { EVENT_KIND_LABELS, EVENT_KINDS, EventKind, eventKindOf } from '../../engagement/eventKinds';

export interface EventReadSettings {
	zone: TimeZone;
	dateOrder: DateOrder;
	/** For phone numbers without a country code. */
	defaultCountry: string;
}

/** Each kind's score and its scale: NPS keeps its own 0-10, reviews and ticket satisfaction are stars. */
const SCALES: Partial<Record<EventKind, { min: number; max: number; whole: boolean; what: string }>> = {
	nps: { min: 0, max: 10, whole: true, what: 'an NPS answer is a whole number from 0 to 10' },
	review: { min: 1, max: 5, whole: false, what: 'a review rating is 1 to 5 stars' },
	ticketResolved: { min: 1, max: 5, whole: false, what: 'a ticket satisfaction is 1 to 5' },
};

/**
 * One row of an event stream as an event, or what is wrong with it (after "Row N"): every row is
 * either read or rejected with a reason, never dropped in silence.
 */
export function readEvent(row: Record<string, unknown>, mapping: EventMapping, settings: EventReadSettings): EngagementEvent | { error: string } {
	const cell = (column: EventColumn) => (mapping[column] === undefined ? undefined : row[mapping[column] as string]);
	const label = (column: EventColumn) => `${EVENT_COLUMN_LABELS[column]} (${mapping[column]})`;

	const customerId = mapping.customerId ? idText(cell('customerId')) : null;
	const email = mapping.email ? normaliseEmail(cell('email')) : null;
	const phone = mapping.phone ? normalisePhone(cell('phone'), settings.defaultCountry) : null;
	const owner: EventOwner = { customerId, email: typeof email === 'string' ? email : null, phone: typeof phone === 'string' ? phone : null };
	if (!owner.customerId && !owner.email && !owner.phone) {
		const bad = email && typeof email === 'object' ? ` (the email "${email.invalid}" is not an address)` : phone && typeof phone === 'object' ? ` (the phone "${phone.invalid}" ${phone.reason})` : '';
		return { error: `has no customer to belong to: no customer ID, email or phone${bad}` };
	}

	const typeText = textOrNull(cell('type'));
	if (typeText === null) return { error: `has no event type: ${label('type')} is empty` };
	const kind = eventKindOf(typeText);
	if (kind === null) return { error: `has an event type this node does not read, "${typeText}": use one of ${EVENT_KINDS.map((k) => `${k} (${EVENT_KIND_LABELS[k].toLowerCase()})`).join(', ')}` };

	const when = parseDate(cell('at'), settings.dateOrder, settings.zone);
	if ('error' in when) return { error: `${label('at')} ${when.error}` };

	let score: number | null = null;
	const scale = SCALES[kind];
	if (scale && mapping.score && hasValue(cell('score'))) {
		score = parseOptionalNumber(cell('score'));
		if (score === null || score < scale.min || score > scale.max || (scale.whole && !Number.isInteger(score))) {
			return { error: `${label('score')} is "${String(cell('score'))}", but ${scale.what}` };
		}
	}
	if (kind === 'nps' && score === null) return { error: `is an NPS answer without its score: ${label('score')} should hold 0 to 10` };

	const text = kind === 'review' && mapping.text ? textOrNull(cell('text')) : null;
	const ticketId = (kind === 'ticketOpened' || kind === 'ticketResolved') && mapping.ticketId ? idText(cell('ticketId')) : null;
	return { owner, kind, ms: when.ms, day: when.day, score, text, ticketId };
}
