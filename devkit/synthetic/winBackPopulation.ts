/**
 * A customer base whose true response to win-back is known and differs by kind of customer, to
 * check that Retention Action spends a budget where it brings customers back. Three kinds, in
 * equal numbers:
 * - loyal regulars who buy anyway: contacting them adds one point to their chance of ordering;
 * - lapsed regulars: a coupon, perk or a personal call moves the log-odds of ordering by 1.5, a
 *   plain message by 0.6 (they respond strongly);
 * - long-gone one-time buyers: contacting them adds half a point (they barely respond).
 * The response is not the planner's model (a constant shift on the log-odds) for two of the
 * three, on purpose. Records look as Churn Risk and Lifecycle Stage leave them; the churn
 * model's base rates are taken as right.
 */
import type { IDataObject } from 'n8n-workflow';
import { ACTION_DEFINITIONS, Action } from '../../lib/actions/actionCatalog';
import { createRandom } from './random';

export type Kind = 'loyal' | 'lapsed' | 'gone';

export interface SyntheticWinBackCustomer {
	kind: Kind;
	record: IDataObject;
}

// Written here rather than taken from lib/response: the truth must not share code with the planner it judges.
const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const logit = (p: number) => Math.log(p / (1 - p));

/** P(order in the window | contacted with `action`), for a customer whose base rate is `base`. */
export function trueResponse(kind: Kind, action: Action, base: number): number {
	if (kind === 'loyal') return Math.min(1, base + 0.01);
	if (kind === 'gone') return Math.min(1, base + 0.005);
	const strong = ACTION_DEFINITIONS[action].incentive !== 'none' || action === 'vipOutreach';
	return logistic(logit(base) + (strong ? 1.5 : 0.6));
}

const HORIZON_DAYS = 90;

export function winBackPopulation({ perKind, seed = 2026 }: { perKind: number; seed?: number }): SyntheticWinBackCustomer[] {
	const random = createRandom(seed);
	const between = (low: number, high: number) => low + (high - low) * random.uniform();
	const customers: SyntheticWinBackCustomer[] = [];
	for (let i = 0; i < perKind * 3; i++) {
		const kind: Kind = (['loyal', 'lapsed', 'gone'] as const)[i % 3];
		const id = `W${String(i).padStart(6, '0')}`;
		let orders: number;
		let gap: number | null;
		let recency: number;
		let pAlive: number;
		let orderValue: number;
		let stage: string;
		let segment: string;
		if (kind === 'loyal') {
			orders = Math.round(between(10, 30));
			gap = between(15, 30);
			recency = between(1, gap);
			pAlive = between(0.95, 0.99);
			orderValue = between(120, 200);
			stage = 'loyal';
			segment = 'Champions';
		} else if (kind === 'lapsed') {
			orders = Math.round(between(6, 30));
			gap = between(20, 45);
			recency = gap * between(2.5, 5);
			pAlive = between(0.15, 0.5);
			orderValue = between(150, 250);
			stage = recency < 4 * gap ? 'atRisk' : 'churned';
			segment = recency < 4 * gap ? 'At Risk' : "Can't Lose Them";
		} else {
			orders = 1;
			gap = null;
			recency = between(200, 500);
			pAlive = between(0.03, 0.15);
			orderValue = between(60, 120);
			stage = 'churned';
			segment = 'Lost';
		}
		// While active a customer orders once per usual gap (the shop's, 200 days, for one-time buyers).
		const ordersIfActive = HORIZON_DAYS / (gap ?? 200);
		const noOrderInHorizon = 1 - pAlive * (1 - Math.exp(-ordersIfActive));
		const priceSensitive = kind === 'lapsed' && random.uniform() < 0.3;
		customers.push({
			kind,
			record: {
				customerId: id,
				email: `${id.toLowerCase()}@example.com`,
				firstName: id,
				consent: { email: true, sms: false, push: null },
				orders,
				recencyDays: Math.round(recency),
				tenureDays: Math.round(recency + (orders - 1) * (gap ?? 0) + 1),
				avgDaysBetweenOrders: gap,
				lastGapDays: gap,
				totalSpend: Math.round(orders * orderValue * 100) / 100,
				avgOrderValue: Math.round(orderValue * 100) / 100,
				expectedAvgOrderValue: Math.round(orderValue * 100) / 100,
				trend: { orderTrend: 0, spendTrend: 0 },
				signals: { discountedOrders: priceSensitive ? Math.ceil((orders - 1) * 0.7) : 0, discountShare: priceSensitive ? 0.7 : 0, lastOrderDiscounted: priceSensitive, returnedOrders: 0, returnRate: 0, complaints: 0, avgSatisfaction: null },
				rfm: { segment },
				pAlive,
				churnProbability: noOrderInHorizon,
				riskLevel: noOrderInHorizon >= 0.9 ? 'critical' : noOrderInHorizon >= 0.75 ? 'high' : noOrderInHorizon >= 0.5 ? 'medium' : 'low',
				expectedOrders: pAlive * ordersIfActive,
				expectedOrdersIfActive: ordersIfActive,
				horizonDays: HORIZON_DAYS,
				predictedClv: Math.round(pAlive * ordersIfActive * 4 * orderValue * 100) / 100,
				historicClv: Math.round(orders * orderValue * 100) / 100,
				lifecycleStage: stage,
			},
		});
	}
	return customers;
}
