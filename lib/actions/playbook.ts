import { z } from 'zod';
import { ACTIONS, Action, CHANNELS, Channel } from './actionCatalog';
import { CAUSES, Cause } from './causes';
import { BusinessType } from './businessTypes';
import { VALUE_TIERS, ValueTier } from './valueTier';
import { GONE_STAGES, LAPSING_STAGES } from '../lifecycle/stages';
import { RISK_LEVELS, RiskLevel } from '../models/riskLevels';

/**
 * The playbook: rules with conditions on what the earlier nodes found, first match wins. A
 * condition left empty matches anything. Users edit rules in the node or paste them as JSON;
 * the defaults below, adjusted per business type, apply when they do neither.
 */


export interface PlaybookRule {
	/** Why the rule exists, in words: shown on each customer it decides. */
	note: string;
	stages?: string[];
	riskLevels?: RiskLevel[];
	valueTiers?: ValueTier[];
	segments?: string[];
	causes?: Cause[];
	action: Action;
	/** Tried first when the customer can be reached on it. */
	channel?: Channel;
}

export interface PlaybookFacts {
	stage: string | null;
	riskLevel: string | null;
	valueTier: ValueTier;
	segment: string | null;
	cause: Cause;
}

const LAPSING = [...LAPSING_STAGES];
const GONE = [...GONE_STAGES];

/** The default playbook (README, Retention Action, has it as a table). */
export const DEFAULT_PLAYBOOK: readonly PlaybookRule[] = [
	{ note: 'leaving over a bad experience: apologise and fix it first', stages: [...LAPSING, ...GONE], causes: ['poorExperience'], action: 'serviceRecovery' },
	{ note: 'a VIP slipping away: an account manager calls', stages: [...LAPSING, ...GONE], valueTiers: ['vip'], action: 'vipOutreach', channel: 'crm' },
	{ note: 'churned over price: a coupon brings them back', stages: GONE, causes: ['priceSensitive', 'competition'], action: 'discountCoupon' },
	{ note: 'churned, worth winning back: a coupon', stages: GONE, valueTiers: ['high', 'medium'], action: 'discountCoupon' },
	{ note: 'churned, low value: news of what is new costs little', stages: GONE, action: 'newArrivals' },
	{ note: 'at risk over price: a discount on what they buy most', stages: LAPSING, causes: ['priceSensitive'], action: 'productDiscount' },
	{ note: 'at risk to a competitor: a member perk they cannot get elsewhere', stages: LAPSING, causes: ['competition'], action: 'loyaltyPerk' },
	{ note: 'at risk and fading: remind them what they like', stages: LAPSING, causes: ['fadingEngagement'], action: 'productRecommendation' },
	{ note: 'at risk and not heard from us for long: a care message', stages: LAPSING, causes: ['neglected'], action: 'careMessage' },
	{ note: 'at risk, valuable: a coupon', stages: LAPSING, valueTiers: ['high', 'medium'], action: 'discountCoupon' },
	{ note: 'at risk, cause unknown: ask them', stages: LAPSING, causes: ['unknown'], action: 'satisfactionSurvey' },
	{ note: 'at risk: a care message', stages: LAPSING, action: 'careMessage' },
	{ note: 'new and not yet convinced: free shipping on the second order', stages: ['new', 'exploration'], causes: ['newUnconvinced'], action: 'freeShipping' },
	{ note: 'just came back: welcome them with a perk', stages: ['reactivated'], action: 'loyaltyPerk' },
	{ note: 'loyal and valuable: show what goes with what they buy', stages: ['loyal', 'growth', 'maturity'], valueTiers: ['vip', 'high'], action: 'crossSell' },
	{ note: 'on cadence: nothing needed, save the budget', action: 'noAction' },
];

/**
 * What each business type does differently, the way the retail literature adjusts win-back
 * (checked before the defaults): the action, and the wording of its message (see messages.ts).
 */
