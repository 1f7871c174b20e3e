import { lifecycleInputFromRecord, parseStage } from '../../../lib/lifecycle/lifecycleInputFromRecord';
import { populationGapDays } from '../../../lib/customer/purchaseGap';
import { decodeStage, encodeStage } from '../../../lib/lifecycle/stageMemory';
import { decideStage, LifecycleInput, StageSettings, stageOf } from '../../../lib/lifecycle/stageRules';
import { ALL_STAGES } from '../../../lib/lifecycle/stages';
import { TimeZone } from '../../../lib/values/timeZone';
import { readStageSettings } from '../../../nodes/LifecycleStage/lifecycleSettings';

const UTC = new TimeZone('UTC');

/** The node's defaults: the rules are specified against what users get. */
const settings: StageSettings = readStageSettings({}, 'retail', 'cadence');

const customer = (overrides: Partial<LifecycleInput>): LifecycleInput => {
	const c: Omit<LifecycleInput, 'longestGaps'> = {
		orders: 3,
		recencyDays: 10,
		tenureDays: 200,
		repeatPurchases: 2,
		avgGapDays: 30,
		lastGapDays: 30,
		orderTrend: 0,
		spendTrend: 0,
		churnProbability: null,
		rfmSegment: null,
		previousStage: null,
		...overrides,
	};
	// By default the last gap is the only record gap: it ended at the last order.
	const longestGaps = overrides.longestGaps ?? (c.lastGapDays !== null && c.recencyDays !== null ? [{ days: c.lastGapDays, endedDaysAgo: c.recencyDays }] : []);
	return { ...c, longestGaps };
};

describe('retail stage rules', () => {
	it('judges silence against the customer’s own gap, and says so', () => {
		expect(decideStage(customer({ recencyDays: 59 }), settings, 45)).toMatchObject({ stage: 'active', usualGapDays: 30, gapSource: 'own' });
		expect(decideStage(customer({ recencyDays: 61 }), settings, 45)).toEqual({
			stage: 'atRisk',
			reason: '61 days since the last order = 2× their usual gap of 30 days (> 2×)',
			usualGapDays: 30,
			gapSource: 'own',
		});
		expect(decideStage(customer({ recencyDays: 121 }), settings, 45).stage).toBe('churned');
	});

	it('uses the population’s median gap for one-time buyers', () => {
		const oneTimer = customer({ orders: 1, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, recencyDays: 100, tenureDays: 100 });
		expect(decideStage(oneTimer, settings, 45)).toMatchObject({ stage: 'atRisk', usualGapDays: 45, gapSource: 'population' });
	});

	it('falls back to fixed day bands when no gap is known at all', () => {
		const oneTimer = customer({ orders: 1, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, tenureDays: 100 });
		expect(decideStage({ ...oneTimer, recencyDays: 89 }, settings, null)).toMatchObject({ stage: 'active', gapSource: 'fixedBands' });
		expect(decideStage({ ...oneTimer, recencyDays: 90 }, settings, null).stage).toBe('atRisk');
		expect(decideStage({ ...oneTimer, recencyDays: 180 }, settings, null).reason).toBe('no order for 180 days (≥ 180, fixed band)');
	});

	it('churns anyone silent beyond Max Days Without Order, however slow their rhythm', () => {
		expect(decideStage(customer({ avgGapDays: 200, recencyDays: 365 }), settings, 45).reason).toBe('no order for 365 days (limit 365)');
	});

	it('can let the churn probability decide at risk and churned', () => {
		const s = { ...settings, useChurnProbability: true };
		expect(decideStage(customer({ recencyDays: 200, churnProbability: 0.1 }), s, 45)).toMatchObject({ stage: 'active', gapSource: 'churnProbability' });
		expect(decideStage(customer({ churnProbability: 0.6 }), s, 45).stage).toBe('atRisk');
		expect(decideStage(customer({ churnProbability: 0.85 }), s, 45).stage).toBe('churned');
		expect(decideStage(customer({ recencyDays: 200 }), s, 45).stage).toBe('churned');
	});

	it('sees a comeback in the gap before the last order, or in a remembered churned stage', () => {
		expect(decideStage(customer({ repeatPurchases: 3, avgGapDays: (30 + 30 + 275) / 3, lastGapDays: 275 }), settings, 45)).toMatchObject({
			stage: 'reactivated',
			reason: 'came back 10 days ago after a lapse of 275 days without an order (more than 4× the usual gap of 30 days)',
		});
		expect(decideStage(customer({ previousStage: 'churned' }), settings, 45).reason).toBe('ordered again after being churned');
	});

	// Monthly for a year (12 gaps of 30 days), a lapse of 330 days, then two orders 14 days apart,
	// the last one 7 days ago: the lapse is no longer the last gap.
	const comeback = customer({
		orders: 15,
		repeatPurchases: 14,
		avgGapDays: (12 * 30 + 330 + 14) / 14,
		lastGapDays: 14,
		recencyDays: 7,
		tenureDays: 12 * 30 + 330 + 14 + 7,
		longestGaps: [
			{ days: 14, endedDaysAgo: 7 },
			{ days: 330, endedDaysAgo: 21 },
		],
	});

	it('remembers a comeback after the second order back: any lapse that ended recently counts', () => {
		expect(decideStage(comeback, settings, 45)).toMatchObject({
			stage: 'reactivated',
			// The usual gap leaves the lapse out: (12 x 30 + 14) / 13 = 28.8 days.
			reason: 'came back 21 days ago after a lapse of 330 days without an order (more than 4× the usual gap of 28.8 days)',
		});
		expect(stageOf(comeback, settings, 45)).toBe('reactivated');
	});

	it('lets a comeback end once the window passes: by default the at-risk limit, or as set', () => {
		const later = { ...comeback, recencyDays: 50, longestGaps: [{ days: 14, endedDaysAgo: 50 }, { days: 330, endedDaysAgo: 64 }] };
		// The at-risk limit is 2 x the usual gap of 30 days = 60 days: 64 days ago is past it.
		expect(decideStage(later, settings, 45).stage).not.toBe('reactivated');
		expect(decideStage(later, { ...settings, reactivatedWindowDays: 90 }, 45).stage).toBe('reactivated');
		expect(decideStage(comeback, { ...settings, reactivatedWindowDays: 14 }, 45).stage).toBe('loyal');
	});

	it('does not call an ordinary long gap a lapse', () => {
		const steady = customer({ repeatPurchases: 4, avgGapDays: 40, lastGapDays: 40, longestGaps: [{ days: 70, endedDaysAgo: 50 }] });
		expect(decideStage(steady, settings, 45).stage).toBe('active');
	});

	it('makes frequent buyers on cadence loyal, and so does an RFM Champions segment', () => {
		expect(decideStage(customer({ orders: 5 }), settings, 45).stage).toBe('loyal');
		expect(decideStage(customer({ rfmSegment: 'Champions' }), settings, 45).stage).toBe('loyal');
	});

	it('treats a customer without orders as a prospect and one who just bought for the first time as new', () => {
		expect(decideStage(customer({ orders: 0, recencyDays: null, tenureDays: null }), settings, 45).stage).toBe('prospect');
		expect(decideStage(customer({ orders: 1, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, recencyDays: 0, tenureDays: 0 }), settings, 45).stage).toBe('new');
	});
});

