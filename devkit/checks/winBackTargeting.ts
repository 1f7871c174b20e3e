/**
 * Does Retention Action spend a win-back budget where it brings customers back? On a base whose
 * true responses are known (devkit/synthetic/winBackPopulation.ts), through the n8n engine:
 * - every customer the playbook would contact, with their action, channel and offer, and what
 *   contacting them truly brings (incremental margin less contact and incentive costs);
 * - a budget for a fifth of the base;
 * - the best possible allocation of it (the truth known), targeting by churn probability, by
 *   predicted CLV and at random;
 * - Retention Action with its planning priors (a first campaign, with a control group), the
 *   campaign's outcomes drawn from the truth and measured by Campaign Report, then Retention
 *   Action again with those Measured Results (with its default tenth of the budget exploring,
 *   and without).
 * Profit is the expectation under the truth, so the comparison does not hang on one draw of
 * outcomes; the measured campaign is one draw.
 */
import type { IDataObject } from 'n8n-workflow';
import { Action, Channel, DEFAULT_CONTACT_COST } from '../../lib/actions/actionCatalog';
import { incentiveValue } from '../../lib/actions/actionEconomics';
import { runWorkflow } from '../engine/harness';
import { fanInWorkflow } from '../engine/workflowBuilder';
import { createRandom } from '../synthetic/random';
import { Kind, trueResponse, winBackPopulation } from '../synthetic/winBackPopulation';

const COUPON_SECRET = 'targeting-check-coupon-secret-key';
const SEND_TIME = '2025-07-01T10:00:00Z';
const COSTS = { shippingCost: 8, perkCost: 5 };

interface Eligible {
	customerId: string;
	kind: Kind;
	baseRate: number;
	churnProbability: number;
	predictedClv: number;
	action: Action;
	trueCost: number;
	trueProfit: number;
}

export interface TargetingRow {
	strategy: string;
	contacted: number;
	/** Expected cost under the truth. */
	cost: number;
	/** Expected incremental profit under the truth. */
	profit: number;
	/** Share of the best possible allocation's profit. */
	shareOfBest: number;
	/** Expected cost under the truth, by kind of customer: where the budget went. */
	spentOn: Record<Kind, number>;
}

/** What contacting a customer with a decision truly brings: (true response - base) x value - true cost. */
function truthOf(kind: Kind, baseRate: number, d: IDataObject, orderValue: number) {
	const action = d.action as Action;
	const treated = trueResponse(kind, action, baseRate);
	const incentive = incentiveValue(action, (d.discountPct as number | null) ?? 0, orderValue, COSTS);
	const cost = DEFAULT_CONTACT_COST[d.channel as Channel] + incentive * treated;
	return { cost, profit: (treated - baseRate) * (d.valueIfWonBack as number) - cost, treated };
}

async function retentionAction(customers: IDataObject[], parameters: IDataObject, measured: IDataObject | null): Promise<IDataObject[]> {
	const options = { couponSecret: COUPON_SECRET, ...((parameters.options as IDataObject) ?? {}) };
	const flow = fanInWorkflow([{ name: 'Customers', rows: customers }, null, measured ? { name: 'Measured Results', rows: [measured] } : null], {
		name: 'Retention Action',
		type: 'retentionAction',
		parameters: { storeName: 'Test Shop', sendTime: SEND_TIME, ...parameters, options },
	});
	const result = await runWorkflow(flow);
	if (result.error) throw result.error;
	return [0, 1, 2, 3, 4].flatMap((output) => result.json('Retention Action', output));
}

function allocate(name: string, candidates: Eligible[], budget: number, best: number): TargetingRow {
	let cost = 0;
	let profit = 0;
	let contacted = 0;
	const spentOn: Record<Kind, number> = { loyal: 0, lapsed: 0, gone: 0 };
	for (const c of candidates) {
		if (cost + c.trueCost > budget) continue;
		cost += c.trueCost;
		profit += c.trueProfit;
		spentOn[c.kind] += c.trueCost;
		contacted++;
	}
	return { strategy: name, contacted, cost, profit, shareOfBest: profit / best, spentOn };
}

/**
 * The playbooks compared: a coupon for everyone (the question is then only whom to give it to),
 * and the default playbook (the action by stage and cause).
 */
export type TargetingPlaybook = 'coupon' | 'default';
const PLAYBOOKS: Record<TargetingPlaybook, IDataObject> = {
	coupon: { playbookSource: 'json', playbookJson: JSON.stringify([{ note: 'a coupon for everyone', action: 'discountCoupon' }]) },
	default: { playbookSource: 'default' },
};

