/**
 * `npm start`: the n8n 2.41.1 editor at http://localhost:5678 with this package installed as a
 * community package and the examples and templates imported, to click through in a browser.
 * The templates' mail goes to a local SMTP sink and their CRM, SMS, push and chat calls to a
 * local stand-in, both started here and printed as they arrive, so "Run Now" works with nothing
 * set up (the sandbox credentials are imported under the IDs the templates name). The n8n data
 * folder lives in the cache, so your account survives restarts; the examples are imported
 * afresh on every start. The login of the local owner account is printed once n8n is ready.
 *
 * Customers answer the campaigns: whenever a campaign writes its contact log, the orders its
 * customers place in the following weeks are simulated with a known effect (30% of those
 * contacted and 15% of the control group order again within 25 days, as in the end-to-end test)
 * into sample-orders-since.csv, which the monthly report reads, so its first run evaluates a
 * real campaign instead of finding no order after it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ensureN8n, installPackage } from '../devkit/n8n/provision';
import { tarballOfBuild } from '../devkit/n8n/packageTarball';
import { editorEnv, importExamples, startEditor } from '../devkit/n8n/server';
import { startSmtpSink } from '../devkit/n8n/smtpSink';
import { startHttpStub } from '../devkit/n8n/httpStub';
import { sandboxCredentials, sandboxSettings } from '../devkit/n8n/sandbox';
import { filesFolder } from '../devkit/n8n/environment';
import { contactLogFiles, ORDERS_SINCE_FILE, RATES, writeOrdersSince } from '../devkit/checks/campaignResponse';

const ROOT = path.resolve(__dirname, '..');

async function main() {
	const n8n = await ensureN8n();
	const userFolder = path.join(n8n.cache, 'editor');
	fs.mkdirSync(userFolder, { recursive: true });
	installPackage(userFolder, tarballOfBuild(ROOT));
	const smtp = await startSmtpSink({ keep: false, onMessage: (m) => console.log(`[mail] to ${m.to.join(', ')}: ${m.subject}${m.attachments.length ? ` (+ ${m.attachments.map((a) => a.filename).join(', ')})` : ''}`) });
	const stub = await startHttpStub({ keep: false, onRequest: (q) => console.log(`[api]  ${q.method} ${q.path} ${JSON.stringify(q.body).slice(0, 120)}`) });
	const env = await editorEnv(n8n, userFolder, process.env.N8N_PORT || '5678', { GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE || 'Asia/Shanghai' });
	const perFile = { 'monthly-report.json': { ordersFile: ORDERS_SINCE_FILE } };
	for (const { file } of await importExamples(n8n, env, userFolder, { settings: sandboxSettings(stub.base), perFile, credentials: sandboxCredentials(smtp.port, stub.base) })) console.log(`imported ${file}`);
	const stopAnswering = answerCampaigns(filesFolder(userFolder));
	console.log(`\nStarting n8n on http://localhost:${env.N8N_PORT} (Ctrl+C to stop). Sample files are in ${env.N8N_RESTRICT_FILE_ACCESS_TO}.`);
	console.log(`The templates' mail goes to a local SMTP sink (127.0.0.1:${smtp.port}) and their API calls to ${stub.base}; both are printed here.\n`);
	const editor = await startEditor(n8n, env);
	for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => editor.child.kill(signal));
	editor.child.on('exit', async (code) => {
		stopAnswering();
		await Promise.all([smtp.stop(), stub.stop()]);
		process.exit(code ?? 0);
	});
	console.log(`\nn8n is ready at http://localhost:${env.N8N_PORT}. Log in as ${editor.login.email} with password ${editor.login.password} (kept in ${editor.login.file}).\n`);
}

/** Keeps the orders since the campaigns in step with the contact logs; returns how to stop. */
function answerCampaigns(filesDir: string): () => void {
	const logsState = () =>
		contactLogFiles(filesDir)
			.map((f) => `${f}:${fs.statSync(path.join(filesDir, f)).mtimeMs}`)
			.join('|');
	let seen = logsState();
	writeOrdersSince(filesDir);
	const timer = setInterval(() => {
		const now = logsState();
		if (now === seen) return;
		seen = now;
		const answers = writeOrdersSince(filesDir);
		console.log(`[customers] the contact logs changed: ${answers} customers answer the campaigns in ${ORDERS_SINCE_FILE} (${RATES.treatment * 100}% of those contacted, ${RATES.control * 100}% of the control group order again); run the monthly report to measure it`);
	}, 2000);
	return () => clearInterval(timer);
}

main().catch((error: Error) => {
	console.error(error.message);
	process.exit(1);
});
