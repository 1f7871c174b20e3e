/**
 * End to end in real n8n, on both lines this package supports (2.41.1 on Node 24, and 1.123.x
 * on Node 20; E2E_N8N=2.41.1 picks one): packs this package, installs it as a community
 * package, imports the examples and templates with sandbox credentials, and
 * - runs each with `n8n execute --id` in the order a shop would (model refresh, weekly win-back
 *   twice, the other campaigns, the monthly report, the churn alert with and without a jump),
 *   checking our nodes' outputs, the mail that reaches a local SMTP sink, the API calls that
 *   reach a local stub (devkit/checks/exampleChecks.ts, templateChecks.ts);
 * - starts `n8n start` with the CRM-triggered template active and posts CRM updates to its
 *   webhook (devkit/checks/webhookChecks.ts).
 * Every server binds to 127.0.0.1 and stops at the end.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureN8n, installPackage, N8N_VERSION, N8N_1X_VERSION } from '../devkit/n8n/provision';
import { tarballFromCleanCopy } from '../devkit/n8n/packageTarball';
import { prepareExamples, clientSettings, withSettings } from '../devkit/n8n/examples';
import { filesFolder, freePort, n8nEnvironment } from '../devkit/n8n/environment';
import type { ExampleWorkflow } from '../devkit/n8n/examples';
import type { RunItem } from '../devkit/checks/exampleChecks';
import { n8nCli } from '../devkit/n8n/cli';
import { checks } from '../devkit/checks/exampleChecks';
import { templateChecks } from '../devkit/checks/templateChecks';
import { sandboxCredentials, sandboxSettings } from '../devkit/n8n/sandbox';
import { checkCrmWebhook } from '../devkit/checks/webhookChecks';
import { startSmtpSink } from '../devkit/n8n/smtpSink';
import { startHttpStub } from '../devkit/n8n/httpStub';
import { churnJump } from '../devkit/checks/churnJump';
import { contactLogRows, ORDERS_SINCE_FILE, writeOrdersSince } from '../devkit/checks/campaignResponse';

const ROOT = path.resolve(__dirname, '..');
const LINES = (process.env.E2E_N8N || `${N8N_VERSION},${N8N_1X_VERSION}`).split(',').map((v) => v.trim());
/** E2E_ONLY=file,file runs only those steps (and skips the webhook), for working on one template. */
const ONLY = process.env.E2E_ONLY?.split(',').map((f) => f.trim());

/**
 * The runs, in the order a shop's week and month go: the saved model first (the CRM webhook
 * scores with it), campaigns that log their contacts, then the report that reads the log.
 */
interface Step {
	file: string;
	label?: string;
	settings?: Record<string, string>;
	copyId?: string;
	prepare?: (filesDir: string) => void;
}

const RUNS: Step[] = [
	{ file: 'customer-data-from-csv.json' },
	{ file: 'retention-pipeline.json' },
	{ file: 'model-refresh.json' },
	// Scores with the model just saved.
	{ file: 'retention-assistant.json' },
	{ file: 'weekly-win-back.json' },
	{ file: 'weekly-win-back.json', label: 'the same week again' },
	{ file: 'vip-coupon-and-new-arrivals.json' },
	{ file: 'survey-service-recovery.json' },
	// The orders since the campaigns, with a known lift (devkit/checks/campaignResponse.ts).
	{
		file: 'monthly-report.json',
		settings: { ordersFile: ORDERS_SINCE_FILE },
		prepare: (filesDir) => writeOrdersSince(filesDir),
	},
	{ file: 'weekly-win-back.json', label: 'after the monthly report, planned with its measured response' },
	{ file: 'churn-rate-alert.json' },
	{ file: 'churn-rate-alert.json', label: 'half the customers stop buying', copyId: 'rtnTplChurnJump1', settings: { ordersFile: 'sample-orders-churn-jump.csv' } },
];

