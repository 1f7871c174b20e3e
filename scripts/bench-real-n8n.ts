/**
 * `npm run bench:n8n [-- --size 100000 | --input FILE.csv --analysis-date YYYY-MM-DD] [--settings default|lean] [--items] [--cpu-prof DIR]`:
 * the suite in a real n8n 2.41.1 server as a production workflow runs it: a webhook call starts
 * Read File -> Customer Data -> Churn Risk -> Lifecycle Stage -> Retention Action, and returns
 * when the last node is done. Prints one JSON line: seconds from the call to the answer, n8n's
 * peak RSS, what the run added to n8n's database and binary-data folder, and what the run
 * decided (the counts of the No Action base, or with `--items` a customer on No Action). `n8n execute` cannot take a run this size: it prints every node's items as one
 * JSON string, longer than V8 allows a string to be at a million customers.
 *
 * `--settings default` (the default) runs n8n as it comes: every successful execution saved with
 * its data, binary data as n8n 2.41 keeps it. `--settings lean` is how one would set n8n up for
 * bases this size: successful executions not saved (EXECUTIONS_DATA_SAVE_ON_SUCCESS=none),
 * binary data on the filesystem. The heap may grow to --heap MB (default: Node's own limit).
 *
 * The nodes are as a user adds them today (version 2: the customer base between them); `--items`
 * runs them as version 1, one item per customer between the nodes. `--cpu-prof DIR` writes a
 * V8 CPU profile of n8n's server process into DIR when it stops (the profiler slows the run).
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { filesFolder, freePort, n8nEnvironment } from '../devkit/n8n/environment';
import { ensureN8n, installPackage } from '../devkit/n8n/provision';
import { tarballOfBuild } from '../devkit/n8n/packageTarball';
import { PACKAGE_ROOT as ROOT } from '../devkit/packageRoot';
import { ANALYSIS_DATE, writeCsv } from '../devkit/synthetic/benchOrders';
import { benchRetentionActionParameters } from '../devkit/bench/benchRetentionAction';

const PACKAGE = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;
const WEBHOOK_PATH = 'retention-bench';

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i === -1 ? fallback : process.argv[i + 1];
}

function workflow(file: string, analysisDate: string, version: number) {
	const node = (name: string, type: string, typeVersion: number, x: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id: name.replace(/\W/g, '').toLowerCase(), name, type, typeVersion, position: [x, 0], parameters, ...extra });
	const nodes = [
		node('Webhook', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: 'POST', path: WEBHOOK_PATH, responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} }, { webhookId: '6a1f3c1e-7b59-4b8e-9d0a-2f6f1c9e5a11' }),
		node('Read File', 'n8n-nodes-base.readWriteFile', 1, 200, { operation: 'read', fileSelector: file, options: {} }),
		node('Customer Data', `${PACKAGE}.customerData`, version, 400, { source: 'binaryFile', analysisDate }),
		node('Churn Risk', `${PACKAGE}.churnRisk`, version, 600, { analysisDate }),
		node('Lifecycle Stage', `${PACKAGE}.lifecycleStage`, version, 800, { analysisDate }),
		node('Retention Action', `${PACKAGE}.retentionAction`, version, 1000, benchRetentionActionParameters(analysisDate)),
		// The answer: No Action's first item: with version 2 the base with every decision (its
		// counts answer), with version 1 the first customer nobody contacts.
		node('Decided', 'n8n-nodes-base.noOp', 1, 1200, {}),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 2 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	connections['Retention Action'] = { main: [[], [], [], [], [{ node: 'Decided', type: 'main', index: 0 }]] };
	return { id: 'retentionBenchRun1', name: 'Retention bench (real n8n)', active: false, nodes, connections, settings: {} };
}

function request(port: number, pathname: string, method = 'GET'): Promise<{ status: number | undefined; body: string }> {
	return new Promise((resolve, reject) => {
		const req = http.request({ host: '127.0.0.1', port, path: pathname, method, headers: { 'content-type': 'application/json' } }, (res) => {
			let body = '';
			res.setEncoding('utf8');
			res.on('data', (chunk) => (body += chunk));
			res.on('end', () => resolve({ status: res.statusCode, body }));
		});
		req.setTimeout(0);
		req.on('error', reject);
		req.end(method === 'POST' ? '{}' : undefined);
	});
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * n8n registers an active workflow's webhook a moment after it answers /healthz: until then the
 * webhook answers 404. A GET to a POST webhook is refused either way, but once it is registered
 * the refusal says to use POST. Bounded: n8n that does not register within the time fails the run.
 */
async function whenWebhookListens(port: number, timeoutMs = 120_000): Promise<void> {
	const until = Date.now() + timeoutMs;
	for (;;) {
		const answer = await request(port, `/webhook/${WEBHOOK_PATH}`).catch(() => ({ status: 0, body: '' }));
		if (/POST request/.test(answer.body)) return;
		if (Date.now() > until) throw new Error(`the webhook was not registered within ${timeoutMs / 1000} s (last answer ${answer.status} ${answer.body.slice(0, 200)})`);
		await sleep(500);
	}
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	return Math.round(Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024);
}

/** Bytes under a folder (files only). */
function folderBytes(dir: string): number {
	if (!fs.existsSync(dir)) return 0;
	return fs.readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
		const full = path.join(dir, entry.name);
		return sum + (entry.isDirectory() ? folderBytes(full) : entry.isFile() ? fs.statSync(full).size : 0);
	}, 0);
}

/**
 * What n8n keeps of runs: its SQLite database with its write-ahead log, and the binary data of
 * executions (in `storage` since n8n 2, `binaryData` before).
 */
