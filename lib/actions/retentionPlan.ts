import { roundTo } from '../values/rounding';
import { TimeZone, isValidTimeZone } from '../values/timeZone';
import { dayNumberToIsoDate } from '../values/parseDate';
import { ACTION_DEFINITIONS, Action, Channel } from './actionCatalog';
import { CAUSE_LABELS, Cause, decideCause } from './churnCause';
import { mergeContacts } from './contactLog';
import { ContactLogRow, contactLogRow } from './contactLogRow';
import { CapPolicy, ChannelPolicy, PastContact, QuietHours, checkCaps, chooseChannel, quietUntil } from './contactPolicy';
import { couponCode, couponSecretProblem } from './couponCode';
import { isControl } from './holdout';
import { htmlOf, oneLine, render, templateFor } from './messages';
import { Language } from '../values/language';
import { discountPercent } from './offer';
import { BusinessType, PlaybookRule, chooseRule } from './playbook';
import { RetentionFacts } from './retentionFacts';
import { smsLength } from './smsSegments';
import { FixedTierThresholds, TierRule, ValueTier, tierRule, valueTier } from './valueTier';
import { MS_PER_DAY } from '../values/days';

export interface PlanSettings {
	campaignId: string;
	storeName: string;
	language: Language;
	business: BusinessType;
	playbook: readonly PlaybookRule[];
	channels: ChannelPolicy;
	caps: CapPolicy;
	quietHours: QuietHours | null;
	/** The zone of customers without a timezone of their own. */
	defaultZone: TimeZone;
	/** Share of eligible customers held out as the control group, in [0, 1). */
	controlShare: number;
	/** Total to spend on contacts and incentives (0: no limit). */
	budget: number;
	maxDiscountPct: number;
	offerDays: number;
	uplift: Record<Action, number>;
	contactCost: Record<Channel, number>;
	/** What free shipping and a member perk cost when redeemed. */
	shippingCost: number;
	perkCost: number;
	tierThresholds: FixedTierThresholds;
	couponSecret: string;
	/** Leave out customers whose expected value is not positive. */
	skipUnprofitable: boolean;
	/** When the contacts go out (also the reference for caps and quiet hours). */
	now: number;
}

export type Route = Channel | 'none';

export interface RetentionDecision {
	customerId: string;
	churnCause: Cause;
	causeEvidence: string;
	valueTier: ValueTier;
	action: Action;
	actionLabel: string;
	playbookRule: string | null;
	channel: Channel | null;
	group: 'treatment' | 'control' | null;
	/**
	 * When the contact goes out (after quiet hours); for the control group, when it would have:
	 * the start of both groups' reactivation window in Campaign Report.
	 */
	contactedAt: string | null;
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
	expectedValue: number;
	suppressed: boolean;
	suppressionReason: string | null;
	nextEligibleAt: string | null;
	campaignId: string;
	/** For the treatment and control group: the row to append to the contact log, safe to open in a spreadsheet. */
	contactLogRow: ContactLogRow | null;
}

export interface PlanTotals {
	customers: number;
	byRoute: Record<Route, number>;
	treatment: number;
	control: number;
	budgetUsed: number;
	expectedValue: number;
	tierBasis: TierRule['basis'];
}

/** What an action costs for one customer: the contact, plus the incentive times the chance it is redeemed. */
function costs(action: Action, channel: Channel, facts: RetentionFacts, discountPct: number, s: PlanSettings) {
	const uplift = s.uplift[action];
	const incentive = ACTION_DEFINITIONS[action].incentive;
	const incentiveValue = incentive === 'discount' ? (discountPct / 100) * facts.orderValue : incentive === 'shipping' ? s.shippingCost : incentive === 'perk' ? s.perkCost : 0;
	const cost = s.contactCost[channel] + uplift * incentiveValue;
	return { cost, expectedValue: facts.churnProbability * facts.value * uplift - cost };
}

interface Candidate {
	index: number;
	facts: RetentionFacts;
	decision: RetentionDecision;
	cost: number;
	channel: Channel;
}

/**
 * Decides, for every customer, the cause, the action, the channel and the message under the
 * contact policy, and which output they leave on. Every customer gets exactly one decision.
 * `history` gives each customer's earlier contacts (the node's memory).
 */
