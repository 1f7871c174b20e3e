/**
 * A running n8n editor for this package: the examples imported, `n8n start` on a port, and a
 * local owner account (n8n's editor asks for one first) whose login is kept in the user folder.
 * Used by `npm start`, the editor check of `npm run test:e2e` and its webhook check.
 */
import { ChildProcess, spawn } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { n8nCli } from './cli';
import { filesFolder, freePort, n8nEnvironment } from './environment';
import { ExampleWorkflow, prepareExamples } from './examples';
import type { N8n } from './provision';

/** The environment of an editor on `port`, reachable over plain HTTP on this machine. */
export async function editorEnv(n8n: N8n, userFolder: string, port: number | string, extra: Record<string, string> = {}): Promise<NodeJS.ProcessEnv> {
	return n8nEnvironment(n8n, userFolder, await freePort(), { N8N_PORT: String(port), N8N_SECURE_COOKIE: 'false', ...extra });
}

/**
 * Imports every example workflow and template (sample files copied where n8n may read them;
 * `settings` overrides the templates' Client Settings), and `credentials` when given.
 */
export async function importExamples(
	n8n: N8n,
	env: NodeJS.ProcessEnv,
	userFolder: string,
	{ settings = {}, perFile = {}, credentials }: { settings?: Record<string, unknown>; perFile?: Record<string, Record<string, unknown>>; credentials?: unknown[] } = {},
): Promise<Array<{ file: string; workflow: ExampleWorkflow }>> {
	const cli = n8nCli(n8n, env);
	if (credentials) await cli.importCredentials(credentials);
	const examples = prepareExamples(filesFolder(userFolder), settings, perFile);
	for (const { file, workflow } of examples) await cli.importWorkflow(file, workflow);
	return examples;
}

export interface OwnerLogin {
	email: string;
	password: string;
	file: string;
}

/** The sandbox owner's login: made once (random password, this machine only), then reused. */
export function ownerLogin(userFolder: string): OwnerLogin {
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
async function setUpOwner(base: string, login: OwnerLogin, timeoutMs = 180_000): Promise<void> {
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
			const { cause, message } = error as Error;
			if (!/fetch failed|ECONNREFUSED/.test(String(cause ?? message))) throw error;
		}
		if (Date.now() > until) throw new Error(`n8n did not answer at ${base} within ${timeoutMs / 1000} s`);
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}

export interface RunningEditor {
	base: string;
	login: OwnerLogin;
	child: ChildProcess;
	stop(): Promise<void>;
}

/** Starts `n8n start`; resolves once the owner can log in. stop() ends it. */
export async function startEditor(n8n: N8n, env: NodeJS.ProcessEnv, { quiet = false } = {}): Promise<RunningEditor> {
	const child = spawn(n8n.node, [n8n.n8nMain, 'start'], { env, stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
	let log = '';
	if (quiet) for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk) => (log = (log + chunk).slice(-20_000)));
	const exited = new Promise<never>((_, reject) => child.on('exit', (code) => reject(new Error(`n8n exited (${code}) before it was ready:\n${log}`))));
	const base = `http://127.0.0.1:${env.N8N_PORT}`;
	const login = ownerLogin(env.N8N_USER_FOLDER as string);
	await Promise.race([setUpOwner(base, login), exited]);
	exited.catch(() => undefined);
	return {
		base,
		login,
		child,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
			}),
	};
}
