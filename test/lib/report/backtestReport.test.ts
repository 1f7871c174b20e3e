import { backtestSummarySchema, backtestView } from '../../../lib/report/backtestView';
import { renderReport } from '../../../lib/report/htmlReport';

/** Six weeks, the last two held out, as Churn Risk's Backtest output puts them. */
const summary = {
	calibrationDate: '2025-04-01',
	analysisDate: '2025-04-15',
	holdoutDays: 14,
	customers: 2465,
	chosen: 'bgnbd',
	reason: 'BG/NBD predicted the held-out 14 days best.',
	models: [
		{ model: 'BG/NBD', modelName: 'bgnbd', chosen: true, holdoutLogLikelihoodPerCustomer: -0.391, churnAuc: 0.761, brierScore: 0.12, repeatPurchasesMae: 0.2, predictedRepeatPurchases: 41.5, actualRepeatPurchases: 40 },
		{ model: 'Pareto/NBD', modelName: 'paretonbd', chosen: false, holdoutLogLikelihoodPerCustomer: -0.4, churnAuc: 0.76, brierScore: 0.13, repeatPurchasesMae: 0.21, predictedRepeatPurchases: 38, actualRepeatPurchases: 40 },
	],
	tracking: [
		{ from: '2025-03-05', to: '2025-03-11', period: 'calibration', actual: 10, bgnbd: 11, paretonbd: 9 },
		{ from: '2025-03-12', to: '2025-03-18', period: 'calibration', actual: 14, bgnbd: 13, paretonbd: 12 },
		{ from: '2025-03-19', to: '2025-03-25', period: 'calibration', actual: 30, bgnbd: 16, paretonbd: 15 },
		{ from: '2025-03-26', to: '2025-04-01', period: 'calibration', actual: 18, bgnbd: 18, paretonbd: 17 },
		{ from: '2025-04-02', to: '2025-04-08', period: 'holdout', actual: 22, bgnbd: 21, paretonbd: 19 },
		{ from: '2025-04-09', to: '2025-04-15', period: 'holdout', actual: 18, bgnbd: 20.5, paretonbd: 19 },
	],
};

const view = backtestView(backtestSummarySchema.parse(summary));

/** The points of an SVG path, as [x, y] pairs. */
const points = (d: string) => [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
const pathTitled = (svg: string, title: string) => new RegExp(`<path d="([^"]+)"[^>]*><title>${title.replace(/[/()]/g, '\\$&')}</title>`).exec(svg)?.[1] ?? '';

describe("The Model Backtest report: Churn Risk's backtest as tracking charts", () => {
	const html = renderReport({ language: 'en', locale: 'en-US', currency: null, backtest: view });
	const weekly = /<svg[^>]*data-chart="tracking"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';
	const cumulative = /<svg[^>]*data-chart="tracking-cumulative"[\s\S]*?<\/svg>/.exec(html)?.[0] ?? '';

	it('draws the repeat orders made each week at their heights, and each model beside them', () => {
		const made = points(pathTitled(weekly, 'made'));
		expect(made).toHaveLength(6);
		// Heights are linear in the orders: 0 at the axis, the peak week (30) highest.
		const [baseline, peak] = [/<line x1="52" y1="([\d.]+)"/.exec(weekly)?.[1], made[2][1]].map(Number);
		const scale = (baseline - peak) / 30;
		made.forEach(([, y], k) => expect((baseline - y) / scale).toBeCloseTo(summary.tracking[k].actual, 1));
		expect(points(pathTitled(weekly, 'BG/NBD (chosen)'))).toHaveLength(6);
		expect(points(pathTitled(weekly, 'Pareto/NBD'))).toHaveLength(6);
	});

	it('adds the weeks up in the cumulative chart', () => {
		const made = points(pathTitled(cumulative, 'made'));
		const baseline = Number(/<line x1="52" y1="([\d.]+)"/.exec(cumulative)?.[1]);
		const scale = (baseline - made[5][1]) / 112;
		expect((baseline - made[3][1]) / scale).toBeCloseTo(10 + 14 + 30 + 18, 1);
	});

	it('shades the held-out weeks from between the cut and the first held-out week', () => {
		const made = points(pathTitled(weekly, 'made'));
		const shade = /<rect x="([\d.]+)"/.exec(weekly)?.[1];
		expect(Number(shade)).toBeCloseTo((made[3][0] + made[4][0]) / 2, 1);
		expect(weekly).toContain('>2025-04-01</text>');
	});

	it('sets the models side by side on the held-out days, the chosen one marked, with the reason', () => {
		expect(html).toContain('How well the churn models predicted your recent weeks');
		expect(html).toContain('Fitted on the history to 2025-04-01; the 14 days after were held out and predicted for 2,465 customers');
		expect(html).toContain('BG/NBD (chosen)</td>');
		expect(html).toContain('-0.3910');
		expect(html).toContain('42 (made: 40)');
		expect(html).toContain('BG/NBD predicted the held-out 14 days best.');
	});

	it('reads in Chinese', () => {
		const chinese = renderReport({ language: 'zh-CN', locale: 'zh-CN', currency: null, backtest: view });
		expect(chinese).toContain('流失模型对近几周的预测效果');
		expect(chinese).toContain('每周复购订单');
		expect(chinese).toContain('BG/NBD (已选用)');
	});

	it('refuses an item that is not a backtest, saying which field is wrong', () => {
		const edited = backtestSummarySchema.safeParse({ ...summary, tracking: [{ ...summary.tracking[0], from: 'last week' }] });
		expect(edited.success).toBe(false);
		if (!edited.success) expect(edited.error.issues[0]).toMatchObject({ path: ['tracking', 0, 'from'], message: 'must be a date like 2025-04-01' });
	});
});
