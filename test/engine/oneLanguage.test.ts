import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { templateSteps } from '../../devkit/engine/templateSteps';
import { REPOSITORY_ROOT } from '../helpers/sourceFiles';

/*
 * One language per run: the weekly win-back template, its Client Settings set to Chinese,
 * scores and decides for the sample shop, and every text it writes for a person is Chinese.
 * What stays as it is: the customers' own data (names, emails, the shop's name, coupon codes),
 * acronyms, and the fields meant for machines (keys such as action or churnCause, whose
 * readable names are in actionLabel and the report).
 */

const WIN_BACK = path.join(REPOSITORY_ROOT, 'examples', 'weekly-win-back.json');
const SAMPLE = path.join(REPOSITORY_ROOT, 'examples', 'data', 'sample-orders.csv');

/** Fields written for a person to read. */
const FOR_PEOPLE = ['stageReason', 'actionLabel', 'playbookRule', 'causeEvidence', 'suppressionReason', 'subject', 'text', 'smsText', 'pushTitle', 'pushBody', 'taskSubject', 'taskBody'];
const ACRONYMS = new Set(['RFM', 'VIP', 'CRM', 'SMS']);

/** English words and camelCase keys left in a text, once the customer's and the shop's own data are taken out. */
function englishIn(text: string, customer: IDataObject): string[] {
	let rest = text;
	for (const own of [customer.customerId, customer.name, customer.email, customer.couponCode, 'Tea House']) if (typeof own === 'string' && own) rest = rest.split(own).join(' ');
	rest = rest.replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, ' ');
	return (rest.match(/[A-Za-z][A-Za-z]+/g) ?? []).filter((word) => !ACRONYMS.has(word));
}

describe('one language per run', () => {
	let customers: IDataObject[];

	beforeAll(async () => {
		const workflow = templateSteps(WIN_BACK, SAMPLE, ['Customer Data', 'Churn Risk', 'Lifecycle Stage', 'Retention Action'], { language: 'zh-CN', couponSecret: 'one-language-test-coupon-key' });
		const result = await runWorkflow(workflow, { timezone: 'Asia/Shanghai' });
		if (result.error) throw result.error;
		customers = result.outputs('Retention Action').flat().map((item) => item.json);
	}, 60_000);

	it('writes every reason, rule, message and task in Chinese when the settings say zh-CN', () => {
		const english = new Map<string, number>();
		for (const customer of customers) {
			for (const field of FOR_PEOPLE) {
				const value = customer[field];
				if (typeof value !== 'string') continue;
				for (const word of englishIn(value, customer)) english.set(`${field}: ${word}`, (english.get(`${field}: ${word}`) ?? 0) + 1);
			}
		}
		expect([...english].sort((a, b) => b[1] - a[1]).slice(0, 20)).toEqual([]);
	});

	it('gives the reasons customers are left alone in Chinese, with their figures', () => {
		const reasons = customers.map((c) => c.suppressionReason).filter((r): r is string => typeof r === 'string');
		expect(reasons.length).toBeGreaterThan(1000);
		expect(reasons).toContain('对照组：留出不触达，用于衡量本次活动');
		expect(reasons).toContain('策略：购买节奏正常：无需动作，节省预算');
		expect(reasons.some((r) => /^不值得触达：预期增量利润 -?[\d.]+（提升 [\d.]+ × 挽回价值 [\d.]+ - 成本 [\d.]+）$/.test(r))).toBe(true);
		expect(reasons.some((r) => /^无法触达：(已退订邮件|没有邮箱|未同意接收邮件)/.test(r))).toBe(true);
		expect(customers.some((c) => /^距上次下单 \d+ 天 = (其平常间隔|全体客户的中位间隔) [\d.]+ 天的 [\d.]+ 倍（> \d+ 倍）$/.test(String(c.stageReason)))).toBe(true);
	});
});