export function planRetention(
	customers: readonly RetentionFacts[],
	s: PlanSettings,
	history: (customerId: string) => PastContact[],
): { decisions: RetentionDecision[]; routes: Route[]; sendTimes: Array<number | null>; totals: PlanTotals } {
	const tiers = tierRule(
		customers.map((c) => c.value),
		s.tierThresholds,
	);
	const decisions: RetentionDecision[] = new Array(customers.length);
	const routes: Route[] = new Array(customers.length).fill('none');
	// When each contacted customer's contact goes out (the instant behind contactedAt), for the node's memory.
	const sendTimes: Array<number | null> = new Array(customers.length).fill(null);
	const candidates: Candidate[] = [];
	// A customer listed twice (two exports merged, a CRM sending an update twice) is decided
	// once: the same address must not get two messages and two coupons in one run.
	const firstListed = new Set<string>();

	customers.forEach((facts, index) => {
		const lastContactedDaysAgo = facts.lastContactedAt === null ? null : Math.floor((s.now - facts.lastContactedAt) / MS_PER_DAY);
		const { cause, evidence } = decideCause({ ...facts.cause, lastContactedDaysAgo });
		const tier = valueTier(facts.value, tiers);
		const rule = chooseRule(s.playbook, { stage: facts.stage, riskLevel: facts.riskLevel, valueTier: tier, segment: facts.segment, cause });
		const action: Action = rule?.action ?? 'noAction';
		const decision = emptyDecision(facts.customerId, cause, evidence, tier, action, rule, s.campaignId);
		decisions[index] = decision;
		const suppress = (reason: string, nextEligibleAt: number | null = null) => {
			decision.suppressed = true;
			decision.suppressionReason = reason;
			decision.nextEligibleAt = nextEligibleAt === null ? null : new Date(nextEligibleAt).toISOString();
		};
		if (firstListed.has(facts.customerId)) return suppress('listed again in this run: decided once, by the first record of this customer');
		firstListed.add(facts.customerId);
		if (action === 'noAction') {
			decision.suppressionReason = rule ? `playbook: ${rule.note}` : 'no playbook rule matched';
			return;
		}
		const definition = ACTION_DEFINITIONS[action];
		const choice = chooseChannel(definition.channels, rule?.channel, facts.reach, s.channels);
		if ('reason' in choice) return suppress(choice.reason);
		decision.channel = choice.channel;
		const past = facts.lastContactedAt === null ? history(facts.customerId) : mergeContacts(history(facts.customerId), [{ at: facts.lastContactedAt, action: null }]);
		const caps = checkCaps(past, action, sendTime(facts, s), s.caps);
		if ('reason' in caps) return suppress(caps.reason, caps.nextEligibleAt);
		const discount = discountPercent(action, tier, cause, facts.stage === 'churned', s.maxDiscountPct);
		const { cost, expectedValue } = costs(action, choice.channel, facts, discount, s);
		decision.expectedValue = roundTo(expectedValue, 2);
		decision.discountPct = definition.incentive === 'discount' ? discount : null;
		if (s.skipUnprofitable && expectedValue <= 0) return suppress(`not worth it: expected value ${roundTo(expectedValue, 2)} (churn probability x value x uplift, less costs)`);
		candidates.push({ index, facts, decision, cost, channel: choice.channel });
	});

	const secretProblem = couponSecretProblem(s.couponSecret);
	// Highest expected value first, until the budget is spent. Control customers are drawn along
	// the same ranking and stop where the budget stops, so both groups are alike.
	candidates.sort((x, y) => y.decision.expectedValue - x.decision.expectedValue || (x.facts.customerId < y.facts.customerId ? -1 : 1));
	let spent = 0;
	let budgetGone = false;
	for (const c of candidates) {
		const d = c.decision;
		if (budgetGone || (s.budget > 0 && spent + c.cost > s.budget)) {
			budgetGone = true;
			d.suppressed = true;
			d.suppressionReason = `budget of ${s.budget} used up by customers with a higher expected value`;
			continue;
		}
		if (isControl(s.campaignId, c.facts.customerId, s.controlShare)) {
			d.group = 'control';
			d.contactedAt = new Date(sendTime(c.facts, s)).toISOString();
			d.suppressed = true;
			d.suppressionReason = 'control group: held out to measure the campaign';
			continue;
		}
		if (secretProblem && ACTION_DEFINITIONS[d.action].incentive !== 'none') throw new CouponSecretError(secretProblem, d.customerId);
		spent += c.cost;
		d.group = 'treatment';
		writeMessage(d, c.facts, c.channel, s);
		routes[c.index] = c.channel;
		sendTimes[c.index] = sendTime(c.facts, s);
	}

	for (const c of candidates) if (c.decision.group !== null) c.decision.contactLogRow = contactLogRow(c.decision, c.facts.segment);

	const byRoute: Record<Route, number> = { email: 0, sms: 0, push: 0, crm: 0, none: 0 };
	for (const r of routes) byRoute[r]++;
	const treated = decisions.filter((d) => d.group === 'treatment');
	return {
		decisions,
		routes,
		sendTimes,
		totals: {
			customers: customers.length,
			byRoute,
			treatment: treated.length,
			control: decisions.filter((d) => d.group === 'control').length,
			budgetUsed: roundTo(spent, 2),
			expectedValue: roundTo(treated.reduce((sum, d) => sum + d.expectedValue, 0), 2),
			tierBasis: tiers.basis,
		},
	};
}

/** Raised rather than issue coupon codes that anyone who reads the workflow could mint. */
export class CouponSecretError extends Error {
	readonly description = 'Set Options > Coupon Secret to a long random text (16 characters or more) of this client\'s own, kept out of shared workflows: for example an expression that reads an environment variable. Codes stay valid only while it stays the same.';

	constructor(problem: string, customerId: string) {
		super(`${problem}: no coupon codes issued (customer ${customerId} would get one)`);
	}
}

