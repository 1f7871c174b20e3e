/**
 * What each template must do when it runs in a real n8n against the local stand-ins: the mail it
 * sends (to the SMTP sink), the API calls it makes (to the HTTP stub), the files it writes. Each
 * check gets a context:
 * - output(node, index): the json of the items on that output of the run;
 * - mails: the messages the SMTP sink received during the run;
 * - requests: the requests the stub received during the run, as { method, path, headers, body };
 * - contactLog(): the rows of every contact-log-*.csv in the data folder so far; runLog(): the
 *   rows of the log files this run wrote;
 * - filesDir, settings (the template's Client Settings as run), state (shared between runs).
 */
import assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import type { ReceivedMail } from '../n8n/smtpSink';
import type { StubRequest } from '../n8n/httpStub';
import { RunItem, RunOutput, SAMPLE, TRUTH } from './exampleChecks';
import { expectedRates } from './campaignResponse';
import { SANDBOX } from '../n8n/sandbox';
import { answersIn, CHAT_MODEL_PATH } from '../n8n/chatModelStub';

const DAY = 86_400_000;

/** What a template's check is given (see above). */
export interface TemplateRun {
	output: RunOutput;
	mails: ReceivedMail[];
	requests: StubRequest[];
	contactLog(): RunItem[];
	runLog(): RunItem[];
	filesDir: string;
	settings: RunItem;
	state: RunItem;
}
type Routes = Record<'email' | 'sms' | 'push' | 'crm' | 'none' | 'control', RunItem[]>;
const byId = (items: RunItem[]) => new Map(items.map((c) => [c.customerId as string, c]));
const basic = `Basic ${Buffer.from(`${SANDBOX.smsUser}:${SANDBOX.smsToken}`).toString('base64')}`;

/** Retention Action's five outputs of this run. */
function routes(ctx: TemplateRun): Routes {
	const [email, sms, push, crm, none] = [0, 1, 2, 3, 4].map((i) => ctx.output('Retention Action', i));
	return { email, sms, push, crm, none, control: none.filter((c) => c.group === 'control') };
}

/**
 * Mail, SMS, push and CRM calls went to exactly the customers on those outputs, each with their
 * own message, consent and credentials; returns the run's routes.
 */
function checkSending(ctx: TemplateRun): Routes {
	const r = routes(ctx);
	const emailed = r.email.map((c) => c.email).sort();
	assert.deepStrictEqual(ctx.mails.map((m) => m.to.join(',')).sort(), emailed, 'emails reach exactly the customers on the Email output');
	const mailTo = new Map(ctx.mails.map((m) => [m.to[0], m]));
	for (const c of r.email) {
		assert.ok(c.consent.email === true && c.group === 'treatment', `${c.customerId} consented to email and is not held out`);
		const mail = mailTo.get(c.email) as ReceivedMail;
		assert.strictEqual(mail.subject, c.subject, `${c.customerId}'s subject`);
		if (c.couponCode) assert.ok(mail.html.includes(c.couponCode) && mail.text.includes(c.couponCode), `${c.customerId}'s coupon ${c.couponCode} is in the mail`);
	}
	const sms = ctx.requests.filter((q) => q.path === '/sms');
	assert.deepStrictEqual(sms.map((q) => q.body.To).sort(), r.sms.map((c) => c.phone).sort(), 'SMS go to exactly the customers on the SMS output');
	const smsTo = new Map(sms.map((q) => [q.body.To, q]));
	for (const c of r.sms) {
		assert.ok(c.consent.sms === true, `${c.customerId} consented to SMS`);
		const q = smsTo.get(c.phone) as StubRequest;
		assert.strictEqual(q.body.Body, c.smsText);
		assert.strictEqual(q.headers.authorization, basic, 'the SMS gateway gets the basic-auth credential');
	}
	const push = ctx.requests.filter((q) => q.path === '/push');
	assert.deepStrictEqual(push.map((q) => q.body.user).sort(), r.push.map((c) => c.customerId).sort(), 'push messages go to exactly the Push output');
	const tasks = ctx.requests.filter((q) => q.path === '/crm/crm/v3/objects/tasks');
	assert.deepStrictEqual(tasks.map((q) => q.body.properties.hs_task_subject).sort(), r.crm.map((c) => c.taskSubject).sort(), 'one CRM task per customer on the CRM Task output');
	for (const q of tasks) assert.strictEqual(q.headers.authorization, `Bearer ${SANDBOX.crmToken}`);
	for (const c of r.control) assert.ok(!mailTo.has(c.email) && !smsTo.has(c.phone), `control customer ${c.customerId} is not contacted`);
	return r;
}

