import { normalQuantile } from '../math/normalDistribution';
import { customersPerGroupNeeded } from '../math/samplePower';
import { compareProportions, ProportionComparison } from './proportionComparison';

/** Who a customer was in a campaign, as the plan logged it: what the report breaks the lines down by. */
export interface CampaignPlacement {
	customerId: string;
	campaignId: string;
	/** The global holdout counts as control: never contacted, drawn by the same rule. */
	group: 'treatment' | 'control';
	action: string | null;
	channel: string | null;
	cause: string | null;
	segment: string | null;
	stage: string | null;
	valueTier: string | null;
	/** The plan's P(order in the window | not contacted), when logged. */
	baseRate: number | null;
}

/** One customer of one campaign, and what they did in the window after (first) contact. */
export interface CampaignOutcome extends CampaignPlacement {
	/** False when the customer sits in both groups across campaigns: left out of the lines across campaigns. */
	pooled: boolean;
	/** Ordered at least once in the window after contact. */
	reactivated: boolean;
	orders: number;
	revenue: number;
	/** What contacting this customer cost (contacts, and the incentive when redeemed); 0 for the control group. */
	cost: number;
}

export interface GroupFigures {
	customers: number;
	reactivated: number;
	rate: number;
	orders: number;
	revenue: number;
	revenuePerCustomer: number;
	/** Sample variance of revenue per customer. */
	revenueVariance: number;
}

export type Dimension = 'overall' | 'campaign' | 'action' | 'channel' | 'cause' | 'segment' | 'stage' | 'valueTier' | 'causeAction';

/** An estimate with its 95% interval. */
export interface Interval {
	estimate: number;
	low: number;
	high: number;
}

export type Verdict = { kind: 'noControl' } | { kind: 'lift' } | { kind: 'drop' } | { kind: 'tooFew'; needed: number } | { kind: 'noEffect' };

export interface UpliftLine {
	dimension: Dimension;
	value: string;
	treatment: GroupFigures;
	control: GroupFigures;
	/** Which control customers the line compares with: its own (same action, cause...) or all of them. */
	controlBasis: 'same' | 'all';
	comparison: ProportionComparison | null;
	/** Orders the treatment brought beyond what its customers would have placed anyway. */
	incrementalOrders: number;
	/** Revenue beyond what the treated customers would have brought anyway, with its interval. */
	incrementalRevenue: Interval | null;
	cost: number;
	/** Incremental revenue x margin - cost. */
	incrementalProfit: Interval | null;
	/** Incremental profit per unit of cost. */
	roi: Interval | null;
	/** Customers per group a test at 5% with 80% power needs for the rates seen. */
	customersNeededPerGroup: number | null;
	verdict: Verdict;
}

export interface EvaluationSettings {
	/** Gross margin share: what the shop keeps of incremental revenue. */
	margin: number;
}

function figures(outcomes: ReadonlyArray<CampaignOutcome>): GroupFigures {
	const customers = outcomes.length;
	let reactivated = 0;
	let orders = 0;
	let revenue = 0;
	for (const o of outcomes) {
		if (o.reactivated) reactivated++;
		orders += o.orders;
		revenue += o.revenue;
	}
	const mean = customers ? revenue / customers : 0;
	const squares = outcomes.reduce((sum, o) => sum + (o.revenue - mean) ** 2, 0);
	return { customers, reactivated, rate: customers ? reactivated / customers : 0, orders, revenue, revenuePerCustomer: mean, revenueVariance: customers > 1 ? squares / (customers - 1) : 0 };
}

const SIGNIFICANCE = 0.05;
const Z95 = normalQuantile(0.975);

/** The verdict, with the sample size a clear answer would need. */
export function verdictOf(comparison: ProportionComparison | null, treatment: GroupFigures, control: GroupFigures): { verdict: Verdict; needed: number | null } {
	if (!comparison) return { verdict: { kind: 'noControl' }, needed: null };
	const needed = customersPerGroupNeeded(treatment.rate, control.rate);
	if (comparison.pValue < SIGNIFICANCE) return { verdict: { kind: comparison.difference > 0 ? 'lift' : 'drop' }, needed };
	if (Number.isFinite(needed) && Math.min(treatment.customers, control.customers) < needed) return { verdict: { kind: 'tooFew', needed }, needed };
	return { verdict: { kind: 'noEffect' }, needed: Number.isFinite(needed) ? needed : null };
}

