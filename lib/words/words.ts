import type { Action, Channel } from '../actions/actionCatalog';
import type { BusinessType } from '../actions/businessTypes';
import type { Cause, Evidence } from '../actions/causes';
import type { ValueTier } from '../actions/valueTier';
import type { Stage } from '../lifecycle/stages';
import type { RiskLevel } from '../models/riskLevels';
import type { RfmSegment } from '../models/rfm';
import type { Dimension, Verdict } from '../report/campaignEvaluation';

/*
 * Everything the nodes write for a person to read, in one language: one object per language
 * (english.ts, chinese.ts), each a Words. A language is added by adding one file; a word
 * missing from it does not compile. The codes (stages, causes, actions...) are defined where
 * their rules are; here they get their names and sentences.
 */

/** Why a customer cannot be reached on one channel. */
export type ReachProblem = 'noEmail' | 'optedOutEmail' | 'noEmailOptIn' | 'noPhone' | 'optedOutSms' | 'noSmsOptIn' | 'optedOutPush' | 'noPushOptIn';

/** Why a lapsed customer who came back counts as a comeback. */
export type LapseLimit = { kind: 'gaps'; gaps: number; usualDays: number } | { kind: 'band'; days: number } | { kind: 'limit'; days: number };

/** A stage's reason: every sentence Lifecycle Stage writes into stageReason. */
export interface StageReasonWords {
	noOrderYet: string;
	noOrderForOverLimit(days: number, limit: number): string;
	noOrderForOverBand(days: number, band: number): string;
	churnProbability(probability: string, limit: number): string;
	overdue(days: number, gaps: number, own: boolean, gapDays: number, limit: number): string;
	orderedAfterChurned: string;
	cameBack(daysAgo: number, lapseDays: number, limit: LapseLimit): string;
	firstOrder(daysAgo: number, within: number): string;
	ordersOnCadence(orders: number): string;
	segmentOnCadence(segment: string): string;
	onCadence: string;
	exploring(orders: number, days: number | null): string;
	trends(spend: string, orders: string, rising: boolean): string;
	gapsShrinking: string;
	stable: string;
	unknown: string;
}

/**
 * Why Retention Action leaves a customer alone: every sentence it writes into
 * suppressionReason. The words before the first colon (: or ：) name the kind of reason (the
 * node's summary counts customers by it), the rest gives this customer's figures.
 */
export interface SuppressionWords {
	listedAgain: string;
	playbook(note: string): string;
	noRuleMatched: string;
	noChannelInOrder(channels: readonly Channel[]): string;
	cannotBeReached(problems: readonly ReachProblem[]): string;
	cooldown(when: { scheduledFor: string } | { daysAgo: number }, cooldownDays: number): string;
	frequencyCap(contacts: number, windowDays: number, scheduled: number, limit: number): string;
	notWorthIt(profit: number, uplift: number, value: number, cost: number): string;
	notWorthItExploreSpent(profit: number): string;
	budgetUsedUp(budget: number): string;
	globalHoldout: string;
	controlGroup: string;
}

/** One message per channel for an action. Placeholders in braces: see lib/actions/messages.ts. */
export interface MessageTemplate {
	subject: string;
	/** Email text; paragraphs are separated by a blank line. */
	body: string;
	sms: string;
	pushTitle: string;
	pushBody: string;
}
export type MessageAction = Exclude<Action, 'noAction' | 'vipOutreach'>;
export type Placeholder = 'name' | 'store' | 'coupon' | 'discount' | 'zhe' | 'expiry' | 'product' | 'categories';

export interface MessageWords {
	templates: Record<MessageAction, MessageTemplate>;
	/** Where a business type words an action its own way (the playbook presets pick these actions). */
	flavours: Partial<Record<BusinessType, Partial<Record<MessageAction, Partial<MessageTemplate>>>>>;
	/** What a placeholder with no value reads as: a neutral word, never "{coupon}" or "undefined". */
	fallback: Record<Placeholder, string>;
	smsOptOut: string;
	/** Between an SMS and its opt-out line. */
	smsOptOutSeparator: string;
	emailFooter: { reply: string; link: string };
}

/** A CRM task's facts, for the account manager. */
export interface CrmTaskFacts {
	who: string;
	customerId: string;
	name: string | null;
	cause: Cause;
	riskLevel: string | null;
	value: number;
	actionLabel: string;
	stage: Stage | null;
	churnProbability: number;
	causeEvidence: string;
	contact: string;
	playbookRule: string | null;
}

