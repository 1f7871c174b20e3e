import { logit } from '../response/logOdds';
import { Estimate, predictResponse, ResponseFeatures, ResponseModel } from '../response/responseModel';
import { ACTION_DEFINITIONS, Action, Channel } from './actionCatalog';
import { baseRateInWindow, ChurnOutlook, valueIfWonBack } from './winBackValue';

/**
 * The planning uplifts (Uplift per Action) are for a typical lapsing customer, one who would order
 * within the window with this probability anyway; the effect they imply on the log-odds then
 * gives every other customer their own uplift (see lib/response/responseModel.ts).
 */
export const REFERENCE_BASE_RATE = 0.1;
/**
 * How uncertain a planning uplift is, on the log-odds: 0.5 lets a measured campaign move a 8-point
 * coupon uplift anywhere from about 3 to 16 points within two standard deviations.
 */
export const PRIOR_EFFECT_SD = 0.5;
/** The gross margin share assumed when none is set: a conservative retail figure (e-commerce runs 30-45%). */
export const DEFAULT_MARGIN = 0.3;
/** Ordered within this many days of contact counts as won back: Campaign Report's default window. */
export const DEFAULT_RESPONSE_WINDOW_DAYS = 30;

/** The effect on the log-odds that gives `uplift` at the reference base rate. */
export function priorEffect(uplift: number): Estimate {
	const treated = Math.min(1 - 1e-6, REFERENCE_BASE_RATE + Math.max(0, uplift));
	return { mean: logit(treated) - logit(REFERENCE_BASE_RATE), sd: PRIOR_EFFECT_SD };
}

/** The planning priors of the default uplifts, by action (what Campaign Report fits with). */
export function defaultPriorEffect(action: string): Estimate {
	const definition = (ACTION_DEFINITIONS as Record<string, { uplift: number } | undefined>)[action];
	return priorEffect(definition?.uplift ?? 0);
}

export interface EconomicsSettings {
	margin: number;
	windowDays: number;
	/** Planning uplift per action at the reference base rate. */
	uplift: Record<Action, number>;
	contactCost: Record<Channel, number>;
	shippingCost: number;
	perkCost: number;
	/** Measured response from Campaign Report; null plans with the priors alone. */
	responseModel: ResponseModel | null;
}

export interface ActionEconomics {
	/** P(order in the window | not contacted). */
	baseRate: number;
	/** P(order in the window | contacted). */
	treatedRate: number;
	/** The action's incremental effect on this customer: treatedRate - baseRate. */
	uplift: number;
	/** The uplift at the effect's 90% upper bound. */
	optimisticUplift: number;
	upliftSource: 'prior' | 'measured';
	/** Customers the measured effect was learned from (0 for a prior). */
	measuredOn: number;
	/** Margin the customer brings over the horizon if won back. */
	valueIfWonBack: number;
	contactCost: number;
	/** What the incentive costs each time it is redeemed. */
	incentiveIfRedeemed: number;
	/** Contact plus the incentive on every expected redemption, including by customers who would have ordered anyway. */
	expectedCost: number;
	/** uplift x value if won back - expected cost. */
	expectedProfit: number;
	optimisticProfit: number;
	/** Expected incremental profit per unit of cost: what the budget is ranked by. */
	profitPerCost: number;
}

export function incentiveValue(action: Action, discountPct: number, orderValue: number, s: Pick<EconomicsSettings, 'shippingCost' | 'perkCost'>): number {
	switch (ACTION_DEFINITIONS[action].incentive) {
		case 'discount':
			return (discountPct / 100) * orderValue;
		case 'shipping':
			return s.shippingCost;
		case 'perk':
			return s.perkCost;
		default:
			return 0;
	}
}

/** Costs below this are free for ranking purposes: profit per cost stays finite. */
const MIN_COST = 1e-4;

export function actionEconomics(action: Action, channel: Channel, outlook: ChurnOutlook, features: ResponseFeatures, discountPct: number, s: EconomicsSettings): ActionEconomics {
	const response = predictResponse(s.responseModel, action, features, baseRateInWindow(outlook, s.windowDays), priorEffect(s.uplift[action]));
	const value = valueIfWonBack(outlook, s.margin);
	const contactCost = s.contactCost[channel];
	const incentive = incentiveValue(action, discountPct, outlook.orderValue, s);
	const expectedCost = contactCost + incentive * response.treatedRate;
	const expectedProfit = response.uplift * value - expectedCost;
	const optimisticProfit = response.optimisticUplift * value - (contactCost + incentive * (response.baseRate + response.optimisticUplift));
	return {
		baseRate: response.baseRate,
		treatedRate: response.treatedRate,
		uplift: response.uplift,
		optimisticUplift: response.optimisticUplift,
		upliftSource: response.source,
		measuredOn: response.measuredOn,
		valueIfWonBack: value,
		contactCost,
		incentiveIfRedeemed: incentive,
		expectedCost,
		expectedProfit,
		optimisticProfit,
		profitPerCost: expectedProfit / Math.max(MIN_COST, expectedCost),
	};
}
