import { FirstPositions } from '../values/firstPositions';
import { roundTo } from '../values/rounding';
import { TimeZone, isValidTimeZone } from '../values/timeZone';
import { dayNumberToIsoDate } from '../values/parseDate';
import { Language } from '../values/language';
import { MS_PER_DAY } from '../values/days';
import { ALL_STAGES, Stage } from '../lifecycle/stages';
import { WORDS, zheText } from '../words';
import { ResponseFeatures } from '../response/responseModel';
import { ACTION_DEFINITIONS, Action, Channel } from './actionCatalog';
import { actionEconomics, ActionEconomics, EconomicsSettings } from './actionEconomics';
import { Cause } from './causes';
import { decideCause, describeEvidence } from './churnCause';
import { mergeContacts } from './contactLog';
import { contactLogRow } from './contactLogRow';
import { CapPolicy, ChannelPolicy, PastContact, QuietHours, checkCaps, chooseChannel, quietUntil } from './contactPolicy';
import { controlPower, ControlPower } from './controlPower';
import { couponCode, couponSecretProblem } from './couponCode';
import { explorePosition, inGlobalHoldout, isControl } from './holdout';
import { emailFooter, htmlOf, oneLine, OptOutSettings, render, smsWithOptOut, templateFor } from './messages';
import { DecisionStore, decisionStore, Group, RetentionDecision } from './retentionDecision';
import { discountPercent } from './offer';
import { PlaybookRule, chooseRule } from './playbook';
import { BusinessType } from './businessTypes';
import { ruleNote } from './playbookNotes';
import { RetentionFacts } from './retentionFacts';
import { smsLength } from './smsSegments';
import { FixedTierThresholds, TierRule, ValueTier, tierRule, valueTier } from './valueTier';
import { valueIfWonBack } from './winBackValue';

export interface PlanSettings extends EconomicsSettings {
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
	/** Share of selected customers held out as the control group, in [0, 1). */
	controlShare: number;
	/** A stable share of all customers no campaign contacts, by a salt of its own. */
	globalHoldout: { share: number; salt: string };
	/** Share of the budget spent on customers whose effect is uncertain, so the estimates stay current. */
	exploreShare: number;
	/** Total to spend on contacts and incentives (0: no limit). */
	budget: number;
	maxDiscountPct: number;
	offerDays: number;
	tierThresholds: FixedTierThresholds;
	couponSecret: string;
	/** Leave out customers whose expected incremental profit is not positive. */
	skipUnprofitable: boolean;
	optOut: OptOutSettings;
	/** When the contacts go out (also the reference for caps and quiet hours). */
	now: number;
}

export type Route = Channel | 'none';
export type { Group, RetentionDecision } from './retentionDecision';

export interface PlanTotals {
	customers: number;
	byRoute: Record<Route, number>;
	treatment: number;
	control: number;
	holdout: number;
	explored: number;
	budgetUsed: number;
	/** Expected incremental profit of the treated customers. */
	expectedValue: number;
	/** Treated customers planned with a measured effect. */
	measured: number;
	tierBasis: TierRule['basis'];
	power: ControlPower;
}

/**
 * The customers to plan for, one at a time: `at` is called once for each index, in order, so a
 * caller may read each customer when its turn comes rather than hold every customer's facts at
 * once. `values` are each customer's winBackValue, which the value tiers need of everyone first.
 */
export interface CustomerSource {
	count: number;
	at(index: number): RetentionFacts;
	values: ArrayLike<number>;
}

/** What winning the customer back is worth over the horizon (margin), which ranks them into value tiers. */
export function winBackValue(facts: Pick<RetentionFacts, 'outlook'>, s: Pick<PlanSettings, 'margin'>): number {
	return valueIfWonBack(facts.outlook, s.margin);
}

const isCustomerList = (customers: readonly RetentionFacts[] | CustomerSource): customers is readonly RetentionFacts[] => Array.isArray(customers);

interface Candidate {
	index: number;
	facts: RetentionFacts;
	decision: RetentionDecision;
	economics: ActionEconomics;
	channel: Channel;
}

