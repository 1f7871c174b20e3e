import type { IDataObject } from 'n8n-workflow';
import { runWorkflow, WorkflowJson } from '../../devkit/engine/harness';

/*
 * Campaign Report through the n8n engine: a crafted campaign from Retention Action-shaped items
 * and the orders placed since, to the verdicts.
 */

const CONTACTED = '2024-06-01T10:00:00Z';

function handled(prefix: string, count: number, fields: IDataObject): IDataObject[] {
	return Array.from({ length: count }, (_, i) => ({ customerId: `${prefix}${i}`, action: 'discountCoupon', churnCause: 'priceSensitive', rfm: { segment: 'At Risk' }, ...fields }));
}

/** 400 treated (60 order again within 30 days), 400 held out (40 do); 12 VIP treated, 10 held out. */
const CUSTOMERS = [
	...handled('T', 400, { group: 'treatment', channel: 'email', contactedAt: CONTACTED }),
	...handled('C', 400, { group: 'control', channel: null }),
	...handled('V', 12, { group: 'treatment', action: 'vipOutreach', channel: 'crm', contactedAt: CONTACTED }),
	...handled('W', 10, { group: 'control', action: 'vipOutreach', channel: null }),
];
const ORDERS = [
	...Array.from({ length: 60 }, (_, i) => ({ customer_id: `T${i}`, order_date: '2024-06-10', amount: 100 })),
	...Array.from({ length: 40 }, (_, i) => ({ customer_id: `C${i}`, order_date: '2024-06-12', amount: 100 })),
	// Too late for a 30-day window, and before the campaign: neither counts.
	{ customer_id: 'T399', order_date: '2024-08-01', amount: 100 },
	{ customer_id: 'C399', order_date: '2024-05-01', amount: 100 },
	...Array.from({ length: 3 }, (_, i) => ({ customer_id: `V${i}`, order_date: '2024-06-05', amount: 1000 })),
	{ customer_id: 'W0', order_date: '2024-06-20', amount: 1000 },
];

function workflow(parameters: IDataObject, withOrders = true, customers = CUSTOMERS, orders = ORDERS): WorkflowJson {
	const code = (rows: IDataObject[]) => ({ jsCode: `return ${JSON.stringify(rows.map((json) => ({ json })))};` });
	return {
		nodes: [
			{ id: '1', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '2', name: 'Handled Customers', type: 'n8n-nodes-base.code', typeVersion: 1, position: [200, 0], parameters: code(customers) },
			{ id: '3', name: 'Orders Since', type: 'n8n-nodes-base.code', typeVersion: 1, position: [200, 200], parameters: code(orders) },
			{ id: '4', name: 'Campaign Report', type: 'n8n-nodes-retention.campaignReport', typeVersion: 1, position: [400, 0], parameters: { campaignStart: '2024-06-01T10:00:00', ...parameters } },
		] as WorkflowJson['nodes'],
		connections: {
			Start: { main: [[{ node: 'Handled Customers', type: 'main', index: 0 }, ...(withOrders ? [{ node: 'Orders Since', type: 'main' as const, index: 0 }] : [])]] },
			'Handled Customers': { main: [[{ node: 'Campaign Report', type: 'main', index: 0 }]] },
			...(withOrders ? { 'Orders Since': { main: [[{ node: 'Campaign Report', type: 'main', index: 1 }]] } } : {}),
		},
	};
}

/** Words a zh-CN report may still hold: names of people, methods and acronyms. */
const NAMES = new Set(['Mee', 'Welch', 'VIP', 'CRM', 'SMS', 'AUC', 'ROI', 'RFM']);

/** The English words and camelCase keys in a text meant for a reader of Chinese. */
function englishIn(text: string): string[] {
	return (text.match(/[A-Za-z][A-Za-z]+/g) ?? []).filter((word) => !NAMES.has(word) || /[a-z][A-Z]/.test(word));
}

describe('Campaign Report in Chinese', () => {
	it('writes every line of the evaluation in Chinese: labels, verdicts, the control compared with, the method', async () => {
		const result = await runWorkflow(workflow({ reportLanguage: 'zh-CN', htmlReport: true, binaryPropertyName: 'report' }), { timezone: 'UTC' });
		expect(result.error).toBeUndefined();
		const lines = result.json('Campaign Report');
		const coupon = lines.find((l) => l.dimension === 'action' && l.value === 'discountCoupon')!;
		expect(coupon).toMatchObject({ label: '动作: 优惠券', controlBasis: '同一动作的对照组客户', method: '得分检验及其反演区间（Mee 1984）：当且仅当 p ≥ 0.05 时区间包含 0' });
		const english = lines.flatMap((l) => ['label', 'verdict', 'controlBasis', 'method'].flatMap((field) => englishIn(String(l[field] ?? '')).map((word) => `${l.dimension}/${l.value} ${field}: ${word}`)));
		expect(english).toEqual([]);
		const html = Buffer.from((result.outputs('Campaign Report')[0][0].binary as IDataObject & { report: { data: string } }).report.data, 'base64').toString('utf8');
		const shown = html.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<[^>]+>|n8n-nodes-retention/g, ' ');
		expect(englishIn(shown)).toEqual([]);
	});
});

