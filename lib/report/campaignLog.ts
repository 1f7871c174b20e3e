import { customerIdOf, NO_CUSTOMER_ID } from '../customer/customerId';
import { allBounded, boundedAmount } from '../values/boundedNumbers';
import { parseOptionalNumber, textOrNull } from '../values/cellValues';
import { getPath } from '../values/objectPath';
import { parseDate } from '../values/parseDate';
import { fromSpreadsheetSafe } from '../values/spreadsheetText';
import { TimeZone } from '../values/timeZone';
import { CampaignPlacement } from './campaignEvaluation';

/**
 * One row of a contact log (or one Retention Action item): a customer a campaign contacted, held
 * out as its control, or kept in the global holdout. A log may hold a customer many times: the
 * weekly template logs its control customers every week (they are never capped), a re-run logs a
 * contact again. Campaign Report measures one row per customer per campaign (mergeCampaignContacts).
 */
export interface CampaignContact extends CampaignPlacement {
	holdout: boolean;
	/** When contacted (or, for the control group, when they would have been). */
	at: number;
	contactCost: number | null;
	/** What the incentive costs when redeemed. */
	incentiveCost: number | null;
	/** The row as read, for outcomes given on the row itself (ordersSinceContact...). */
	record: Record<string, unknown>;
}

export interface LogSettings {
	/** When a row has no contact time: the campaign's start. */
	campaignStart: number | null;
	contactedAtField: string;
	zone: TimeZone;
}

const GROUPS: Record<string, CampaignContact['group']> = { treatment: 'treatment', control: 'control', holdout: 'control' };

/**
 * Reads a row; says why not (after "Item N") when it cannot be measured. Retention Action's own
 * items work as rows too: their contactLogRow (with the plan's costs) is read over the item.
 */
export function readCampaignContact(item: Record<string, unknown>, s: LogSettings): { contact: CampaignContact } | { error: string } {
	const logged = item.contactLogRow;
	const record = typeof logged === 'object' && logged !== null && !Array.isArray(logged) ? { ...item, ...(logged as Record<string, unknown>) } : item;
	const customerId = customerIdOf(record);
	if (customerId === null) return { error: NO_CUSTOMER_ID };
	const groupText = textOrNull(record.group);
	const group = groupText === null ? undefined : GROUPS[groupText];
	if (group === undefined) return { error: `(customer ${customerId}) has group ${JSON.stringify(record.group ?? null)}: "treatment", "control" or "holdout" is needed (Retention Action writes it)` };
	let at = s.campaignStart;
	const contactValue = getPath(record, s.contactedAtField);
	if (contactValue !== undefined && contactValue !== null && contactValue !== '') {
		const parsed = parseDate(contactValue, 'ymd', s.zone);
		if ('error' in parsed) return { error: `(customer ${customerId}) ${s.contactedAtField} ${parsed.error}` };
		at = parsed.ms;
	}
	if (at === null) return { error: `(customer ${customerId}) has no ${s.contactedAtField}: set Campaign Start for customers without one` };
	const costs = allBounded({ contactCost: boundedAmount(record.contactCost, 'contactCost'), incentiveCost: boundedAmount(record.incentiveCost, 'incentiveCost') });
	if ('error' in costs) return { error: `(customer ${customerId}) ${costs.error}` };
	// A contact log written for spreadsheets protects formula-like text with a leading '.
	const text = (path: string) => {
		const value = textOrNull(getPath(record, path));
		return value === null ? null : fromSpreadsheetSafe(value);
	};
	const baseRate = parseOptionalNumber(record.baseRate);
	return {
		contact: {
			customerId,
			campaignId: text('campaignId') ?? '',
			group,
			holdout: groupText === 'holdout',
			at,
			action: text('action'),
			channel: group === 'treatment' ? text('channel') : null,
			cause: text('churnCause') ?? text('cause'),
			segment: text('rfm.segment') ?? text('segment'),
			stage: text('lifecycleStage') ?? text('stage'),
			valueTier: text('valueTier'),
			baseRate: baseRate !== null && baseRate >= 0 && baseRate <= 1 ? baseRate : null,
			contactCost: costs.values.contactCost === null ? null : Math.max(0, costs.values.contactCost),
			incentiveCost: costs.values.incentiveCost === null ? null : Math.max(0, costs.values.incentiveCost),
			record,
		},
	};
}

/** One customer in one campaign, however often the log names them. */
export type CampaignUnit<C extends CampaignContact = CampaignContact> = C & UnitCounts;

interface UnitCounts {
	/** Rows merged into this one (1 when the customer was logged once). */
	rows: number;
	/** Contacts actually made (treatment rows). */
	contacts: number;
	/** False when the customer is in the treatment group of one campaign and the control group of another: left out of the lines across campaigns. */
	pooled: boolean;
}

export interface MergedLog<C extends CampaignContact> {
	units: Array<CampaignUnit<C>>;
	/** Rows folded into an earlier row of the same customer and campaign. */
	mergedRows: number;
	/** Customers in both groups of one campaign: left out of it. */
	bothGroupsInCampaign: Array<{ customerId: string; campaignId: string }>;
	/** Customers contacted by one campaign and held out by another: left out of the lines across campaigns. */
	bothGroupsAcrossCampaigns: string[];
}

/**
 * One row per customer per campaign. Repeats merge into the earliest (the measurement window
 * starts at the first contact, for both groups alike; a control customer logged every week must
 * not count four times); a customer in both groups of one campaign is left out of it and listed.
 * The verdict therefore does not depend on how often a row was logged.
 */
export function mergeCampaignContacts<C extends CampaignContact>(contacts: readonly C[]): MergedLog<C> {
	const byKey = new Map<string, CampaignUnit<C>>();
	const conflicted = new Set<string>();
	let mergedRows = 0;
	for (const contact of contacts) {
		const key = `${contact.campaignId}\u0000${contact.customerId}`;
		const existing = byKey.get(key);
		if (!existing) {
			byKey.set(key, { ...contact, rows: 1, contacts: contact.group === 'treatment' ? 1 : 0, pooled: true });
			continue;
		}
		mergedRows++;
		if (existing.group !== contact.group) conflicted.add(key);
		existing.rows++;
		if (contact.group === 'treatment') {
			existing.contacts++;
			existing.contactCost = existing.contactCost === null && contact.contactCost === null ? null : (existing.contactCost ?? 0) + (contact.contactCost ?? 0);
		}
		if (contact.at < existing.at) Object.assign(existing, { ...contact, rows: existing.rows, contacts: existing.contacts, contactCost: existing.contactCost, pooled: true });
	}
	const bothGroupsInCampaign = [...conflicted].map((key) => {
		const unit = byKey.get(key) as CampaignUnit<C>;
		return { customerId: unit.customerId, campaignId: unit.campaignId };
	});
	for (const key of conflicted) byKey.delete(key);
	const units = [...byKey.values()];
	const groupsOf = new Map<string, Set<string>>();
	for (const unit of units) groupsOf.set(unit.customerId, (groupsOf.get(unit.customerId) ?? new Set()).add(unit.group));
	const acrossCampaigns = [...groupsOf].filter(([, groups]) => groups.size > 1).map(([customerId]) => customerId);
	const across = new Set(acrossCampaigns);
	for (const unit of units) unit.pooled = !across.has(unit.customerId);
	return { units, mergedRows, bothGroupsInCampaign, bothGroupsAcrossCampaigns: acrossCampaigns };
}
