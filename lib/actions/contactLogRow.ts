import { roundTo } from '../values/rounding';
import { spreadsheetSafe } from '../values/spreadsheetText';

/** The columns of a contact log, in the order the templates write them. */
export const CONTACT_LOG_COLUMNS = [
	'customerId',
	'campaignId',
	'group',
	'selection',
	'action',
	'channel',
	'churnCause',
	'segment',
	'lifecycleStage',
	'valueTier',
	'couponCode',
	'discountPct',
	'contactedAt',
	'baseRate',
	'uplift',
	'contactCost',
	'incentiveCost',
	'expectedValue',
] as const;

export type ContactLogRow = Record<(typeof CONTACT_LOG_COLUMNS)[number], string | number>;

/** What a decision says about one contact, for its row (the segment and stage come from the customer). */
export interface LoggedContact {
	customerId: string;
	campaignId: string;
	group: string | null;
	selection: string | null;
	action: string;
	channel: string | null;
	churnCause: string;
	valueTier: string;
	couponCode: string | null;
	discountPct: number | null;
	contactedAt: string | null;
	expectedValue: number;
}

/** What the plan expected of the contact: Campaign Report measures against it and counts its cost. */
export interface PlannedEconomics {
	baseRate: number;
	uplift: number;
	contactCost: number;
	/** What the incentive costs if redeemed. */
	incentiveIfRedeemed: number;
}

/**
 * A contacted or held-out customer as one contact-log row, ready for a CSV that staff open in
 * a spreadsheet: every text that would run as a formula (a customer ID like `=HYPERLINK(…)`,
 * a segment from the data) carries a leading ', which the log's readers drop again.
 */
export function contactLogRow(d: LoggedContact, segment: string | null, stage: string | null, planned: PlannedEconomics): ContactLogRow {
	const text = (value: string | null) => (value === null ? '' : spreadsheetSafe(value));
	return {
		customerId: text(d.customerId),
		campaignId: text(d.campaignId),
		group: text(d.group),
		selection: text(d.selection),
		action: d.action,
		channel: text(d.channel),
		churnCause: d.churnCause,
		segment: text(segment),
		lifecycleStage: text(stage),
		valueTier: d.valueTier,
		couponCode: text(d.couponCode),
		discountPct: d.discountPct ?? '',
		contactedAt: text(d.contactedAt),
		baseRate: roundTo(planned.baseRate, 6),
		uplift: roundTo(planned.uplift, 6),
		contactCost: roundTo(planned.contactCost, 4),
		incentiveCost: roundTo(planned.incentiveIfRedeemed, 2),
		expectedValue: d.expectedValue,
	};
}
