
/**
 * The retention actions, the channels they can go out on, and the planning defaults behind
 * them. The uplifts are starting points from the retail literature's typical win-back response
 * (a few percent for information, around ten for a personal or compensating offer): every
 * campaign should replace them with what its Campaign Report measures.
 */
export const CHANNELS = ['email', 'sms', 'push', 'crm'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ACTIONS = [
	'discountCoupon',
	'productDiscount',
	'freeShipping',
	'productRecommendation',
	'loyaltyPerk',
	'careMessage',
	'greeting',
	'satisfactionSurvey',
	'serviceRecovery',
	'vipOutreach',
	'newArrivals',
	'crossSell',
	'noAction',
] as const;
export type Action = (typeof ACTIONS)[number];

/** What an action gives away, which decides its coupon and its incentive cost. */
export type Incentive = 'discount' | 'shipping' | 'perk' | 'none';

export interface ActionDefinition {
	incentive: Incentive;
	/** Channels the action can use: a VIP call is a CRM task, a coupon is a message. */
	channels: readonly Channel[];
	/** Expected share of targeted customers it brings back (the planning default). */
	uplift: number;
}

const MESSAGE_CHANNELS: readonly Channel[] = ['email', 'sms', 'push'];

export const ACTION_DEFINITIONS: Record<Action, ActionDefinition> = {
	discountCoupon: { incentive: 'discount', channels: MESSAGE_CHANNELS, uplift: 0.08 },
	productDiscount: { incentive: 'discount', channels: MESSAGE_CHANNELS, uplift: 0.09 },
	freeShipping: { incentive: 'shipping', channels: MESSAGE_CHANNELS, uplift: 0.06 },
	productRecommendation: { incentive: 'none', channels: MESSAGE_CHANNELS, uplift: 0.04 },
	loyaltyPerk: { incentive: 'perk', channels: MESSAGE_CHANNELS, uplift: 0.05 },
	careMessage: { incentive: 'none', channels: MESSAGE_CHANNELS, uplift: 0.02 },
	greeting: { incentive: 'none', channels: MESSAGE_CHANNELS, uplift: 0.02 },
	satisfactionSurvey: { incentive: 'none', channels: ['email', 'sms'], uplift: 0.02 },
	serviceRecovery: { incentive: 'discount', channels: ['email', 'sms', 'crm'], uplift: 0.1 },
	vipOutreach: { incentive: 'none', channels: ['crm'], uplift: 0.15 },
	newArrivals: { incentive: 'none', channels: MESSAGE_CHANNELS, uplift: 0.03 },
	crossSell: { incentive: 'none', channels: MESSAGE_CHANNELS, uplift: 0.04 },
	noAction: { incentive: 'none', channels: [], uplift: 0 },
};

/** Cost of one contact per channel, in the data's currency (a CRM task is an account manager's time). */
export const DEFAULT_CONTACT_COST: Record<Channel, number> = { email: 0.01, sms: 0.05, push: 0.005, crm: 2 };

/**
 * The uplift of every action: the defaults, with the given ones (JSON text or an object of
 * action name to a share from 0 to 1) in their place. Throws, naming the entry, when one is not.
 */
export function upliftTable(given: unknown): Record<Action, number> {
	let value = given;
	if (typeof given === 'string') {
		try {
			value = JSON.parse(given.trim() === '' ? '{}' : given);
		} catch (error) {
			throw new Error(`Uplift per Action is not valid JSON: ${(error as Error).message}`);
		}
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error('Uplift per Action must be an object like {"discountCoupon": 0.1}');
	const uplift = Object.fromEntries(ACTIONS.map((a) => [a, ACTION_DEFINITIONS[a].uplift])) as Record<Action, number>;
	for (const [action, share] of Object.entries(value)) {
		if (!isAction(action)) throw new Error(`Uplift per Action: "${action}" is not an action (use one of ${ACTIONS.join(', ')})`);
		if (typeof share !== 'number' || !(share >= 0 && share <= 1)) throw new Error(`Uplift per Action: ${action} must be a share from 0 to 1`);
		uplift[action] = share;
	}
	return uplift;
}

export function isAction(value: unknown): value is Action {
	return typeof value === 'string' && (ACTIONS as readonly string[]).includes(value);
}

export function isChannel(value: unknown): value is Channel {
	return typeof value === 'string' && (CHANNELS as readonly string[]).includes(value);
}
