import { evaluateCampaign, CampaignOutcome } from '../../../lib/report/campaignEvaluation';
import { renderReport } from '../../../lib/report/htmlReport';
import { warningAccuracy } from '../../../lib/report/warningAccuracy';

/*
 * The HTML report is one self-contained page: no script, no external font, image or style, the
 * charts inline, labels in the chosen language, numbers in the reader's format, and the
 * customers' own text escaped. (Its rendering in a real browser is checked by test:e2e.)
 */

const outcome = (i: number, group: 'treatment' | 'control', reactivated: boolean, action = 'discountCoupon'): CampaignOutcome => ({
	customerId: `${group}${i}`,
	campaignId: 'spring',
	group,
	pooled: true,
	action,
	channel: group === 'treatment' ? 'email' : null,
	cause: 'priceSensitive',
	segment: 'At Risk',
	stage: 'churned',
	valueTier: 'high',
	baseRate: 0.1,
	reactivated,
	orders: reactivated ? 1 : 0,
	revenue: reactivated ? 1234.5 : 0,
	cost: group === 'treatment' ? 2 : 0,
});
const campaign = [
	...Array.from({ length: 200 }, (_, i) => outcome(i, 'treatment', i < 40)),
	...Array.from({ length: 200 }, (_, i) => outcome(i, 'control', i < 20)),
	...Array.from({ length: 30 }, (_, i) => outcome(i, 'treatment', i < 6, '<b>vip</b>')),
];
const lines = evaluateCampaign(campaign, { margin: 0.3 });
const accuracy = warningAccuracy(Array.from({ length: 50 }, (_, i) => ({ churnProbability: i / 50, churned: i % 3 === 0, flagged: i > 35 })));

describe('the HTML report', () => {
	const english = renderReport({ title: 'Spring win-back', language: 'en', locale: 'en-US', currency: 'CNY', lines, accuracy });

	it('is self-contained: no script, and nothing fetched from elsewhere', () => {
		expect(english).not.toMatch(/<script|<link|@import|url\(|src=/i);
		expect(english.match(/https?:\/\/[^\s"']+/g) ?? []).toEqual(['http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg', 'http://www.w3.org/2000/svg']);
	});

	it('draws the uplift, rate and calibration charts inline', () => {
		for (const chart of ['uplift', 'rates', 'calibration']) expect(english).toContain(`data-chart="${chart}"`);
	});

	it('formats numbers for the locale and escapes text from the data', () => {
		expect(english).toContain('20.0% (40/200)');
		expect(english).toContain('CN¥');
		expect(english).toContain('&lt;b&gt;vip&lt;/b&gt;');
		expect(english).not.toContain('<b>vip</b>');
	});

	it('speaks Chinese when asked', () => {
		const chinese = renderReport({ title: '春季召回', language: 'zh-CN', locale: 'zh-CN', currency: 'CNY', lines, accuracy });
		expect(chinese).toContain('<html lang="zh-CN">');
		expect(chinese).toContain('召回活动效果评估');
		expect(chinese).toContain('流失预警准确度');
		expect(chinese).toContain('¥');
	});

	it('writes every label, value and verdict in the chosen language, never a field key', () => {
		const chinese = renderReport({ language: 'zh-CN', locale: 'zh-CN', currency: 'CNY', lines, campaign: { windowDays: 30, margin: 0.3, mergedRows: 12, leftOut: 1 } });
		expect(chinese).toContain('<title>召回活动报告</title>');
		expect(chinese).toContain('首次触达后 30 天内下单');
		expect(chinese).toContain('动作: 优惠券');
		expect(chinese).toContain('原因 × 动作: 价格敏感 × 优惠券');
		expect(chinese).toContain('显著提升');
		expect(chinese).toContain('已将 12 条重复记录合并');
		for (const key of ['discountCoupon', 'priceSensitive', 'significant lift', 'Reactivated', 'causeAction']) expect(chinese).not.toContain(key);
		const english = renderReport({ language: 'en', locale: 'en-US', currency: 'CNY', lines, campaign: { windowDays: 30, margin: 0.3, mergedRows: 0, leftOut: 0 } });
		expect(english).toContain('<title>Campaign report</title>');
		expect(english).toContain('Action: Discount coupon');
		expect(english).not.toContain('discountCoupon');
	});
});

describe('the base health section in Chinese', () => {
	it('names stages, segments and the alert in Chinese', () => {
		const health = {
			customers: 10,
			repeatPurchaseRate: 0.5,
			averageRetentionDays: 100,
			complaintRate: 0,
			averageSatisfaction: null,
			revenueAtRisk: null,
			churn: { current: { base: 10, churned: 4, churnRate: 0.4 }, retentionRate: 0.6, churnCost: 100, history: [0.1, 0.12, 0.11].map((r) => ({ base: 10, churned: 1, churnRate: r })), usualRange: { low: 0.08, high: 0.14, mean: 0.11 }, alert: 'Churn rate 40.0% is above its usual range 8.0%-14.0% (mean +/- 2 standard deviations of the 3 previous 30-day periods)' },
			bySegment: [{ value: 'Champions', customers: 6, revenue: 600 }],
			byStage: [{ value: 'At Risk', customers: 4, revenue: 400 }],
			byCause: [],
			rfHeatMap: null,
			cohorts: [],
		};
		const chinese = renderReport({ language: 'zh-CN', locale: 'zh-CN', currency: 'CNY', health: health as never, period: { days: 30, end: '2025-06-30', activeWindowDays: 90 } });
		expect(chinese).toContain('冠军客户');
		expect(chinese).toContain('有流失风险');
		expect(chinese).toContain('流失率 40.0% 高于常规区间 8.0%-14.0%（前 3 个 30 天周期的均值 ± 2 个标准差）');
		for (const english of ['Champions', 'At Risk', 'Churn rate', 'usual range']) expect(chinese).not.toContain(english);
	});
});
