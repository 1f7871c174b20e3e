/**
 * The example workflows and templates, made ready for a real n8n: sample files are copied into
 * the folder n8n may read (N8N_RESTRICT_FILE_ACCESS_TO), Read Files paths point there, and each
 * template's Client Settings node gets the values of this machine (data folder, local stand-ins
 * for the mail server and the APIs).
 */
const fs = require('fs');
const path = require('path');

const EXAMPLES = path.resolve(__dirname, '../../examples');
const SETTINGS_NODE = 'Client Settings';

function listExamples() {
	return fs
		.readdirSync(EXAMPLES)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) }));
}

/** A template's per-client settings, by name (empty for the examples without a Client Settings node). */
function clientSettings(workflow) {
	const node = workflow.nodes.find((n) => n.name === SETTINGS_NODE);
	return Object.fromEntries((node?.parameters.assignments?.assignments ?? []).map((a) => [a.name, a.value]));
}

/** Sets Client Settings values that the template has (others are left alone). */
function withSettings(workflow, values) {
	const copy = JSON.parse(JSON.stringify(workflow));
	const node = copy.nodes.find((n) => n.name === SETTINGS_NODE);
	for (const assignment of node?.parameters.assignments?.assignments ?? []) {
		if (assignment.name in values) assignment.value = values[assignment.name];
	}
	return copy;
}

/**
 * `settings` overrides Client Settings values (dataFolder is always filesDir). The same values
 * go to every template, each taking the ones it has.
 */
function prepareExamples(filesDir, settings = {}) {
	fs.mkdirSync(filesDir, { recursive: true });
	for (const data of fs.readdirSync(path.join(EXAMPLES, 'data'))) fs.copyFileSync(path.join(EXAMPLES, 'data', data), path.join(filesDir, data));
	return listExamples().map(({ file, workflow }) => {
		const prepared = withSettings(workflow, { ...settings, dataFolder: filesDir });
		for (const node of prepared.nodes) {
			if (node.type === 'n8n-nodes-base.readWriteFile' && typeof node.parameters.fileSelector === 'string' && !node.parameters.fileSelector.startsWith('=')) {
				node.parameters.fileSelector = path.join(filesDir, path.basename(node.parameters.fileSelector));
			}
		}
		delete prepared.pinData;
		return { file, workflow: prepared };
	});
}

module.exports = { listExamples, prepareExamples, clientSettings, withSettings, EXAMPLES };
