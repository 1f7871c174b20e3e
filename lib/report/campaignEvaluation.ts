import { compareProportions, customersPerGroupNeeded, ProportionComparison } from './proportionComparison';

/** One customer a campaign handled, and what they did in the window after contact. */
export interface CampaignOutcome {
	customerId: string;
	group: 'treatment' | 'control';
	action: string | null;
	channel: string | null;
	cause: string | null;
	segment: string | null;
	/** Ordered at least once in the window after contact. */
	reactivated: boolean;
	orders: number;
	revenue: number;
	/** What contacting this customer cost (coupon value, message); 0 for the control group. */
	cost: number;
}

export interface GroupFigures {
	customers: number;
	reactivated: number;
	rate: number;
	orders: number;
	revenue: number;
	revenuePerCustomer: number;
}

export type Dimension = 'overall' | 'action' | 'channel' | 'cause' | 'segment';

export interface UpliftLine {
	dimension: Dimension;
	value: string;
	treatment: GroupFigures;
	control: GroupFigures;
	/** Which control customers the line compares with: its own (same action, cause...) or all of them. */
	controlBasis: 'same' | 'all';
	comparison: ProportionComparison | null;
	/** Orders and revenue the treatment brought beyond what its customers would have done anyway. */
	incrementalOrders: number;
	incrementalRevenue: number;
	cost: number;
	/** (incremental revenue - cost) / cost; null without cost. */
	roi: number | null;
	/** Customers per group a test at 5% with 80% power needs for the rates seen. */
	customersNeededPerGroup: number | null;
	verdict: string;
}

function figures(outcomes: ReadonlyArray<CampaignOutcome>): GroupFigures {
	const customers = outcomes.length;
	const reactivated = outcomes.filter((o) => o.reactivated).length;
	const orders = outcomes.reduce((s, o) => s + o.orders, 0);
	const revenue = outcomes.reduce((s, o) => s + o.revenue, 0);
	return { customers, reactivated, rate: customers ? reactivated / customers : 0, orders, revenue, revenuePerCustomer: customers ? revenue / customers : 0 };
}

const SIGNIFICANCE = 0.05;

/** The verdict in plain words, with the sample size a clear answer would need. */
export function verdictOf(comparison: ProportionComparison | null, treatment: GroupFigures, control: GroupFigures): { verdict: string; needed: number | null } {
	if (!comparison) return { verdict: 'no control group to compare with: hold some customers out next time', needed: null };
	const needed = customersPerGroupNeeded(treatment.rate, control.rate);
	if (comparison.pValue < SIGNIFICANCE) return { verdict: comparison.difference > 0 ? 'significant lift' : 'significant drop: the action did worse than doing nothing', needed };
	if (Number.isFinite(needed) && Math.min(treatment.customers, control.customers) < needed) {
		return { verdict: `too few customers to tell (about ${needed} per group needed for this effect)`, needed };
	}
	return { verdict: 'no detectable effect', needed: Number.isFinite(needed) ? needed : null };
}

function line(dimension: Dimension, value: string, treated: CampaignOutcome[], controls: CampaignOutcome[], controlBasis: 'same' | 'all'): UpliftLine {
	const treatment = figures(treated);
	const control = figures(controls);
	const comparison = treatment.customers > 0 && control.customers > 0 ? compareProportions({ successes: treatment.reactivated, total: treatment.customers }, { successes: control.reactivated, total: control.customers }) : null;
	const controlOrdersPerCustomer = control.customers ? control.orders / control.customers : 0;
	const incrementalOrders = treatment.orders - controlOrdersPerCustomer * treatment.customers;
	const incrementalRevenue = treatment.revenue - control.revenuePerCustomer * treatment.customers;
	const cost = treated.reduce((s, o) => s + o.cost, 0);
	const { verdict, needed } = verdictOf(comparison, treatment, control);
	return {
		dimension,
		value,
		treatment,
		control,
		controlBasis,
		comparison,
		incrementalOrders: control.customers ? incrementalOrders : 0,
		incrementalRevenue: control.customers ? incrementalRevenue : 0,
		cost,
		roi: cost > 0 && control.customers ? (incrementalRevenue - cost) / cost : null,
		customersNeededPerGroup: needed,
		verdict,
	};
}

const BREAKDOWNS: Array<Exclude<Dimension, 'overall'>> = ['action', 'channel', 'cause', 'segment'];

/**
 * The campaign overall, then by action, channel, cause and segment. A breakdown line compares
 * its treated customers with the control customers of the same value (the control group holds
 * back customers the playbook chose the same way); when none share it (a channel: the control
 * group was never contacted), with the whole control group, and says so.
 */
export function evaluateCampaign(outcomes: ReadonlyArray<CampaignOutcome>): UpliftLine[] {
	const treated = outcomes.filter((o) => o.group === 'treatment');
	const controls = outcomes.filter((o) => o.group === 'control');
	const lines = [line('overall', 'all customers', treated, controls, 'all')];
	for (const dimension of BREAKDOWNS) {
		const values = [...new Set(treated.map((o) => o[dimension]).filter((v): v is string => v !== null && v !== ''))].sort();
		for (const value of values) {
			const same = controls.filter((o) => o[dimension] === value);
			lines.push(line(dimension, value, treated.filter((o) => o[dimension] === value), same.length ? same : controls, same.length ? 'same' : 'all'));
		}
	}
	return lines;
}
