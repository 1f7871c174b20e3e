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
