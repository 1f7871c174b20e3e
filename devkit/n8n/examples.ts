/**
 * The example workflows and templates, made ready for a real n8n: sample files are copied into
 * the folder n8n may read (N8N_RESTRICT_FILE_ACCESS_TO), Read Files paths point there, and each
 * template's Client Settings node gets the values of this machine (data folder, local stand-ins
 * for the mail server and the APIs).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { IDataObject } from 'n8n-workflow';
import type { WorkflowJson } from '../engine/harness';

/** An example as stored in examples/: a workflow n8n imports, with its id and name. */
export type ExampleWorkflow = WorkflowJson & { id: string; name: string };
interface Assignment {
	name: string;
	value: unknown;
}
const assignmentsOf = (workflow: WorkflowJson): Assignment[] => ((workflow.nodes.find((n) => n.name === SETTINGS_NODE)?.parameters.assignments as { assignments?: Assignment[] } | undefined)?.assignments ?? []);

export const EXAMPLES = path.resolve(__dirname, '../../examples');
const SETTINGS_NODE = 'Client Settings';

export function listExamples(): Array<{ file: string; workflow: ExampleWorkflow }> {
	return fs
		.readdirSync(EXAMPLES)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => ({ file, workflow: JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')) }));
}

/** A template's per-client settings, by name (empty for the examples without a Client Settings node). */
export function clientSettings(workflow: WorkflowJson): IDataObject {
	return Object.fromEntries(assignmentsOf(workflow).map((a) => [a.name, a.value])) as IDataObject;
}

/** Sets Client Settings values that the template has (others are left alone). */
export function withSettings<W extends WorkflowJson>(workflow: W, values: Record<string, unknown>): W {
	const copy = JSON.parse(JSON.stringify(workflow)) as W;
	for (const assignment of assignmentsOf(copy)) {
		if (assignment.name in values) assignment.value = values[assignment.name];
	}
	return copy;
}

/**
 * `settings` overrides Client Settings values (dataFolder is always filesDir). The same values
 * go to every template, each taking the ones it has; `perFile` adds values for one file.
 */
export function prepareExamples(filesDir: string, settings: Record<string, unknown> = {}, perFile: Record<string, Record<string, unknown>> = {}): Array<{ file: string; workflow: ExampleWorkflow }> {
	fs.mkdirSync(filesDir, { recursive: true });
	for (const data of fs.readdirSync(path.join(EXAMPLES, 'data'))) fs.copyFileSync(path.join(EXAMPLES, 'data', data), path.join(filesDir, data));
	return listExamples().map(({ file, workflow }) => {
		const prepared = withSettings(workflow, { ...settings, ...perFile[file], dataFolder: filesDir });
		for (const node of prepared.nodes) {
			if (node.type === 'n8n-nodes-base.readWriteFile' && typeof node.parameters.fileSelector === 'string' && !node.parameters.fileSelector.startsWith('=')) {
				node.parameters.fileSelector = path.join(filesDir, path.basename(node.parameters.fileSelector));
			}
		}
		delete prepared.pinData;
		return { file, workflow: prepared };
	});
}
