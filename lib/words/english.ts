import type { Channel } from '../actions/actionCatalog';
import type { Cause } from '../actions/causes';
import type { Stage } from '../lifecycle/stages';
import type { RiskLevel } from '../models/riskLevels';
import type { RfmSegment } from '../models/rfm';
import type { Dimension } from '../report/campaignEvaluation';
import { SCORE_METHOD } from '../report/proportionComparison';
import type { ReachProblem, Words } from './words';

/* Every word the nodes write for a person, in English: see words.ts. */

const STAGES: Record<Stage, string> = {
	prospect: 'Prospect',
	new: 'New',
	active: 'Active',
	loyal: 'Loyal',
	atRisk: 'At Risk',
	churned: 'Churned',
	reactivated: 'Reactivated',
	exploration: 'Exploration',
	growth: 'Growth',
	maturity: 'Maturity',
	decline: 'Decline',
};

const CAUSES: Record<Cause, string> = {
	priceSensitive: 'Price sensitive',
	poorExperience: 'Poor experience',
	competition: 'Lost to a competitor',
	fadingEngagement: 'Fading engagement',
	neglected: 'Neglected',
	newUnconvinced: 'New, not yet convinced',
	unknown: 'Unknown',
	notAtRisk: 'Not at risk',
};

/** Reach problems, for cannotBeReached and the node's summary. */
const REACH: Record<ReachProblem, string> = {
	noEmail: 'no email address',
	optedOutEmail: 'opted out of email',
	noEmailOptIn: 'no email opt-in',
	noPhone: 'no phone number',
	optedOutSms: 'opted out of SMS',
	noSmsOptIn: 'no SMS opt-in',
	optedOutPush: 'opted out of push',
	noPushOptIn: 'no push opt-in',
};

const CHANNELS: Record<Channel, string> = { email: 'Email', sms: 'SMS', push: 'Push', crm: 'CRM task' };

const RFM_SEGMENTS: Record<RfmSegment, string> = {
	Champions: 'Champions',
	'Loyal Customers': 'Loyal Customers',
	'Potential Loyalist': 'Potential Loyalist',
	'New Customers': 'New Customers',
	Promising: 'Promising',
	'Need Attention': 'Need Attention',
	'About To Sleep': 'About To Sleep',
	"Can't Lose Them": "Can't Lose Them",
	'At Risk': 'At Risk',
	Hibernating: 'Hibernating',
	Lost: 'Lost',
};

const DIMENSIONS: Record<Dimension, string> = { overall: 'Overall', campaign: 'Campaign', action: 'Action', channel: 'Channel', cause: 'Cause', segment: 'Segment', stage: 'Stage', valueTier: 'Value tier', causeAction: 'Cause × action' };

const pct = (share: number) => `${Math.round(share * 100)}%`;
const signed = (n: number) => (n > 0 ? '+' : '') + n.toFixed(2);
const daysEn = (n: number) => `${Math.round(n)} day${Math.round(n) === 1 ? '' : 's'}`;

const STANDING: Record<RiskLevel, string> = { critical: 'very likely to be lost', high: 'at risk', medium: 'slipping', low: 'likely to stay' };
const consentWord = (value: boolean | null) => (value === true ? 'yes' : value === false ? 'no' : 'not known');

const CRM_TASK: Words['crmTask'] = (t) => ({
	subject: `Win back ${t.who}: ${CAUSES[t.cause].toLowerCase()} (${t.riskLevel ?? 'unknown'} risk, value if won back ${t.value})`,
	body: [
		`${t.actionLabel}. Customer ${t.customerId}${t.name ? ` (${t.name})` : ''}, stage ${t.stage ? STAGES[t.stage] : 'unknown'}, churn probability ${t.churnProbability.toFixed(2)}, value if won back ${t.value}.`,
		`Why they may be leaving: ${t.causeEvidence}.`,
		t.contact ? `Contact: ${t.contact}.` : 'No contact details on file.',
		`Playbook: ${t.playbookRule ?? 'none'}.`,
	].join('\n'),
});