describe('Campaign Report, from a crafted campaign to the verdicts', () => {
	it('measures the lift of each action against its own control customers, with the method named', async () => {
		const result = await runWorkflow(workflow({ options: { costPerContact: 5, margin: 0.3 } }), { timezone: 'UTC' });
		expect(result.error).toBeUndefined();
		const lines = result.json('Campaign Report');
		const coupon = lines.find((l) => l.dimension === 'action' && l.value === 'discountCoupon')!;
		expect(coupon).toMatchObject({
			treatmentCustomers: 400,
			treatmentReactivated: 60,
			treatmentRate: 0.15,
			controlCustomers: 400,
			controlReactivated: 40,
			controlRate: 0.1,
			uplift: 0.05,
			pValue: 0.0325,
			method: 'score test and its inverted interval (Mee 1984): the interval holds 0 exactly when p >= 0.05',
			smallGroups: false,
			incrementalOrders: 20,
			incrementalRevenue: 2000,
			incrementalRevenueLow: 169.58,
			incrementalRevenueHigh: 3830.42,
			cost: 2000,
			incrementalProfit: -1400,
			roi: -0.7,
			label: 'Action: Discount coupon',
			verdict: 'significant lift',
			verdictCode: 'lift',
			controlBasis: 'control customers of the same action',
		});
		expect(coupon.upliftLow as number).toBeGreaterThan(0);
		const vip = lines.find((l) => l.dimension === 'action' && l.value === 'vipOutreach')!;
		expect(vip).toMatchObject({ treatmentReactivated: 3, controlReactivated: 1, smallGroups: true, verdictCode: 'tooFew' });
		expect(vip.verdict).toMatch(/^too few customers to tell \(about \d+ per group needed for this effect\)$/);
		expect(lines.find((l) => l.dimension === 'channel' && l.value === 'email')).toMatchObject({ controlBasis: 'the whole control group', controlCustomers: 410 });
		const report = result.outputs('Campaign Report')[0][0].binary?.report;
		expect(report).toMatchObject({ mimeType: 'text/html', fileName: 'campaign-report.html' });
		const html = Buffer.from(report!.data, 'base64').toString('utf8');
		expect(html).toContain('data-chart="uplift"');
		expect(html).toContain('significant lift');
		expect(result.hints('Campaign Report')[0]).toMatch(/^412 contacted, 410 in the control group; reactivated within 30 days: 15\.3% against 10\.0%\. Overall: significant lift\.$/);
	});

	it('puts out the response it measured, for Retention Action\'s Measured Results', async () => {
		const result = await runWorkflow(workflow({}), { timezone: 'UTC' });
		const [model] = result.json('Campaign Report', 1);
		expect(model).toMatchObject({ kind: 'n8n-nodes-retention/response-model', version: 1, windowDays: 30, units: 822 });
		expect(model.actions).toHaveProperty('discountCoupon');
		expect((model.actions as IDataObject).discountCoupon).toMatchObject({ treated: 400, controls: 400, reactivatedTreated: 60, reactivatedControls: 40 });
	});

	it('writes the lines and the report in Chinese when asked', async () => {
		const result = await runWorkflow(workflow({ reportLanguage: 'zh-CN' }), { timezone: 'UTC' });
		const coupon = result.json('Campaign Report').find((l) => l.dimension === 'action' && l.value === 'discountCoupon')!;
		expect(coupon).toMatchObject({ label: '动作: 优惠券', verdict: '显著提升', verdictCode: 'lift' });
		const html = Buffer.from(result.outputs('Campaign Report')[0][0].binary!.report.data, 'base64').toString('utf8');
		expect(html).toContain('<title>召回活动报告</title>');
		expect(html).not.toContain('significant lift');
	});

	it('reads outcomes from the customers\' own fields when no orders are connected, and names an item it cannot read', async () => {
		const run = await runWorkflow(workflow({}, false), { timezone: 'UTC' });
		expect(run.error?.message).toBe('Item 0 (customer T0) has neither ordersSinceContact nor lastOrderAt: give them, or connect the orders to the Orders input');
	});
});

