#!/usr/bin/env node
/**
 * End to end in a real n8n 2.41.1: packs this package, installs it as a community package,
 * imports every workflow in examples/, runs each with `n8n execute --id`, and checks our nodes'
 * outputs with scripts/n8n/exampleChecks.js.
 */
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { ensureN8n, installPackage } = require('./n8n/provision');
const { prepareExamples } = require('./n8n/examples');
const { freePort } = require('./n8n/server');
const { checks } = require('./n8n/exampleChecks');

const ROOT = path.resolve(__dirname, '..');

/**
 * `n8n execute --rawOutput` prints the run as pretty JSON among log lines: the run is the block
 * from a line `{` to the next line `}`.
 */
function parseRun(stdout) {
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

async function main() {
	const n8n = await ensureN8n();
	const userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'retention-e2e-'));
	const filesDir = path.join(userFolder, 'files');
	installPackage(userFolder, ROOT);
	const env = {
		...n8n.env,
		N8N_USER_FOLDER: userFolder,
		N8N_RESTRICT_FILE_ACCESS_TO: filesDir,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'true',
		// Not the default 5679, which an n8n already running here (npm start) holds.
		N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		// execute prints the run through the logger at info level.
		N8N_LOG_LEVEL: 'info',
		DB_SQLITE_POOL_SIZE: '1',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		GENERIC_TIMEZONE: 'Asia/Shanghai',
	};
	// n8n exits right after printing the run; a large write to a pipe can be cut off by that
	// exit, while writes to a file are synchronous in Node, so stdout goes to a file.
	const n8nCli = (args) => {
		const outFile = path.join(userFolder, 'stdout.txt');
		const fd = fs.openSync(outFile, 'w');
		const result = spawnSync(n8n.node, [n8n.n8nMain, ...args], { env, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], maxBuffer: 64 * 1024 * 1024 });
		fs.closeSync(fd);
		return { ...result, stdout: fs.readFileSync(outFile, 'utf8') };
	};

	const examples = prepareExamples(filesDir);
	let failures = 0;
	for (const { file, workflow } of examples) {
		const workflowFile = path.join(userFolder, file);
		fs.writeFileSync(workflowFile, JSON.stringify(workflow));
		const imported = n8nCli(['import:workflow', `--input=${workflowFile}`]);
		if (imported.status !== 0) throw new Error(`import of ${file} failed:\n${imported.stdout}\n${imported.stderr}`);

		const started = Date.now();
		let executed = n8nCli(['execute', `--id=${workflow.id}`, '--rawOutput']);
		let run = parseRun(executed.stdout);
		// The first `n8n execute` in a fresh user folder has been seen to crash after its result
		// was printed; a crash without a result gets one more try.
		if (!run && executed.status !== 0) {
			executed = n8nCli(['execute', `--id=${workflow.id}`, '--rawOutput']);
			run = parseRun(executed.stdout);
		}
		const seconds = ((Date.now() - started) / 1000).toFixed(1);
		if (!run) {
			failures++;
			console.error(`FAIL ${file}: no run data (exit ${executed.status})\n${executed.stdout.slice(-3000)}\n${executed.stderr.slice(-3000)}`);
			continue;
		}
		try {
			if (run.data.resultData.error) throw new Error(`the workflow failed: ${run.data.resultData.error.message}`);
			const output = (node, index = 0) => {
				const runs = run.data.resultData.runData[node];
				if (!runs) throw new Error(`${node} did not run`);
				return (runs[0].data.main[index] || []).map((item) => item.json);
			};
			const check = checks[file];
			if (!check) throw new Error(`no checks for ${file} in scripts/n8n/exampleChecks.js`);
			check(output);
			console.log(`ok   ${file} (${seconds} s in n8n ${require(path.join(path.dirname(n8n.n8nMain), '..', 'package.json')).version})`);
		} catch (error) {
			failures++;
			console.error(`FAIL ${file}: ${error.message}`);
		}
	}
	console.log(`e2e: ${examples.length - failures} passed, ${failures} failed`);
	process.exit(failures ? 1 : 0);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
