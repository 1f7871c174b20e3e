/**
 * A running n8n editor for this package: the examples imported, `n8n start` on a port, and a
 * local owner account (n8n's editor asks for one first) whose login is kept in the user folder.
 * Used by `npm start` and by the editor check of `npm run test:e2e`.
 */
const { spawn } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const net = require('net');
const path = require('path');
const { n8nCli } = require('./cli');
const { prepareExamples } = require('./examples');

function editorEnv(n8n, userFolder, port, extra = {}) {
	return {
		...n8n.env,
		N8N_USER_FOLDER: userFolder,
		N8N_RESTRICT_FILE_ACCESS_TO: path.join(userFolder, 'files'),
		N8N_PORT: String(port),
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		...extra,
	};
}

/**
 * Imports every example workflow and template (sample files copied where n8n may read them;
 * `settings` overrides the templates' Client Settings), and `credentials` when given.
 */
async function importExamples(n8n, env, userFolder, { settings = {}, credentials } = {}) {
	const cli = n8nCli(n8n, env);
	if (credentials) await cli.importCredentials(credentials);
	const examples = prepareExamples(path.join(userFolder, 'files'), settings);
	for (const { file, workflow } of examples) await cli.importWorkflow(file, workflow);
	return examples;
}

/** The sandbox owner's login: made once (random password, this machine only), then reused. */
function ownerLogin(userFolder) {
	const loginFile = path.join(userFolder, 'owner-login.json');
	if (!fs.existsSync(loginFile)) {
		const login = { email: 'owner@retention.local', password: `Retention-${crypto.randomBytes(6).toString('hex')}1` };
		fs.writeFileSync(loginFile, JSON.stringify(login, null, 2), { mode: 0o600 });
	}
	return { ...JSON.parse(fs.readFileSync(loginFile, 'utf8')), file: loginFile };
}

/**
 * Creates the owner through n8n's own setup endpoint. /healthz answers before the REST routes
 * are mounted, so the setup is retried until the route exists; "already set up" is fine.
 */
async function setUpOwner(base, login, timeoutMs = 180_000) {
	const until = Date.now() + timeoutMs;
	for (;;) {
		try {
			const response = await fetch(`${base}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ email: login.email, firstName: 'Retention', lastName: 'Owner', password: login.password }),
			});
			if (response.ok) return;
			if (response.status !== 404) {
				const text = await response.text();
				if (/already/i.test(text)) return;
				throw new Error(`HTTP ${response.status}: ${text.slice(0, 200)}`);
			}
		} catch (error) {
			if (!/fetch failed|ECONNREFUSED/.test(String(error.cause ?? error.message))) throw error;
		}
		if (Date.now() > until) throw new Error(`n8n did not answer at ${base} within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

/** Starts `n8n start`; resolves once the owner can log in. stop() ends it. */
async function startEditor(n8n, env, { quiet = false } = {}) {
	const child = spawn(n8n.node, [n8n.n8nMain, 'start'], { env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
	let log = '';
	if (quiet) for (const stream of [child.stdout, child.stderr]) stream.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));
	const exited = new Promise((_, reject) => child.on('exit', (code) => reject(new Error(`n8n exited (${code}) before it was ready:\n${log}`))));
	const base = `http://127.0.0.1:${env.N8N_PORT}`;
	const login = ownerLogin(env.N8N_USER_FOLDER);
	await Promise.race([setUpOwner(base, login), exited]);
	exited.catch(() => undefined);
	return {
		base,
		login,
		child,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', resolve);
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
			}),
	};
}

/** A port nothing listens on right now, on 127.0.0.1. */
function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

module.exports = { editorEnv, freePort, importExamples, startEditor, ownerLogin };