/** Nobody is contacted at an expected loss, but to explore; every decision shows its economics. */
function checkEconomics(r: Routes): void {
	for (const c of [...r.email, ...r.sms, ...r.push, ...r.crm]) {
		// expectedValue is rounded to cents: a profit under half a cent shows as 0.
		assert.ok(c.expectedValue >= 0 || c.selection === 'explore', `${c.customerId} is contacted at an expected incremental profit of ${c.expectedValue}`);
		for (const field of ['baseRate', 'uplift', 'valueIfWonBack', 'expectedCost', 'profitPerCost']) assert.ok(Number.isFinite(c[field]), `${c.customerId} shows ${field}`);
	}
}

/** Every SMS ends with the opt-out line, every email carries the footer that says how to stop them. */
function checkOptOut(ctx: TemplateRun, r: Routes): void {
	const chinese = ctx.settings.language === 'zh-CN';
	for (const c of r.sms) assert.ok(c.smsText.endsWith(chinese ? '回T退订' : 'Reply STOP to opt out.'), `${c.customerId}'s SMS ends with the opt-out line: ${c.smsText}`);
	for (const m of ctx.mails.filter((mail) => !mail.attachments.length)) assert.ok(/退订|unsubscribe/i.test(m.text) && /退订|unsubscribe/i.test(m.html), `the email to ${m.to.join(', ')} says how to stop these emails`);
}

/** The contact log of this run holds every contact and every control customer, once. */
function checkLogOfRun(ctx: TemplateRun, r: Routes): RunItem[] {
	const rows = ctx.runLog();
	const expected = [...r.email, ...r.sms, ...r.push, ...r.crm, ...r.control];
	assert.deepStrictEqual(rows.map((row) => `${row.customerId}/${row.group}`).sort(), expected.map((c) => `${c.customerId}/${c.group}`).sort(), 'the contact log holds this run\'s contacts and control customers');
	for (const row of rows) assert.ok(!Number.isNaN(Date.parse(row.contactedAt)) && row.action && row.campaignId, `log row of ${row.customerId} says when, what and which campaign`);
	return rows;
}

/** Across every campaign logged so far: no more than the cap per window, no action repeated within its cooldown. */
function checkCapsAcrossCampaigns(ctx: TemplateRun, { maxContacts = 2, windowDays = 30, cooldownDays = 14 } = {}): number {
	const contacts = new Map<string, Array<{ at: number; action: string; campaign: string }>>();
	for (const row of ctx.contactLog().filter((r) => r.group === 'treatment')) {
		const list = contacts.get(row.customerId) ?? [];
		list.push({ at: Date.parse(row.contactedAt), action: row.action, campaign: row.campaignId });
		contacts.set(row.customerId, list);
	}
	for (const [customerId, list] of contacts) {
		list.sort((a, b) => a.at - b.at);
		for (const c of list) {
			const inWindow = list.filter((o) => o.at <= c.at && c.at - o.at < windowDays * DAY);
			assert.ok(inWindow.length <= maxContacts, `${customerId}: ${inWindow.length} contacts within ${windowDays} days (${inWindow.map((o) => o.campaign).join(', ')})`);
			const again = list.filter((o) => o !== c && o.action === c.action && Math.abs(o.at - c.at) < cooldownDays * DAY);
			assert.strictEqual(again.length, 0, `${customerId}: ${c.action} repeated within the ${cooldownDays}-day cooldown`);
		}
	}
	return contacts.size;
}