describe('the reason given, in words', () => {
	const relationship: StageSettings = readStageSettings({}, 'relationship', 'cadence');
	const reason = (c: Partial<LifecycleInput>, s: StageSettings = settings, populationGap: number | null = 45) => decideStage(customer(c), s, populationGap).reason;

	it('names the rule, the customer’s numbers and the setting it was held to', () => {
		expect(reason({ orders: 0, recencyDays: null, tenureDays: null })).toBe('no order yet');
		expect(reason({ recencyDays: 100, churnProbability: 0.625 }, { ...settings, useChurnProbability: true })).toBe('churn probability 0.63 ≥ 0.5');
		expect(reason({ recencyDays: 100, churnProbability: 0.8 }, { ...settings, useChurnProbability: true })).toBe('churn probability 0.80 ≥ 0.8');
		expect(reason({ orders: 1, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, recencyDays: 95, tenureDays: 95 }, settings, null)).toBe('no order for 95 days (≥ 90, fixed band)');
		// One-time buyer: judged against the population's median gap of 45 days; 100 / 45 = 2.2.
		expect(reason({ orders: 1, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, recencyDays: 100, tenureDays: 100 })).toBe("100 days since the last order = 2.2× the customers' median gap of 45 days (> 2×)");
		expect(reason({ orders: 1, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, recencyDays: 12, tenureDays: 12 })).toBe('first order 12 days ago (within 30)');
		expect(reason({ orders: 7 })).toBe('7 orders and on cadence');
		expect(reason({ rfmSegment: 'Loyal Customers' })).toBe('RFM segment Loyal Customers and on cadence');
		expect(reason({})).toBe('buying on cadence');
	});

	it('says which limit a lapse passed when a customer came back', () => {
		// Without a usual gap of their own or the population's: the fixed band of 180 days.
		const back = { repeatPurchases: 1, avgGapDays: 200, lastGapDays: 200, recencyDays: 5, longestGaps: [{ days: 200, endedDaysAgo: 5 }] };
		expect(reason(back, settings, null)).toBe('came back 5 days ago after a lapse of 200 days without an order (at least the 180-day fixed band)');
		// A lapse of a year is past Max Days Without Order, though not past 4 of this slow buyer's usual gaps of 100 days.
		const slow = { repeatPurchases: 3, avgGapDays: (100 + 100 + 370) / 3, lastGapDays: 370, recencyDays: 5, longestGaps: [{ days: 370, endedDaysAgo: 5 }] };
		expect(reason(slow, { ...settings, reactivatedWindowDays: 30 })).toBe('came back 5 days ago after a lapse of 370 days without an order (at least the 365-day limit)');
	});

	it('speaks of orders and trends in the relationship model, signed to two decimals', () => {
		expect(reason({ orders: 1, repeatPurchases: 0, tenureDays: 40 }, relationship)).toBe('1 order in 40 days: still getting to know each other');
		expect(reason({ orders: 2, tenureDays: null }, relationship)).toBe('2 orders so far: still getting to know each other');
		expect(reason({ spendTrend: -0.75, orderTrend: null }, relationship)).toBe('spend trend -0.75, order trend unknown: falling');
		expect(reason({ spendTrend: 0.5, orderTrend: 0 }, relationship)).toBe('spend trend +0.50, order trend 0.00: rising');
		expect(reason({ lastGapDays: 10, avgGapDays: 30 }, relationship)).toBe('gaps between orders shrinking');
		expect(reason({}, relationship)).toBe('stable spend and cadence');
	});
});

