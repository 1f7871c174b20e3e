import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';

// The folder n8n may read files in (n8n's own setting), before n8n-core reads its settings.
const FILES = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-agent-tools-'));
process.env.N8N_RESTRICT_FILE_ACCESS_TO = FILES;

import { runWorkflow } from '../../devkit/engine/harness';
import { agentToolWorkflow, fileStep, linearWorkflow, ToolSpec } from '../../devkit/engine/workflowBuilder';
import { REPOSITORY_ROOT } from '../helpers/sourceFiles';
import { TEST_COUPON_SECRET } from '../helpers/couponSecret';

/*
 * The nodes as an AI Agent's tools: n8n-core hands the agent each node's tool version (its
 * createNodeAsTool, the path n8n's agents take), the agent fills in the customer, and the tool
 * reads the shop's orders file itself and answers in a sentence with its figures. Each answer is
 * checked against the same node run the ordinary way on the same file.
 */

const ORDERS = path.join(FILES, 'orders.csv');
fs.copyFileSync(path.join(REPOSITORY_ROOT, 'examples', 'data', 'sample-orders.csv'), ORDERS);
const DAY = '2025-06-30';
/** A repeat customer of the sample shop, with an email and a phone. */
const CUSTOMER = 'CU000379';
const RETENTION = { businessType: 'ecommerce', storeName: 'Tea House', language: 'en', campaignId: 'agent', controlShare: 0.1, playbookSource: 'default', channelOrder: 'email,sms', requireOptIn: true, budget: 0, maxDiscountPct: 20, sendTime: `${DAY}T10:00`, options: { couponSecret: TEST_COUPON_SECRET } };

const TOOLS: ToolSpec[] = [
	{ name: 'Customer Data', node: 'customerData', parameters: { inputKind: 'orders', toolOrdersFile: ORDERS, analysisDate: DAY } },
	{ name: 'Churn Risk', node: 'churnRisk', parameters: { toolOrdersFile: ORDERS, analysisDate: DAY } },
	{ name: 'Lifecycle Stage', node: 'lifecycleStage', parameters: { stageModel: 'retail', toolOrdersFile: ORDERS, analysisDate: DAY } },
	{ name: 'Retention Action', node: 'retentionAction', parameters: { ...RETENTION, toolOrdersFile: ORDERS } },
];

async function ask(calls: Array<{ tool: string; args: IDataObject }>, tools = TOOLS) {
	const result = await runWorkflow(agentToolWorkflow(tools, calls));
	if (result.error) throw result.error;
	const items = result.json('Tool Caller');
	return { listed: items.filter((i) => i.listed), answers: items.filter((i) => i.tool).map((i) => i.answer as IDataObject[] | { error: string }), staticData: result.staticData };
}
const only = (answer: IDataObject[] | { error: string }) => {
	if (!Array.isArray(answer)) throw new Error(`the tool failed: ${answer.error}`);
	expect(answer).toHaveLength(1);
	return answer[0];
};

/** The ordinary run on the same file: Customer Data, Churn Risk fitted on it, stages with no earlier one, the campaign's decisions. */
async function ordinaryRun(churnRisk: IDataObject = {}) {
	const result = await runWorkflow(
		linearWorkflow([
			fileStep(ORDERS),
			{ name: 'Customer Data', type: 'customerData', typeVersion: 2, parameters: { source: 'binaryFile', inputKind: 'orders', output: 'customers', analysisDate: DAY, outputAs: 'items' } },
			{ name: 'Churn Risk', type: 'churnRisk', typeVersion: 2, parameters: { analysisDate: DAY, outputAs: 'items', ...churnRisk } },
			{ name: 'Lifecycle Stage', type: 'lifecycleStage', typeVersion: 2, parameters: { stageModel: 'retail', previousStageSource: 'none', analysisDate: DAY, outputAs: 'items' } },
			{ name: 'Retention Action', type: 'retentionAction', typeVersion: 2, parameters: { ...RETENTION, outputAs: 'items' } },
		]),
	);
	if (result.error) throw result.error;
	const all = (node: string) => result.outputs(node).flat().map((item) => item.json);
	const of = (node: string) => all(node).find((json) => json.customerId === CUSTOMER) as IDataObject;
	return { customer: of('Customer Data'), scored: of('Churn Risk'), staged: of('Lifecycle Stage'), decisions: all('Retention Action'), staticData: result.staticData };
}

