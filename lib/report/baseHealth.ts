import { readCustomerRecord, RecordContext } from '../customer/customerRecord';
import { mean, standardDeviation } from '../math/statistics';
import { ALL_STAGES, Stage } from '../lifecycle/stages';
import { WORDS } from '../words';
import { cohortRetention, CohortRow } from './cohortRetention';
import { churnAlertText } from './reportWords';

/*
 * How healthy the customer base is over a period. A customer is *active* on a day when they
 * ordered within the Active Window before it (90 days by default): the usual definition for
 * shops without subscriptions, where nobody cancels and silence is the only sign of leaving.
 * Over a period, the customers active at its start are the base; those of them no longer
 * active at its end churned. Churn rate = churned / base, retention rate = 1 - churn rate.
 */

/** One customer as the report reads them, from Customer Data / Churn Risk / Lifecycle Stage items. */
export interface HealthCustomer {
	customerId: string;
	orders: number;
	totalSpend: number;
	/** Days since 1970 of the first and last order, when known. */
	firstDay: number | null;
	lastDay: number | null;
	complaints: number | null;
	satisfaction: number | null;
	segment: string | null;
	stage: string | null;
	cause: string | null;
	riskLevel: string | null;
	predictedClv: number | null;
	rfm: { r: number; f: number } | null;
}

/** A customer's orders as days since 1970 and amounts, from the Orders input. */
export interface HealthOrders {
	days: number[];
	amounts: number[];
}

export interface HealthSettings {
	/** The last day of the period reported on. */
	endDay: number;
	periodDays: number;
	activeWindowDays: number;
	/** Earlier periods the usual churn rate is learnt from. */
	historyPeriods: number;
	riskLevelsAtRisk: ReadonlySet<string>;
}

export interface PeriodChurn {
	/** Last day of the period. */
	endDay: number;
	base: number;
	churned: number;
	churnRate: number | null;
}

export interface Breakdown {
	value: string;
	customers: number;
	revenue: number;
}

export interface BaseHealth {
	customers: number;
	repeatPurchaseRate: number | null;
	/** Mean days from first to last order. */
	averageRetentionDays: number | null;
	complaintRate: number | null;
	averageSatisfaction: number | null;
	/** Predicted CLV of the customers at the at-risk levels. */
	revenueAtRisk: number | null;
	churn: {
		current: PeriodChurn;
		retentionRate: number | null;
		/** The churned customers' revenue of the year before the period, scaled to one period: what the base no longer brings in. */
		churnCost: number;
		history: PeriodChurn[];
		usualRange: { low: number; high: number; mean: number } | null;
		alert: string | null;
	} | null;
	bySegment: Breakdown[];
	byStage: Breakdown[];
	byCause: Breakdown[];
	/** Customers per R score (rows 5..1) and F score (columns 1..5). */
	rfHeatMap: number[][] | null;
	cohorts: CohortRow[];
}

function breakdown(customers: ReadonlyArray<HealthCustomer>, key: 'segment' | 'stage' | 'cause'): Breakdown[] {
	const groups = new Map<string, Breakdown>();
	for (const c of customers) {
		const value = c[key];
		if (value === null) continue;
		const group = groups.get(value) ?? { value, customers: 0, revenue: 0 };
		group.customers++;
		group.revenue += c.totalSpend;
		groups.set(value, group);
	}
	return [...groups.values()].sort((a, b) => b.customers - a.customers);
}

/** Lifecycle stages in the order of the journey (a funnel), with their labels; unknown ones last. */
function stagesInJourneyOrder(rows: Breakdown[]): Breakdown[] {
	const rank = (value: string) => {
		const at = ALL_STAGES.indexOf(value as Stage);
		return at < 0 ? ALL_STAGES.length : at;
	};
	return [...rows].sort((a, b) => rank(a.value) - rank(b.value)).map((row) => ({ ...row, value: WORDS.en.stages[row.value as Stage] ?? row.value }));
}

const activeOn = (days: ReadonlyArray<number>, day: number, window: number) => days.some((d) => d <= day && d > day - window);

/** Churn over the period ending on endDay, from every customer's order days. */
export function periodChurn(orderDays: ReadonlyArray<ReadonlyArray<number>>, endDay: number, periodDays: number, activeWindowDays: number): PeriodChurn & { churnedIndexes: number[] } {
	const startDay = endDay - periodDays;
	let base = 0;
	const churnedIndexes: number[] = [];
	orderDays.forEach((days, i) => {
		if (!activeOn(days, startDay, activeWindowDays)) return;
		base++;
		if (!activeOn(days, endDay, activeWindowDays)) churnedIndexes.push(i);
	});
	return { endDay, base, churned: churnedIndexes.length, churnRate: base ? churnedIndexes.length / base : null, churnedIndexes };
}