async function runLine(version: string) {
	const failures: string[] = [];
	const n8n = await ensureN8n(version);
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), `retention-e2e-${version}-`));
	const filesDir = filesFolder(userFolder);
	installPackage(userFolder, tarballFromCleanCopy(ROOT));
	const smtp = await startSmtpSink();
	const stub = await startHttpStub();
	try {
		const env = n8nEnvironment(n8n, userFolder, await freePort(), {
			N8N_RUNNERS_ENABLED: 'true',
			// execute prints the run through the logger at info level.
			N8N_LOG_LEVEL: 'info',
			DB_SQLITE_POOL_SIZE: '1',
			GENERIC_TIMEZONE: 'Asia/Shanghai',
		});
		const cli = n8nCli(n8n, env);
		await cli.importCredentials(sandboxCredentials(smtp.port, stub.base));
		const examples = prepareExamples(filesDir, sandboxSettings(stub.base));
		fs.writeFileSync(path.join(filesDir, 'sample-orders-churn-jump.csv'), churnJump(fs.readFileSync(path.join(filesDir, 'sample-orders.csv'), 'utf8')));
		const byFile = new Map(examples.map((e) => [e.file, e.workflow]));
		for (const [file, workflow] of byFile) await cli.importWorkflow(file, workflow);

		const state: RunItem = {};
		for (const step of RUNS.filter((s) => !ONLY || ONLY.includes(s.file))) {
			const name = `${step.file}${step.label ? ` (${step.label})` : ''}`;
			let workflow = byFile.get(step.file) as ExampleWorkflow;
			if (step.prepare) step.prepare(filesDir);
			if (step.settings) {
				// A copy under its own id, or the template itself re-imported with these settings.
				workflow = { ...withSettings(workflow, step.settings), ...(step.copyId ? { id: step.copyId, name: `${workflow.name} (${step.label})` } : {}) };
				await cli.importWorkflow(`${workflow.id}.json`, workflow);
			}
			const logFilesBefore = new Set(contactLogRows(filesDir).map((r) => r.file));
			const started = Date.now();
			const { run, status, stdout, stderr } = await cli.execute(workflow.id);
			const seconds = ((Date.now() - started) / 1000).toFixed(1);
			const mails = await smtp.take();
			const requests = stub.take();
			try {
				if (!run) throw new Error(`no run data (exit ${status})\n${stdout.slice(-3000)}\n${stderr.slice(-3000)}`);
				if (run.data.resultData.error) throw new Error(`the workflow failed: ${run.data.resultData.error.message}`);
				const output = (node: string, index = 0) => {
					const runs = run.data.resultData.runData[node];
					if (!runs) throw new Error(`${node} did not run`);
					return (runs[0].data?.main[index] || []).map((item) => item.json);
				};
				let said = '';
				if (checks[step.file]) checks[step.file](output);
				else if (templateChecks[step.file]) said = templateChecks[step.file]({ output, mails, requests, filesDir, settings: clientSettings(workflow), state, contactLog: () => contactLogRows(filesDir), runLog: () => contactLogRows(filesDir).filter((r) => !logFilesBefore.has(r.file)) });
				else throw new Error(`no checks for ${step.file}`);
				console.log(`ok   ${name} (${seconds} s in n8n ${version})${said ? `: ${said}` : ''}`);
			} catch (error) {
				failures.push(name);
				console.error(`FAIL ${name} (n8n ${version}): ${(error as Error).message}`);
			}
		}

		if (ONLY) return { version, runs: RUNS.filter((s) => ONLY.includes(s.file)).length, failures };
		const crm = byFile.get('crm-triggered-scoring.json') as ExampleWorkflow;
		await cli.activate(crm.id);
		try {
			for (const line of await checkCrmWebhook({ n8n, env: { ...env, N8N_PORT: String(await freePort()), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_LOG_LEVEL: 'warn' }, stub, filesDir })) console.log(`ok   crm-triggered-scoring.json: ${line} (n8n ${version})`);
		} catch (error) {
			failures.push('crm-triggered-scoring.json');
			console.error(`FAIL crm-triggered-scoring.json (n8n ${version}): ${(error as Error).message}`);
		}
		return { version, runs: RUNS.length + 1, failures };
	} finally {
		await smtp.stop();
		await stub.stop();
	}
}

async function main() {
	const results = [];
	for (const version of LINES) results.push(await runLine(version));
	for (const r of results) console.log(`e2e n8n ${r.version}: ${r.runs - r.failures.length} passed, ${r.failures.length} failed${r.failures.length ? ` (${r.failures.join('; ')})` : ''}`);
	process.exit(results.some((r) => r.failures.length) ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