export async function winBackTargeting({ perKind = 1500, seed = 2026, playbook = 'coupon' as TargetingPlaybook } = {}): Promise<{ budget: number; rows: TargetingRow[]; measuredUnits: number }> {
	const population = winBackPopulation({ perKind, seed });
	const kindOf = new Map(population.map((c) => [c.record.customerId as string, c.kind]));
	const recordOf = new Map(population.map((c) => [c.record.customerId as string, c.record]));
	const records = population.map((c) => c.record);

	// Everyone the playbook would contact, with their action: every customer contacted, no budget.
	const all = await retentionAction(records, { ...PLAYBOOKS[playbook], campaignId: 'eligible', controlShare: 0, budget: 0, options: { includeUnprofitable: true, exploreShare: 0 } }, null);
	const eligible: Eligible[] = all
		.filter((d) => d.group === 'treatment')
		.map((d) => {
			const id = d.customerId as string;
			const record = recordOf.get(id) as IDataObject;
			const truth = truthOf(kindOf.get(id) as Kind, d.baseRate as number, d, record.expectedAvgOrderValue as number);
			return { customerId: id, kind: kindOf.get(id) as Kind, baseRate: d.baseRate as number, churnProbability: record.churnProbability as number, predictedClv: record.predictedClv as number, action: d.action as Action, trueCost: truth.cost, trueProfit: truth.profit };
		});
	const byId = new Map(eligible.map((e) => [e.customerId, e]));
	const budget = Math.round(0.2 * population.length * (eligible.reduce((s, e) => s + e.trueCost, 0) / eligible.length));

	// The best allocation: by true profit per unit of true cost, the last customer in part (an upper bound).
	let best = 0;
	let left = budget;
	let bestContacted = 0;
	const bestSpent: Record<Kind, number> = { loyal: 0, lapsed: 0, gone: 0 };
	for (const e of [...eligible].filter((x) => x.trueProfit > 0).sort((x, y) => y.trueProfit / y.trueCost - x.trueProfit / x.trueCost)) {
		const share = Math.min(1, left / e.trueCost);
		best += share * e.trueProfit;
		bestSpent[e.kind] += share * e.trueCost;
		bestContacted += share;
		left -= share * e.trueCost;
		if (left <= 0) break;
	}

	/**
	 * A plan's contacts as they truly cost: its costs are expectations, and a budget is only spent
	 * once, so the plan is cut where the true cost reaches the budget, in its own order (by
	 * profit per unit of cost, explored customers last), like every other allocation here.
	 */
	const planRow = (name: string, decisions: IDataObject[]): TargetingRow => {
		const treated = decisions
			.filter((x) => x.group === 'treatment')
			.sort((x, y) => Number(x.selection === 'explore') - Number(y.selection === 'explore') || (y.profitPerCost as number) - (x.profitPerCost as number));
		const inPlan = treated.map((d) => {
			const e = byId.get(d.customerId as string) as Eligible;
			const truth = truthOf(e.kind, e.baseRate, d, recordOf.get(e.customerId)!.expectedAvgOrderValue as number);
			return { ...e, trueCost: truth.cost, trueProfit: truth.profit };
		});
		return allocate(name, inPlan, budget, best);
	};

	// A first campaign on the planning priors, with a control group to measure it.
	const first = await retentionAction(records, { ...PLAYBOOKS[playbook], campaignId: 'wave-1', controlShare: 0.2, budget }, null);
	const random = createRandom(seed + 1);
	const logRows = first
		.filter((d) => d.group === 'treatment' || d.group === 'control')
		.map((d) => {
			const e = byId.get(d.customerId as string) as Eligible;
			const p = d.group === 'treatment' ? trueResponse(e.kind, d.action as Action, e.baseRate) : e.baseRate;
			const ordered = random.uniform() < p;
			return { ...(d.contactLogRow as IDataObject), ordersSinceContact: ordered ? 1 : 0, revenueSinceContact: ordered ? (recordOf.get(e.customerId)!.expectedAvgOrderValue as number) : 0 };
		});
	const report = await runWorkflow(fanInWorkflow([{ name: 'Contact Log', rows: logRows }], { name: 'Campaign Report', type: 'campaignReport', parameters: { operation: 'campaignEvaluation', htmlReport: false } }));
	if (report.error) throw report.error;
	const [model] = report.json('Campaign Report', 1);
	const second = await retentionAction(records, { ...PLAYBOOKS[playbook], campaignId: 'wave-2', controlShare: 0.1, budget }, model);
	// The same campaign spending nothing on exploring: what exploring costs now, for the estimates later.
	const secondNoExplore = await retentionAction(records, { ...PLAYBOOKS[playbook], campaignId: 'wave-2', controlShare: 0.1, budget, options: { exploreShare: 0 } }, model);

	const order = (key: (e: Eligible) => number) => [...eligible].sort((x, y) => key(y) - key(x) || (x.customerId < y.customerId ? -1 : 1));
	const shuffled = [...eligible].map((e) => ({ e, u: random.uniform() })).sort((x, y) => x.u - y.u).map(({ e }) => e);
	const bestRow: TargetingRow = { strategy: 'Best possible (truth known)', contacted: Math.round(bestContacted), cost: budget - Math.max(0, left), profit: best, shareOfBest: 1, spentOn: bestSpent };
	return {
		budget,
		measuredUnits: logRows.length,
		rows: [
			bestRow,
			planRow('Retention Action, after one measured campaign', second),
			planRow('Retention Action, after one measured campaign, exploring nothing', secondNoExplore),
			planRow('Retention Action, planning priors only', first),
			allocate('Highest churn probability first', order((e) => e.churnProbability), budget, best),
			allocate('Highest predicted CLV first', order((e) => e.predictedClv), budget, best),
			allocate('At random', shuffled, budget, best),
		],
	};
}

/** The rows as a Markdown table, as the README shows them. */
export function targetingTable(rows: TargetingRow[]): string {
	const n = (x: number) => (Number.isNaN(x) ? '' : Math.round(x).toLocaleString('en-US'));
	return [
		'| strategy | contacted | spent on loyal / lapsed / long gone | total cost | incremental profit | share of best |',
		'|---|---|---|---|---|---|',
		...rows.map((r) => `| ${r.strategy} | ${n(r.contacted)} | ${n(r.spentOn.loyal)} / ${n(r.spentOn.lapsed)} / ${n(r.spentOn.gone)} | ${n(r.cost)} | ${n(r.profit)} | ${(r.shareOfBest * 100).toFixed(0)}% |`),
	].join('\n');
}
