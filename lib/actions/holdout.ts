import { createHash } from 'crypto';

/**
 * Control-group assignment: a customer's place in [0, 1) comes from hashing the campaign ID with
 * the customer ID, so it is random across customers, the same on every run of one campaign (a
 * customer never drifts between groups), and independent between campaigns.
 */
export function holdoutPosition(campaignId: string, customerId: string): number {
	const digest = createHash('sha256').update(`${campaignId}\u0000${customerId}`).digest();
	return digest.readUInt32BE(0) / 2 ** 32;
}

export function isControl(campaignId: string, customerId: string, controlShare: number): boolean {
	return controlShare > 0 && holdoutPosition(campaignId, customerId) < controlShare;
}

/**
 * The global holdout: a stable share of customers no campaign ever contacts, so the effect of
 * all campaigns together can be measured against them. Independent of any campaign (its own
 * salt; change the salt to draw a new holdout).
 */
export function inGlobalHoldout(salt: string, customerId: string, share: number): boolean {
	return share > 0 && holdoutPosition(`global holdout\u0000${salt}`, customerId) < share;
}

/** A stable place in [0, 1) for exploring: which uncertain customers a campaign tries first. */
export function explorePosition(campaignId: string, customerId: string): number {
	return holdoutPosition(`explore\u0000${campaignId}`, customerId);
}