export const templateChecks: Record<string, (ctx: TemplateRun) => string> = {
	'model-refresh.json': (ctx: TemplateRun) => {
		const model = JSON.parse(fs.readFileSync(path.join(ctx.filesDir, 'churn-model.json'), 'utf8'));
		assert.strictEqual(model.method, 'bgnbd', 'the saved model is a BG/NBD fit');
		assert.strictEqual(model.customers, SAMPLE.customers);
		assert.ok(Math.abs(model.purchaseModel.params.r - TRUTH.r) < 0.05, `r ${model.purchaseModel.params.r} recovers the truth`);
		return `model saved: r ${model.purchaseModel.params.r.toFixed(3)}, alpha ${model.purchaseModel.params.alpha.toFixed(1)}`;
	},

	'weekly-win-back.json': (ctx: TemplateRun) => {
		const r = checkSending(ctx);
		assert.ok(r.email.length > 0 && r.sms.length > 0 && r.crm.length > 0 && r.control.length > 0, 'the sample shop gets emails, SMS, CRM tasks and a control group');
		checkLogOfRun(ctx, r);
		if (ctx.state.weeklyContacted) {
			// The same week run again: the customers of the first run are capped or cooling down.
			const again = [...r.email, ...r.sms, ...r.push, ...r.crm].filter((c) => ctx.state.weeklyContacted.has(c.customerId));
			assert.deepStrictEqual(again.map((c) => c.customerId), [], 'nobody the first run contacted is contacted again');
		} else {
			ctx.state.weeklyContacted = new Set([...r.email, ...r.sms, ...r.push, ...r.crm].map((c) => c.customerId));
		}
		checkCapsAcrossCampaigns(ctx);
		checkEconomics(r);
		checkOptOut(ctx, r);
		const measured = fs.existsSync(path.join(ctx.filesDir, 'response-model.json'));
		const fromMeasured = [...r.email, ...r.sms, ...r.push, ...r.crm].filter((c) => c.upliftSource === 'measured').length;
		if (measured) assert.ok(fromMeasured > 0, 'after the monthly report, the plan uses the measured response');
		else assert.strictEqual(fromMeasured, 0, 'before any report, the planning priors');
		return `${ctx.mails.length} emails, ${r.sms.length} SMS, ${r.crm.length} CRM tasks, ${r.control.length} held out; ${fromMeasured} planned with measured uplifts`;
	},

	'vip-coupon-and-new-arrivals.json': (ctx: TemplateRun) => {
		const r = checkSending(ctx);
		const staged = byId(ctx.output('Lifecycle Stage'));
		for (const c of [...r.email, ...r.sms]) {
			if (c.action === 'discountCoupon') assert.ok(['vip', 'high'].includes(c.valueTier) && ['atRisk', 'churned'].includes(staged.get(c.customerId)?.lifecycleStage), `${c.customerId}: coupons go to high-value customers slipping away`);
			else assert.ok(c.action === 'newArrivals' && staged.get(c.customerId)?.lifecycleStage === 'churned', `${c.customerId}: ${c.action}`);
		}
		const coupons = ctx.mails.filter((m) => /data-recommendations/.test(m.html));
		assert.ok(coupons.length > 0, 'emails carry the customer\'s favourite products');
		assert.ok(r.email.some((c) => c.action === 'discountCoupon') && r.email.some((c) => c.action === 'newArrivals'), 'both rules are used');
		checkLogOfRun(ctx, r);
		checkOptOut(ctx, r);
		const customers = checkCapsAcrossCampaigns(ctx);
		const weeklyAgain = [...r.email, ...r.sms].filter((c) => ctx.state.weeklyContacted?.has(c.customerId)).length;
		return `${ctx.mails.length} emails, ${r.sms.length} SMS; caps hold for ${customers} customers across campaigns (${weeklyAgain} also had the weekly mail)`;
	},

	'survey-service-recovery.json': (ctx: TemplateRun) => {
		const respondents = ctx.output('Respondents');
		const survey = fs.readFileSync(path.join(ctx.filesDir, ctx.settings.surveyFile), 'utf8').trim().split('\n').length - 1;
		assert.strictEqual(respondents.length, survey, 'every survey answer meets its customer');
		const r = checkSending(ctx);
		for (const c of [...r.email, ...r.crm, ...r.control]) assert.ok(c.action === 'serviceRecovery' && c.churnCause === 'poorExperience', `${c.customerId} gets service recovery for a poor experience`);
		const handled = new Set([...r.email, ...r.crm, ...r.control].map((c) => c.customerId));
		const unhappy = r.none.filter((c) => c.churnCause === 'poorExperience' && !handled.has(c.customerId));
		// The template writes in its Client Settings' language: the caps' reasons in English or Chinese.
		for (const c of unhappy) assert.ok(/contacts in the last|cooldown|触达次数已满|冷却/.test(c.suppressionReason), `unhappy respondent ${c.customerId} is left alone only for the contact caps (${c.suppressionReason})`);
		assert.ok(respondents.filter((c) => c.churnCause === '体验差').every((c) => handled.has(c.customerId) || unhappy.some((u) => u.customerId === c.customerId)), 'every respondent who said 体验差 is handled');
		assert.ok(r.email.length > 0, 'apologies are emailed');
		checkLogOfRun(ctx, r);
		checkOptOut(ctx, r);
		for (const m of ctx.mails) assert.ok(/[A-Z0-9]{5}-[A-Z0-9]{5}/.test(m.text), 'the apology carries a coupon');
		return `${r.email.length} apologies, ${r.crm.length} service tasks`;
	},

	'monthly-report.json': (ctx: TemplateRun) => {
		assert.strictEqual(ctx.mails.length, 1, 'one report email');
		const [mail] = ctx.mails;
		assert.deepStrictEqual(mail.to, [ctx.settings.staffEmail]);
		const report = mail.attachments.find((a) => a.filename === 'campaign-report.html');
		assert.ok(report && report.contentType === 'text/html', 'the HTML report is attached');
		const html = report.content.toString('utf8');
		assert.ok((html.match(/<svg/g) ?? []).length >= 2 && !/<script/i.test(html), 'the report draws its charts as inline SVG, with no script');
		const [overall] = ctx.output('Campaign Report');
		const logged = ctx.contactLog();
		assert.strictEqual(overall.dimension, 'overall');
		// The orders since were simulated (campaignResponse.ts): the rates counted here independently,
		// one per customer per campaign however often the weekly runs logged them.
		const expected = expectedRates(fs.readFileSync(path.join(ctx.filesDir, ctx.settings.ordersFile), 'utf8'), logged);
		assert.strictEqual(overall.treatmentCustomers, expected.treated, 'every contacted customer is evaluated once per campaign');
		assert.strictEqual(overall.controlCustomers, expected.controls, 'every held-out customer is evaluated once per campaign');
		assert.ok(overall.mergedRows > 0, 'the weekly runs logged control customers twice: merged');
		const [model] = ctx.output('Campaign Report', 1);
		assert.strictEqual(model.kind, 'n8n-nodes-retention/response-model');
		assert.ok(Object.keys(model.actions).length > 0, 'the response of the actions is measured');
		assert.ok(fs.existsSync(path.join(ctx.filesDir, 'response-model.json')), 'the response model is saved for the weekly win-back');
		assert.ok(Math.abs(overall.treatmentRate - expected.treatment) < 1e-4 && Math.abs(overall.controlRate - expected.control) < 1e-4, `rates ${overall.treatmentRate} and ${overall.controlRate}, counted ${expected.treatment} and ${expected.control}`);
		const lift = expected.treatment - expected.control;
		assert.ok(overall.upliftLow <= lift && lift <= overall.upliftHigh && overall.upliftLow > 0, `the interval ${overall.upliftLow} to ${overall.upliftHigh} holds the lift ${lift} and excludes none`);
		assert.strictEqual(overall.verdictCode, 'lift');
		assert.ok(mail.subject.includes(overall.verdict) && mail.text.includes(`${(overall.treatmentRate * 100).toFixed(1)}%`), `${mail.subject} / ${mail.text}`);
		return `${overall.treatmentCustomers} contacted against ${overall.controlCustomers} held out (${overall.mergedRows} repeated rows merged), response measured for ${Object.keys(model.actions).join(', ')}: ${(overall.treatmentRate * 100).toFixed(1)}% against ${(overall.controlRate * 100).toFixed(1)}% reactivated, uplift ${(overall.uplift * 100).toFixed(1)} points (${(overall.upliftLow * 100).toFixed(1)} to ${(overall.upliftHigh * 100).toFixed(1)}), ${overall.verdict}`;
	},

	'churn-rate-alert.json': (ctx: TemplateRun) => {
		const [health] = ctx.output('Base Health');
		const jumped = health.churn.current.churnRate > health.churn.usualRange.high;
		const chat = ctx.requests.filter((q) => q.path === '/chat');
		if (ctx.settings.ordersFile === 'sample-orders.csv') assert.ok(!jumped, 'the sample shop\'s churn is within its usual range');
		else assert.ok(jumped, 'orders that stop for half the customers make the churn rate jump');
		assert.strictEqual(ctx.mails.length, jumped ? 1 : 0, 'the team is emailed only when churn jumps');
		assert.strictEqual(chat.length, jumped ? 1 : 0, 'the team chat hears only when churn jumps');
		if (jumped) {
			assert.ok(/above its usual range/.test(chat[0].body.text), chat[0].body.text);
			assert.ok(ctx.mails[0].attachments.some((a) => a.filename === 'campaign-report.html'), 'the base health report is attached');
		}
		return `churn ${(health.churn.current.churnRate * 100).toFixed(1)}% (usual up to ${(health.churn.usualRange.high * 100).toFixed(1)}%): ${jumped ? 'alert sent' : 'no alert'}`;
	},

	'retention-assistant.json': (ctx: TemplateRun) => {
		const calls = ctx.requests.filter((q) => q.path === `${CHAT_MODEL_PATH}/chat/completions`);
		assert.ok(calls.length >= 2, `the agent asked its model at least twice (tools, then the answer); it asked ${calls.length} times`);
		const offered = (calls[0].body.tools ?? []) as Array<{ function: { name: string; parameters: { properties: Record<string, { description?: string }> } } }>;
		assert.deepStrictEqual(offered.map((t) => t.function.name).sort(), ['Churn_Risk', 'Customer_Data', 'Lifecycle_Stage', 'Retention_Action'], 'the four retention tools are offered to the model');
		for (const tool of offered) assert.ok(/customer ID, email address or phone number/.test(tool.function.parameters.properties.customer?.description ?? ''), `${tool.function.name} asks for the customer, described`);
		// What each tool answered, as the agent handed it back to the model.
		const replies = (calls[calls.length - 1].body.messages as Array<{ role: string; content: string }>).filter((m) => m.role === 'tool').flatMap((m) => answersIn(m.content));
		const customer = 'CU000379';
		const expected: Array<[string, RegExp]> = [
			['Customer Data', new RegExp(`^${customer} \\(.+\\): \\d+ orders, [\\d.]+ spent; first order \\d{4}-\\d{2}-\\d{2}`)],
			['Churn Risk', new RegExp(`^${customer} is [a-z ]+: \\d+% churn probability over the next 90 days \\((low|medium|high|critical) risk\\)`)],
			['Lifecycle Stage', new RegExp(`^${customer} is in the [A-Za-z ]+ stage: .+`)],
			['Retention Action', new RegExp(`^(Suggested for ${customer}: .+ by (Email|SMS|Push|CRM task)|No action for ${customer}: .+|${customer} is in this campaign's control group)`)],
		];
		for (const [tool, pattern] of expected) assert.ok(replies.some((r) => pattern.test(r)), `${tool} answered in a sentence (${pattern}); the tools said: ${replies.join(' | ')}`);
		const [agent] = ctx.output('AI Agent');
		for (const reply of replies) assert.ok(String(agent.output).includes(reply), `the agent's answer carries what the tools said: ${reply}`);
		return `${offered.length} tools called through the AI Agent; Churn Risk said: ${replies.find((r) => /churn probability over/.test(r))}`;
	},
};
