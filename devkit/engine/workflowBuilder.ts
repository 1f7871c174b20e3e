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
	/** The node's version (default 1, the version the templates were built with). */
	typeVersion?: number;
}

export function linearWorkflow(steps: StepSpec[]): WorkflowJson {
	const all: StepSpec[] = [{ name: 'Start', type: 'n8n-nodes-base.manualTrigger' }, ...steps];
	const nodes = all.map((step, i) => ({
		id: String(i + 1),
		name: step.name,
		type: step.type.includes('.') ? step.type : `n8n-nodes-retention.${step.type}`,
		typeVersion: step.typeVersion ?? 1,
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

/**
 * One node fed by several row sets, one per input (e.g. Retention Action's customers, contact
 * log and measured results): `inputs[i]` goes to input i; null leaves an input unconnected.
 */
export function fanInWorkflow(inputs: Array<{ name: string; rows: IDataObject[] } | null>, target: StepSpec): WorkflowJson {
	const nodes: Array<Record<string, unknown>> = [{ id: '0', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const connections: WorkflowJson['connections'] = {};
	const starts: Array<{ node: string; type: 'main'; index: number }> = [];
	inputs.forEach((input, index) => {
		if (!input) return;
		nodes.push({ id: String(index + 1), name: input.name, type: 'n8n-nodes-base.code', typeVersion: 1, position: [220, index * 200], parameters: rowsStep(input.rows, input.name).parameters });
		starts.push({ node: input.name, type: 'main', index: 0 });
		connections[input.name] = { main: [[{ node: target.name, type: 'main', index }]] };
	});
	connections.Start = { main: [starts] };
	nodes.push({ id: 'target', name: target.name, type: target.type.includes('.') ? target.type : `n8n-nodes-retention.${target.type}`, typeVersion: target.typeVersion ?? 1, position: [440, 0], parameters: target.parameters ?? {} });
	return { nodes: nodes as unknown as WorkflowJson['nodes'], connections };
}

/** A node's tool version as a workflow holds it: the Customer is left to its default, filled in by the AI. */
export interface ToolSpec {
	name: string;
	/** Our node's type name, e.g. churnRisk: the tool version is churnRiskTool. */
	node: string;
	parameters?: IDataObject;
	/** Default 2, the nodes' current version (Campaign Report has only 1). */
	typeVersion?: number;
}

/**
 * Tools connected to a Tool Caller (the stand-in for an AI Agent, devkit/engine/toolVariants.ts),
 * which makes the scripted calls: what an agent's workflow looks like to n8n's engine.
 */
export function agentToolWorkflow(tools: ToolSpec[], calls: Array<{ tool: string; args: IDataObject }>): WorkflowJson {
	const nodes = [
		{ id: 'start', name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: 'agent', name: 'Tool Caller', type: 'n8n-nodes-base.toolCaller', typeVersion: 1, position: [220, 0], parameters: { calls: JSON.stringify(calls) } },
		...tools.map((tool, i) => ({
			id: `tool${i}`,
			name: tool.name,
			type: `n8n-nodes-retention.${tool.node}Tool`,
			typeVersion: tool.typeVersion ?? 2,
			position: [220 * i, 220],
			parameters: tool.parameters ?? {},
		})),
	];
	const connections: WorkflowJson['connections'] = { Start: { main: [[{ node: 'Tool Caller', type: 'main', index: 0 }]] } };
	for (const tool of tools) connections[tool.name] = { ai_tool: [[{ node: 'Tool Caller', type: 'ai_tool', index: 0 }]] };
	return { nodes: nodes as WorkflowJson['nodes'], connections };
}