describe('the reason given, in Chinese', () => {
	const zh: StageSettings = { ...settings, language: 'zh-CN' };
	const zhRelationship: StageSettings = { ...readStageSettings({}, 'relationship', 'cadence'), language: 'zh-CN' };
	const reason = (c: Partial<LifecycleInput>, s: StageSettings = zh, populationGap: number | null = 45) => decideStage(customer(c), s, populationGap).reason;
	// Every kind of reason the rules give, in both models.
	const cases: Array<[Partial<LifecycleInput>, StageSettings, number | null]> = [
		[{ orders: 0, recencyDays: null, tenureDays: null }, zh, 45],
		[{ recencyDays: 100, churnProbability: 0.625 }, { ...zh, useChurnProbability: true }, 45],
		[{ orders: 1, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, recencyDays: 95, tenureDays: 95 }, zh, null],
		[{ orders: 1, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, recencyDays: 100, tenureDays: 100 }, zh, 45],
		[{ recencyDays: 400 }, zh, 45],
		[{ orders: 1, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, recencyDays: 12, tenureDays: 12 }, zh, 45],
		[{ orders: 7 }, zh, 45],
		[{ rfmSegment: 'Loyal Customers' }, zh, 45],
		[{}, zh, 45],
		[{ previousStage: 'churned' }, zh, 45],
		[{ repeatPurchases: 1, avgGapDays: 200, lastGapDays: 200, recencyDays: 5, longestGaps: [{ days: 200, endedDaysAgo: 5 }] }, zh, null],
		[{ repeatPurchases: 3, avgGapDays: 190, lastGapDays: 370, recencyDays: 5, longestGaps: [{ days: 370, endedDaysAgo: 5 }] }, { ...zh, reactivatedWindowDays: 30 }, 45],
		[{ orders: 1, repeatPurchases: 0, tenureDays: 40 }, zhRelationship, 45],
		[{ orders: 2, tenureDays: null }, zhRelationship, 45],
		[{ spendTrend: -0.75, orderTrend: null }, zhRelationship, 45],
		[{ spendTrend: 0.5, orderTrend: 0 }, zhRelationship, 45],
		[{ lastGapDays: 10, avgGapDays: 30 }, zhRelationship, 45],
		[{}, zhRelationship, 45],
	];

	it('writes every reason in Chinese: no English word but RFM, no key', () => {
		const english = cases.map(([c, s, gap]) => reason(c, s, gap)).filter((text) => (text.match(/[A-Za-z]+/g) ?? []).some((word) => word !== 'RFM'));
		expect(english).toEqual([]);
	});

	it('says the same as the English reason, with the same numbers', () => {
		expect(reason({ orders: 1, repeatPurchases: 0, avgGapDays: null, lastGapDays: null, recencyDays: 100, tenureDays: 100 })).toBe('距上次下单 100 天 = 全体客户的中位间隔 45 天的 2.2 倍（> 2 倍）');
		expect(reason({ rfmSegment: 'Loyal Customers' })).toBe('RFM 客群「忠诚客户」，节奏正常');
		expect(reason({ repeatPurchases: 1, avgGapDays: 200, lastGapDays: 200, recencyDays: 5, longestGaps: [{ days: 200, endedDaysAgo: 5 }] }, zh, null)).toBe('5 天前回归，此前 200 天未下单（达到 180 天固定区间）');
		expect(reason({ spendTrend: -0.75, orderTrend: null }, zhRelationship)).toBe('消费趋势 -0.75，订单趋势 未知：下降');
	});
});