describe('the nodes as AI Agent tools', () => {
	let ordinary: Awaited<ReturnType<typeof ordinaryRun>>;
	beforeAll(async () => {
		ordinary = await ordinaryRun();
	}, 60_000);

	it('each tells the agent what one question answers and asks for one thing: the customer', async () => {
		const { listed } = await ask([]);
		expect(listed.map((t) => t.listed).sort()).toEqual(['Churn_Risk', 'Customer_Data', 'Lifecycle_Stage', 'Retention_Action']);
		for (const tool of listed) {
			expect(tool.parameters).toEqual(['customer']);
			expect(String(tool.description)).toMatch(/one customer.*\(?by customer ID, email or phone/i);
		}
	});

	it("Customer Data's tool gives the customer's summary as the node summarises them", async () => {
		const answer = only((await ask([{ tool: 'Customer_Data', args: { customer: CUSTOMER } }])).answers[0]);
		const c = ordinary.customer;
		expect(answer).toMatchObject({ customerId: CUSTOMER, orders: c.orders, totalSpend: c.totalSpend, recencyDays: c.recencyDays, consent: c.consent });
		expect(answer.answer).toContain(`${CUSTOMER} (${String(c.name)}): ${String(c.orders)} orders, ${Number(c.totalSpend).toFixed(2)} spent`);
		expect(answer.answer).toContain(`orders about every ${Math.round(c.avgDaysBetweenOrders as number)} days`);
	}, 30_000);

	it("Churn Risk's tool gives the probability a Fit and Score run on the same file gives", async () => {
		const answer = only((await ask([{ tool: 'Churn_Risk', args: { customer: CUSTOMER } }])).answers[0]);
		const s = ordinary.scored;
		expect(answer).toMatchObject({ customerId: CUSTOMER, churnProbability: s.churnProbability, riskLevel: s.riskLevel, expectedOrders: s.expectedOrders, predictedClv: s.predictedClv });
		expect(answer.answer).toContain(`${Math.round((s.churnProbability as number) * 100)}% churn probability over the next 90 days (${String(s.riskLevel)} risk)`);
		expect(answer.answer).toContain(`last order ${String(s.recencyDays)} day`);
	}, 30_000);

	it('with a Saved Model File, Churn Risk scores with that model rather than fitting one', async () => {
		// A model fitted on the first half of the history, so its scores differ from a fit on all of it.
		const lines = fs.readFileSync(ORDERS, 'utf8').trim().split('\n');
		const halfFile = path.join(FILES, 'first-half.csv');
		fs.writeFileSync(halfFile, lines.slice(0, Math.floor(lines.length / 2)).join('\n'));
		const half = await runWorkflow(
			linearWorkflow([
				fileStep(halfFile),
				{ name: 'Customer Data', type: 'customerData', typeVersion: 2, parameters: { source: 'binaryFile', inputKind: 'orders', output: 'customers', analysisDate: DAY, outputAs: 'items' } },
				{ name: 'Churn Risk', type: 'churnRisk', typeVersion: 2, parameters: { analysisDate: DAY, outputAs: 'items' } },
			]),
		);
		const model = half.json('Churn Risk', 1)[0];
		const modelFile = path.join(FILES, 'churn-model.json');
		fs.writeFileSync(modelFile, JSON.stringify([model]));
		const withModel = await ordinaryRun({ mode: 'scoreWithSavedModel', modelSource: 'json', modelJson: JSON.stringify(model) });

		const answer = only((await ask([{ tool: 'Churn_Risk', args: { customer: CUSTOMER } }], [{ name: 'Churn Risk', node: 'churnRisk', parameters: { toolOrdersFile: ORDERS, toolModelFile: modelFile, analysisDate: DAY } }])).answers[0]);
		expect(answer.churnProbability).toBe(withModel.scored.churnProbability);
		expect(answer.churnProbability).not.toBe(ordinary.scored.churnProbability);
	}, 60_000);

	it("Lifecycle Stage's tool places the customer where the node does, and says why", async () => {
		const answer = only((await ask([{ tool: 'Lifecycle_Stage', args: { customer: CUSTOMER } }])).answers[0]);
		expect(answer).toMatchObject({ customerId: CUSTOMER, lifecycleStage: ordinary.staged.lifecycleStage, stageReason: ordinary.staged.stageReason });
		expect(answer.answer).toContain(`stage: ${String(ordinary.staged.stageReason)}`);
	}, 30_000);

	it("Retention Action's tool suggests what the campaign would do for the customer, and contacts no one", async () => {
		// The campaign's first contacted customer, its first control customer, and one it leaves alone.
		const treated = ordinary.decisions.find((d) => d.group === 'treatment') as IDataObject;
		const control = ordinary.decisions.find((d) => d.group === 'control') as IDataObject;
		const alone = ordinary.decisions.find((d) => d.group === null && d.action === 'noAction') as IDataObject;
		const { answers, staticData } = await ask([treated, control, alone].map((d) => ({ tool: 'Retention_Action', args: { customer: d.customerId } })));
		[treated, control, alone].forEach((d, i) => {
			const answer = only(answers[i]);
			expect({ customerId: answer.customerId, action: answer.action, channel: answer.channel ?? null, group: answer.group ?? null, discountPct: answer.discountPct ?? null }).toEqual({
				customerId: d.customerId,
				action: d.action,
				channel: d.channel,
				group: d.group,
				discountPct: d.discountPct,
			});
		});
		expect(only(answers[0]).answer).toMatch(new RegExp(`^Suggested for ${String(treated.customerId)}: ${String(treated.actionLabel)} by (Email|SMS)`));
		expect(only(answers[1]).answer).toContain("is in this campaign's control group: no contact");
		expect(only(answers[2]).answer).toBe(`No action for ${String(alone.customerId)}: ${String(alone.suppressionReason)}.`);
		// The ordinary run remembers whom it contacted; a question remembers no one.
		expect(Object.keys((ordinary.staticData['node:Retention Action'] as IDataObject).contacts ?? {}).length).toBeGreaterThan(0);
		expect((staticData['node:Retention Action'] as IDataObject | undefined)?.contacts).toBeUndefined();
	}, 60_000);

	it('finds the customer by ID in any case, by email, and by phone as people type it', async () => {
		const c = ordinary.customer;
		const national = String(c.phone).replace(/^\+86/, '').replace(/^(\d{3})(\d{4})(\d{4})$/, '$1 $2 $3');
		const { answers } = await ask([CUSTOMER.toLowerCase(), String(c.email).toUpperCase(), national].map((customer) => ({ tool: 'Customer_Data', args: { customer } })));
		expect(answers.map((a) => only(a).customerId)).toEqual([CUSTOMER, CUSTOMER, CUSTOMER]);
	}, 30_000);

	it("reads a phone without its country code in Customer Data's Default Country Code", async () => {
		const file = path.join(FILES, 'us-orders.csv');
		fs.writeFileSync(file, 'customer_id,order_date,amount,phone\nUS1,2025-06-01,40.00,(415) 555-0100\nUS1,2025-06-20,25.00,(415) 555-0100\n');
		const tools = [{ name: 'Customer Data', node: 'customerData', parameters: { inputKind: 'orders', toolOrdersFile: file, analysisDate: DAY, options: { defaultCountryCode: 'US' } } }];
		const answer = only((await ask([{ tool: 'Customer_Data', args: { customer: '415-555-0100' } }], tools)).answers[0]);
		expect(answer).toMatchObject({ customerId: 'US1', phone: '+14155550100', orders: 2 });
	}, 30_000);

	it('answers that nobody matches rather than failing, so the agent can say so', async () => {
		const answer = only((await ask([{ tool: 'Churn_Risk', args: { customer: 'CU999999' } }])).answers[0]);
		expect(answer).toEqual({ answer: 'No customer matches "CU999999" in the Orders File (looked up by customer ID, email and phone).', found: false, query: 'CU999999' });
	}, 30_000);

	it('reads no file outside the folders n8n may read, and names the file it refused', async () => {
		const outside = path.join(REPOSITORY_ROOT, 'examples', 'data', 'sample-orders.csv');
		const { answers } = await ask([{ tool: 'Customer_Data', args: { customer: CUSTOMER } }], [{ name: 'Customer Data', node: 'customerData', parameters: { toolOrdersFile: outside } }]);
		expect(answers[0]).toEqual({ error: expect.stringContaining(`The Orders File ${outside} could not be read`) });
	}, 30_000);

	it('answers in Chinese when set to: every tool, every sentence', async () => {
		const treated = ordinary.decisions.find((d) => d.group === 'treatment') as IDataObject;
		const chinese: ToolSpec[] = [
			{ name: 'Customer Data', node: 'customerData', parameters: { inputKind: 'orders', toolOrdersFile: ORDERS, analysisDate: DAY, toolLanguage: 'zh-CN' } },
			{ name: 'Churn Risk', node: 'churnRisk', parameters: { toolOrdersFile: ORDERS, analysisDate: DAY, toolLanguage: 'zh-CN' } },
			{ name: 'Lifecycle Stage', node: 'lifecycleStage', parameters: { stageModel: 'retail', toolOrdersFile: ORDERS, analysisDate: DAY, options: { reasonLanguage: 'zh-CN' } } },
			{ name: 'Retention Action', node: 'retentionAction', parameters: { ...RETENTION, language: 'zh-CN', toolOrdersFile: ORDERS } },
		];
		const { answers } = await ask(
			['Customer_Data', 'Churn_Risk', 'Lifecycle_Stage', 'Retention_Action'].map((tool) => ({ tool, args: { customer: String(treated.customerId) } })),
			chinese,
		);
		const sentences = answers.map((a) => String(only(a).answer));
		expect(sentences.map((s) => s.slice(0, 3))).toEqual(['客户 ', '客户 ', '客户 ', '建议对']);
		// What stays as it is: the customer's ID, the subject written in the shop's words, acronyms.
		const english = sentences.flatMap((s, i) => (s.replace(String(treated.customerId), '').replace(String(only(answers[i]).subject ?? ''), '').match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !['RFM', 'VIP', 'SMS', 'CRM'].includes(w)));
		expect(english).toEqual([]);
	}, 60_000);
});