export const BUSINESS_PRESETS: Record<BusinessType, { label: string; rules: readonly PlaybookRule[] }> = {
	ecommerce: {
		label: 'E-commerce',
		rules: [{ note: 'e-commerce: logistics and after-sales recovery', stages: [...LAPSING, ...GONE], causes: ['poorExperience'], action: 'serviceRecovery' }],
	},
	physicalStore: {
		label: 'Physical store',
		rules: [{ note: 'physical store: invite them to an in-store event', stages: [...LAPSING, ...GONE], causes: ['fadingEngagement', 'neglected', 'unknown'], action: 'newArrivals' }],
	},
	fmcg: {
		label: 'FMCG',
		rules: [{ note: 'FMCG: a promotion on their usual product', stages: [...LAPSING, ...GONE], causes: ['priceSensitive', 'fadingEngagement', 'competition'], action: 'productDiscount' }],
	},
	apparel: {
		label: 'Apparel',
		rules: [{ note: 'apparel: new-collection news and styling', stages: [...LAPSING, ...GONE], causes: ['fadingEngagement', 'neglected', 'unknown'], action: 'newArrivals' }],
	},
	restaurant: {
		label: 'Restaurant',
		rules: [
			{ note: 'restaurant: ask how the food was', stages: [...LAPSING, ...GONE], causes: ['poorExperience'], action: 'satisfactionSurvey' },
			{ note: 'restaurant: a return-visit voucher', stages: [...LAPSING, ...GONE], action: 'discountCoupon' },
		],
	},
	membershipStore: {
		label: 'Membership store',
		rules: [{ note: 'membership store: member benefits and points', stages: [...LAPSING, ...GONE, 'reactivated'], causes: ['competition', 'fadingEngagement', 'neglected', 'priceSensitive'], action: 'loyaltyPerk' }],
	},
	freshFood: {
		label: 'Fresh food',
		rules: [{ note: 'fresh food: freshness guarantee and delivery recovery', stages: [...LAPSING, ...GONE], causes: ['poorExperience', 'competition'], action: 'serviceRecovery' }],
	},
};

/** The playbook a business type runs when the user gives no rules of their own. */
export function defaultPlaybook(business: BusinessType): PlaybookRule[] {
	return [...BUSINESS_PRESETS[business].rules, ...DEFAULT_PLAYBOOK];
}

function matches<T>(allowed: readonly T[] | undefined, value: T | null): boolean {
	return !allowed || allowed.length === 0 || (value !== null && allowed.includes(value));
}

/** The first rule that fits, or null (then: no action). */
export function chooseRule(rules: readonly PlaybookRule[], f: PlaybookFacts): PlaybookRule | null {
	for (const rule of rules) {
		if (
			matches(rule.stages, f.stage) &&
			matches(rule.riskLevels as string[] | undefined, f.riskLevel) &&
			matches(rule.valueTiers, f.valueTier) &&
			matches(rule.segments, f.segment) &&
			matches(rule.causes, f.cause)
		) {
			return rule;
		}
	}
	return null;
}

const list = <T extends string>(values: readonly [T, ...T[]]) => z.array(z.enum(values)).optional();

const ruleSchema = z
	.object({
		note: z.string().optional(),
		stages: z.array(z.string()).optional(),
		riskLevels: list(RISK_LEVELS),
		valueTiers: list(VALUE_TIERS),
		segments: z.array(z.string()).optional(),
		causes: list(CAUSES),
		action: z.enum(ACTIONS),
		channel: z.enum(CHANNELS).optional(),
	})
	.strict();

/** A playbook pasted as JSON (an array of rules), checked: the error names the rule and the field. */
export function parsePlaybook(json: unknown): PlaybookRule[] {
	const value = typeof json === 'string' ? parseJson(json) : json;
	if (!Array.isArray(value)) throw new Error('The playbook must be a JSON array of rules, like [{"stages": ["atRisk"], "action": "discountCoupon"}]');
	return value.map((rule, i) => {
		const parsed = ruleSchema.safeParse(rule);
		if (!parsed.success) {
			const issue = parsed.error.issues[0];
			throw new Error(`Playbook rule ${i + 1}: ${issue.path.join('.') || 'rule'} ${issue.message.toLowerCase()}`);
		}
		return { ...parsed.data, note: parsed.data.note ?? `rule ${i + 1}` };
	});
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new Error(`The playbook is not valid JSON: ${(error as Error).message}`);
	}
}
