import { allBounded, boundedAmount, boundedCount } from '../values/boundedNumbers';
import { MS_PER_DAY } from '../values/days';
import { parseDate } from '../values/parseDate';
import { TimeZone } from '../values/timeZone';
import { CampaignOutcome } from './campaignEvaluation';
import { CampaignUnit } from './campaignLog';

/** One order after the campaign, from the Orders input (cleaned by Customer Data's engine). */
export interface OrderEvent {
	at: number;
	amount: number;
}

export interface OutcomeSettings {
	/** Reactivated = ordered within this many days after the first contact. */
	windowDays: number;
	/** Cost of one contact when the log does not say (older logs, other tools). */
	costPerContact: number;
	zone: TimeZone;
}

/**
 * What one customer of one campaign did in the window after their first contact (or, in the
 * control group, after they would have been contacted): from their orders on the Orders input
 * when given, else from fields on the row (ordersSinceContact and revenueSinceContact, or
 * lastOrderAt). The cost counts every contact made and the incentive when they ordered: a coupon
 * is paid on every redemption, also by customers who would have ordered anyway.
 */
export function campaignOutcomeOf(unit: CampaignUnit, orders: readonly OrderEvent[] | undefined, s: OutcomeSettings): { outcome: CampaignOutcome } | { error: string } {
	const from = unit.at;
	const end = from + s.windowDays * MS_PER_DAY;
	let orderCount: number;
	let revenue: number;
	if (orders) {
		const inWindow = orders.filter((o) => o.at > from && o.at <= end);
		orderCount = inWindow.filter((o) => o.amount >= 0).length;
		revenue = inWindow.reduce((sum, o) => sum + o.amount, 0);
	} else {
		const record = unit.record;
		const read = allBounded({ since: boundedCount(record.ordersSinceContact, 'ordersSinceContact'), revenue: boundedAmount(record.revenueSinceContact, 'revenueSinceContact') });
		if ('error' in read) return { error: `(customer ${unit.customerId}) ${read.error}` };
		const lastOrder = record.lastOrderAt === null || record.lastOrderAt === undefined ? null : parseDate(record.lastOrderAt, 'ymd', s.zone);
		if (read.values.since !== null) orderCount = read.values.since;
		else if (lastOrder && !('error' in lastOrder)) orderCount = lastOrder.ms > from && lastOrder.ms <= end ? 1 : 0;
		else return { error: `(customer ${unit.customerId}) has neither ordersSinceContact nor lastOrderAt: give them, or connect the orders to the Orders input` };
		revenue = read.values.revenue ?? 0;
	}
	const reactivated = orderCount > 0;
	const contactCost = unit.contactCost ?? s.costPerContact * unit.contacts;
	return {
		outcome: {
			customerId: unit.customerId,
			campaignId: unit.campaignId,
			group: unit.group,
			pooled: unit.pooled,
			action: unit.action,
			channel: unit.channel,
			cause: unit.cause,
			segment: unit.segment,
			stage: unit.stage,
			valueTier: unit.valueTier,
			baseRate: unit.baseRate,
			reactivated,
			orders: orderCount,
			revenue,
			cost: unit.group === 'treatment' ? contactCost + (reactivated ? (unit.incentiveCost ?? 0) : 0) : 0,
		},
	};
}