/**
 * Incremental revenue: the treated customers' revenue beyond the control group's per customer,
 * with a normal interval on the difference of means (Welch's standard error: the groups'
 * variances are not assumed equal; revenue is skewed, so this needs the groups' size).
 */
function incrementalRevenue(treatment: GroupFigures, control: GroupFigures): Interval {
	const difference = treatment.revenuePerCustomer - control.revenuePerCustomer;
	const se = Math.sqrt(treatment.revenueVariance / treatment.customers + control.revenueVariance / control.customers);
	const n = treatment.customers;
	return { estimate: n * difference, low: n * (difference - Z95 * se), high: n * (difference + Z95 * se) };
}

function line(dimension: Dimension, value: string, treated: CampaignOutcome[], controls: CampaignOutcome[], controlBasis: 'same' | 'all', s: EvaluationSettings): UpliftLine {
	const treatment = figures(treated);
	const control = figures(controls);
	const compared = treatment.customers > 0 && control.customers > 0;
	const comparison = compared ? compareProportions({ successes: treatment.reactivated, total: treatment.customers }, { successes: control.reactivated, total: control.customers }) : null;
	const cost = treated.reduce((sum, o) => sum + o.cost, 0);
	const revenue = compared ? incrementalRevenue(treatment, control) : null;
	const profit = revenue ? { estimate: revenue.estimate * s.margin - cost, low: revenue.low * s.margin - cost, high: revenue.high * s.margin - cost } : null;
	const { verdict, needed } = verdictOf(comparison, treatment, control);
	return {
		dimension,
		value,
		treatment,
		control,
		controlBasis,
		comparison,
		incrementalOrders: compared ? treatment.orders - (control.orders / control.customers) * treatment.customers : 0,
		incrementalRevenue: revenue,
		cost,
		incrementalProfit: profit,
		roi: profit && cost > 0 ? { estimate: profit.estimate / cost, low: profit.low / cost, high: profit.high / cost } : null,
		customersNeededPerGroup: needed,
		verdict,
	};
}

type Breakdown = Exclude<Dimension, 'overall' | 'campaign'>;
const BREAKDOWNS: Breakdown[] = ['action', 'channel', 'cause', 'segment', 'stage', 'valueTier', 'causeAction'];

/** The value of a breakdown for one outcome; causeAction joins the two with " × ". */
function valueOf(o: CampaignOutcome, dimension: Breakdown): string | null {
	if (dimension === 'causeAction') return o.cause && o.action ? `${o.cause} × ${o.action}` : null;
	const value = o[dimension];
	return value === null || value === '' ? null : value;
}

/**
 * The campaign overall (per campaign first when the outcomes span several), then by action,
 * channel, cause, segment, lifecycle stage, value tier, and cause × action (which causes each
 * action really fixes). A breakdown line compares its treated customers with the control
 * customers of the same value (the control group holds back customers the plan chose the same
 * way); when none share it (a channel: the control group was never contacted), with the whole
 * control group, and says so. Lines across campaigns leave out customers who sit in the
 * treatment group of one campaign and the control group of another.
 */
export function evaluateCampaign(outcomes: ReadonlyArray<CampaignOutcome>, s: EvaluationSettings): UpliftLine[] {
	const lines: UpliftLine[] = [];
	const campaigns = [...new Set(outcomes.map((o) => o.campaignId))].sort();
	const pooled = outcomes.filter((o) => o.pooled);
	const treated = pooled.filter((o) => o.group === 'treatment');
	const controls = pooled.filter((o) => o.group === 'control');
	lines.push(line('overall', campaigns.length > 1 ? 'all campaigns' : 'all customers', treated, controls, 'all', s));
	if (campaigns.length > 1) {
		for (const campaign of campaigns) {
			const mine = outcomes.filter((o) => o.campaignId === campaign);
			lines.push(line('campaign', campaign || '(no campaign ID)', mine.filter((o) => o.group === 'treatment'), mine.filter((o) => o.group === 'control'), 'same', s));
		}
	}
	for (const dimension of BREAKDOWNS) {
		const values = [...new Set(treated.map((o) => valueOf(o, dimension)).filter((v): v is string => v !== null))].sort();
		for (const value of values) {
			const same = controls.filter((o) => valueOf(o, dimension) === value);
			lines.push(line(dimension, value, treated.filter((o) => valueOf(o, dimension) === value), same.length ? same : controls, same.length ? 'same' : 'all', s));
		}
	}
	return lines;
}
