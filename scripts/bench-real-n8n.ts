/**
 * `npm run bench:n8n [-- --size 1000000]`: the suite on a synthetic base in a real n8n 2.41.1
 * server, as a production workflow would run it: a webhook call starts Read File -> Customer Data
 * -> Churn Risk -> Lifecycle Stage, and the call returns when the last node is done. Prints one
 * JSON line: seconds from the call to the response, n8n's peak RSS, the customers staged and the
 * first one. `n8n execute` cannot take a run this size: it prints every node's items as one JSON
 * string, which at a million customers is longer than V8 allows a string to be.
 *
 * n8n runs as it would be set up for data this size (and says so in the output): execution data
 * of successful runs is not saved (EXECUTIONS_DATA_SAVE_ON_SUCCESS=none), binary data goes to the
 * filesystem, and the heap may grow to --heap MB (default 16384; `--heap default` leaves Node's
 * own limit).
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { ensureN8n, installPackage } from '../devkit/n8n/provision';
import { filesFolder, n8nEnvironment, freePort } from '../devkit/n8n/environment';
import { PACKAGE_ROOT as ROOT } from '../devkit/packageRoot';
import { ANALYSIS_DATE, writeCsv } from '../devkit/synthetic/benchOrders';

const PACKAGE = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;

function arg(name: string, fallback: string): string {
	const i = process.argv.indexOf(`--${name}`);
	return i === -1 ? fallback : process.argv[i + 1];
}

function workflow(file: string) {
	const node = (name: string, type: string, typeVersion: number, x: number, parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id: name.replace(/\W/g, '').toLowerCase(), name, type, typeVersion, position: [x, 0], parameters, ...extra });
	const nodes = [
		node('Webhook', 'n8n-nodes-base.webhook', 2, 0, { httpMethod: 'POST', path: 'retention-bench', responseMode: 'lastNode', responseData: 'firstEntryJson', options: {} }, { webhookId: '6a1f3c1e-7b59-4b8e-9d0a-2f6f1c9e5a11' }),
		node('Read File', 'n8n-nodes-base.readWriteFile', 1, 200, { operation: 'read', fileSelector: file, options: {} }),
		node('Customer Data', `${PACKAGE}.customerData`, 1, 400, { source: 'binaryFile', analysisDate: ANALYSIS_DATE }),
		node('Churn Risk', `${PACKAGE}.churnRisk`, 1, 600, { analysisDate: ANALYSIS_DATE }),
		node('Lifecycle Stage', `${PACKAGE}.lifecycleStage`, 1, 800, { analysisDate: ANALYSIS_DATE }),
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i + 1 < nodes.length; i++) connections[nodes[i].name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] };
	return { id: 'retentionBenchRun1', name: 'Retention bench (real n8n)', active: false, nodes, connections, settings: { saveDataSuccessExecution: 'none', saveManualExecutions: false } };
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

/** Peak resident memory of a process (VmHWM), in MB. */
function peakRssMb(pid: number): number {
	const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
	return Math.round(kb / 1024);
}

async function main() {
	const size = Number(arg('size', '1000000'));
	const heap = arg('heap', '16384');
	const port = Number(arg('port', '5699'));
	const n8n = await ensureN8n();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-real-n8n-'));
	const filesDir = filesFolder(userFolder);
	fs.mkdirSync(filesDir, { recursive: true });
	installPackage(userFolder, ROOT);

	const source = path.join(ROOT, 'bench', 'data', `orders-${size}.csv`);
	if (!fs.existsSync(source)) {
		fs.mkdirSync(path.dirname(source), { recursive: true });
		writeCsv(source, size);
	}
	const file = path.join(filesDir, path.basename(source));
	fs.copyFileSync(source, file);

	const env = n8nEnvironment(n8n, userFolder, await freePort(), {
		N8N_PORT: String(port),
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none',
		N8N_DEFAULT_BINARY_DATA_MODE: 'filesystem',
		N8N_LOG_LEVEL: 'warn',
		DB_SQLITE_POOL_SIZE: '1',
		GENERIC_TIMEZONE: 'UTC',
	});
	if (heap !== 'default') env.NODE_OPTIONS = `--max-old-space-size=${Number(heap)}`;
	const cli = (...args: string[]) => {
		const result = spawnSync(n8n.node, [n8n.n8nMain, ...args], { env, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
	};
	const workflowFile = path.join(userFolder, 'workflow.json');
	const flow = workflow(file);
	fs.writeFileSync(workflowFile, JSON.stringify(flow));
	cli('import:workflow', `--input=${workflowFile}`);
	cli('publish:workflow', `--id=${flow.id}`);

	const server = spawn(n8n.node, [n8n.n8nMain, 'start'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	server.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-20_000)));
	try {
		for (let tries = 0; ; tries++) {
			const ready = await request(port, '/healthz/readiness').catch(() => undefined);
			if (ready && ready.status === 200) break;
			if (tries > 240 || server.exitCode !== null) throw new Error(`n8n did not start:\n${stderr}`);
			await sleep(500);
		}
		const idleRssMb = peakRssMb(server.pid as number);
		const started = Date.now();
		const response = await request(port, '/webhook/retention-bench', 'POST');
		const seconds = (Date.now() - started) / 1000;
		const first = JSON.parse(response.body || '{}');
		const line = {
			size: `${size / 1000}k`,
			n8n: '2.41.1 (n8n start, webhook)',
			status: response.status,
			seconds,
			peakRssMb: peakRssMb(server.pid as number),
			idleRssMb,
			heapLimitMb: heap === 'default' ? 'Node default' : Number(heap),
			settings: 'EXECUTIONS_DATA_SAVE_ON_SUCCESS=none, N8N_DEFAULT_BINARY_DATA_MODE=filesystem',
			firstCustomer: { customerId: first.customerId, churnProbability: first.churnProbability, riskLevel: first.riskLevel, lifecycleStage: first.lifecycleStage },
			machine: `${os.cpus().length} cores`,
		};
		console.log(JSON.stringify(line));
		fs.mkdirSync(path.join(ROOT, 'bench', 'results'), { recursive: true });
		fs.appendFileSync(path.join(ROOT, 'bench', 'results', 'real-n8n.jsonl'), `${JSON.stringify(line)}\n`);
		if (response.status !== 200 || !first.lifecycleStage) {
			console.error(`The run did not return a staged customer:\n${response.body.slice(0, 2000)}\n${stderr}`);
			process.exitCode = 1;
		}
	} finally {
		server.kill('SIGTERM');
		fs.rmSync(userFolder, { recursive: true, force: true });
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
