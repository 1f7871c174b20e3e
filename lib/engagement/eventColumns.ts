import { aliasLookup, fieldForColumn, normaliseColumnName } from '../customer/fieldCatalog';

/**
 * The columns of an event stream. Who the event belongs to is found as in an orders export
 * (the customer ID's aliases; email or phone when there is no ID); the rest have their own
 * aliases, in English and Chinese, so that an events file never borrows an order column's name.
 */
const EVENT_COLUMNS = {
	type: { label: 'Event Type', aliases: ['eventtype', 'event', 'eventname', 'type', 'action', 'activity', 'activitytype', '事件', '事件类型', '事件名称', '行为', '行为类型', '类型', '动作'] },
	at: { label: 'Event Time', aliases: ['eventtime', 'eventat', 'eventdate', 'timestamp', 'time', 'date', 'occurredat', 'createdat', 'datetime', '时间', '事件时间', '发生时间', '日期', '创建时间'] },
	score: { label: 'Score (Rating or NPS)', aliases: ['score', 'rating', 'stars', 'nps', 'npsscore', 'value', '评分', '分数', '星级', '打分'] },
	text: { label: 'Text (Review or Comment)', aliases: ['text', 'review', 'reviewtext', 'comment', 'content', 'body', 'feedback', 'message', '评价内容', '内容', '评论', '留言', '反馈', '评价'] },
	ticketId: { label: 'Ticket ID', aliases: ['ticketid', 'ticket', 'ticketnumber', 'caseid', 'casenumber', '工单号', '工单id', '工单编号', '售后单号'] },
} as const;

export type EventColumn = keyof typeof EVENT_COLUMNS | 'customerId' | 'email' | 'phone';
const OWN_COLUMNS = Object.keys(EVENT_COLUMNS) as Array<keyof typeof EVENT_COLUMNS>;
export const EVENT_COLUMN_LABELS: Record<EventColumn, string> = {
	customerId: 'Customer ID',
	email: 'Email',
	phone: 'Phone',
	...(Object.fromEntries(OWN_COLUMNS.map((c) => [c, EVENT_COLUMNS[c].label])) as Record<keyof typeof EVENT_COLUMNS, string>),
};

const COLUMN_OF_ALIAS = aliasLookup(OWN_COLUMNS, (column) => EVENT_COLUMNS[column].aliases);

/** Which source column feeds each event column. */
export type EventMapping = Partial<Record<EventColumn, string>>;

/**
 * The mapping detected from a header (first column wins), with explicit choices on top; the
 * event's own columns are looked for before the customer's, so a "date" or "type" column is
 * never taken for anything else.
 */
export function detectEventColumns(columns: readonly string[], explicit: EventMapping = {}): EventMapping {
	const mapping: EventMapping = {};
	const taken = new Set<string>();
	for (const [column, source] of Object.entries(explicit) as Array<[EventColumn, string]>) {
		if (!source) continue;
		mapping[column] = source;
		taken.add(source);
	}
	for (const source of columns) {
		if (taken.has(source)) continue;
		const own = COLUMN_OF_ALIAS.get(normaliseColumnName(source));
		const customer = own ? undefined : fieldForColumn(source);
		const column: EventColumn | undefined = own ?? (customer === 'customerId' || customer === 'email' || customer === 'phone' ? customer : undefined);
		if (column && mapping[column] === undefined) {
			mapping[column] = source;
			taken.add(source);
		}
	}
	return mapping;
}

/** What a mapping lacks to read events at all, in a sentence; null when it has enough. */
export function missingEventColumns(mapping: EventMapping): string | null {
	const missing: string[] = [];
	if (!mapping.customerId && !mapping.email && !mapping.phone) missing.push('who (a customer ID, email or phone column)');
	if (!mapping.type) missing.push(`what happened (${EVENT_COLUMN_LABELS.type})`);
	if (!mapping.at) missing.push(`when (${EVENT_COLUMN_LABELS.at})`);
	return missing.length ? `The events have no column for ${missing.join(', ')}` : null;
}
