import * as fs from 'fs';
import * as path from 'path';
import { PACKAGE_ROOT } from '../packageRoot';
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';

/**
 * Small stand-ins for the n8n built-in nodes our fixtures and examples use, registered under
 * the built-ins' type names, so a workflow JSON runs unchanged here and in a real n8n (where
 * the real built-ins run; see scripts/e2e.js).
 */
const base = (name: string, extra: Partial<INodeTypeDescription> = {}): INodeTypeDescription => ({
	displayName: name,
	name,
	group: ['transform'],
	version: [1, 2, 3, 4],
	description: `Test stand-in for ${name}`,
	defaults: { name },
	inputs: ['main'],
	outputs: ['main'],
	properties: [],
	...extra,
});

export class ManualTrigger implements INodeType {
	description = base('manualTrigger', { group: ['trigger'], inputs: [] });
	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return { manualTriggerFunction: async () => this.emit([[{ json: {} }]]) };
	}
}

export class NoOp implements INodeType {
	description = base('noOp');
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** The Code node's "run once for all items" mode, enough for fixtures that build test rows. */
export class Code implements INodeType {
	description = base('code', { properties: [{ displayName: 'Code', name: 'jsCode', type: 'string', default: '' }] });
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const jsCode = this.getNodeParameter('jsCode', 0) as string;
		const $input = { all: () => items, first: () => items[0], last: () => items[items.length - 1] };
		const run = new Function('$input', 'items', `return (async () => {\n${jsCode}\n})();`) as (
			input: typeof $input,
			all: INodeExecutionData[],
		) => Promise<Array<INodeExecutionData | Record<string, unknown>>>;
		const out = await run($input, items);
		return [out.map((item, i) => ('json' in item ? (item as INodeExecutionData) : { json: item as never, pairedItem: { item: Math.min(i, items.length - 1) } }))];
	}
}

/** Read/Write Files' read operation: `fileSelector` relative to the repository root here. */
export class ReadWriteFile implements INodeType {
	description = base('readWriteFile', {
		properties: [
			{ displayName: 'Operation', name: 'operation', type: 'string', default: 'read' },
			{ displayName: 'File Selector', name: 'fileSelector', type: 'string', default: '' },
		],
	});
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < items.length; i++) {
			const selector = this.getNodeParameter('fileSelector', i) as string;
			const file = path.isAbsolute(selector) ? selector : path.resolve(PACKAGE_ROOT, selector);
			const buffer = fs.readFileSync(file);
			const mimeType = /\.json$/.test(file) ? 'application/json' : /\.csv$/.test(file) ? 'text/csv' : 'text/plain';
			const data = await this.helpers.prepareBinaryData(buffer, path.basename(file), mimeType);
			out.push({ json: { fileName: path.basename(file) }, binary: { data }, pairedItem: { item: i } });
		}
		return [out];
	}
}

/**
 * The sending nodes of the win-back example (Send Email, Twilio, HTTP Request, HubSpot), which
 * the example keeps disabled: n8n passes a disabled node's input through, but still needs its type.
 */
export class PassThrough implements INodeType {
	constructor(name: string) {
		this.description = base(name, { version: [1, 2, 2.1, 2.2, 4.2] });
	}
	description: INodeTypeDescription;
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/** Sticky notes are not run, but a workflow with them still names their type. */
export class StickyNote implements INodeType {
	description = base('stickyNote', { inputs: [], outputs: [] });
}
