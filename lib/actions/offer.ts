import { ACTION_DEFINITIONS, Action } from './actionCatalog';
import { Cause } from './causes';
import { ValueTier } from './valueTier';

/**
 * The discount an action offers, in percent: by value tier (more to keep a valuable customer),
 * plus a little more for a customer who left over price or to a rival, or who has churned, and
 * never above the Max Discount setting. Actions without a discount offer 0.
 */
export const BASE_DISCOUNT: Record<ValueTier, number> = { vip: 20, high: 15, medium: 10, low: 5 };
export const CAUSE_EXTRA: Partial<Record<Cause, number>> = { priceSensitive: 5, competition: 5 };
export const CHURNED_EXTRA = 5;

export function discountPercent(action: Action, tier: ValueTier, cause: Cause, churned: boolean, maxDiscount: number): number {
	if (ACTION_DEFINITIONS[action].incentive !== 'discount') return 0;
	const wanted = BASE_DISCOUNT[tier] + (CAUSE_EXTRA[cause] ?? 0) + (churned ? CHURNED_EXTRA : 0);
	return Math.max(0, Math.min(wanted, maxDiscount));
}