describe('Campaign Report on a contact log with repeats', () => {
	/*
	 * The weekly template logs its control customers every week (they are never capped) and a
	 * re-run logs a contact again: the verdict must not depend on how many times a row was
	 * logged. The crafted log from the campaign above, with every control row logged four times
	 * (weekly), 100 contacts logged twice, and a customer in both groups, against the same log
	 * with one row per customer.
	 */
	const weekly = (row: IDataObject, week: number): IDataObject => ({ ...row, contactedAt: new Date(Date.parse('2024-06-01T10:00:00Z') + week * 7 * 86_400_000).toISOString() });
	const controls = CUSTOMERS.filter((c) => c.group === 'control').map((c) => weekly(c, 0));
	const treated = CUSTOMERS.filter((c) => c.group === 'treatment');
	const both = { customerId: 'BOTH', action: 'discountCoupon', churnCause: 'priceSensitive', rfm: { segment: 'At Risk' }, channel: 'email' };
	const repeated = [
		...treated,
		...treated.slice(0, 100).map((c) => weekly(c, 1)),
		...[0, 1, 2, 3].flatMap((week) => controls.map((c) => weekly(c, week))),
		{ ...both, group: 'treatment', contactedAt: CONTACTED },
		{ ...both, group: 'control', contactedAt: weekly({}, 1).contactedAt },
	];
	const orders = [...ORDERS, { customer_id: 'BOTH', order_date: '2024-06-10', amount: 100 }];

	it('gives the same lines as the log with one row per customer, and says what it merged and left out', async () => {
		const once = await runWorkflow(workflow({}, true, [...treated, ...controls], orders), { timezone: 'UTC' });
		const many = await runWorkflow(workflow({}, true, repeated, orders), { timezone: 'UTC' });
		expect(many.error).toBeUndefined();
		const figures = (lines: IDataObject[]) => lines.map(({ mergedRows: _m, leftOutInBothGroups: _l, leftOutCustomers: _c, ...rest }) => rest);
		expect(figures(many.json('Campaign Report'))).toEqual(figures(once.json('Campaign Report')));
		const [overall] = many.json('Campaign Report');
		expect(overall).toMatchObject({ treatmentCustomers: 412, controlCustomers: 410, mergedRows: 100 + 3 * 410 + 1, leftOutInBothGroups: 1, leftOutCustomers: [{ customerId: 'BOTH', campaignId: '' }] });
		expect(many.hints('Campaign Report')[0]).toContain('1331 repeated rows merged: one row per customer per campaign, from the first contact. 1 customers were in both groups of one campaign and are left out (first: BOTH in the campaign).');
	});
});