const ANSWERS: Words['answers'] = {
	noCustomerGiven: 'No customer was given: ask with a customer ID, an email address or a phone number.',
	noCustomerMatches: (query) => `No customer matches "${query}" in the Orders File (looked up by customer ID, email and phone).`,
	severalCustomersMatch: (query, count, ids) => `${count} customers match "${query}": ${ids.join(', ')}${count > ids.length ? ', ...' : ''}. Ask again with one customer ID.`,
	noSuchCampaign: (campaign, known) => `No contact of campaign "${campaign}" is in the contact logs${known.length ? ` (campaigns there: ${known.join(', ')})` : ''}.`,
	customer: (a) =>
		[
			`${a.customerId}${a.name ? ` (${a.name})` : ''}: ${a.orders} order${a.orders === 1 ? '' : 's'}, ${a.spend} spent`,
			a.lastOrder ? `first order ${a.firstOrder}, last ${a.lastOrder} (${daysEn(a.recencyDays ?? 0)} ago)` : 'no order yet',
			a.usualGapDays === null ? 'no repeat order yet' : `orders about every ${daysEn(a.usualGapDays)}`,
			`may be emailed: ${consentWord(a.email)}, texted: ${consentWord(a.sms)}`,
		].join('; ') + '.',
	risk: ({ customerId, risk: r }) =>
		r === null
			? `${customerId} has no order to score yet.`
			: [
					`${customerId} is ${STANDING[r.level]}: ${r.churnPercent}% churn probability over the next ${daysEn(r.horizonDays)} (${r.level} risk)`,
					`${r.usualGapDays === null ? 'one purchase day so far, no usual gap yet' : `usual gap ${daysEn(r.usualGapDays)}`}, last order ${daysEn(r.recencyDays)} ago`,
					`expected orders in that time ${r.expectedOrders}${r.nextOrder ? `, next expected around ${r.nextOrder}` : ''}`,
					`predicted value ${r.predictedValue}${r.segment ? `; RFM segment ${r.segment}` : ''}`,
				].join('; ') + '.',
	stage: (a) => `${a.customerId} is in the ${a.stage} stage: ${a.reason}${a.churnPercent === null ? '' : `; churn probability ${a.churnPercent}%`}.`,
	action: (a) => {
		if (a.group === 'control') return `${a.customerId} is in this campaign's control group: no contact, so the campaign's effect can be measured against them (otherwise: ${a.actionLabel}).`;
		if (a.group === 'holdout') return `${a.customerId} is in the global holdout: no campaign contacts them.`;
		if (a.group !== 'treatment' || !a.channel) return `No action for ${a.customerId}: ${a.suppressionReason ?? 'no rule applies'}.`;
		return [
			`Suggested for ${a.customerId}: ${a.actionLabel} by ${CHANNELS[a.channel]}${a.discountPct ? `, ${a.discountPct}% off` : ''}`,
			`likely cause: ${CAUSES[a.cause]} (${a.causeEvidence})`,
			`expected uplift ${a.upliftPoints} points, expected incremental profit ${a.expectedValue}${a.explore ? ' (chosen to learn: its effect is still uncertain)' : ''}`,
			a.title ? `subject "${a.title}"` : '',
		]
			.filter(Boolean)
			.join('; ') + '.';
	},
	campaign: (a) =>
		[
			`${a.campaign ? `Campaign ${a.campaign}` : 'All campaigns'}: ${a.treatment.reactivated} of ${a.treatment.customers} contacted customers (${a.treatment.rate}) ordered within ${a.windowDays} days, against ${a.control.reactivated} of ${a.control.customers} (${a.control.rate}) in the control group`,
			a.uplift ? `uplift ${a.uplift.points} points (95% interval ${a.uplift.low} to ${a.uplift.high}), p ${a.uplift.p}` : '',
			a.verdict,
			a.revenue ? `incremental revenue ${a.revenue.estimate} (${a.revenue.low} to ${a.revenue.high})` : '',
		]
			.filter(Boolean)
			.join('; ') + '.',
};