export const HTML_LABELS = [
	'campaign', 'warning', 'line', 'points', 'range', 'treatment', 'control', 'uplift', 'interval', 'pValue', 'revenue', 'roi', 'verdict', 'upliftChart', 'rateChart',
	'calibrationChart', 'predicted', 'observed', 'customers', 'flaggedWhoLeft', 'leaversCaught', 'auc', 'method', 'generated', 'health', 'churnRate', 'retentionRate',
	'repeatRate', 'retentionDays', 'complaintRate', 'satisfaction', 'churnCost', 'revenueAtRisk', 'segmentsChart', 'stagesChart', 'rfChart', 'cohortChart', 'churnChart',
	'alert', 'campaignTitle', 'warningTitle', 'healthTitle', 'campaignSubtitle', 'warningSubtitle', 'healthSubtitle', 'methodText', 'profitText', 'smallGroups', 'merged',
	'backtest', 'backtestTitle', 'backtestSubtitle', 'trackingChart', 'cumulativeChart', 'made', 'chosen', 'model', 'holdoutLikelihood', 'brier', 'mae', 'ordersPredicted',
] as const;

export interface ReportWords {
	dimensions: Record<Dimension, string>;
	/** The overall lines' values: all customers, all campaigns, a log without campaign IDs. */
	overall: Record<string, string>;
	/** Which control customers a line compares with: its own (same action, cause...) or all. */
	controlBasis(basis: 'same' | 'all', dimension: string): string;
	/** The test behind a line's p-value and interval. */
	method: string;
	verdict(verdict: Verdict): string;
	churnAlert(rate: string, above: boolean, low: string, high: string, periods: number, periodDays: number): string;
	/** The HTML report's labels; {placeholders} filled by the report. */
	html: Record<(typeof HTML_LABELS)[number], string>;
}

/** The agent tools' answers. */
export interface AnswerWords {
	/** The agent named nobody. */
	noCustomerGiven: string;
	noCustomerMatches(query: string): string;
	/** A phone or an email several customers share: the first few IDs, and how many. */
	severalCustomersMatch(query: string, count: number, ids: readonly string[]): string;
	noSuchCampaign(campaign: string, known: readonly string[]): string;
	customer(a: CustomerAnswerFacts): string;
	/** Null risk: a customer with no order to score. */
	risk(a: RiskAnswerFacts): string;
	stage(a: { customerId: string; stage: string; reason: string; churnPercent: number | null }): string;
	action(a: ActionAnswerFacts): string;
	campaign(a: CampaignAnswerFacts): string;
}
export interface CustomerAnswerFacts {
	customerId: string;
	name: string | null;
	orders: number;
	/** With its currency when the data names one. */
	spend: string;
	/** Calendar days; null without an order. */
	firstOrder: string | null;
	lastOrder: string | null;
	recencyDays: number | null;
	usualGapDays: number | null;
	email: boolean | null;
	sms: boolean | null;
}
export interface RiskAnswerFacts {
	customerId: string;
	risk: {
		level: RiskLevel;
		churnPercent: number;
		horizonDays: number;
		usualGapDays: number | null;
		recencyDays: number;
		expectedOrders: string;
		nextOrder: string | null;
		predictedValue: string;
		segment: RfmSegment | null;
	} | null;
}
export interface ActionAnswerFacts {
	customerId: string;
	group: string | null;
	channel: Channel | null;
	actionLabel: string;
	cause: Cause;
	causeEvidence: string;
	discountPct: number | null;
	/** Percentage points. */
	upliftPoints: string;
	expectedValue: string;
	explore: boolean;
	title: string | null;
	suppressionReason: string | null;
}
export interface CampaignAnswerFacts {
	campaign: string;
	windowDays: number;
	treatment: { customers: number; reactivated: number; rate: string };
	control: { customers: number; reactivated: number; rate: string };
	/** Null without a control group to compare with. */
	uplift: { points: string; low: string; high: string; p: string } | null;
	verdict: string;
	revenue: { estimate: string; low: string; high: string } | null;
}

export interface Words {
	/** BCP 47 locale the numbers and dates are formatted for. */
	locale: string;
	/** Between the items of a list in a sentence (categories). */
	listSeparator: string;
	stages: Record<Stage, string>;
	causes: Record<Cause, string>;
	actions: Record<Action, string>;
	channels: Record<Channel, string>;
	riskLevels: Record<RiskLevel, string>;
	rfmSegments: Record<RfmSegment, string>;
	valueTiers: Record<ValueTier, string>;
	/** One fact behind a cause. */
	evidence(e: Evidence): string;
	/** Between the facts of one cause. */
	evidenceSeparator: string;
	stageReasons: StageReasonWords;
	suppression: SuppressionWords;
	reachProblems: Record<ReachProblem, string>;
	/** The built-in playbook rules' notes, by their English note (a user's own rules keep their words). */
	playbookNotes: Record<string, string>;
	crmTask(t: CrmTaskFacts): { subject: string; body: string };
	messages: MessageWords;
	report: ReportWords;
	answers: AnswerWords;
}
