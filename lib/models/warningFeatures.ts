import type { EngagementEvent } from '../engagement/engagementEvent';
import { Engagement, engagementOf } from '../engagement/engagementSummary';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { log, log1p, max, min } = Math;

/**
 * What the learned warning reads of a customer as of a day: their orders (recency, repeat
 * purchases, tenure), the purchase model's own churn probability (so the warning learns what the
 * orders' story misses, never less than it), and what their events say (browsing against their
 * usual, email responses, carts, tickets, NPS, reviews). One definition: the model's weights, the
 * explanations and the saved model follow this list's order. Counts and days enter as ln(1 + v),
 * the purchase model's probability as log-odds.
 */
export const WARNING_FEATURES = [
	{ name: 'recency', label: 'days since the last order' },
	{ name: 'repeatPurchases', label: 'repeat purchases' },
	{ name: 'tenure', label: 'days since the first order' },
	{ name: 'purchaseModelChurn', label: "the purchase model's churn probability" },
	{ name: 'hasEvents', label: 'any activity recorded' },
	{ name: 'activityRecent', label: 'visits and views in the last weeks' },
	{ name: 'activityDecline', label: 'fewer visits than the customer usually makes' },
	{ name: 'daysSinceActivity', label: 'days since the last visit' },
	{ name: 'responsesRecent', label: 'email opens and clicks lately' },
	{ name: 'cartAbandons', label: 'abandoned carts lately' },
	{ name: 'unsubscribed', label: 'unsubscribed' },
	{ name: 'openTickets', label: 'open service tickets' },
	{ name: 'recentTickets', label: 'service tickets lately' },
	{ name: 'detractor', label: 'an NPS detractor' },
	{ name: 'lowRating', label: 'a review of 2 stars or less' },
	{ name: 'negativeReviews', label: 'reviews that read badly' },
] as const;

export type WarningFeature = (typeof WARNING_FEATURES)[number]['name'];

/** A customer as of a day: their distinct purchase days so far and their events. */
export interface CustomerAsOf {
	purchaseDays: ArrayLike<number>;
	events: readonly EngagementEvent[];
}

export interface FeatureSettings {
	recentDays: number;
	baselineDays: number;
}

const logOdds = (p: number) => {
	const q = min(1 - 1e-6, max(1e-6, p));
	return log(q / (1 - q));
};

/**
 * The features of one customer as of `day` (purchases and events after it unseen), given the
 * purchase model's churn probability for them as of that day. Null when they had not bought yet.
 */
export function warningFeatures(customer: CustomerAsOf, day: number, purchaseModelChurn: number, settings: FeatureSettings): Float64Array | null {
	let first = -1;
	let last = -1;
	let count = 0;
	for (let k = 0; k < customer.purchaseDays.length; k++) {
		const d = customer.purchaseDays[k];
		if (d > day) break;
		if (first < 0) first = d;
		last = d;
		count++;
	}
	if (count === 0) return null;
	const e: Engagement | null = customer.events.length ? engagementOf(customer.events, { analysisDay: day, ...settings }) : null;
	const has = e !== null && e.events > 0;
	const values: Record<WarningFeature, number> = {
		recency: log1p(day - last),
		repeatPurchases: log1p(count - 1),
		tenure: log1p(day - first),
		purchaseModelChurn: logOdds(purchaseModelChurn),
		hasEvents: has ? 1 : 0,
		activityRecent: has ? log1p(e.activity.recent) : 0,
		activityDecline: has && e.activity.usual ? max(0, 1 - e.activity.recent / e.activity.usual) : 0,
		daysSinceActivity: has && e.daysSinceActivity !== null ? log1p(e.daysSinceActivity) : 0,
		responsesRecent: has ? log1p(e.responses.recent) : 0,
		cartAbandons: has ? log1p(e.cartAbandonsRecent) : 0,
		unsubscribed: has && e.unsubscribed ? 1 : 0,
		openTickets: has ? log1p(e.openTickets) : 0,
		recentTickets: has ? log1p(e.ticketsRecent) : 0,
		detractor: has && e.npsGroup === 'detractor' ? 1 : 0,
		lowRating: has && e.latestRating !== null && e.latestRating <= 2 ? 1 : 0,
		negativeReviews: has && e.reviewSentiment !== null ? max(0, -e.reviewSentiment) : 0,
	};
	return Float64Array.from({ length: WARNING_FEATURES.length }, (_, j) => values[WARNING_FEATURES[j].name]);
}

/** A reason a learnt warning gives for one customer's risk: a feature and its share of the log-odds. */
export interface RiskDriver {
	feature: WarningFeature;
	label: string;
	/** The feature's push on the log-odds of no order against the average customer's: above 0 raises the risk. */
	contribution: number;
}

/**
 * The features that raise one customer's risk most, largest first (at most `count`, only those
 * that raise it): what the warning would say of them, "an open service ticket, fewer visits than
 * usual", and what Retention Action can read a cause from.
 */
export function riskDrivers(contributions: readonly number[], count = 3): RiskDriver[] {
	return contributions
		.map((contribution, j) => ({ feature: WARNING_FEATURES[j].name as WarningFeature, label: WARNING_FEATURES[j].label, contribution }))
		.filter((driver) => driver.contribution > 0)
		.sort((a, b) => b.contribution - a.contribution)
		.slice(0, count);
}
