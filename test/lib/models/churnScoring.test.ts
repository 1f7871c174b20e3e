import { ChurnModel, fitChurnModel, FitSettings, ModelCustomer } from '../../../lib/models/churnModel';
import { ChurnScorer, RISK_LEVELS, ScoringSettings } from '../../../lib/models/churnScoring';
import { rfmColumns, SEGMENT_RULES } from '../../../lib/models/rfm';

const ANALYSIS_DAY = 20_000;
const FIT: FitSettings = { penalizer: 0, minCustomers: 20, minRepeatCustomers: 10, frequencyBasis: 'orders', monetaryBasis: 'total' };
const SCORING: ScoringSettings = { horizonDays: 90, churnDefinition: 'noOrderInHorizon', riskThresholds: { medium: 0.5, high: 0.75, critical: 0.9 }, clvMonths: 12, monthlyDiscountRate: 0.01 };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { btydCustomers } = require('../../../scripts/synthetic/btydCustomers.js') as {
	btydCustomers: (o: { customers: number; seed?: number }) => Iterable<{ days: number[]; amounts: number[] }>;
};

/** A synthetic base that follows the BG/NBD story, seen 546 days after its first possible order. */
function customers(count: number): ModelCustomer[] {
	return [...btydCustomers({ customers: count, seed: 3 })].map(({ days, amounts }, i) => {
		const purchaseDays = [...new Set(days)];
		const x = purchaseDays.length - 1;
		const T = 546 - purchaseDays[0];
		const tx = purchaseDays[x] - purchaseDays[0];
		const totalSpend = amounts.reduce((s, v) => s + v, 0);
		return {
			customerId: `C${i}`,
			recencyDays: T - tx,
			orders: days.length,
			totalSpend,
			avgOrderValue: totalSpend / days.length,
			history: { x, tx, T },
			spend: { x, m: x > 0 ? amounts.slice(1).reduce((s, v) => s + v, 0) / (amounts.length - 1) : 0 },
			ownGapDays: x > 0 ? tx / x : null,
			analysisDay: ANALYSIS_DAY,
		};
	});
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

function columnsOf(base: ModelCustomer[]) {
	return {
		x: base.map((c) => c.history.x),
		tx: base.map((c) => c.history.tx),
		T: base.map((c) => c.history.T),
		recencyDays: base.map((c) => c.recencyDays),
		orders: base.map((c) => c.orders),
		totalSpend: base.map((c) => c.totalSpend),
		m: base.map((c) => c.spend.m),
	};
}

describe('scoring a whole base as columns', () => {
	const base = customers(3000);
	const models: Array<[string, ChurnModel]> = [
		['BG/NBD', fitChurnModel(base, FIT, new Date(0))],
		['cadence', fitChurnModel(base.slice(0, 15), FIT, new Date(0))],
	];

	it.each(models)('gives every customer the scores (and RFM segments) the one-at-a-time scorer gives (%s)', (_, model) => {
		const scorer = new ChurnScorer(model, SCORING);
		const c = columnsOf(base);
		const columns = new ChurnScorer(model, SCORING).scoreColumns(c);
		const rfm = rfmColumns(model.rfm.breakpoints, c.recencyDays, c.orders, c.totalSpend);
		base.forEach((customer, i) => {
			const one = scorer.score(customer);
			// The one-at-a-time scores are rounded for output; the columns keep full precision.
			expect(round(columns.pAlive[i], 6)).toBe(one.pAlive);
			expect(round(columns.churnProbability[i], 6)).toBe(one.churnProbability);
			expect(RISK_LEVELS[columns.riskLevel[i]]).toBe(one.riskLevel);
			expect(round(columns.expectedOrders[i], 4)).toBe(one.expectedOrders);
			expect(round(columns.expectedAvgOrderValue[i], 2)).toBe(one.expectedAvgOrderValue);
			expect(round(columns.predictedClv[i], 2)).toBe(one.predictedClv);
			const nextDay = one.expectedNextOrderAt === null ? NaN : Date.parse(one.expectedNextOrderAt) / 86_400_000;
			expect(ANALYSIS_DAY + Math.ceil(columns.daysToNextOrder[i])).toBe(nextDay);
			expect([rfm.r[i], rfm.f[i], rfm.m[i]].join('')).toBe(one.rfm.score);
			expect(SEGMENT_RULES[rfm.segment[i]].segment).toBe(one.rfm.segment);
		});
	});

	it('uses BG/NBD for the full base and the cadence fallback for the tiny one', () => {
		expect(models.map(([, model]) => model.method)).toEqual(['bgnbd', 'cadence']);
	});
});
