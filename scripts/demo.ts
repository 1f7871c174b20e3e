/**
 * `npm run demo`: the main example workflow (load -> churn risk -> lifecycle stage) on the
 * bundled sample shop (3,000 customers, a year and a half of orders) through the real n8n
 * engine in process, summarised for a person.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow, WorkflowJson } from '../test/engine/harness';

const EXAMPLE = path.resolve(__dirname, '../examples/retention-pipeline.json');

/** Terminal columns a string takes: CJK characters are two wide. */
function width(text: string): number {
	let w = 0;
	for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
	return w;
}

function table(rows: Array<Array<string | number>>): string {
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => width(String(r[c])))));
	const pad = (cell: string | number, c: number) => {
		const gap = ' '.repeat(widths[c] - width(String(cell)));
		return typeof cell === 'number' ? gap + cell : cell + gap;
	};
	return rows.map((r) => r.map(pad).join('  ')).join('\n');
}

const money = (n: number) => `¥${n.toLocaleString('en-US', { maximumFractionDigits: 0 })}`;
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

async function main() {
	const workflow = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as WorkflowJson;
	const started = Date.now();
	const result = await runWorkflow(workflow, { timezone: 'Asia/Shanghai' });
	if (result.error) throw result.error;
	const seconds = ((Date.now() - started) / 1000).toFixed(2);

	const customers = result.json('Customer Data', 0);
	const rejected = result.json('Customer Data', 1);
	const orders = customers.reduce((s, c) => s + (c.orders as number), 0);
	const revenue = customers.reduce((s, c) => s + (c.totalSpend as number), 0);
	const repeaters = customers.filter((c) => (c.modelInputs as IDataObject).frequency as number > 0).length;
	const optedOut = customers.filter((c) => (c.consent as IDataObject).email === false).length;

	console.log(`\nn8n-nodes-retention demo: "${workflow.name}"`);
	console.log(`${path.relative(process.cwd(), path.resolve(__dirname, '../examples/data/sample-orders.csv'))} through the real n8n engine in ${seconds} s\n`);
	console.log('1. Customer Data');
	console.log(
		table([
			['rows read', orders + rejected.length],
			['customers', customers.length],
			['orders counted', orders],
			['revenue', money(revenue)],
			['bought again', `${repeaters} (${Math.round((repeaters / customers.length) * 100)}%)`],
			['opted out of email', optedOut],
			['rows rejected', rejected.length],
		]).replace(/^/gm, '   '),
	);
	console.log('\n   Rejected rows (sent to the "Rejected" output, nothing is lost):');
	for (const r of rejected) console.log(`   row ${r.row}: ${r.reason}`);
	const top = [...customers].sort((a, b) => (b.totalSpend as number) - (a.totalSpend as number)).slice(0, 5);
	console.log('\n   Top customers by spend:');
	console.log(
		table([
			['customer', 'name', 'orders', 'spend', 'last order', 'days since'],
			...top.map((c) => [c.customerId as string, c.name as string, c.orders as number, money(c.totalSpend as number), String(c.lastOrderAt).slice(0, 10), c.recencyDays as number]),
		]).replace(/^/gm, '   '),
	);

	const scored = result.json('Churn Risk', 0);
	const [model] = result.json('Churn Risk', 1);
	const p = (model.bgnbd as IDataObject | null)?.params as IDataObject | undefined;
	console.log('\n2. Churn Risk');
	for (const note of model.notes as string[]) console.log(`   ${note}`);
	if (p) console.log(`   (the sample was generated with r=0.25, alpha=28, a=0.8, b=2.5: the fit recovers them)`);
	const levels = ['low', 'medium', 'high', 'critical'];
	const sum = (list: IDataObject[], f: string) => list.reduce((s, c) => s + (c[f] as number), 0);
	console.log(
		table([
			['risk level', 'customers', 'P(alive) avg', 'predicted 12-month value', 'spent so far'],
			...levels.map((level) => {
				const group = scored.filter((c) => c.riskLevel === level);
				return [level, group.length, (sum(group, 'pAlive') / Math.max(1, group.length)).toFixed(2), money(sum(group, 'predictedClv')), money(sum(group, 'historicClv'))];
			}),
		]).replace(/^/gm, '   '),
	);
	console.log('\n   RFM segments:');
	console.log(
		table([
			['segment', 'customers', 'share', 'revenue share'],
			...(model.segmentSummary as IDataObject[]).map((s) => [s.segment as string, s.customers as number, pct(s.share as number), pct(s.revenueShare as number)]),
		]).replace(/^/gm, '   '),
	);

	console.log('\n3. Lifecycle Stage (one output per stage)');
	const routes = ['New', 'Active', 'Loyal', 'At Risk', 'Churned', 'Reactivated', 'Prospect'];
	const outputs = result.outputs('Lifecycle Stage');
	console.log(table([['stage', 'customers', 'example'], ...routes.map((name, i) => [name, outputs[i].length, outputs[i][0] ? `${outputs[i][0].json.customerId}: ${outputs[i][0].json.stageReason}` : ''])]).replace(/^/gm, '   '));
	const urgent = outputs[3]
		.map((i) => i.json)
		.sort((a, b) => (b.predictedClv as number) - (a.predictedClv as number))
		.slice(0, 5);
	console.log('\n   At Risk, most valuable first (who to win back today):');
	console.log(
		table([
			['customer', 'name', 'orders', 'days since', 'usual gap', 'churn prob.', 'predicted value'],
			...urgent.map((c) => [c.customerId as string, c.name as string, c.orders as number, c.recencyDays as number, c.usualGapDays as number, (c.churnProbability as number).toFixed(2), money(c.predictedClv as number)]),
		]).replace(/^/gm, '   '),
	);
	console.log('');
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