/**
 * Decides, for every customer, the cause, the action, the channel and the message under the
 * contact policy, and which output they leave on. Every customer gets exactly one decision.
 * Who is contacted follows the economics: the customers whose contact brings the most expected
 * incremental profit per unit of cost, until the budget is spent; nobody with a negative one,
 * but for a share of the budget that explores where the effect is uncertain. `history` gives
 * each customer's earlier contacts (the node's memory).
 */
export function planRetention(
	customers: readonly RetentionFacts[] | CustomerSource,
	s: PlanSettings,
	history: (customerId: string) => PastContact[],
): { decisions: DecisionStore; routes: Route[]; sendTimes: Array<number | null>; totals: PlanTotals } {
	const source: CustomerSource = isCustomerList(customers) ? { count: customers.length, at: (i) => customers[i], values: customers.map((c) => winBackValue(c, s)) } : customers;
	const count = source.count;
	const words = WORDS[s.language].suppression;
	const tiers = tierRule(source.values, s.tierThresholds);
	const decisions = decisionStore(count);
	const routes: Route[] = new Array(count).fill('none');
	// When each contacted customer's contact goes out (the instant behind contactedAt), for the node's memory.
	const sendTimes: Array<number | null> = new Array(count).fill(null);
	const ranked: Candidate[] = [];
	const uncertain: Candidate[] = [];
	// A customer listed twice (two exports merged, a CRM sending an update twice) is decided
	// once: the same address must not get two messages and two coupons in one run. The IDs seen
	// are those of the decisions already kept.
	const firstListed = new FirstPositions(count, (index) => decisions.field(index, 'customerId'));

	for (let index = 0; index < count; index++) {
		const candidates = ranked.length + uncertain.length;
		const decision = decide(source.at(index), index);
		// Only a candidate's decision can still change (selected, held out, passed over).
		if (ranked.length + uncertain.length > candidates) decisions.keepWhole(index, decision);
		else decisions.keep(index, decision);
	}

	function decide(facts: RetentionFacts, index: number): RetentionDecision {
		const lastContactedDaysAgo = facts.lastContactedAt === null ? null : Math.floor((s.now - facts.lastContactedAt) / MS_PER_DAY);
		const cause = decideCause(facts.cause, lastContactedDaysAgo);
		const value = source.values[index];
		const tier = valueTier(value, tiers);
		const rule = chooseRule(s.playbook, { stage: facts.stage, riskLevel: facts.riskLevel, valueTier: tier, segment: facts.segment, cause: cause.cause });
		const action: Action = rule?.action ?? 'noAction';
		const decision = emptyDecision(facts.customerId, cause.cause, cause.strength, describeEvidence(cause.evidence, s.language), tier, action, rule, s);
		decision.valueIfWonBack = roundTo(value, 2);
		const suppress = (reason: string, nextEligibleAt: number | null = null) => {
			decision.suppressed = true;
			decision.suppressionReason = reason;
			decision.nextEligibleAt = nextEligibleAt === null ? null : new Date(nextEligibleAt).toISOString();
			return decision;
		};
		if (firstListed.firstOrAdd(facts.customerId, index) >= 0) return suppress(words.listedAgain);
		if (action === 'noAction') {
			decision.suppressionReason = rule ? words.playbook(ruleNote(rule, s.language)) : words.noRuleMatched;
			return decision;
		}
		const definition = ACTION_DEFINITIONS[action];
		const choice = chooseChannel(definition.channels, rule?.channel, facts.reach, s.channels, s.language);
		if ('reason' in choice) return suppress(choice.reason);
		decision.channel = choice.channel;
		const past = facts.lastContactedAt === null ? history(facts.customerId) : mergeContacts(history(facts.customerId), [{ at: facts.lastContactedAt, action: null }]);
		const caps = checkCaps(past, action, sendTime(facts, s), s.caps, s.language);
		if ('reason' in caps) return suppress(caps.reason, caps.nextEligibleAt);
		const discount = discountPercent(action, tier, cause.cause, facts.stage === 'churned', s.maxDiscountPct);
		decision.discountPct = definition.incentive === 'discount' ? discount : null;
		const features: ResponseFeatures = { stage: facts.stage, segment: facts.segment, valueTier: tier, cause: cause.cause };
		const economics = actionEconomics(action, choice.channel, facts.outlook, features, discount, s);
		decision.baseRate = roundTo(economics.baseRate, 4);
		decision.uplift = roundTo(economics.uplift, 4);
		decision.upliftSource = economics.upliftSource;
		decision.expectedCost = roundTo(economics.expectedCost, 2);
		decision.expectedValue = roundTo(economics.expectedProfit, 2);
		decision.profitPerCost = roundTo(economics.profitPerCost, 4);
		const candidate = { index, facts, decision, economics, channel: choice.channel };
		if (economics.expectedProfit > 0 || !s.skipUnprofitable) ranked.push(candidate);
		else if (economics.optimisticProfit > 0 && s.exploreShare > 0) uncertain.push(candidate);
		else suppress(words.notWorthIt(roundTo(economics.expectedProfit, 2), roundTo(economics.uplift, 4), roundTo(value, 2), roundTo(economics.expectedCost, 2)));
		return decision;
	}

	const secretProblem = couponSecretProblem(s.couponSecret);
	let spent = 0;
	/**
	 * Takes a candidate when its cost fits what is left of `limit`; held-out customers are drawn by
	 * the same rule and spend nothing, so every group is selected alike.
	 */
	const select = (c: Candidate, selection: 'ranked' | 'explore', limit: number): boolean => {
		const d = c.decision;
		if (limit > 0 && spent + c.economics.expectedCost > limit) return false;
		d.selection = selection;
		if (inGlobalHoldout(s.globalHoldout.salt, c.facts.customerId, s.globalHoldout.share)) {
			holdOut(d, c.facts, 'holdout', words.globalHoldout);
			return true;
		}
		if (isControl(s.campaignId, c.facts.customerId, s.controlShare)) {
			holdOut(d, c.facts, 'control', words.controlGroup);
			return true;
		}
		if (secretProblem && ACTION_DEFINITIONS[d.action].incentive !== 'none') throw new CouponSecretError(secretProblem, d.customerId);
		spent += c.economics.expectedCost;
		d.group = 'treatment';
		writeMessage(d, c.facts, c.channel, s);
		routes[c.index] = c.channel;
		sendTimes[c.index] = sendTime(c.facts, s);
		return true;
	};
	const holdOut = (d: RetentionDecision, facts: RetentionFacts, group: Group, reason: string) => {
		d.group = group;
		d.contactedAt = new Date(sendTime(facts, s)).toISOString();
		d.suppressed = true;
		d.suppressionReason = reason;
	};

	// Highest expected incremental profit per unit of cost first; a candidate whose cost no longer
	// fits is passed over for cheaper ones behind it.
	ranked.sort((x, y) => y.economics.profitPerCost - x.economics.profitPerCost || (x.facts.customerId < y.facts.customerId ? -1 : 1));
	const rankedLimit = s.budget > 0 ? s.budget * (1 - s.exploreShare) : 0;
	const passedOver: Candidate[] = [];
	let rankedSelected = 0;
	for (const c of ranked) {
		if (select(c, 'ranked', rankedLimit)) rankedSelected++;
		else passedOver.push(c);
	}
	// Exploring: customers whose effect could pay off (at its 90% upper bound) but is not
	// expected to, in a stable random order, up to the explore share of the budget (without a
	// budget, up to that share of the customers selected above).
	// Each customer's place hashed once, not at every comparison of the sort.
	const place = new Map(uncertain.map((c) => [c, explorePosition(s.campaignId, c.facts.customerId)]));
	uncertain.sort((x, y) => (place.get(x) as number) - (place.get(y) as number));
	const exploreLimit = s.budget > 0 ? Math.min(s.budget, spent + s.budget * s.exploreShare) : 0;
	const exploreCount = s.budget > 0 ? Infinity : Math.ceil(s.exploreShare * rankedSelected);
	let explored = 0;
	for (const c of uncertain) {
		if (explored < exploreCount && select(c, 'explore', exploreLimit)) explored++;
		else {
			c.decision.suppressed = true;
			c.decision.suppressionReason = words.notWorthItExploreSpent(c.decision.expectedValue as number);
		}
	}
	// What exploring left unspent goes back to the ranking.
	for (const c of passedOver) {
		if (select(c, 'ranked', s.budget)) continue;
		c.decision.suppressed = true;
		c.decision.suppressionReason = words.budgetUsedUp(s.budget);
	}

	const selected = [...ranked, ...uncertain].filter((c) => c.decision.group !== null);
	for (const c of selected) c.decision.contactLogRow = contactLogRow(c.decision, c.facts.segment, c.facts.stage, c.economics);

	const byRoute: Record<Route, number> = { email: 0, sms: 0, push: 0, crm: 0, none: 0 };
	for (const r of routes) byRoute[r]++;
	const treated = selected.filter((c) => c.decision.group === 'treatment');
	const heldOut = selected.filter((c) => c.decision.group === 'control' || c.decision.group === 'holdout').length;
	return {
		decisions,
		routes,
		sendTimes,
		totals: {
			customers: count,
			byRoute,
			treatment: treated.length,
			control: selected.filter((c) => c.decision.group === 'control').length,
			holdout: selected.filter((c) => c.decision.group === 'holdout').length,
			explored,
			budgetUsed: roundTo(spent, 2),
			expectedValue: roundTo(
				treated.reduce((sum, c) => sum + c.economics.expectedProfit, 0),
				2,
			),
			measured: treated.filter((c) => c.economics.upliftSource === 'measured').length,
			tierBasis: tiers.basis,
			power: controlPower(
				treated.map((c) => c.economics.baseRate),
				treated.map((c) => c.economics.uplift),
				heldOut,
			),
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

function emptyDecision(customerId: string, cause: Cause, strength: number, evidence: string, tier: ValueTier, action: Action, rule: PlaybookRule | null, s: PlanSettings): RetentionDecision {
	return {
		customerId,
		churnCause: cause,
		causeStrength: strength,
		causeEvidence: evidence,
		valueTier: tier,
		action,
		actionLabel: WORDS[s.language].actions[action],
		playbookRule: rule ? ruleNote(rule, s.language) : null,
		channel: null,
		group: null,
		selection: null,
		contactedAt: null,
		baseRate: null,
		uplift: null,
		upliftSource: null,
		valueIfWonBack: 0,
		expectedCost: null,
		expectedValue: 0,
		profitPerCost: null,
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
		suppressed: false,
		suppressionReason: null,
		nextEligibleAt: null,
		campaignId: s.campaignId,
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

/** A CRM task for the account manager, in the node's language. */
function writeTask(d: RetentionDecision, facts: RetentionFacts, s: PlanSettings): void {
	const task = WORDS[s.language].crmTask({
		who: oneLine(facts.name) || oneLine(facts.customerId) || '',
		customerId: facts.customerId,
		name: facts.name,
		cause: d.churnCause,
		riskLevel: facts.riskLevel,
		value: Math.round(d.valueIfWonBack),
		actionLabel: d.actionLabel,
		stage: facts.stage && (ALL_STAGES as readonly string[]).includes(facts.stage) ? (facts.stage as Stage) : null,
		churnProbability: facts.churnProbability,
		causeEvidence: d.causeEvidence,
		contact: [facts.reach.email, facts.reach.phone].filter(Boolean).join(', '),
		playbookRule: d.playbookRule,
	});
	d.taskSubject = task.subject;
	d.taskBody = task.body;
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
		writeTask(d, facts, s);
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
		zhe: d.discountPct === null ? null : zheText(d.discountPct),
		expiry: expiryDay,
		product: facts.topProduct,
		categories: facts.categories.length ? facts.categories.join(WORDS[s.language].listSeparator) : null,
	};
	if (channel === 'email') {
		const footer = emailFooter(s.storeName, facts.customerId, s.language, s.optOut);
		d.subject = render(template.subject, values, s.language);
		d.text = render(template.body, values, s.language) + (footer ? `\n\n${footer.text}` : '');
		d.html = htmlOf(render(template.body, values, s.language), d.couponCode, footer);
	} else if (channel === 'sms') {
		d.smsText = smsWithOptOut(render(template.sms, values, s.language), s.language, s.optOut);
		d.smsSegments = smsLength(d.smsText).segments;
	} else {
		d.pushTitle = render(template.pushTitle, values, s.language);
		d.pushBody = render(template.pushBody, values, s.language);
	}
}