describe('reading a record', () => {
	it('takes the churn probability from Churn Risk, or 1 - P(alive) when only that is there', () => {
		const read = (json: Record<string, unknown>) => {
			const result = lifecycleInputFromRecord({ customerId: 'A', orders: 2, recencyDays: 5, tenureDays: 50, ...json }, { analysisDay: 20_000, zone: UTC });
			return 'input' in result ? result.input.churnProbability : result.error;
		};
		expect(read({ churnProbability: 0.7, pAlive: 0.9 })).toBe(0.7);
		expect(read({ pAlive: 0.25 })).toBe(0.75);
		expect(read({})).toBeNull();
	});

	it('works out recency and tenure from the order dates when the counts are missing', () => {
		const result = lifecycleInputFromRecord({ customerId: 'A', orders: 2, firstOrderAt: '2024-01-01T08:00:00Z', lastOrderAt: '2024-03-01' }, { analysisDay: Date.parse('2024-04-01') / 86_400_000, zone: UTC });
		expect(result).toMatchObject({ input: { recencyDays: 31, tenureDays: 91 } });
	});

	it('counts days in the workflow time zone, as Customer Data does', () => {
		// 07:00 in Shanghai on 5 March is 23:00 UTC on 4 March: still 5 March for the analysis.
		const shanghai = new TimeZone('Asia/Shanghai');
		const analysisDay = Date.parse('2024-03-05') / 86_400_000;
		const result = lifecycleInputFromRecord({ customerId: 'A', orders: 1, lastOrderAt: '2024-03-05T07:00+08:00', firstOrderAt: '2024-03-04T23:00:00Z' }, { analysisDay, zone: shanghai });
		expect(result).toMatchObject({ input: { recencyDays: 0, tenureDays: 0 } });
	});
});

describe('relationship stage rules', () => {
	const r = { ...settings, model: 'relationship' as const };
	it.each([
		[{ orders: 2, tenureDays: 200 }, 'exploration'],
		[{ orders: 6, spendTrend: 1, orderTrend: 0.2 }, 'growth'],
		[{ orders: 6, repeatPurchases: 5, avgGapDays: 30, lastGapDays: 12 }, 'growth'],
		[{ orders: 6 }, 'maturity'],
		[{ orders: 6, spendTrend: -1 }, 'decline'],
		[{ orders: 6, recencyDays: 70 }, 'decline'],
		[{ orders: 6, recencyDays: 200 }, 'churned'],
	])('%j is %s', (overrides, stage) => {
		expect(decideStage(customer(overrides), r, 45).stage).toBe(stage);
	});
});

describe('stage memory', () => {
	it('packs stage and day into one number and back, for every stage', () => {
		for (const stage of ALL_STAGES) expect(decodeStage(encodeStage({ stage, sinceDay: 20_089 }))).toEqual({ stage, sinceDay: 20_089 });
		expect(decodeStage(undefined)).toBeNull();
		expect(decodeStage(-3)).toBeNull();
	});

	it('reads stage names as CRMs and people write them', () => {
		expect(['At Risk', 'at_risk', 'atRisk', 'AT-RISK'].map(parseStage)).toEqual(['atRisk', 'atRisk', 'atRisk', 'atRisk']);
		expect(parseStage('lead')).toBeNull();
	});

	it('needs five repeat customers before trusting a population gap', () => {
		const repeaters = (n: number) => Array.from({ length: n }, (_, i) => ({ repeatPurchases: 1, meanGapDays: 10 + i }));
		expect(populationGapDays(repeaters(4))).toBeNull();
		expect(populationGapDays(repeaters(5))).toBe(12);
	});
});

describe('staging a whole base without reasons', () => {
	it('gives every customer the stage decideStage gives, in both stage models', () => {
		const variants: Array<Partial<LifecycleInput>> = [];
		for (const orders of [0, 1, 2, 3, 6])
			for (const recencyDays of [0, 25, 70, 130, 400])
				for (const repeatPurchases of [0, 1, 3])
					for (const lastGapDays of [null, 12, 200])
						for (const spendTrend of [null, -1, 0, 1])
							for (const churnProbability of [null, 0.3, 0.6, 0.9])
								variants.push({ orders, recencyDays, repeatPurchases, lastGapDays, spendTrend, churnProbability, tenureDays: recencyDays + 20, previousStage: orders === 2 ? 'churned' : null });
		for (const model of ['retail', 'relationship'] as const)
			for (const useChurnProbability of [false, true])
				for (const populationGap of [null, 45]) {
					const s = { ...settings, model, useChurnProbability };
					const stages = variants.map((v) => stageOf(customer(v), s, populationGap));
					expect(stages).toEqual(variants.map((v) => decideStage(customer(v), s, populationGap).stage));
					expect(new Set(stages).size).toBeGreaterThanOrEqual(4);
				}
	});
});
