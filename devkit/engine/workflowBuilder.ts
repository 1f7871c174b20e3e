import type { IDataObject, INode } from 'n8n-workflow';
import type { WorkflowJson } from './harness';

/** Builds small linear workflows for tests: Start -> ...nodes, each into the next's input 0. */
export interface StepSpec {
	name: string;
	type: string;
	parameters?: IDataObject;
	/** Which output of this step feeds the next step (default 0). */
	output?: number;
	onError?: INode['onError'];
	credentials?: INode['credentials'];
}

export function linearWorkflow(steps: StepSpec[]): WorkflowJson {
	const all: StepSpec[] = [{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' }, ...steps];
	const nodes = all.map((step, i) => ({
		id: String(i + 1),
		name: step.name,
		type: step.type.includes('.') ? step.type : `n8n-nodes-retention.${step.type}`,
		typeVersion: 1,
		position: [i * 220, 0] as [number, number],
		parameters: step.parameters ?? {},
		...(step.onError ? { onError: step.onError } : {}),
		...(step.credentials ? { credentials: step.credentials } : {}),
	}));
	const connections: WorkflowJson['connections'] = {};
	for (let i = 0; i < all.length - 1; i++) {
		const output = all[i].output ?? 0;
		const main: Array<Array<{ node: string; type: 'main'; index: number }>> = [];
		for (let o = 0; o <= output; o++) main.push(o === output ? [{ node: all[i + 1].name, type: 'main', index: 0 }] : []);
		connections[all[i].name] = { main };
	}
	return { nodes: nodes as WorkflowJson['nodes'], connections };
}

/** A Code step that emits the given rows as items. */
export function rowsStep(rows: IDataObject[], name = 'Rows'): StepSpec {
	return { name, type: 'n8n-nodes-base.code', parameters: { jsCode: `return ${JSON.stringify(rows.map((json) => ({ json })))};` } };
}

/** A Read Files step for an absolute path (or one relative to the repository). */
export function fileStep(filePath: string, name = 'Read File'): StepSpec {
	return { name, type: 'n8n-nodes-base.readWriteFile', parameters: { operation: 'read', fileSelector: filePath } };
}
