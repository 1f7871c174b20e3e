import { detectEventColumns, missingEventColumns } from '../../../lib/engagement/eventColumns';
import { eventKindOf } from '../../../lib/engagement/eventKinds';
import { engagementOf } from '../../../lib/engagement/engagementSummary';
import type { EngagementEvent } from '../../../lib/engagement/engagementEvent';
import { readEvent } from '../../../lib/ingest/events/readEvent';
import { dayOfIsoDateText } from '../../../lib/values/parseDate';
import { TimeZone } from '../../../lib/values/timeZone';

const settings = { zone: new TimeZone('Asia/Shanghai'), dateOrder: 'ymd' as const, defaultCountry: '86' };

describe('Event types, as shops, apps, email and service tools name them', () => {
	it.each([
		['session_start', 'session'],
		['Page View', 'pageView'],
		['view_item', 'productView'],
		['Opened', 'emailOpen'],
		['add_to_cart', 'cartAdd'],
		['Abandoned Checkout', 'cartAbandon'],
		['Ticket Created', 'ticketOpened'],
		['solved', 'ticketResolved'],
		['浏览商品', 'productView'],
		['加入购物车', 'cartAdd'],
		['退订', 'unsubscribe'],
		['提交工单', 'ticketOpened'],
		['评价', 'review'],
		['净推荐值', 'nps'],
	])('reads "%s" as %s', (type, kind) => {
		expect(eventKindOf(type)).toBe(kind);
	});

	it('reads nothing into a type it does not know', () => {
		expect(eventKindOf('purchase')).toBeNull();
	});
});

describe('Event columns', () => {
	it('finds an English export, its own columns before an order column of the same name', () => {
		// "date" and "score" are order columns too (order date, satisfaction): here they are the event's.
		expect(detectEventColumns(['customer_id', 'event', 'date', 'score', 'comment', 'ticket_id', 'page_url'])).toEqual({ customerId: 'customer_id', type: 'event', at: 'date', score: 'score', text: 'comment', ticketId: 'ticket_id' });
	});

	it('finds a Chinese export', () => {
		expect(detectEventColumns(['会员ID', '行为类型', '发生时间', '评分', '评价内容', '工单号'])).toEqual({ customerId: '会员ID', type: '行为类型', at: '发生时间', score: '评分', text: '评价内容', ticketId: '工单号' });
	});

	it('lets a chosen column win, and says what is missing', () => {
		const mapping = detectEventColumns(['email', 'what', 'when'], { type: 'what' });
		expect(mapping).toEqual({ email: 'email', type: 'what' });
		expect(missingEventColumns(mapping)).toBe('The events have no column for when (Event Time)');
		expect(missingEventColumns({ type: 'a', at: 'b' })).toBe('The events have no column for who (a customer ID, email or phone column)');
	});
});

describe('Reading an event row', () => {
	const mapping = detectEventColumns(['customerId', 'email', 'type', 'time', 'score', 'text', 'ticketId']);
	const read = (row: Record<string, unknown>) => readEvent(row, mapping, settings);

	it('reads a review with its stars and text, on the local calendar day', () => {
		const event = read({ customerId: 'C1', type: 'review', time: '2025-06-01 23:30', score: '2', text: '包装破损，客服也不回复' });
		expect(event).toMatchObject({ owner: { customerId: 'C1', email: null, phone: null }, kind: 'review', day: dayOfIsoDateText('2025-06-01'), score: 2, text: '包装破损，客服也不回复', ticketId: null });
	});

	it('finds the customer by email when the row has no ID', () => {
		expect(read({ email: ' Li.Na@Example.com ', type: 'email_open', time: '2025-06-01' })).toMatchObject({ owner: { customerId: null, email: 'li.na@example.com' }, kind: 'emailOpen' });
	});

	it.each([
		[{ type: 'session', time: '2025-06-01' }, 'has no customer to belong to: no customer ID, email or phone'],
		[{ customerId: 'C1', type: '', time: '2025-06-01' }, 'has no event type: Event Type (type) is empty'],
		[{ customerId: 'C1', type: 'purchase', time: '2025-06-01' }, 'has an event type this node does not read, "purchase": use one of session (session or visit), pageView'],
		[{ customerId: 'C1', type: 'session', time: 'yesterday' }, 'Event Time (time) "yesterday" is not a date format this node reads'],
		[{ customerId: 'C1', type: 'nps', time: '2025-06-01', score: '11' }, 'Score (Rating or NPS) (score) is "11", but an NPS answer is a whole number from 0 to 10'],
		[{ customerId: 'C1', type: 'nps', time: '2025-06-01', score: '7.5' }, 'but an NPS answer is a whole number from 0 to 10'],
		[{ customerId: 'C1', type: 'nps', time: '2025-06-01' }, 'is an NPS answer without its score'],
		[{ customerId: 'C1', type: 'review', time: '2025-06-01', score: '6' }, 'but a review rating is 1 to 5 stars'],
	])('rejects %j with the reason', (row, reason) => {
		const event = read(row);
		expect('error' in event ? event.error : '').toContain(reason);
	});

	it('takes the ID when there is one, whatever the email beside it', () => {
		expect(read({ customerId: 'C1', email: 'not-an-address', type: 'session', time: '2025-06-01' })).toMatchObject({ owner: { customerId: 'C1', email: null } });
	});

	it('says why an email or phone could not stand for the customer', () => {
		const byEmail = readEvent({ email: 'not-an-address', type: 'session', time: '2025-06-01' }, detectEventColumns(['email', 'type', 'time']), settings);
		expect(byEmail).toEqual({ error: 'has no customer to belong to: no customer ID, email or phone (the email "not-an-address" is not an address)' });
	});
});

