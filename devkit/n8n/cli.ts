/**
 * n8n's command line for one user folder: import credentials and workflows, run a workflow with
 * `n8n execute --id`, activate one for `n8n start`. Asynchronous, so that servers in this process
 * (the SMTP sink, the API stand-in) keep answering while n8n runs.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import type { IRun } from 'n8n-workflow';
import type { N8n } from './provision';

interface CallResult {
	status: number | null;
	stderr: string;
	stdout: string;
}

/**
 * `n8n execute --rawOutput` prints the run as pretty JSON among log lines: the run is the block
 * from a line `{` to the next line `}`.
 */
export function parseRun(stdout: string): IRun | undefined {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i] !== '{') continue;
		const j = lines.indexOf('}', i + 1);
		if (j === -1) return undefined;
		try {
			const parsed = JSON.parse(lines.slice(i, j + 1).join('\n'));
			if (parsed && parsed.data && parsed.data.resultData) return parsed;
		} catch {
			// not the run; keep looking
		}
	}
	return undefined;
}

export function n8nCli(n8n: N8n, env: NodeJS.ProcessEnv) {
	const folder = env.N8N_USER_FOLDER as string;
	// n8n exits right after printing the run; a large write to a pipe can be cut off by that
	// exit, while writes to a file are synchronous in Node, so stdout goes to a file.
	const call = (args: string[]) =>
		new Promise<CallResult>((resolve, reject) => {
			const outFile = path.join(folder, 'stdout.txt');
			const fd = fs.openSync(outFile, 'w');
			const child = spawn(n8n.node, [n8n.n8nMain, ...args], { env, stdio: ['ignore', fd, 'pipe'] });
			let stderr = '';
			child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
			child.on('error', reject);
			child.on('exit', (status) => {
				fs.closeSync(fd);
				resolve({ status, stderr, stdout: fs.readFileSync(outFile, 'utf8') });
			});
		});
	// The file n8n imports from is removed afterwards: credentials are in it in plain text.
	const importFile = async (kind: 'workflow' | 'credentials', name: string, content: unknown) => {
		const file = path.join(folder, name);
		fs.writeFileSync(file, JSON.stringify(content), { mode: 0o600 });
		const result = await call([`import:${kind}`, `--input=${file}`]).finally(() => fs.rmSync(file, { force: true }));
		if (result.status !== 0) throw new Error(`n8n import:${kind} of ${name} failed:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
	};
	return {
		importWorkflow: (name: string, workflow: unknown) => importFile('workflow', name, workflow),
		importCredentials: (credentials: unknown) => importFile('credentials', 'credentials.json', credentials),
		/** Runs a workflow; resolves with the run data (undefined when n8n printed none) and the output. */
		async execute(workflowId: string): Promise<CallResult & { run: IRun | undefined }> {
			let result = await call(['execute', `--id=${workflowId}`, '--rawOutput']);
			let run = parseRun(result.stdout);
			// The first `n8n execute` in a fresh user folder has been seen to crash after its result
			// was printed; a crash without a result gets one more try.
			if (!run && result.status !== 0) {
				result = await call(['execute', `--id=${workflowId}`, '--rawOutput']);
				run = parseRun(result.stdout);
			}
			return { run, ...result };
		},
		/** Makes a workflow's triggers (webhooks) live at the next `n8n start`: publish in 2.x, activate in 1.x. */
		async activate(workflowId: string): Promise<void> {
			const args = n8n.version.startsWith('1.') ? ['update:workflow', `--id=${workflowId}`, '--active=true'] : ['publish:workflow', `--id=${workflowId}`];
			const result = await call(args);
			if (result.status !== 0) throw new Error(`n8n ${args[0]} failed:\n${result.stdout.slice(-2000)}\n${result.stderr.slice(-2000)}`);
		},
	};
}
