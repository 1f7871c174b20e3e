import { dayNumberToIsoDate } from '../values/parseDate';
import { ACTIVITY_KINDS, EventKind, RESPONSE_KINDS } from './eventKinds';
import type { EngagementEvent } from './engagementEvent';
import { reviewSentiment } from './reviewSentiment';

export interface EngagementSettings {
	analysisDay: number;
	/** The recent window, set against the customer's own usual count for a window that long. */
	recentDays: number;
	/** The earlier days (before the recent window) the usual count comes from. */
	baselineDays: number;
}

/** A count in the recent window beside the customer's own usual count for as many days. */
export interface RecentAgainstUsual {
	recent: number;
	/** Null when the customer has no earlier days to compare with. */
	usual: number | null;
	/** recent / usual: 1 as usual, 0.2 a fifth of it; null without a usual count above 0. */
	ratio: number | null;
}

/** What one customer's events say at the analysis day. */
export interface Engagement {
	/** The last day of each kind the customer has (ISO dates). */
	lastAt: Partial<Record<EventKind, string>>;
	/** Days since the last session or view; null without one. */
	daysSinceActivity: number | null;
	/** Sessions and views. */
	activity: RecentAgainstUsual;
	/** Email and SMS opens and clicks. */
	responses: RecentAgainstUsual;
	cartAbandonsRecent: number;
	unsubscribed: boolean;
	/** Tickets opened and not resolved (by ticket ID; without IDs, opened less resolved). */
	openTickets: number;
	ticketsRecent: number;
	lastTicketSatisfaction: number | null;
	/** The latest NPS answer, 0-10, and its group (promoter 9-10, passive 7-8, detractor 0-6). */
	latestNps: number | null;
	npsGroup: 'promoter' | 'passive' | 'detractor' | null;
	/** The latest review's stars, and the mean stars of the reviews in the recent window. */
	latestRating: number | null;
	recentRating: number | null;
	/** The mean sentiment (-1 to 1) of the reviews with text in the recent and usual windows. */
	reviewSentiment: number | null;
	events: number;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : null);

const npsGroupOf = (score: number) => (score >= 9 ? 'promoter' : score >= 7 ? 'passive' : 'detractor');

/**
 * One customer's engagement from their events (any order). Events after the analysis day are
 * left out: a summary as of a past day sees only what was known then, as the backtest needs.
 */
export function engagementOf(events: readonly EngagementEvent[], s: EngagementSettings): Engagement {
	const recentFrom = s.analysisDay - s.recentDays + 1;
	const baselineFrom = recentFrom - s.baselineDays;
	const known = events.filter((e) => e.day <= s.analysisDay).sort((a, b) => a.ms - b.ms);
	const lastAt: Partial<Record<EventKind, string>> = {};
	const last: Partial<Record<EventKind, number>> = {};
	const count = { activity: [0, 0], responses: [0, 0] };
	let firstDay = Infinity;
	let cartAbandonsRecent = 0;
	let unsubscribed = false;
	const openIds = new Set<string>();
	let openWithoutId = 0;
	let ticketsRecent = 0;
	let lastTicketSatisfaction: number | null = null;
	let latestNps: number | null = null;
	let latestRating: number | null = null;
	const recentRatings: number[] = [];
	const sentiments: number[] = [];
	for (const e of known) {
		firstDay = Math.min(firstDay, e.day);
		last[e.kind] = e.day;
		const recent = e.day >= recentFrom;
		const window = recent ? 0 : e.day >= baselineFrom ? 1 : -1;
		if (window >= 0 && ACTIVITY_KINDS.includes(e.kind)) count.activity[window]++;
		if (window >= 0 && RESPONSE_KINDS.includes(e.kind)) count.responses[window]++;
		switch (e.kind) {
			case 'cartAbandon':
				if (recent) cartAbandonsRecent++;
				break;
			case 'unsubscribe':
				unsubscribed = true;
				break;
			case 'ticketOpened':
				if (recent) ticketsRecent++;
				if (e.ticketId) openIds.add(e.ticketId);
				else openWithoutId++;
				break;
			case 'ticketResolved':
				if (e.ticketId && openIds.has(e.ticketId)) openIds.delete(e.ticketId);
				else if (!e.ticketId) openWithoutId = Math.max(0, openWithoutId - 1);
				if (e.score !== null) lastTicketSatisfaction = e.score;
				break;
			case 'nps':
				latestNps = e.score;
				break;
			case 'review':
				if (e.score !== null) {
					latestRating = e.score;
					if (recent) recentRatings.push(e.score);
				}
				if (window >= 0 && (e.sentiment !== undefined || e.text !== null)) sentiments.push(e.sentiment ?? reviewSentiment(e.text as string));
				break;
		}
	}
	for (const kind of Object.keys(last) as EventKind[]) lastAt[kind] = dayNumberToIsoDate(last[kind] as number);
	const lastActivity = Math.max(...ACTIVITY_KINDS.map((kind) => last[kind] ?? -Infinity));
	// The usual count for a window as long as the recent one, from the earlier days the customer was known.
	const earlierDays = Math.min(s.baselineDays, recentFrom - Math.max(baselineFrom, firstDay));
	const against = ([recent, before]: number[]): RecentAgainstUsual => {
		const usual = earlierDays > 0 ? (before * s.recentDays) / earlierDays : null;
		return { recent, usual, ratio: usual ? recent / usual : null };
	};
	return {
		lastAt,
		daysSinceActivity: Number.isFinite(lastActivity) ? s.analysisDay - lastActivity : null,
		activity: against(count.activity),
		responses: against(count.responses),
		cartAbandonsRecent,
		unsubscribed,
		openTickets: openIds.size + openWithoutId,
		ticketsRecent,
		lastTicketSatisfaction,
		latestNps,
		npsGroup: latestNps === null ? null : npsGroupOf(latestNps),
		latestRating,
		recentRating: mean(recentRatings),
		reviewSentiment: mean(sentiments),
		events: known.length,
	};
}