function emptyDecision(customerId: string, cause: Cause, evidence: string, tier: ValueTier, action: Action, rule: PlaybookRule | null, campaignId: string): RetentionDecision {
	return {
		customerId,
		churnCause: cause,
		causeEvidence: evidence,
		valueTier: tier,
		action,
		actionLabel: ACTION_DEFINITIONS[action].label,
		playbookRule: rule?.note ?? null,
		channel: null,
		group: null,
		contactedAt: null,
		subject: null,
		text: null,
		html: null,
		smsText: null,
		smsSegments: null,
		pushTitle: null,
		pushBody: null,
		couponCode: null,
		discountPct: null,
		offerExpiresAt: null,
		taskSubject: null,
		taskBody: null,
		dueDate: null,
		expectedValue: 0,
		suppressed: false,
		suppressionReason: null,
		nextEligibleAt: null,
		campaignId,
		contactLogRow: null,
	};
}

/** Zones by name: a TimeZone builds an Intl formatter, too slow to make per customer. */
const zones = new Map<string, TimeZone | null>();

/** The customer's own zone when it is a real one, else the default. */
function zoneOf(facts: RetentionFacts, fallback: TimeZone): TimeZone {
	if (!facts.timezone) return fallback;
	let zone = zones.get(facts.timezone);
	if (zone === undefined) {
		zone = isValidTimeZone(facts.timezone) ? new TimeZone(facts.timezone) : null;
		if (zones.size < 1000) zones.set(facts.timezone, zone);
	}
	return zone ?? fallback;
}

/** When quiet hours hold now in the customer's zone, the instant they end; else null. */
function quietEndFor(facts: RetentionFacts, s: PlanSettings): number | null {
	return s.quietHours ? quietUntil(s.now, zoneOf(facts, s.defaultZone), s.quietHours) : null;
}

/** When a contact goes out: now, or when the customer's quiet hours end. */
function sendTime(facts: RetentionFacts, s: PlanSettings): number {
	return quietEndFor(facts, s) ?? s.now;
}

/** Fills in the message (or the CRM task) of a customer who is contacted. */
function writeMessage(d: RetentionDecision, facts: RetentionFacts, channel: Channel, s: PlanSettings): void {
	const zone = zoneOf(facts, s.defaultZone);
	const quietEnd = quietEndFor(facts, s);
	if (quietEnd !== null) d.nextEligibleAt = new Date(quietEnd).toISOString();
	const sendAt = quietEnd ?? s.now;
	d.contactedAt = new Date(sendAt).toISOString();
	const incentive = ACTION_DEFINITIONS[d.action].incentive;
	let expiryDay: string | null = null;
	if (incentive !== 'none') {
		d.couponCode = couponCode(s.couponSecret, s.campaignId, facts.customerId);
		const expires = sendAt + s.offerDays * MS_PER_DAY;
		d.offerExpiresAt = new Date(expires).toISOString();
		expiryDay = dayNumberToIsoDate(zone.localDayNumber(expires));
	}

	if (channel === 'crm') {
		const value = Math.round(facts.value);
		d.taskSubject = `${s.language === 'zh-CN' ? '客户挽回' : 'Win back'} ${oneLine(facts.name) || oneLine(facts.customerId)}: ${CAUSE_LABELS[d.churnCause].toLowerCase()} (${facts.riskLevel ?? 'unknown'} risk, value ${value})`;
		d.taskBody = [
			`${d.actionLabel}. Customer ${facts.customerId}${facts.name ? ` (${facts.name})` : ''}, stage ${facts.stage ?? 'unknown'}, churn probability ${facts.churnProbability.toFixed(2)}, predicted value ${value}.`,
			`Why they may be leaving: ${d.causeEvidence}.`,
			facts.reach.email || facts.reach.phone ? `Contact: ${[facts.reach.email, facts.reach.phone].filter(Boolean).join(', ')}.` : 'No contact details on file.',
			`Playbook: ${d.playbookRule ?? 'none'}.`,
		].join('\n');
		d.dueDate = dayNumberToIsoDate(zone.localDayNumber(sendAt) + 2);
		return;
	}
	if (d.action === 'vipOutreach' || d.action === 'noAction') return;
	const template = templateFor(d.action, s.language, s.business);
	const values = {
		name: facts.name,
		store: s.storeName,
		coupon: d.couponCode,
		discount: d.discountPct === null ? null : String(d.discountPct),
		expiry: expiryDay,
		product: facts.topProduct,
		categories: facts.categories.length ? facts.categories.join(s.language === 'zh-CN' ? '、' : ', ') : null,
	};
	if (channel === 'email') {
		d.subject = render(template.subject, values, s.language);
		d.text = render(template.body, values, s.language);
		d.html = htmlOf(d.text, d.couponCode);
	} else if (channel === 'sms') {
		d.smsText = render(template.sms, values, s.language);
		d.smsSegments = smsLength(d.smsText).segments;
	} else {
		d.pushTitle = render(template.pushTitle, values, s.language);
		d.pushBody = render(template.pushBody, values, s.language);
	}
}
