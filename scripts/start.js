#!/usr/bin/env node
/**
 * `npm start`: the n8n 2.41.1 editor at http://localhost:5678 with this package installed as a
 * community package and the example workflows imported, to click through in a browser. The
 * n8n data folder lives in the cache, so your account and edits survive restarts; the login of
 * the local owner account is printed once n8n is ready.
 */
const fs = require('fs');
const path = require('path');
const { ensureN8n, installPackage } = require('./n8n/provision');
const { editorEnv, importExamples, startEditor } = require('./n8n/server');

const ROOT = path.resolve(__dirname, '..');

async function main() {
	const n8n = await ensureN8n();
	const userFolder = path.join(n8n.cache, 'editor');
	fs.mkdirSync(userFolder, { recursive: true });
	installPackage(userFolder, ROOT);
	const env = editorEnv(n8n, userFolder, process.env.N8N_PORT || '5678', { GENERIC_TIMEZONE: process.env.GENERIC_TIMEZONE || 'Asia/Shanghai' });
	for (const { file } of importExamples(n8n, env, userFolder)) console.log(`imported ${file}`);
	console.log(`\nStarting n8n on http://localhost:${env.N8N_PORT} (Ctrl+C to stop). Sample files are in ${env.N8N_RESTRICT_FILE_ACCESS_TO}.\n`);
	const editor = await startEditor(n8n, env);
	for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => editor.child.kill(signal));
	editor.child.on('exit', (code) => process.exit(code ?? 0));
	console.log(`\nn8n is ready at http://localhost:${env.N8N_PORT}. Log in as ${editor.login.email} with password ${editor.login.password} (kept in ${editor.login.file}).\n`);
}

main().catch((error) => {
	console.error(error.message);
	process.exit(1);
});
