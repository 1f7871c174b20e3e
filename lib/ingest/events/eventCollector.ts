import type { RawRow } from '../readers/rawRow';
import { detectEventColumns, EventMapping, missingEventColumns } from '../../engagement/eventColumns';
import type { EngagementEvent } from '../../engagement/engagementEvent';
import { Engagement, engagementOf, EngagementSettings } from '../../engagement/engagementSummary';
import { encodeEventHistory } from '../../engagement/eventHistory';
import { EventReadSettings, readEvent } from './readEvent';
import { consentAfterEvents } from './eventConsent';
import type { CustomerSummary } from '../../customer/customerSummary';

/** An event row that could not be read, with why, as Customer Data's Rejected output lists it. */
export interface RejectedEvent {
	row: number;
	sourceItem: number;
	reason: string;
	raw: Record<string, unknown>;
}

/** Who a customer is, for finding their events: the ID, and the email and phone as Customer Data normalised them. */
type CustomerKeys = Pick<CustomerSummary, 'customerId' | 'email' | 'phone'>;

/** A customer's summary with what their events say: the fields the Events input adds. */
export type SummaryWithEvents = CustomerSummary & { engagement?: Engagement | null; eventHistory?: string | null };

export interface EngagementResult {
	/** Per customer, in the order given: their engagement, or null when no event is theirs. */
	engagement: Array<Engagement | null>;
	/** Per customer, their events in one cell (lib/engagement/eventHistory.ts), or null. */
	eventHistory: Array<string | null>;
	/** Events of people with no orders (prospects), and of an email or phone several customers share. */
	withoutCustomer: number;
	ambiguous: number;
}

/**
 * Reads an event stream row by row (items, or the rows of files) and gives each customer the
 * engagement their events say. The columns are detected again whenever a row brings a key not
 * seen before (records from items need not share their keys); a stream without a column for
 * who, what or when stops with that said.
 */
export class EventCollector {
	private readonly events: EngagementEvent[] = [];
	readonly rejected: RejectedEvent[] = [];
	private mapping: EventMapping = {};
	private readonly keysSeen = new Set<string>();
	private readonly keyOrder: string[] = [];
	rows = 0;

	constructor(
		private readonly settings: EventReadSettings,
		private readonly explicit: EventMapping = {},
	) {}

	add(raw: RawRow, sourceItem: number): void {
		this.rows++;
		if ('error' in raw) {
			this.rejected.push({ row: raw.row, sourceItem, reason: raw.error, raw: raw.raw });
			return;
		}
		let newKey = false;
		for (const key of Object.keys(raw.values)) {
			if (this.keysSeen.has(key)) continue;
			this.keysSeen.add(key);
			this.keyOrder.push(key);
			newKey = true;
		}
		if (newKey) {
			this.mapping = detectEventColumns(this.keyOrder, this.explicit);
			const missing = missingEventColumns(this.mapping);
			if (missing) throw new Error(`${missing}. Its columns are ${this.keyOrder.join(', ')}.`);
		}
		const event = readEvent(raw.values, this.mapping, this.settings);
		if ('error' in event) this.rejected.push({ row: raw.row, sourceItem, reason: `Event ${event.error}`, raw: raw.values });
		else this.events.push(event);
	}

	get accepted(): number {
		return this.events.length;
	}

	/** The columns used, for the hint. */
	get columns(): EventMapping {
		return this.mapping;
	}

	/**
	 * Gives each summary its engagement and event history as of the analysis day, and withdraws
	 * its consent where an unsubscribe came after its last order (eventConsent.ts).
	 */
	joinTo(summaries: SummaryWithEvents[], settings: EngagementSettings): EngagementResult {
		const result = this.engagementOf(summaries, settings);
		summaries.forEach((summary, i) => {
			const engagement = result.engagement[i];
			summary.engagement = engagement;
			summary.eventHistory = result.eventHistory[i];
			summary.consent = consentAfterEvents(summary.consent, summary.recencyDays === null ? null : settings.analysisDay - summary.recencyDays, engagement);
		});
		return result;
	}

	/**
	 * Each customer's engagement. An event finds its customer by ID, else by email, else by phone;
	 * one whose email or phone several customers share is counted, never given to one of them.
	 */
	engagementOf(customers: readonly CustomerKeys[], settings: EngagementSettings): EngagementResult {
		const byId = new Map<string, number>();
		const byEmail = new Map<string, number>();
		const byPhone = new Map<string, number>();
		const SHARED = -1;
		const remember = (map: Map<string, number>, key: string | null, index: number) => {
			if (key === null) return;
			map.set(key, map.has(key) && map.get(key) !== index ? SHARED : index);
		};
		customers.forEach((c, index) => {
			byId.set(c.customerId, index);
			remember(byEmail, c.email, index);
			remember(byPhone, c.phone, index);
		});
		const eventsOf: EngagementEvent[][] = customers.map(() => []);
		let withoutCustomer = 0;
		let ambiguous = 0;
		for (const event of this.events) {
			const { customerId, email, phone } = event.owner;
			const found = customerId !== null ? byId.get(customerId) : ((email !== null ? byEmail.get(email) : undefined) ?? (phone !== null ? byPhone.get(phone) : undefined));
			if (found === undefined) withoutCustomer++;
			else if (found === SHARED) ambiguous++;
			else eventsOf[found].push(event);
		}
		return {
			engagement: eventsOf.map((events) => (events.length ? engagementOf(events, settings) : null)),
			eventHistory: eventsOf.map((events) => (events.length ? encodeEventHistory(events) : null)),
			withoutCustomer,
			ambiguous,
		};
	}
}
