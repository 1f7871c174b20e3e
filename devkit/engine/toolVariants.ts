import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

/**
 * The "<node> Tool" type n8n's server makes of a node that sets usableAsTool (its
 * convertNodeToAiTool, which lives in the n8n package, not n8n-core): the replacements applied,
 * the name and display name suffixed, no inputs, one AI tool output, a Description parameter.
 */
export function toolVariant(type: INodeType): INodeType | null {
	const usable = type.description.usableAsTool;
	if (!usable) return null;
	const { usableAsTool: _usable, ...rest } = type.description;
	const source = { ...rest, ...(typeof usable === 'object' ? usable.replacements : {}) } as INodeTypeDescription;
	const description: INodeTypeDescription = {
		...source,
		name: `${source.name}Tool`,
		displayName: `${source.displayName} Tool`,
		inputs: [],
		outputs: [NodeConnectionTypes.AiTool],
		properties: [...source.properties, { displayName: 'Description', name: 'toolDescription', type: 'string', default: source.description, required: true }],
	};
	// The node's own execute, found through the prototype chain; only the description differs.
	return Object.create(type, { description: { value: description } }) as INodeType;
}

interface LangChainTool {
	name: string;
	description: string;
	schema: { shape?: Record<string, unknown> };
	invoke(args: Record<string, unknown>): Promise<string>;
}

/**
 * What an AI Agent does with its tools, scripted: asks n8n-core for the tools connected to it
 * (the path n8n's own agents take, through createNodeAsTool), lists each tool's name,
 * description and parameters, then makes the calls in `calls` and puts out each answer.
 */
export class ToolCaller implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tool Caller',
		name: 'toolCaller',
		group: ['transform'],
		version: 1,
		description: 'Test stand-in for an AI Agent: calls its tools with scripted arguments',
		defaults: { name: 'Tool Caller' },
		inputs: [NodeConnectionTypes.Main, { type: NodeConnectionTypes.AiTool, displayName: 'Tools', required: true }],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Calls', name: 'calls', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const tools = ((await this.getInputConnectionData(NodeConnectionTypes.AiTool, 0)) as LangChainTool[]).flat();
		const calls = JSON.parse(this.getNodeParameter('calls', 0) as string) as Array<{ tool: string; args: Record<string, unknown> }>;
		const out: INodeExecutionData[] = tools.map((tool) => ({ json: { listed: tool.name, description: tool.description, parameters: Object.keys(tool.schema.shape ?? {}) } }));
		for (const call of calls) {
			const tool = tools.find((t) => t.name === call.tool);
			if (!tool) throw new Error(`No tool ${call.tool} among ${tools.map((t) => t.name).join(', ')}`);
			let answer: unknown;
			try {
				answer = JSON.parse(await tool.invoke(call.args));
			} catch (error) {
				answer = { error: (error as Error).message };
			}
			out.push({ json: { tool: call.tool, args: call.args, answer: answer as never } });
		}
		return [out];
	}
}