describe("A customer's engagement at the analysis day", () => {
	const day = (iso: string) => dayOfIsoDateText(iso) as number;
	const analysisDay = day('2025-06-30');
	const event = (iso: string, kind: EngagementEvent['kind'], extra: Partial<EngagementEvent> = {}): EngagementEvent => ({ owner: { customerId: 'C1', email: null, phone: null }, kind, ms: day(iso) * 86_400_000, day: day(iso), score: null, text: null, ticketId: null, ...extra });
	const settingsAt = { analysisDay, recentDays: 30, baselineDays: 180 };

	it("sets the recent month's browsing against the customer's own usual month (worked by hand)", () => {
		// 18 sessions and views in the 180 days before June (every 10 days from 2024-12-03): 3 a
		// month as usual. One in June: a third of that.
		const start = day('2024-12-03');
		const before = Array.from({ length: 18 }, (_, k) => ({ ...event('2024-12-03', k % 2 ? 'pageView' : 'session'), day: start + 10 * k, ms: (start + 10 * k) * 86_400_000 }));
		const e = engagementOf([...before, event('2025-06-10', 'productView'), event('2025-06-12', 'emailOpen')], settingsAt);
		expect(e.activity).toEqual({ recent: 1, usual: 3, ratio: 1 / 3 });
		expect(e.responses).toEqual({ recent: 1, usual: 0, ratio: null });
		expect(e.daysSinceActivity).toBe(20);
		expect(e.lastAt).toMatchObject({ productView: '2025-06-10', emailOpen: '2025-06-12' });
	});

	it('compares with the days the customer was known, not with days before they came', () => {
		// First seen on 2025-05-02, 30 days before the recent window: 6 sessions there are 6 a month.
		const e = engagementOf([...Array.from({ length: 6 }, () => event('2025-05-02', 'session')), event('2025-06-20', 'session')], settingsAt);
		expect(e.activity).toEqual({ recent: 1, usual: 6, ratio: 1 / 6 });
		expect(engagementOf([event('2025-06-20', 'session')], settingsAt).activity).toEqual({ recent: 1, usual: null, ratio: null });
	});

	it('counts the tickets still open, by ticket ID and without', () => {
		const byId = engagementOf([event('2025-06-01', 'ticketOpened', { ticketId: 'T1' }), event('2025-06-02', 'ticketOpened', { ticketId: 'T2' }), event('2025-06-05', 'ticketResolved', { ticketId: 'T1', score: 2 })], settingsAt);
		expect(byId).toMatchObject({ openTickets: 1, ticketsRecent: 2, lastTicketSatisfaction: 2 });
		expect(engagementOf([event('2025-06-01', 'ticketOpened'), event('2025-06-02', 'ticketResolved'), event('2025-06-03', 'ticketResolved')], settingsAt).openTickets).toBe(0);
	});

	it('keeps the latest NPS answer on its own scale, and the stars of the recent reviews', () => {
		const e = engagementOf([event('2025-03-01', 'nps', { score: 10 }), event('2025-06-01', 'nps', { score: 5 }), event('2025-06-02', 'review', { score: 2, text: '包装破损' }), event('2025-06-20', 'review', { score: 3 }), event('2025-06-03', 'unsubscribe')], settingsAt);
		expect(e).toMatchObject({ latestNps: 5, npsGroup: 'detractor', latestRating: 3, recentRating: 2.5, unsubscribed: true });
		// 破损 weighs -2: -2 / sqrt(4 + 15), the one review with text.
		expect(e.reviewSentiment).toBeCloseTo(-2 / Math.sqrt(19), 12);
	});

	it('sees nothing after the analysis day', () => {
		const e = engagementOf([event('2025-06-01', 'session'), event('2025-07-05', 'unsubscribe'), event('2025-07-06', 'session')], settingsAt);
		expect(e).toMatchObject({ events: 1, unsubscribed: false, daysSinceActivity: 29 });
	});
});
