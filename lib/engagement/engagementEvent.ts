import type { EventKind } from './eventKinds';

/** Who an event belongs to, as the row names them: an ID, else a normalised email or phone. */
export interface EventOwner {
	customerId: string | null;
	email: string | null;
	phone: string | null;
}

/** One event, read and checked. */
export interface EngagementEvent {
	owner: EventOwner;
	kind: EventKind;
	/** The instant (UTC ms) and the local calendar day. */
	ms: number;
	day: number;
	/** NPS 0-10 on an NPS answer; stars 1-5 on a review; a satisfaction 1-5 on a resolved ticket. */
	score: number | null;
	text: string | null;
	/** A review's sentiment when the words are not kept (a decoded history); from text otherwise. */
	sentiment?: number;
	ticketId: string | null;
}
