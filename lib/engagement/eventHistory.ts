import { dayNumberToIsoDate, dayOfIsoDateText } from '../values/parseDate';
import type { EngagementEvent } from './engagementEvent';
import { EVENT_KINDS, EventKind } from './eventKinds';
import { reviewSentiment } from './reviewSentiment';

/**
 * A customer's events in one text cell, as purchaseDates holds their orders: what a backtest
 * needs to see the customer's engagement as of an earlier day (a model learnt on the shop's own
 * history must never see the days it is judged on). Days with events, oldest first, separated by
 * ";"; each day "YYYY-MM-DD:" and its items separated by ",": a kind's letter with a count when
 * more than one ("p3": three page views); a scored event on its own, "n=7" (NPS 7), "w=2~-0.42"
 * (a review of 2 stars that reads -0.42; the words themselves are not kept); a ticket opened or
 * solved with its ID, "t#T-7", "r#T-7=2" (solved, satisfaction 2), in the order they came.
 */
const CODES: Record<EventKind, string> = {
	session: 's',
	pageView: 'p',
	productView: 'v',
	emailOpen: 'o',
	emailClick: 'c',
	unsubscribe: 'u',
	cartAdd: 'a',
	cartAbandon: 'b',
	ticketOpened: 't',
	ticketResolved: 'r',
	review: 'w',
	nps: 'n',
};
const KIND_OF_CODE = new Map<string, EventKind>(EVENT_KINDS.map((kind) => [CODES[kind], kind]));
/** A ticket ID in the cell: nothing in it may read as the cell's own marks (; , : = ~ #). */
const escapeId = (id: string) => encodeURIComponent(id).replace(/~/g, '%7E');
const COUNTED: ReadonlySet<EventKind> = new Set(['session', 'pageView', 'productView', 'emailOpen', 'emailClick', 'unsubscribe', 'cartAdd', 'cartAbandon']);
const MS_PER_DAY = 86_400_000;

/** Three decimals: a sentiment is a rough reading, and the cell stays short. */
const sentimentText = (value: number) => String(Math.round(value * 1000) / 1000);

export function encodeEventHistory(events: readonly EngagementEvent[]): string {
	const sorted = [...events].sort((a, b) => a.ms - b.ms);
	const days: string[] = [];
	let i = 0;
	while (i < sorted.length) {
		const day = sorted[i].day;
		const counts = new Map<string, number>();
		const single: string[] = [];
		for (; i < sorted.length && sorted[i].day === day; i++) {
			const e = sorted[i];
			if (COUNTED.has(e.kind)) {
				counts.set(CODES[e.kind], (counts.get(CODES[e.kind]) ?? 0) + 1);
				continue;
			}
			const ticket = e.ticketId === null ? '' : `#${escapeId(e.ticketId)}`;
			const sentiment = e.kind === 'review' ? (e.sentiment ?? (e.text === null ? null : reviewSentiment(e.text))) : null;
			single.push(`${CODES[e.kind]}${ticket}${e.score === null ? '' : `=${e.score}`}${sentiment === null ? '' : `~${sentimentText(sentiment)}`}`);
		}
		const items = [...[...counts].map(([code, count]) => (count > 1 ? `${code}${count}` : code)), ...single];
		days.push(`${dayNumberToIsoDate(day)}:${items.join(',')}`);
	}
	return days.join(';');
}

const ITEM = /^([a-z])(\d*)(?:#([^=~]*))?(?:=(-?\d+(?:\.\d+)?))?(?:~(-?\d+(?:\.\d+)?))?$/;

/**
 * The events a history cell holds, each at the start of its day; an error naming the first part
 * that is not one (a cell edited by hand).
 */
export function decodeEventHistory(text: string): EngagementEvent[] | { error: string } {
	const events: EngagementEvent[] = [];
	if (text.trim() === '') return events;
	for (const entry of text.split(';')) {
		const [date, itemText] = entry.split(':');
		const day = dayOfIsoDateText(date ?? '');
		if (day === null || itemText === undefined) return { error: `"${entry}" is not a day of events (YYYY-MM-DD:items)` };
		for (const item of itemText.split(',')) {
			const m = ITEM.exec(item);
			const kind = m && KIND_OF_CODE.get(m[1]);
			if (!m || !kind) return { error: `"${item}" on ${date} is not an event this node writes` };
			const base = { owner: { customerId: null, email: null, phone: null }, kind, ms: day * MS_PER_DAY, day, text: null };
			const ticketId = m[3] === undefined ? null : decodeURIComponent(m[3]);
			const score = m[4] === undefined ? null : Number(m[4]);
			const sentiment = m[5] === undefined ? undefined : Number(m[5]);
			const count = m[2] === '' ? 1 : Number(m[2]);
			for (let k = 0; k < count; k++) events.push({ ...base, score, ticketId, ...(sentiment === undefined ? {} : { sentiment }) });
		}
	}
	return events;
}
