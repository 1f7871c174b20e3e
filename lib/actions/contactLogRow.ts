import { spreadsheetSafe } from '../values/spreadsheetText';

/** The columns of a contact log, in the order the templates write them. */
export const CONTACT_LOG_COLUMNS = ['customerId', 'campaignId', 'group', 'action', 'channel', 'churnCause', 'segment', 'valueTier', 'couponCode', 'discountPct', 'contactedAt', 'expectedValue'] as const;

export type ContactLogRow = Record<(typeof CONTACT_LOG_COLUMNS)[number], string | number>;

/** What a decision says about one contact, for its row (the segment comes from the customer). */
export interface LoggedContact {
	customerId: string;
	campaignId: string;
	group: string | null;
	action: string;
	channel: string | null;
	churnCause: string;
	valueTier: string;
	couponCode: string | null;
	discountPct: number | null;
	contactedAt: string | null;
	expectedValue: number;
}

/**
 * A contacted or held-out customer as one contact-log row, ready for a CSV that staff open in
 * a spreadsheet: every text that would run as a formula (a customer ID like `=HYPERLINK(…)`,
 * a segment from the data) carries a leading ', which the log's readers drop again.
 */
export function contactLogRow(d: LoggedContact, segment: string | null): ContactLogRow {
	const text = (value: string | null) => (value === null ? '' : spreadsheetSafe(value));
	return {
		customerId: text(d.customerId),
		campaignId: text(d.campaignId),
		group: text(d.group),
		action: d.action,
		channel: text(d.channel),
		churnCause: d.churnCause,
		segment: text(segment),
		valueTier: d.valueTier,
		couponCode: text(d.couponCode),
		discountPct: d.discountPct ?? '',
		contactedAt: text(d.contactedAt),
		expectedValue: d.expectedValue,
	};
}
