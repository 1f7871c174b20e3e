import { CompactRecords, Schema } from '../values/compactRecords';
import type { RetentionDecision } from './retentionPlan';

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
