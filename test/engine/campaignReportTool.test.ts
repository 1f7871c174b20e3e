import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';

// The folder n8n may read files in (n8n's own setting), before n8n-core reads its settings.
const FILES = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-campaign-tool-'));
process.env.N8N_RESTRICT_FILE_ACCESS_TO = FILES;

import { runWorkflow } from '../../devkit/engine/harness';
import { agentToolWorkflow, fanInWorkflow } from '../../devkit/engine/workflowBuilder';

/*
 * Campaign Report as an AI Agent's tool: "did the spring win-back work?" answered from the
 * contact logs the campaigns wrote and the shop's orders file, as the node evaluates them.
 * A campaign small enough to count by hand: 10 contacted, 4 ordered within 30 days of their
 * contact; 10 held out, 1 ordered. 40.0% against 10.0%: an uplift of 30.0 points.
 */

const CONTACTED = '2025-03-01T10:00:00Z';
const contact = (customerId: string, campaignId: string, group: string) => ({ customerId, campaignId, group, action: 'discountCoupon', contactedAt: CONTACTED });
const spring = [
	...Array.from({ length: 10 }, (_, i) => contact(`T${i + 1}`, 'spring', 'treatment')),
	...Array.from({ length: 10 }, (_, i) => contact(`C${i + 1}`, 'spring', 'control')),
];
const summer = [contact('S1', 'summer', 'treatment'), contact('S2', 'summer', 'control')];
const orders = [
	...['T1', 'T2', 'T3', 'T4', 'C1'].map((customerId, i) => ({ customer_id: customerId, order_id: `SO${i + 1}`, order_date: '2025-03-10 12:00:00', amount: '100.00' })),
	// After the 30 days: not a comeback.
	{ customer_id: 'T5', order_id: 'SO9', order_date: '2025-04-15 12:00:00', amount: '80.00' },
];

const csv = (rows: IDataObject[]) => [Object.keys(rows[0]).join(','), ...rows.map((r) => Object.values(r).join(','))].join('\n') + '\n';
const LOG_A = path.join(FILES, 'contact-log-2025-03-01.csv');
const LOG_B = path.join(FILES, 'contact-log-2025-06-01.csv');
const ORDERS = path.join(FILES, 'orders.csv');
// The first contact of T1 logged twice, as a campaign run twice the same day would: one customer still.
fs.writeFileSync(LOG_A, csv([...spring, spring[0]]));
fs.writeFileSync(LOG_B, csv(summer));
fs.writeFileSync(ORDERS, csv(orders));

const tool = (parameters: IDataObject = {}) => ({ name: 'Campaign Report', node: 'campaignReport', typeVersion: 1, parameters: { operation: 'campaignEvaluation', windowDays: 30, toolContactLogFiles: `${LOG_A}\n${LOG_B}`, toolOrdersFile: ORDERS, ...parameters } });

async function ask(campaign: string, parameters: IDataObject = {}) {
	const result = await runWorkflow(agentToolWorkflow([tool(parameters)], [{ tool: 'Campaign_Report', args: { campaign } }]));
	if (result.error) throw result.error;
	const [call] = result.json('Tool Caller').filter((i) => i.tool);
	const answer = call.answer as IDataObject[] | { error: string };
	if (!Array.isArray(answer)) throw new Error(answer.error);
	return answer[0];
}

describe('Campaign Report as an AI Agent tool', () => {
	it('answers how the campaign did, with the counts, the uplift and its interval, and the verdict', async () => {
		const answer = await ask('spring');
		expect(answer).toMatchObject({ campaign: 'spring', treatmentCustomers: 10, treatmentReactivated: 4, controlCustomers: 10, controlReactivated: 1, uplift: 0.3 });
		expect(answer.answer).toMatch(/^Campaign spring: 4 of 10 contacted customers \(40\.0%\) ordered within 30 days, against 1 of 10 \(10\.0%\) in the control group; uplift \+30\.0 points \(95% interval [+-][\d.]+ to \+[\d.]+\), p [=<] [\d.]+; /);
	}, 30_000);

	it('gives the figures the node gives for the same contacts and orders', async () => {
		const ordinary = await runWorkflow(fanInWorkflow([{ name: 'Contact Log', rows: [...spring, spring[0]] }, { name: 'Orders', rows: orders }], { name: 'Campaign Report', type: 'campaignReport', parameters: { operation: 'campaignEvaluation', windowDays: 30, htmlReport: false } }));
		const [line] = ordinary.json('Campaign Report');
		const answer = await ask('spring');
		for (const key of ['uplift', 'upliftLow', 'upliftHigh', 'pValue', 'verdict', 'incrementalRevenue', 'incrementalRevenueLow', 'incrementalRevenueHigh']) expect([key, answer[key]]).toEqual([key, line[key]]);
	}, 30_000);

	it('takes every campaign together when none is named, and says which exist when the one named is not there', async () => {
		expect(await ask('')).toMatchObject({ campaign: null, treatmentCustomers: 11, controlCustomers: 11 });
		expect(await ask('autumn')).toEqual({ answer: 'No contact of campaign "autumn" is in the contact logs (campaigns there: spring, summer).', found: false, campaigns: ['spring', 'summer'] });
	}, 30_000);

	it('answers in Chinese when the report is in Chinese', async () => {
		const answer = await ask('spring', { reportLanguage: 'zh-CN' });
		expect(answer.answer).toMatch(/^活动 spring：触达的 10 位客户中 4 位（40\.0%）在 30 天内下单，对照组 10 位中 1 位（10\.0%）；提升 \+30\.0 个百分点/);
		expect(String(answer.answer).replace('spring', '').match(/[A-Za-z]{2,}/g)).toBeNull();
	}, 30_000);
});
