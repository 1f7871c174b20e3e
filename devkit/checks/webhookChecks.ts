/**
 * The CRM-triggered template (examples/crm-triggered-scoring.json) as a CRM meets it: `n8n start`
 * with the workflow active, customer updates posted to its webhook with an HTTP client, the
 * answers and their latency checked, and the CRM write-back seen by the stub.
 */
import assert from 'assert';
import axios from 'axios';
import * as fs from 'fs';
import * as path from 'path';
import type { HttpStub } from '../n8n/httpStub';
import type { N8n } from '../n8n/provision';
import { startEditor } from '../n8n/server';
import { readSampleCsv } from '../synthetic/sampleShop';

const DAY = 86_400_000;
/** The analysis date the sample shop's orders end on. */
const SAMPLE_END = Date.parse('2025-06-30T00:00:00+08:00');

/**
 * A customer's orders from the sample, moved forward so that the sample's last day is today:
 * the webhook scores as of today, so the CRM's "recent orders" must be recent.
 */
export function recentOrdersOf(filesDir: string, customerId: string) {
	const now = new Date();
	const today = Date.parse(`${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(now)}T00:00:00+08:00`);
	const shift = Math.round((today - SAMPLE_END) / DAY) * DAY;
	return readSampleCsv(fs.readFileSync(path.join(filesDir, 'sample-orders.csv'), 'utf8'))
		.filter((row) => row.customer_id === customerId)
		.map((row) => {
			const at = new Date(Date.parse(`${row.order_date.replace(' ', 'T')}+08:00`) + shift);
			// Some amounts are written as spreadsheets export them ("¥1,234.00").
			return { orderId: row.order_id, orderDate: at.toISOString(), amount: Number(row.amount.replace(/[¥,]/g, '')) };
		});
}

async function post(url: string, body: unknown, type = 'application/json') {
	const started = process.hrtime.bigint();
	const response = await axios.post(url, body, { headers: { 'content-type': type }, validateStatus: () => true, timeout: 60_000 });
	return { status: response.status, data: response.data, ms: Number(process.hrtime.bigint() - started) / 1e6 };
}

/**
 * n8n registers an active workflow's webhook a moment after its REST API answers. A GET to a
 * POST webhook is refused either way, but once it is registered the refusal says to use POST.
 */
async function whenListening(url: string, timeoutMs = 60_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const response = await axios.get(url, { validateStatus: () => true }).catch(() => ({ status: 0, data: null }));
		if (/Did you mean to make a POST request/.test(JSON.stringify(response.data ?? ''))) return;
		if (Date.now() > until) throw new Error(`the webhook ${url} was not registered within ${timeoutMs / 1000} s (last answer ${response.status} ${JSON.stringify(response.data).slice(0, 200)})`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

export async function checkCrmWebhook({ n8n, env, stub, filesDir }: { n8n: N8n; env: NodeJS.ProcessEnv; stub: HttpStub; filesDir: string }): Promise<string[]> {
	const editor = await startEditor(n8n, env, { quiet: true });
	const said: string[] = [];
	try {
		const url = `${editor.base}/webhook/retention/crm-update`;
		await whenListening(url);
		stub.take();
		const orders = recentOrdersOf(filesDir, 'CU001768');
		assert.ok(orders.length >= 10, 'the sample has the order history of CU001768');
		const update = { customerId: 'CU001768', name: '吴秀英', email: 'xiuying1768@example.com', emailOptIn: 'yes', smsOptIn: 'no', hubspotId: '90017681', crmStage: 'active', orders };

		// Warm-up excluded from the figures: the first request loads the workflow's nodes.
		const latencies: number[] = [];
		const first = await post(url, update);
		assert.strictEqual(first.status, 200, `answer ${first.status}: ${JSON.stringify(first.data).slice(0, 300)}`);
		// A regular buyer, silent for 81 days at a usual gap of about 36: at risk, moved from "active".
		assert.strictEqual(first.data.customerId, 'CU001768');
		assert.strictEqual(first.data.lifecycleStage, 'atRisk', JSON.stringify(first.data));
		assert.strictEqual(first.data.previousStage, 'active');
		assert.strictEqual(first.data.stageChanged, true);
		assert.ok(['low', 'medium', 'high', 'critical'].includes(first.data.riskLevel) && first.data.churnProbability > 0 && first.data.churnProbability < 1, JSON.stringify(first.data));
		assert.ok(typeof first.data.action === 'string' && first.data.action !== '', 'the answer names the next action');
		await new Promise((resolve) => setTimeout(resolve, 500));
		const patches = stub.take().filter((q) => q.method === 'PATCH');
		assert.strictEqual(patches.length, 1, 'the changed stage is written back to the CRM');
		assert.strictEqual(patches[0].path, '/crm/crm/v3/objects/contacts/90017681');
		assert.strictEqual(patches[0].body.properties.lifecyclestage_retention, 'atRisk');
		said.push(`CU001768: ${first.data.previousStage} -> ${first.data.lifecycleStage}, ${first.data.riskLevel} risk, action ${first.data.action}; stage written back`);

		for (let i = 0; i < 5; i++) {
			const again = await post(url, { ...update, crmStage: 'atRisk' });
			assert.strictEqual(again.status, 200);
			assert.strictEqual(again.data.stageChanged, false, 'the CRM already has the stage');
			latencies.push(again.ms);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
		assert.strictEqual(stub.take().filter((q) => q.method === 'PATCH').length, 0, 'an unchanged stage is not written back');
		const sorted = [...latencies].sort((a, b) => a - b);
		// A loose ceiling against hangs; the figures are printed for the notes, not tuned to.
		assert.ok(sorted[sorted.length - 1] < 10_000, `every answer within 10 s (${sorted.map(Math.round).join(', ')} ms)`);
		said.push(`5 unchanged updates answered in ${sorted.map((ms) => Math.round(ms)).join(', ')} ms (first request ${Math.round(first.ms)} ms); nothing written back`);

		const malformed: Array<[string, unknown, RegExp, string?]> = [
			['no orders', { customerId: 'CU001768', crmStage: 'active' }, /orders/],
			['an order without a date', { ...update, orders: [{ orderId: 'X1', orderDate: 'yesterday-ish', amount: 10 }] }, /date/i],
			['a body that is not JSON', 'customerId=CU001768', /./, 'text/plain'],
		];
		for (const [what, body, mentions, type] of malformed) {
			const answer = await post(url, body, type);
			assert.strictEqual(answer.status, 422, `${what}: answered ${answer.status} ${JSON.stringify(answer.data).slice(0, 300)}`);
			assert.ok(answer.data && typeof answer.data.error === 'string' && mentions.test(`${answer.data.detail}`), `${what}: the answer says why (${JSON.stringify(answer.data)})`);
			said.push(`${what}: 422 "${String(answer.data.detail).slice(0, 90)}"`);
		}
		const after = await post(url, { ...update, crmStage: 'atRisk' });
		assert.strictEqual(after.status, 200, 'n8n still answers after the bad payloads');
	} finally {
		await editor.stop();
	}
	return said;
}