describe('Campaign Report never reports an infinite or undefined figure', () => {
	it('refuses an outcome beyond any customer\'s value, naming the customer and the field', async () => {
		const customers = [...handled('T', 3, { group: 'treatment', channel: 'email', contactedAt: CONTACTED, ordersSinceContact: 1, revenueSinceContact: 1e308 }), ...handled('C', 3, { group: 'control', ordersSinceContact: 0 })];
		const run = await runWorkflow(workflow({}, false, customers), { timezone: 'UTC' });
		expect(run.error?.message).toBe('Item 0 (customer T0) revenueSinceContact 1e+308 is beyond any customer\'s value (more than 1e+12): check the field and its unit');
	});

	it('leaves an order of 1e308 on the Orders input out, says so, and every figure stays finite', async () => {
		const orders = [{ customer_id: 'T0', order_date: '2024-06-10', amount: 1e308 }, ...ORDERS.slice(1)];
		const run = await runWorkflow(workflow({}, true, CUSTOMERS, orders), { timezone: 'UTC' });
		expect(run.error).toBeUndefined();
		expect(run.hints('Campaign Report').join(' ')).toMatch(/1 of \d+ orders on the Orders input could not be read and were left out \(first: row 1, /);
		expect(JSON.stringify(run.json('Campaign Report'))).not.toMatch(/NaN|Infinity|null,"roi"/);
		const html = Buffer.from(run.outputs('Campaign Report')[0][0].binary!.report.data, 'base64').toString('utf8');
		expect(html).not.toMatch(/NaN|Infinity/);
	});
});

describe('Campaign Report, whether an earlier warning held', () => {
	// Scores as of 2024-01-31; who ordered in the 90 days after decides who left.
	const scored = [
		{ customerId: 'A', churnProbability: 0.9, riskLevel: 'critical', analysisDate: '2024-01-31' },
		{ customerId: 'B', churnProbability: 0.8, riskLevel: 'high', analysisDate: '2024-01-31' },
		{ customerId: 'C', churnProbability: 0.8, riskLevel: 'high', analysisDate: '2024-01-31' },
		{ customerId: 'D', churnProbability: 0.4, riskLevel: 'low', analysisDate: '2024-01-31' },
		{ customerId: 'E', churnProbability: 0.1, riskLevel: 'low', analysisDate: '2024-01-31' },
		{ customerId: 'F', churnProbability: 0.3, riskLevel: 'low', analysisDate: '2024-01-31' },
	];
	const since = [
		{ customer_id: 'C', order_date: '2024-03-01', amount: 50 },
		{ customer_id: 'E', order_date: '2024-02-10', amount: 50 },
		{ customer_id: 'F', order_date: '2024-04-15', amount: 50 },
		// After the 90 days (2024-04-30): A still counts as having left.
		{ customer_id: 'A', order_date: '2024-06-01', amount: 50 },
	];

	it('says how many flagged customers left, how many leavers were caught, and the AUC', async () => {
		const result = await runWorkflow(workflow({ operation: 'warningAccuracy', horizonDays: 90 }, true, scored, since), { timezone: 'UTC' });
		expect(result.error).toBeUndefined();
		const [summary] = result.json('Campaign Report');
		// Left: A, B, D. Flagged: A, B, C -> 2 of 3 left; 2 of 3 leavers flagged.
		// AUC: of the 9 leaver-stayer pairs the leaver scores higher in 7 and ties in 1 (0.8 and
		// 0.8): 7.5 / 9 = 0.8333 (scipy.stats.mannwhitneyu gives U = 7.5).
		expect(summary).toMatchObject({ customers: 6, leftWithinHorizon: 3, flagged: 3, flaggedWhoLeft: 0.6667, leaversFlaggedEarly: 0.6667, auc: 0.8333, notYetKnown: 0 });
		expect(summary.calibration).toHaveLength(6);
	});

	it('needs the orders since the scores', async () => {
		const result = await runWorkflow(workflow({ operation: 'warningAccuracy' }, false, scored, since), { timezone: 'UTC' });
		expect(result.error?.message).toBe('Warning Accuracy needs the orders since the scored run on the Orders input');
	});
});


describe('Campaign Report, the health of the customer base', () => {
	// 20 customers ordering every 20 days through 2024; 5 of them stop after 2024-09-22.
	const END = '2024-12-31';
	const day = (d: number) => new Date(Date.parse(`${END}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
	const orders = Array.from({ length: 20 }, (_, i) =>
		Array.from({ length: 19 }, (_, k) => -360 + k * 20)
			.filter((d) => i >= 5 || d <= -100)
			.map((d) => ({ customer_id: `S${i}`, order_date: day(d), amount: 10 })),
	).flat();
	const customers = Array.from({ length: 20 }, (_, i) => ({
		customerId: `S${i}`,
		orders: i < 5 ? 14 : 19,
		totalSpend: i < 5 ? 140 : 190,
		firstOrderAt: `${day(-360)}T00:00:00.000Z`,
		lastOrderAt: `${day(i < 5 ? -100 : 0)}T00:00:00.000Z`,
		rfm: { r: i < 5 ? 1 : 5, f: 5, segment: i < 5 ? "Can't Lose Them" : 'Champions' },
		lifecycleStage: i < 5 ? 'churned' : 'loyal',
		riskLevel: i < 5 ? 'critical' : 'low',
		predictedClv: i < 5 ? 20 : 150,
		analysisDate: END,
	}));

	it('gives churn and retention, raises the alert against the usual range, and breaks the base down', async () => {
		const result = await runWorkflow(workflow({ operation: 'baseHealth', periodDays: 30, activeWindowDays: 90 }, true, customers, orders), { timezone: 'UTC' });
		expect(result.error).toBeUndefined();
		const [health] = result.json('Campaign Report');
		expect(health).toMatchObject({
			periodEnd: END,
			customers: 20,
			repeatPurchaseRate: 1,
			revenueAtRisk: 100,
			churn: { current: { base: 20, churned: 5, churnRate: 0.25 }, retentionRate: 0.75, usualRange: { mean: 0, low: 0, high: 0 } },
			bySegment: [
				{ value: 'Champions', customers: 15, revenue: 2850 },
				{ value: "Can't Lose Them", customers: 5, revenue: 700 },
			],
		});
		// Of the 12 earlier periods the first has nobody active at its start (orders begin a year
		// back), so the range is learnt from 11.
		expect((health.churn as IDataObject).alert).toBe('Churn rate 25.0% is above its usual range 0.0%-0.0% (mean +/- 2 standard deviations of the 11 previous 30-day periods)');
		expect(result.hints('Campaign Report')[0]).toContain('ALERT: Churn rate 25.0% is above its usual range');
		const html = Buffer.from(result.outputs('Campaign Report')[0][0].binary!.report.data, 'base64').toString('utf8');
		for (const chart of ['churn', 'segments', 'stages', 'rf', 'cohorts']) expect(html).toContain(`data-chart="${chart}"`);
	});
});