function storedBytes(userFolder: string): { database: number; binaryData: number } {
	const n8nDir = path.join(userFolder, '.n8n');
	const database = ['database.sqlite', 'database.sqlite-wal', 'database.sqlite-shm'].reduce((sum, name) => sum + (fs.existsSync(path.join(n8nDir, name)) ? fs.statSync(path.join(n8nDir, name)).size : 0), 0);
	return { database, binaryData: folderBytes(path.join(n8nDir, 'storage')) + folderBytes(path.join(n8nDir, 'binaryData')) };
}

const mb = (bytes: number) => Math.round(bytes / 1e5) / 10;

async function main() {
	const settings = arg('settings', 'default');
	if (settings !== 'default' && settings !== 'lean') throw new Error('--settings is default or lean');
	const heap = arg('heap', 'default');
	const profileDir = arg('cpu-prof', '');
	const input = arg('input', '');
	const size = Number(arg('size', '100000'));
	const analysisDate = arg('analysis-date', ANALYSIS_DATE);
	const n8n = await ensureN8n();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-real-n8n-'));
	const filesDir = filesFolder(userFolder);
	fs.mkdirSync(filesDir, { recursive: true });
	installPackage(userFolder, tarballOfBuild(ROOT));

	let source = input ? path.resolve(input) : path.join(ROOT, 'bench', 'data', `orders-${size}.csv`);
	if (!input && !fs.existsSync(source)) {
		fs.mkdirSync(path.dirname(source), { recursive: true });
		writeCsv(source, size);
	}
	if (!fs.existsSync(source)) throw new Error(`No such file: ${source}`);
	const file = path.join(filesDir, path.basename(source));
	fs.copyFileSync(source, file);
	source = file;

	const port = await freePort();
	const lean: Record<string, string> = settings === 'lean' ? { EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none', N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem' } : {};
	const env = n8nEnvironment(n8n, userFolder, await freePort(), { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_LOG_LEVEL: 'warn', GENERIC_TIMEZONE: 'UTC', ...lean });
	if (heap !== 'default') env.NODE_OPTIONS = `--max-old-space-size=${Number(heap)}`;
	const cli = (...args: string[]) => {
		const result = spawnSync(n8n.node, [n8n.n8nMain, ...args], { env, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	};
	const workflowFile = path.join(userFolder, 'workflow.json');
	const version = process.argv.includes('--items') ? 1 : 2;
	const flow = workflow(source, analysisDate, version);
	fs.writeFileSync(workflowFile, JSON.stringify(flow));
	cli('import:workflow', `--input=${workflowFile}`);
	cli('publish:workflow', `--id=${flow.id}`);

	// Only the server is profiled, not the CLI calls above.
	const serverEnv = profileDir ? { ...env, NODE_OPTIONS: `${env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${path.resolve(profileDir)}`.trim() } : env;
	const server = spawn(n8n.node, [n8n.n8nMain, 'start'], { env: serverEnv, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	server.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
	try {
		for (let tries = 0; ; tries++) {
			const ready = await request(port, '/healthz/readiness').catch(() => undefined);
			if (ready && ready.status === 200) break;
			if (tries > 240 || server.exitCode !== null) throw new Error(`n8n did not start:\n${stderr}`);
			await sleep(500);
		}
		await whenWebhookListens(port);
		const idleRssMb = peakRssMb(server.pid as number);
		const before = storedBytes(userFolder);
		const started = Date.now();
		const response = await request(port, `/webhook/${WEBHOOK_PATH}`, 'POST');
		const total = (Date.now() - started) / 1000;
		// n8n saves the execution as the answer goes out: give it a moment to finish writing.
		await sleep(2000);
		const after = storedBytes(userFolder);
		const first = JSON.parse(response.body || '{}') as Record<string, unknown>;
		const line = {
			input: input ? path.basename(source) : `${size / 1000}k synthetic`,
			n8n: '2.41.1 (n8n start, webhook)',
			between: version === 2 ? 'customer base (version 2 nodes)' : 'one item per customer (version 1 nodes)',
			settings: settings === 'lean' ? 'lean: EXECUTIONS_DATA_SAVE_ON_SUCCESS=none, N8N_DEFAULT_BINARY_DATA_MODE=filesystem' : "n8n's defaults (successful executions saved with their data)",
			status: response.status,
			seconds: { total },
			peakRssMb: peakRssMb(server.pid as number),
			idleRssMb,
			storedMb: { database: mb(after.database - before.database), binaryData: mb(after.binaryData - before.binaryData) },
			heapLimitMb: heap === 'default' ? 'Node default' : Number(heap),
			...(profileDir ? { cpuProfileDir: path.resolve(profileDir) } : {}),
			decided: version === 2
				? { customers: (first.customerBase as { customers?: number } | undefined)?.customers, decisions: first.decisions, treatment: first.treatment, control: first.control }
				: { customerId: first.customerId, lifecycleStage: first.lifecycleStage, action: first.action, group: first.group, suppressionReason: first.suppressionReason },
			machine: `${os.cpus().length} cores`,
		};
		console.log(JSON.stringify(line));
		fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
		fs.appendFileSync(path.join(ROOT, 'bench', 'results', 'real-n8n.jsonl'), `${JSON.stringify(line)}\n`);
		const decided = version === 2 ? typeof (first.customerBase as { customers?: number } | undefined)?.customers === 'number' : Boolean(first.customerId && first.lifecycleStage);
		if (response.status !== 200 || !decided) {
			console.error(`The run did not answer with a decided customer:\n${response.body.slice(0, 2000)}\n${stderr}`);
			process.exitCode = 1;
		}
	} finally {
		const stopped = new Promise((resolve) => server.once('exit', resolve));
		server.kill('SIGTERM');
		// A profile is written as the process exits: wait for it (bounded).
		if (profileDir) await Promise.race([stopped, sleep(60_000)]);
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
