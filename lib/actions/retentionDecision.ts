import { CompactRecords, Schema } from '../base/compactRecords';
import type { Action, Channel } from './actionCatalog';
import type { Cause } from './causes';
import type { ContactLogRow } from './contactLogRow';
import type { ValueTier } from './valueTier';

export type Group = 'treatment' | 'control' | 'holdout';

export interface RetentionDecision {
	customerId: string;
	churnCause: Cause;
	/** How strongly the evidence points to the cause, 0 to 1. */
	causeStrength: number;
	causeEvidence: string;
	valueTier: ValueTier;
	action: Action;
	actionLabel: string;
	playbookRule: string | null;
	channel: Channel | null;
	/** treatment, control (held out of this campaign) or holdout (never contacted by any campaign); null when not selected. */
	group: Group | null;
	/** ranked: by expected incremental profit per unit of cost; explore: uncertain, tried to learn. */
	selection: 'ranked' | 'explore' | null;
	/**
	 * When the contact goes out (after quiet hours); for the control group, when it would have:
	 * the start of both groups' reactivation window in Campaign Report.
	 */
	contactedAt: string | null;
	/** P(order in the response window) if not contacted. */
	baseRate: number | null;
	/** The action's incremental effect on this customer: P(order | contacted) - baseRate. */
	uplift: number | null;
	/** Whether the effect is a planning prior or measured by Campaign Report. */
	upliftSource: 'prior' | 'measured' | null;
	/** Margin the customer brings over the horizon if won back. */
	valueIfWonBack: number;
	/** Contact plus incentive on every expected redemption. */
	expectedCost: number | null;
	/** Expected incremental profit: uplift x value if won back - expected cost. */
	expectedValue: number;
	profitPerCost: number | null;
	subject: string | null;
	text: string | null;
	html: string | null;
	smsText: string | null;
	smsSegments: number | null;
	pushTitle: string | null;
	pushBody: string | null;
	couponCode: string | null;
	discountPct: number | null;
	offerExpiresAt: string | null;
	taskSubject: string | null;
	taskBody: string | null;
	dueDate: string | null;
	suppressed: boolean;
	suppressionReason: string | null;
	nextEligibleAt: string | null;
	campaignId: string;
	/** For the selected customers (every group): the row to append to the contact log, safe to open in a spreadsheet. */
	contactLogRow: ContactLogRow | null;
}

/**
 * A settled decision's fields, in the order the plan makes them: a text of its own per customer,
 * one of a few values (a code), a number, or nothing (a field only the selection fills).
 */
export const DECISION_SCHEMA: Schema<RetentionDecision> = {
	customerId: 'text',
	churnCause: 'code',
	causeStrength: 'number',
	causeEvidence: 'text',
	valueTier: 'code',
	action: 'code',
	actionLabel: 'code',
	playbookRule: 'code',
	channel: 'code',
	group: 'code',
	selection: 'code',
	contactedAt: 'none',
	baseRate: 'number',
	uplift: 'number',
	upliftSource: 'code',
	valueIfWonBack: 'number',
	expectedCost: 'number',
	expectedValue: 'number',
	profitPerCost: 'number',
	subject: 'none',
	text: 'none',
	html: 'none',
	smsText: 'none',
	smsSegments: 'none',
	pushTitle: 'none',
	pushBody: 'none',
	couponCode: 'none',
	discountPct: 'number',
	offerExpiresAt: 'none',
	taskSubject: 'none',
	taskBody: 'none',
	dueDate: 'none',
	suppressed: 'code',
	suppressionReason: 'text',
	nextEligibleAt: 'text',
	campaignId: 'code',
	contactLogRow: 'none',
};

/*
 * Every customer's decision of a plan, without a million objects. Most decisions are settled the
 * moment they are made (no action, no reachable channel, capped, not worth it) and kept as
 * columns; only the customers the selection may still change (the candidates) are kept whole.
 * Holding a million 37-field decisions until the plan ended was half of Retention Action's memory
 * and much of its garbage collection at a million customers.
 */
export type DecisionStore = CompactRecords<RetentionDecision>;

export function decisionStore(count: number): DecisionStore {
	return new CompactRecords(count, DECISION_SCHEMA);
}