export function baseHealth(customers: ReadonlyArray<HealthCustomer>, orders: ReadonlyMap<string, HealthOrders> | null, s: HealthSettings): BaseHealth {
	const n = customers.length;
	const share = (count: number, of: number) => (of ? count / of : null);
	const withTenure = customers.filter((c) => c.firstDay !== null && c.lastDay !== null);
	const complaintsKnown = customers.filter((c) => c.complaints !== null);
	const satisfaction = customers.flatMap((c) => (c.satisfaction === null ? [] : [c.satisfaction]));
	const clvKnown = customers.some((c) => c.predictedClv !== null && c.riskLevel !== null);
	const rfmKnown = customers.filter((c) => c.rfm !== null);

	let churn: BaseHealth['churn'] = null;
	let cohorts: CohortRow[] = [];
	if (orders) {
		const ids = [...orders.keys()];
		const days = ids.map((id) => orders.get(id)!.days);
		const current = periodChurn(days, s.endDay, s.periodDays, s.activeWindowDays);
		const history = Array.from({ length: s.historyPeriods }, (_, k) => periodChurn(days, s.endDay - (k + 1) * s.periodDays, s.periodDays, s.activeWindowDays))
			.filter((p) => p.churnRate !== null)
			.reverse();
		const rates = history.map((p) => p.churnRate as number);
		const usualRange = rates.length >= 3 ? { mean: mean(rates), low: Math.max(0, mean(rates) - 2 * standardDeviation(rates)), high: Math.min(1, mean(rates) + 2 * standardDeviation(rates)) } : null;
		const startDay = s.endDay - s.periodDays;
		const churnCost = current.churnedIndexes.reduce((sum, i) => {
			const { days: d, amounts } = orders.get(ids[i])!;
			const lastYear = d.reduce((total, day, k) => (day <= startDay && day > startDay - 365 ? total + amounts[k] : total), 0);
			return sum + (lastYear * s.periodDays) / 365;
		}, 0);
		let alert: string | null = null;
		if (usualRange && current.churnRate !== null && (current.churnRate > usualRange.high || current.churnRate < usualRange.low)) {
			alert = churnAlertText(current.churnRate, usualRange, rates.length, s.periodDays, 'en');
		}
		const { churnedIndexes: _current, ...currentFigures } = current;
		churn = {
			current: currentFigures,
			retentionRate: current.churnRate === null ? null : 1 - current.churnRate,
			churnCost,
			history: history.map(({ churnedIndexes: _h, ...figures }) => figures),
			usualRange,
			alert,
		};
		cohorts = cohortRetention(days, s.endDay);
	}

	let rfHeatMap: number[][] | null = null;
	if (rfmKnown.length) {
		rfHeatMap = Array.from({ length: 5 }, () => new Array(5).fill(0));
		for (const c of rfmKnown) {
			const { r, f } = c.rfm!;
			if (r >= 1 && r <= 5 && f >= 1 && f <= 5) rfHeatMap[5 - r][f - 1]++;
		}
	}

	return {
		customers: n,
		repeatPurchaseRate: share(customers.filter((c) => c.orders >= 2).length, customers.filter((c) => c.orders >= 1).length),
		averageRetentionDays: withTenure.length ? withTenure.reduce((sum, c) => sum + (c.lastDay! - c.firstDay!), 0) / withTenure.length : null,
		complaintRate: share(complaintsKnown.filter((c) => (c.complaints as number) > 0).length, complaintsKnown.length),
		averageSatisfaction: satisfaction.length ? mean(satisfaction) : null,
		revenueAtRisk: clvKnown ? customers.reduce((sum, c) => (c.riskLevel !== null && s.riskLevelsAtRisk.has(c.riskLevel) ? sum + (c.predictedClv ?? 0) : sum), 0) : null,
		churn,
		bySegment: breakdown(customers, 'segment'),
		byStage: stagesInJourneyOrder(breakdown(customers, 'stage')),
		byCause: breakdown(customers, 'cause'),
		rfHeatMap,
		cohorts,
	};
}

/**
 * A customer item (Customer Data, with Churn Risk, Lifecycle Stage or Retention Action fields
 * when they ran) as the health report reads it.
 */
export function healthCustomerOf(json: Record<string, unknown>, context: RecordContext): HealthCustomer | { error: string } {
	const read = readCustomerRecord(json, { ...context, orderDays: true });
	if ('error' in read) return read;
	const r = read.record;
	return {
		customerId: r.customerId,
		orders: r.orders ?? 0,
		totalSpend: r.money.totalSpend ?? 0,
		firstDay: r.firstOrderDay,
		lastDay: r.lastOrderDay,
		complaints: r.signals.complaints,
		satisfaction: r.signals.avgSatisfaction,
		segment: r.rfm.segment,
		stage: r.lifecycleStage,
		cause: r.churnCause,
		riskLevel: r.riskLevel,
		predictedClv: r.money.predictedClv,
		rfm: r.rfm.r !== null && r.rfm.f !== null ? { r: r.rfm.r, f: r.rfm.f } : null,
	};
}
