import { mergeCampaignContacts, readCampaignContact } from '../../../lib/report/campaignLog';
import { TimeZone } from '../../../lib/values/timeZone';

/*
 * A contact log as the weekly template writes it: control customers are never capped, so they
 * are logged every week; Campaign Report measures one row per customer per campaign.
 */

const settings = { campaignStart: null, contactedAtField: 'contactedAt', zone: new TimeZone('UTC') };
const row = (customerId: string, group: string, contactedAt: string, extra: Record<string, unknown> = {}) => ({ customerId, campaignId: 'weekly', group, action: 'discountCoupon', contactedAt, ...extra });
const read = (rows: Array<Record<string, unknown>>) =>
	rows.map((r) => {
		const result = readCampaignContact(r, settings);
		if ('error' in result) throw new Error(result.error);
		return result.contact;
	});

describe('one row per customer per campaign', () => {
	it('merges a customer logged every week into their first row, counting each contact made', () => {
		const merged = mergeCampaignContacts(
			read([
				row('C1', 'control', '2025-06-15T10:00:00Z'),
				row('C1', 'control', '2025-06-01T10:00:00Z'),
				row('C1', 'control', '2025-06-08T10:00:00Z'),
				row('T1', 'treatment', '2025-06-01T10:00:00Z', { contactCost: '0.05', incentiveCost: 30 }),
				row('T1', 'treatment', '2025-06-20T10:00:00Z', { contactCost: 0.05, incentiveCost: 30 }),
			]),
		);
		expect(merged.mergedRows).toBe(3);
		expect(merged.units.map((u) => [u.customerId, u.group, new Date(u.at).toISOString().slice(0, 10), u.rows, u.contacts])).toEqual([
			['C1', 'control', '2025-06-01', 3, 0],
			['T1', 'treatment', '2025-06-01', 2, 2],
		]);
		expect(merged.units[1].contactCost).toBeCloseTo(0.1, 12);
		expect(merged.units[1].incentiveCost).toBe(30);
	});

	it('leaves out, and names, a customer in both groups of one campaign', () => {
		const merged = mergeCampaignContacts(read([row('X', 'treatment', '2025-06-01'), row('X', 'control', '2025-06-08'), row('Y', 'control', '2025-06-01')]));
		expect(merged.units.map((u) => u.customerId)).toEqual(['Y']);
		expect(merged.bothGroupsInCampaign).toEqual([{ customerId: 'X', campaignId: 'weekly' }]);
	});

	it('keeps a customer held out by one campaign and contacted by another in each campaign, but out of the lines across them', () => {
		const merged = mergeCampaignContacts(read([row('Z', 'treatment', '2025-06-01'), row('Z', 'control', '2025-07-01', { campaignId: 'summer' })]));
		expect(merged.units).toHaveLength(2);
		expect(merged.units.every((u) => !u.pooled)).toBe(true);
		expect(merged.bothGroupsAcrossCampaigns).toEqual(['Z']);
	});

	it('counts the global holdout as control, and reads what the plan logged', () => {
		const [holdout] = read([row('H', 'holdout', '2025-06-01', { baseRate: '0.12', lifecycleStage: 'churned', segment: "'=cmd", valueTier: 'high', churnCause: 'priceSensitive' })]);
		expect(holdout).toMatchObject({ group: 'control', holdout: true, baseRate: 0.12, stage: 'churned', segment: '=cmd', valueTier: 'high', cause: 'priceSensitive', channel: null });
	});

	it('names what is wrong with a row it cannot measure', () => {
		expect(readCampaignContact({ customerId: 'A', group: 'test' }, settings)).toEqual({ error: '(customer A) has group "test": "treatment", "control" or "holdout" is needed (Retention Action writes it)' });
		expect(readCampaignContact({ customerId: 'A', group: 'control' }, settings)).toEqual({ error: '(customer A) has no contactedAt: set Campaign Start for customers without one' });
		expect(readCampaignContact({ customerId: 'A', group: 'treatment', contactedAt: '2025-06-01', contactCost: 1e300 }, settings)).toEqual({ error: expect.stringMatching(/^\(customer A\) contactCost 1e\+300 is beyond/) });
	});
});

describe('Retention Action items as the log', () => {
	it('reads the plan\'s costs and placement from the item\'s contactLogRow', () => {
		const item = { customerId: 'A', group: 'treatment', contactedAt: '2025-06-01T10:00:00Z', action: 'discountCoupon', contactLogRow: { customerId: 'A', campaignId: 'weekly', group: 'treatment', contactedAt: '2025-06-01T10:00:00Z', contactCost: 0.05, incentiveCost: 36, baseRate: 0.2, lifecycleStage: 'churned' } };
		expect(readCampaignContact(item, settings)).toMatchObject({ contact: { campaignId: 'weekly', contactCost: 0.05, incentiveCost: 36, baseRate: 0.2, stage: 'churned' } });
	});
});
