import type { DisplayCondition, IDataObject, IDisplayOptions, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CustomerBase } from '../../lib/base/customerBase';
import { TableBuilder } from '../../lib/base/tableBuilder';
import { isUpstreamError, passedOnError } from './linkedItems';
import { isToolCall } from './agentTool/toolCall';

/*
 * The customer base as n8n items: one item whose binary fields are the base's layers (oldest
 * first, named in json.customerBase.layers) and whose json says what it holds. Binary data is
 * where n8n keeps large values out of the execution's JSON: in n8n's filesystem mode each layer
 * is a file the execution refers to, and a node passes earlier layers on by reference.
 */

const MIME_TYPE = 'application/vnd.n8n-retention.customer-base';

export type OutputAs = 'base' | 'items';

/** The node version from which the customer base is the default output. */
const BASE_FROM_VERSION = 2;

function outputAsDefault(version: number): OutputAs {
	return version >= BASE_FROM_VERSION ? 'base' : 'items';
}

const OUTPUT_AS_TEXTS = {
	displayName: 'Output As',
	description: 'How to pass the customers on: as one compact item for the next retention node, or as one item each for any other node',
	base: 'All customers in one item for the next retention node: fast and small on large bases',
};

/**
 * The "Output As" parameter. Nodes added from version 2 put out the base; version 1 nodes (the
 * workflows built before it) keep one item per customer.
 */
export function outputAsProperties(hide?: IDisplayOptions['hide'], texts = OUTPUT_AS_TEXTS): INodeProperties[] {
	const property = (versions: DisplayCondition, fallback: OutputAs): INodeProperties => ({
		displayName: texts.displayName,
		name: 'outputAs',
		type: 'options',
		noDataExpression: true,
		description: texts.description,
		options: [
			{ name: 'Customer Base (One Item)', value: 'base', description: texts.base },
			{ name: 'One Item per Customer', value: 'items', description: 'Each customer as an item, for IF, Send Email, spreadsheets and other nodes' },
		],
		default: fallback,
		displayOptions: { show: { '@version': [versions] }, ...(hide ? { hide } : {}) },
	});
	return [property({ _cnd: { lt: BASE_FROM_VERSION } }, outputAsDefault(1)), property({ _cnd: { gte: BASE_FROM_VERSION } }, outputAsDefault(BASE_FROM_VERSION))];
}

export function readOutputAs(ctx: IExecuteFunctions): OutputAs {
	// An agent reads items' JSON as text: a base is nothing to it.
	if (isToolCall(ctx)) return 'items';
	return ctx.getNodeParameter('outputAs', 0, outputAsDefault(ctx.getNode().typeVersion)) as OutputAs;
}

interface BaseDescription {
	customers: number;
	/** Binary fields of the item that hold the layers, oldest first. */
	layers: string[];
}

function baseDescriptionOf(item: INodeExecutionData | undefined): BaseDescription | null {
	const described = item?.json.customerBase as IDataObject | undefined;
	if (!described || typeof described !== 'object' || !Array.isArray(described.layers)) return null;
	return described as unknown as BaseDescription;
}

export function isCustomerBaseItem(item: INodeExecutionData | undefined): boolean {
	return baseDescriptionOf(item) !== null;
}

export interface BaseInput {
	base: CustomerBase;
	/** The input item that carried it. */
	itemIndex: number;
	item: INodeExecutionData;
}

/** The base on the input, or null when the items are customers or orders. */
export async function readCustomerBase(ctx: IExecuteFunctions, items: INodeExecutionData[]): Promise<BaseInput | null> {
	const index = items.findIndex(isCustomerBaseItem);
	if (index < 0) return null;
	// Error items an earlier node passed on under "continue on fail" travel beside the base.
	const others = items.filter((item, i) => i !== index && !isUpstreamError(item.json)).length;
	if (others > 0) {
		throw new NodeOperationError(ctx.getNode(), `The input holds a customer base and ${others} other items`, {
			description: 'Connect one customer base (the output of Customer Data, Churn Risk or Lifecycle Stage) at a time, or set the node before to Output As: One Item per Customer.',
		});
	}
	const item = items[index];
	const described = baseDescriptionOf(item) as BaseDescription;
	const layers: Uint8Array[] = [];
	for (const name of described.layers) {
		if (!item.binary?.[name]) {
			throw new NodeOperationError(ctx.getNode(), `The customer base has lost its "${name}" data`, {
				description: 'A node between the retention nodes removed the binary data. Connect the retention nodes directly, or keep binary data in the nodes between them.',
			});
		}
		layers.push(await ctx.helpers.getBinaryDataBuffer(index, name));
	}
	try {
		return { base: CustomerBase.fromBytes(layers), itemIndex: index, item };
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), (error as Error).message);
	}
}

/** A layer's binary field name: the node's own, numbered when an earlier node of its kind added one. */
function layerName(kind: string, taken: string[]): string {
	if (!taken.includes(kind)) return kind;
	let n = 2;
	while (taken.includes(`${kind}${n}`)) n++;
	return `${kind}${n}`;
}

/**
 * The output item: the input base's layers passed on as they are, plus this node's layer (the
 * fields it adds, one record per customer in the base's order), and `summary` to read in the
 * editor. `records` may be the whole customers when there is no base yet.
 */
export async function customerBaseItem(
	ctx: IExecuteFunctions,
	input: BaseInput | null,
	kind: string,
	records: Iterable<Record<string, unknown>> | TableBuilder,
	summary: IDataObject,
	pairedItems: number,
): Promise<INodeExecutionData> {
	const earlier = input ? (baseDescriptionOf(input.item) as BaseDescription).layers : [];
	const name = layerName(kind, earlier);
	const builder = records instanceof TableBuilder ? records : TableBuilder.of(records);
	const bytes = builder.finish();
	const binary = Object.fromEntries(earlier.map((layer) => [layer, (input as BaseInput).item.binary![layer]]));
	binary[name] = await ctx.helpers.prepareBinaryData(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), `${name}.customer-base`, MIME_TYPE);
	return {
		json: { customerBase: { customers: builder.rowCount, layers: [...earlier, name] }, ...summary },
		binary,
		pairedItem: Array.from({ length: Math.max(1, pairedItems) }, (_, item) => ({ item })),
	};
}

/** The rows of a base as records for forEachRecord, the customer read when its turn comes. */
export function baseRows({ base, itemIndex }: BaseInput): Array<{ sourceItems: number[]; row: number }> {
	const sourceItems = [itemIndex];
	return Array.from({ length: base.rows }, (_, row) => ({ sourceItems, row }));
}

/** Every customer of a base as an item (for nodes that work on items), paired with the base's item. */
export function customersOfBase({ base, itemIndex }: BaseInput): Array<{ json: IDataObject; sourceItems: number[] }> {
	return Array.from({ length: base.rows }, (_, row) => ({ json: base.record(row) as IDataObject, sourceItems: [itemIndex] }));
}

/** Error items an earlier node put beside its base, passed on. */
export function errorsBesideBase(ctx: IExecuteFunctions, items: INodeExecutionData[]): INodeExecutionData[] {
	return items.flatMap((item, i) => (isUpstreamError(item.json) ? [passedOnError(ctx, item.json, i)] : []));
}
