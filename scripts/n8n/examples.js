/**
 * The example workflows, made ready for a real n8n: sample files are copied into the folder n8n
 * may read (N8N_RESTRICT_FILE_ACCESS_TO), and Read Files paths point there.
 */
const fs = require('fs');
const path = require('path');

const EXAMPLES = path.resolve(__dirname, '../../examples');

function listExamples() {
	return fs
		.readdirSync(EXAMPLES)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) }));
}

function prepareExamples(filesDir) {
	fs.mkdirSync(filesDir, { recursive: true });
	for (const data of fs.readdirSync(path.join(EXAMPLES, 'data'))) fs.copyFileSync(path.join(EXAMPLES, 'data', data), path.join(filesDir, data));
	return listExamples().map(({ file, workflow }) => {
		for (const node of workflow.nodes) {
			if (node.type === 'n8n-nodes-base.readWriteFile' && typeof node.parameters.fileSelector === 'string') {
				node.parameters.fileSelector = path.join(filesDir, path.basename(node.parameters.fileSelector));
			}
		}
		delete workflow.pinData;
		return { file, workflow };
	});
}

module.exports = { listExamples, prepareExamples, EXAMPLES };
