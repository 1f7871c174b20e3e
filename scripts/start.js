#!/usr/bin/env node
/**
 * `npm start`: the n8n 2.41.1 editor at http://localhost:5678 with this package installed as a
 * community package and the example workflows imported, to click through in a browser. The
 * n8n data folder lives in the cache, so your account and edits survive restarts.
 */
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ensureN8n, installPackage } = require('./n8n/provision');
const { prepareExamples } = require('./n8n/examples');

const ROOT = path.resolve(__dirname, '..');
const n8n = ensureN8n();
const userFolder = path.join(n8n.cache, 'editor');
const filesDir = path.join(userFolder, 'files');
fs.mkdirSync(userFolder, { recursive: true });
installPackage(userFolder, ROOT);
const env = {
	...n8n.env,
	N8N_USER_FOLDER: userFolder,
	N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
	N8N_PORT: process.env.N8N_PORT || '5678',
	N8N_DIAGNOSTICS_ENABLED: 'false',
	N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
	N8N_SECURE_COOKIE: 'false',
	GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE || 'Asia/Shanghai',
};
for (const { file, workflow } of prepareExamples(filesDir)) {
	const workflowFile = path.join(userFolder, file);
	fs.writeFileSync(workflowFile, JSON.stringify(workflow));
	const imported = spawnSync(n8n.node, [n8n.n8nMain, 'import:workflow', `--input=${workflowFile}`], { env, encoding: 'utf8' });
	console.log(imported.status === 0 ? `imported ${file}` : `could not import ${file}: ${imported.stderr}`);
}
console.log(`\nStarting n8n on http://localhost:${env.N8N_PORT} (Ctrl+C to stop). Sample files are in ${filesDir}.\n`);
const child = spawn(n8n.node, [n8n.n8nMain, 'start'], { env, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
setUpOwner(`http://127.0.0.1:${env.N8N_PORT}`).catch((error) => console.log(`\nCould not set up the local owner account (${error.message}): n8n asks for one in the browser.\n`));

/**
 * n8n's editor first asks for an owner account. For this local sandbox one is created on the
 * first start and its login kept next to n8n's data (random password, this machine only), then
 * printed on every start.
 */
async function setUpOwner(base) {
	const loginFile = path.join(userFolder, 'owner-login.json');
	if (!fs.existsSync(loginFile)) {
		const login = { email: 'owner@retention.local', password: `Retention-${require('crypto').randomBytes(6).toString('hex')}1` };
		fs.writeFileSync(loginFile, JSON.stringify(login, null, 2), { mode: 0o600 });
	}
	const login = JSON.parse(fs.readFileSync(loginFile, 'utf8'));
	// /healthz answers before the REST routes are mounted: retry the setup until it is there.
	let response;
	for (let waited = 0; ; waited++) {
		try {
			response = await fetch(`${base}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: login.email, firstName: 'Retention', lastName: 'Owner', password: login.password }),
			});
			if (response.status !== 404) break;
		} catch {
			// not listening yet
		}
		if (waited > 180) throw new Error('n8n did not answer within 3 minutes');
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
	const created = response.ok;
	const text = created ? '' : await response.text();
	if (!created && !/already/i.test(text)) throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
	console.log(`\nn8n is ready at http://localhost:${env.N8N_PORT}. Log in as ${login.email} with password ${login.password} (kept in ${loginFile}).\n`);
}