export const ENGLISH: Words = {
	locale: 'en-US',
	listSeparator: ', ',
	stages: STAGES,
	causes: CAUSES,
	actions: {
		discountCoupon: 'Discount coupon',
		productDiscount: 'Discount on their favourite product',
		freeShipping: 'Free shipping',
		productRecommendation: 'Product recommendations',
		loyaltyPerk: 'Loyalty points or member perk',
		careMessage: 'Care message',
		greeting: 'Birthday or holiday greeting',
		satisfactionSurvey: 'Satisfaction survey',
		serviceRecovery: 'Service recovery (apology and fix)',
		vipOutreach: 'Personal outreach by an account manager',
		newArrivals: 'New arrivals and promotions',
		crossSell: 'Cross-sell',
		noAction: 'No action',
	},
	channels: CHANNELS,
	riskLevels: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
	rfmSegments: RFM_SEGMENTS,
	valueTiers: { vip: 'VIP', high: 'High', medium: 'Medium', low: 'Low' },
	evidence: (e) => {
		switch (e.kind) {
			case 'given':
				return `given on the item: "${e.text}"`;
			case 'complaints':
				return `${e.count} complaint${e.count === 1 ? '' : 's'}`;
			case 'returns':
				return `${pct(e.share)} of orders returned`;
			case 'satisfaction':
				return `average satisfaction ${e.score}`;
			case 'openTickets':
				return `${e.count} service ticket${e.count === 1 ? '' : 's'} still open`;
			case 'detractor':
				return `NPS ${e.score} (a detractor)`;
			case 'badReviews':
				return [e.rating === null ? '' : `a ${e.rating}-star review`, e.sentiment === null ? '' : `reviews that read ${signed(e.sentiment)}`].filter(Boolean).join(' and ');
			case 'fewerVisits':
				return `${e.recent} visit${e.recent === 1 ? '' : 's'} lately against a usual ${e.usual}`;
			case 'promotions':
				return `${e.count} of ${e.of} repeat orders (${pct(e.share)}) bought on promotion`;
			case 'promotionThenSilence':
				return `no order for ${daysEn(e.days)} since one bought on promotion (usual gap ${daysEn(e.gap)})`;
			case 'oneOrder':
				return `one order, ${daysEn(e.days)} ago`;
			case 'abruptStop':
				return `a regular buyer (${e.orders} orders, every ${daysEn(e.gap)}) with no complaints who stopped abruptly ${daysEn(e.days)} ago (order data alone cannot say where they went)`;
			case 'orderTrend':
				return `order trend ${signed(e.value)}`;
			case 'spendTrend':
				return `spend trend ${signed(e.value)}`;
			case 'longGap':
				return `last gap ${daysEn(e.last)} against a usual ${daysEn(e.gap)}`;
			case 'lastContacted':
				return `last contacted ${daysEn(e.days)} ago`;
			case 'notAtRisk':
				return `not at risk${e.days === null ? '' : `: last order ${daysEn(e.days)} ago${e.gap === null ? '' : ` against a usual gap of ${daysEn(e.gap)}`}`}`;
			case 'noSign':
				return 'no sign in the data: ask (a survey) or watch';
		}
	},
	evidenceSeparator: ', ',
	stageReasons: {
		noOrderYet: 'no order yet',
		noOrderForOverLimit: (days, limit) => `no order for ${days} days (limit ${limit})`,
		noOrderForOverBand: (days, band) => `no order for ${days} days (≥ ${band}, fixed band)`,
		churnProbability: (p, limit) => `churn probability ${p} ≥ ${limit}`,
		overdue: (days, gaps, own, gapDays, limit) => `${days} days since the last order = ${gaps}× ${own ? 'their usual gap' : "the customers' median gap"} of ${gapDays} days (> ${limit}×)`,
		orderedAfterChurned: 'ordered again after being churned',
		cameBack: (daysAgo, lapseDays, limit) =>
			`came back ${daysAgo} days ago after a lapse of ${lapseDays} days without an order (${
				limit.kind === 'gaps' ? `more than ${limit.gaps}× the usual gap of ${limit.usualDays} days` : limit.kind === 'band' ? `at least the ${limit.days}-day fixed band` : `at least the ${limit.days}-day limit`
			})`,
		firstOrder: (daysAgo, within) => `first order ${daysAgo} days ago (within ${within})`,
		ordersOnCadence: (orders) => `${orders} orders and on cadence`,
		segmentOnCadence: (segment) => `RFM segment ${segment} and on cadence`,
		onCadence: 'buying on cadence',
		exploring: (orders, days) => `${orders} order${orders === 1 ? '' : 's'} ${days === null ? 'so far' : `in ${days} days`}: still getting to know each other`,
		trends: (spend, orders, rising) => `spend trend ${spend}, order trend ${orders}: ${rising ? 'rising' : 'falling'}`,
		gapsShrinking: 'gaps between orders shrinking',
		stable: 'stable spend and cadence',
		unknown: 'unknown',
	},
	suppression: {
		listedAgain: 'listed again in this run: decided once, by the first record of this customer',
		playbook: (note) => `playbook: ${note}`,
		noRuleMatched: 'no playbook rule matched',
		noChannelInOrder: (channels) => `no channel for this action in the Channel Order (it goes by ${channels.join(' or ')})`,
		cannotBeReached: (problems) => `cannot be reached: ${problems.map((p) => REACH[p]).join(', ')}`,
		cooldown: (when, days) => `same action ${'scheduledFor' in when ? `already scheduled for ${when.scheduledFor}` : `${when.daysAgo} days ago`} (cooldown ${days} days)`,
		frequencyCap: (contacts, windowDays, scheduled, limit) => `${contacts} contacts in the last ${windowDays} days${scheduled ? ` (${scheduled} scheduled)` : ''} (limit ${limit})`,
		notWorthIt: (profit, uplift, value, cost) => `not worth it: expected incremental profit ${profit} (uplift ${uplift} x value if won back ${value} - cost ${cost})`,
		notWorthItExploreSpent: (profit) => `not worth it: expected incremental profit ${profit}, and the share of the budget for exploring is used up`,
		budgetUsedUp: (budget) => `budget of ${budget} used up by customers with more expected profit per unit of cost`,
		globalHoldout: 'global holdout: never contacted by any campaign, to measure them all',
		controlGroup: 'control group: held out to measure the campaign',
	},
	reachProblems: REACH,
	playbookNotes: {},
	crmTask: CRM_TASK,
	messages: {
		templates: {
			discountCoupon: {
				subject: '{name}, {discount}% off your next order at {store}',
				body: 'Hi {name},\n\nWe miss you at {store}. Here is {discount}% off your next order with the code {coupon}, valid until {expiry}.\n\nSee you soon!',
				sms: '{store}: {name}, {discount}% off your next order with code {coupon} until {expiry}.',
				pushTitle: '{discount}% off, just for you',
				pushBody: 'Use code {coupon} at {store} until {expiry}.',
			},
			productDiscount: {
				subject: '{discount}% off {product}, {name}',
				body: 'Hi {name},\n\n{product} is {discount}% off for you at {store} with the code {coupon}, until {expiry}.',
				sms: '{store}: {discount}% off {product} for you, code {coupon}, until {expiry}.',
				pushTitle: '{product}: {discount}% off',
				pushBody: 'Your favourite, with code {coupon} until {expiry}.',
			},
			freeShipping: {
				subject: 'Free shipping on your next order, {name}',
				body: 'Hi {name},\n\nThanks for your first order at {store}. Your next one ships free with the code {coupon}, until {expiry}.',
				sms: '{store}: free shipping on your next order, code {coupon}, until {expiry}.',
				pushTitle: 'Your next order ships free',
				pushBody: 'Code {coupon}, until {expiry}.',
			},
			productRecommendation: {
				subject: 'Picked for you at {store}',
				body: 'Hi {name},\n\nWe picked a few things for you from {categories} at {store}.',
				sms: '{store}: new picks for you in {categories}.',
				pushTitle: 'Picked for you',
				pushBody: 'New in {categories} at {store}.',
			},
			loyaltyPerk: {
				subject: 'A thank-you from {store}, {name}',
				body: 'Hi {name},\n\nAs one of our members you get a perk on your next visit to {store}: use the code {coupon} until {expiry}.',
				sms: '{store}: a member perk for you, code {coupon}, until {expiry}.',
				pushTitle: 'A perk for you',
				pushBody: 'Code {coupon} at {store} until {expiry}.',
			},
			careMessage: {
				subject: 'How are you, {name}?',
				body: 'Hi {name},\n\nIt has been a while, and we wanted to say hello from {store}. If there is anything we can do for you, just reply to this email.',
				sms: '{store}: hello {name}, we have missed you. Reply if we can help.',
				pushTitle: 'We have missed you',
				pushBody: 'Everything all right, {name}?',
			},
			greeting: {
				subject: 'Best wishes from {store}',
				body: 'Hi {name},\n\nBest wishes from all of us at {store}.',
				sms: '{store}: best wishes, {name}!',
				pushTitle: 'Best wishes',
				pushBody: 'From all of us at {store}.',
			},
			satisfactionSurvey: {
				subject: '{name}, how did we do?',
				body: 'Hi {name},\n\nWe would love to know how your last order from {store} went. Your answer helps us do better.',
				sms: '{store}: how did we do, {name}? Reply 1 (poor) to 5 (great).',
				pushTitle: 'How did we do?',
				pushBody: 'Tell {store} about your last order.',
			},
			serviceRecovery: {
				subject: 'We are sorry, {name}',
				body: 'Hi {name},\n\nWe are sorry your last experience with {store} was not what it should have been. Reply to this email and tell us what went wrong: we will do our best to put it right. As an apology, here is {discount}% off with the code {coupon}, until {expiry}.',
				sms: '{store}: sorry about your last order, {name}. {discount}% off with code {coupon} until {expiry}.',
				pushTitle: 'We are sorry',
				pushBody: '{discount}% off with code {coupon} as an apology.',
			},
			newArrivals: {
				subject: 'New at {store}',
				body: 'Hi {name},\n\nThere is a lot new at {store} since your last visit. Come and have a look.',
				sms: '{store}: new arrivals and offers are in. Come and have a look!',
				pushTitle: 'New at {store}',
				pushBody: 'New arrivals and offers since your last visit.',
			},
			crossSell: {
				subject: 'Goes well with {product}',
				body: 'Hi {name},\n\nCustomers who like {product} also love these picks from {categories} at {store}.',
				sms: '{store}: picks that go with {product}, just for you.',
				pushTitle: 'Goes with {product}',
				pushBody: 'Picks from {categories} at {store}.',
			},
		},
		flavours: {
			ecommerce: { serviceRecovery: { body: 'Hi {name},\n\nWe are sorry if the delivery or after-sales service of your last order from {store} let you down. Reply and tell us what happened: we will do our best to put it right. As an apology, here is {discount}% off with the code {coupon}, until {expiry}.' } },
			physicalStore: { newArrivals: { subject: 'You are invited: an in-store event at {store}', body: 'Hi {name},\n\nWe are holding an event at {store} and would love to see you there. Come by for new arrivals and offers.', sms: '{store}: you are invited to our in-store event. New arrivals and offers!' } },
			fmcg: { productDiscount: { subject: '{product} is on promotion for you', sms: '{store}: your usual {product} is {discount}% off, code {coupon}, until {expiry}.' } },
			apparel: { newArrivals: { subject: 'The new collection is in at {store}', body: 'Hi {name},\n\nThe new collection is in at {store}, with styling ideas picked for you.', sms: '{store}: the new collection is in, with styling ideas for you.' } },
			restaurant: {
					discountCoupon: { subject: '{name}, a voucher for your next visit to {store}', body: 'Hi {name},\n\nWe would love to cook for you again. Here is {discount}% off your next visit to {store} with the code {coupon}, until {expiry}.', sms: '{store}: {discount}% off your next visit, code {coupon}, until {expiry}.' },
					satisfactionSurvey: { subject: 'How was your meal, {name}?', body: 'Hi {name},\n\nHow did you like the food at {store}? Tell us about the taste: we read every answer.', sms: '{store}: how was your meal? Reply 1 (poor) to 5 (delicious).' },
				},
			membershipStore: { loyaltyPerk: { subject: 'Your member benefits at {store}', body: 'Hi {name},\n\nYour membership at {store} comes with benefits and bonus points: use the code {coupon} on your next visit, until {expiry}.' } },
			freshFood: { serviceRecovery: { subject: 'Our freshness guarantee, {name}', body: 'Hi {name},\n\nWe are sorry if your last delivery from {store} was not as fresh or on time as it should have been. Reply and tell us what happened; under our freshness guarantee, here is {discount}% off with the code {coupon}, until {expiry}.' } },
		},
		fallback: { name: 'there', store: 'our store', coupon: '', discount: '', zhe: '', expiry: '', product: 'your favourites', categories: 'our range' },
		smsOptOut: 'Reply STOP to opt out.',
		smsOptOutSeparator: ' ',
		emailFooter: { reply: 'You receive this email as a customer of {store}. To stop these emails, reply "unsubscribe".', link: 'You receive this email as a customer of {store}. To stop these emails: {link}' },
	},
	report: {
		dimensions: DIMENSIONS,
		overall: { 'all customers': 'All customers', 'all campaigns': 'All campaigns', '(no campaign ID)': '(no campaign ID)' },
		controlBasis: (basis, dimension) => (basis === 'same' ? `control customers of the same ${dimension.toLowerCase()}` : 'the whole control group'),
		method: SCORE_METHOD,
		verdict: (verdict) => {
			switch (verdict.kind) {
				case 'noControl':
					return 'no control group to compare with: hold some customers out next time';
				case 'lift':
					return 'significant lift';
				case 'drop':
					return 'significant drop: the action did worse than doing nothing';
				case 'tooFew':
					return `too few customers to tell (about ${verdict.needed} per group needed for this effect)`;
				case 'noEffect':
					return 'no detectable effect';
			}
		},
		churnAlert: (rate, above, low, high, periods, periodDays) =>
			`Churn rate ${rate} is ${above ? 'above' : 'below'} its usual range ${low}-${high} (mean +/- 2 standard deviations of the ${periods} previous ${periodDays}-day periods)`,
		html: {
			campaign: 'Campaign evaluation',
			warning: 'Warning accuracy',
			line: 'Line',
			points: '{value} pp',
			range: '{low} to {high}',
			treatment: 'Contacted',
			control: 'Control',
			uplift: 'Uplift',
			interval: '95% interval',
			pValue: 'p-value',
			revenue: 'Incremental revenue (95% interval)',
			roi: 'ROI (incremental profit per unit of cost)',
			verdict: 'Verdict',
			upliftChart: 'Uplift in reactivation rate per action, with its 95% interval',
			rateChart: 'Reactivation rate: contacted against control, per action',
			calibrationChart: 'Calibration: predicted against observed share who left',
			predicted: 'predicted',
			observed: 'observed',
			customers: 'customers',
			flaggedWhoLeft: 'Flagged customers who left',
			leaversCaught: 'Leavers flagged early',
			auc: 'AUC (0.5 chance, 1 perfect)',
			method: 'Method',
			generated: 'Generated by n8n-nodes-retention',
			health: 'Customer base health',
			churnRate: 'Churn rate',
			retentionRate: 'Retention rate',
			repeatRate: 'Repeat-purchase rate',
			retentionDays: 'Average days from first to last order',
			complaintRate: 'Customers who complained',
			satisfaction: 'Average satisfaction',
			churnCost: 'Revenue lost to churn (per period)',
			revenueAtRisk: 'Revenue at risk (predicted value of high and critical risk)',
			segmentsChart: 'Customers by RFM segment',
			stagesChart: 'Customers by lifecycle stage',
			rfChart: 'Customers by recency (R, rows) and frequency (F, columns) score',
			cohortChart: 'Cohorts: share of each first-order month still buying, month by month',
			churnChart: 'Churn rate per period, with its usual range',
			alert: 'Alert',
			campaignTitle: 'Campaign report',
			warningTitle: 'Churn warning accuracy',
			healthTitle: 'Customer base health',
			campaignSubtitle: 'Reactivated = ordered within {days} days after the first contact (one row per customer per campaign)',
			warningSubtitle: 'Left = no order within {days} days after the scores\' analysis date',
			healthSubtitle: 'The {days}-day period ending {end}; active = ordered within {active} days',
			methodText: "{method}. Revenue: difference of means with Welch's standard error.",
			profitText: 'Profit: incremental revenue × margin {margin} − cost (every contact, and the incentive of each contacted customer who ordered); ROI: profit / cost.',
			smallGroups: 'small groups: approximate',
			merged: '{merged} repeated log rows merged into one per customer and campaign; {conflicts} customers in both groups left out',
			backtest: 'Model backtest',
			backtestTitle: 'How well the churn models predicted your recent weeks',
			backtestSubtitle: 'Fitted on the history to {date}; the {days} days after were held out and predicted for {customers} customers',
			trackingChart: 'Repeat orders per week: made, and expected by each model (shaded: the held-out days)',
			cumulativeChart: 'Repeat orders to date: made, and expected by each model',
			made: 'made',
			chosen: 'chosen',
			model: 'Model',
			holdoutLikelihood: 'Log-likelihood of who ordered, per customer (higher is better)',
			brier: 'Brier score (lower is better)',
			mae: 'Error in repeat orders per customer (MAE)',
			ordersPredicted: 'Repeat orders predicted in the held-out days',
		},
	},
	answers: ANSWERS,
};
