/** A bench-only coupon key: Retention Action issues codes only under a real secret. */
const COUPON_SECRET = 'real-n8n-bench-coupon-secret-key';

/**
 * Retention Action as both benchmarks run it: one campaign, a tenth of the selected held out as
 * control, no budget limit, the messages going out at 10:00 on the analysis date.
 */
export function benchRetentionActionParameters(analysisDate: string): Record<string, unknown> {
	return { campaignId: 'bench', storeName: 'Bench Shop', controlShare: 0.1, budget: 0, sendTime: `${analysisDate}T10:00:00`, options: { couponSecret: COUPON_SECRET } };
}
