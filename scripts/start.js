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
