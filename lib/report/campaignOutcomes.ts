import { customerIdOf, NO_CUSTOMER_ID } from '../customer/customerId';
import { allBounded, boundedAmount, boundedCount } from '../values/boundedNumbers';
import { fromSpreadsheetSafe } from '../values/spreadsheetText';
import { getPath } from '../values/objectPath';
import { parseOptionalNumber, textOrNull } from '../values/cellValues';
import { parseDate } from '../values/parseDate';
import { TimeZone } from '../values/timeZone';
import { CampaignOutcome } from './campaignEvaluation';
import { MS_PER_DAY } from '../values/days';

/** One order after the campaign, from the Orders input (cleaned by Customer Data's engine). */
export interface OrderEvent {
	at: number;
	amount: number;
}

export interface OutcomeSettings {
	/** Reactivated = ordered within this many days after contact. */
	windowDays: number;
	/** When a customer's record has no contact time: the campaign's start. */
	campaignStart: number | null;
	contactedAtField: string;
	costPerContact: number;
	zone: TimeZone;
}

const GROUPS = new Set(['treatment', 'control']);

/**
 * What one handled customer did after contact: from their orders on the Orders input when
 * given, else from fields on the record (ordersSinceContact and revenueSinceContact, or
 * lastOrderAt). Returns the reason when the record cannot be read.
 */
export function campaignOutcomeOf(record: Record<string, unknown>, orders: OrderEvent[] | undefined, s: OutcomeSettings): { outcome: CampaignOutcome } | { error: string } {
	const customerId = customerIdOf(record);
	if (customerId === null) return { error: NO_CUSTOMER_ID };
	const group = textOrNull(record.group);
	if (group === null || !GROUPS.has(group)) return { error: `(customer ${customerId}) has group ${JSON.stringify(record.group ?? null)}: "treatment" or "control" is needed (Retention Action writes it)` };
	let contactedAt = s.campaignStart;
	const contactValue = getPath(record, s.contactedAtField);
	if (contactValue !== undefined && contactValue !== null && contactValue !== '') {
		const parsed = parseDate(contactValue, 'ymd', s.zone);
		if ('error' in parsed) return { error: `(customer ${customerId}) ${s.contactedAtField} ${parsed.error}` };
		contactedAt = parsed.ms;
	}
	if (contactedAt === null) return { error: `(customer ${customerId}) has no ${s.contactedAtField}: set Campaign Start for customers without one` };
	const end = contactedAt + s.windowDays * MS_PER_DAY;

	let reactivated: boolean;
	let orderCount: number;
	let revenue: number;
	if (orders) {
		const inWindow = orders.filter((o) => o.at > contactedAt! && o.at <= end);
		orderCount = inWindow.filter((o) => o.amount >= 0).length;
		revenue = inWindow.reduce((sum, o) => sum + o.amount, 0);
		reactivated = orderCount > 0;
	} else {
		const read = allBounded({ since: boundedCount(record.ordersSinceContact, 'ordersSinceContact'), revenue: boundedAmount(record.revenueSinceContact, 'revenueSinceContact') });
		if ('error' in read) return { error: `(customer ${customerId}) ${read.error}` };
		const since = read.values.since;
		const lastOrder = record.lastOrderAt === null || record.lastOrderAt === undefined ? null : parseDate(record.lastOrderAt, 'ymd', s.zone);
		if (since !== null) orderCount = since;
		else if (lastOrder && !('error' in lastOrder)) orderCount = lastOrder.ms > contactedAt && lastOrder.ms <= end ? 1 : 0;
		else return { error: `(customer ${customerId}) has neither ordersSinceContact nor lastOrderAt: give them, or connect the orders to the Orders input` };
		revenue = read.values.revenue ?? 0;
		reactivated = orderCount > 0;
	}
	// A contact log written for spreadsheets protects formula-like text with a leading '.
	const text = (path: string) => {
		const value = textOrNull(getPath(record, path));
		return value === null ? null : fromSpreadsheetSafe(value);
	};
	return {
		outcome: {
			customerId,
			group: group as CampaignOutcome['group'],
			action: text('action'),
			channel: text('channel'),
			cause: text('churnCause') ?? text('cause'),
			segment: text('rfm.segment') ?? text('segment'),
			reactivated,
			orders: orderCount,
			revenue,
			cost: group === 'treatment' ? (parseOptionalNumber(record.contactCost) ?? s.costPerContact) : 0,
		},
	};
}
