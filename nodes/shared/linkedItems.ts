import type { IDataObject, IExecuteFunctions, INodeExecutionData, IPairedItemData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/**
 * The one place every node of this package links output items to input items and applies
 * "continue on fail", so no node repeats that loop.
 */

/** An output item linked to the input items it came from; `$('Node').item` works downstream. */
export function linkedItem(json: object, sourceItems: number | number[]): INodeExecutionData {
	const indexes = Array.isArray(sourceItems) ? sourceItems : [sourceItems];
	const pairedItem: IPairedItemData | IPairedItemData[] =
		indexes.length === 1 ? { item: indexes[0] } : indexes.map((item) => ({ item }));
	return { json: json as IDataObject, pairedItem };
}

/**
 * An error item under "continue on fail": the reason in `json.error`, with the customer when the
 * failed item named one. Under "On Error: Continue (using error output)" it also carries n8n's
 * own `error`, which is what sends it to the error output; n8n then keeps only the reason in its
 * json, so there the customer is named in the reason where the failure knew it.
 */
export function errorItem(ctx: IExecuteFunctions, message: string, about: IDataObject | undefined, sourceItems: number | number[]): INodeExecutionData {
	return markedForErrorOutput(ctx, linkedItem({ error: message, ...aboutCustomer(about) }, sourceItems), Array.isArray(sourceItems) ? sourceItems[0] : sourceItems);
}

/** An earlier node's error item, passed on with its reason. */
export function passedOnError(ctx: IExecuteFunctions, json: IDataObject, itemIndex: number): INodeExecutionData {
	return markedForErrorOutput(ctx, linkedItem(json, itemIndex), itemIndex);
}

function markedForErrorOutput(ctx: IExecuteFunctions, item: INodeExecutionData, itemIndex: number): INodeExecutionData {
	if (ctx.getNode().onError !== 'continueErrorOutput') return item;
	return { ...item, error: new NodeOperationError(ctx.getNode(), String(item.json.error), { itemIndex }) };
}

/** The customer an error item is about, when the failed item named one. */
function aboutCustomer(json: IDataObject | undefined): { customerId?: string } {
	const id = json?.customerId;
	return typeof id === 'string' || typeof id === 'number' ? { customerId: String(id) } : {};
}

/** An error item an earlier node emitted under "continue on fail": only `error` and maybe `customerId`. */
export function isUpstreamError(json: IDataObject): boolean {
	return typeof json.error === 'string' && Object.keys(json).every((key) => key === 'error' || key === 'customerId');
}

/** Wraps a lib/ error so n8n shows it on the right item with the node's name. */
export function asNodeError(ctx: IExecuteFunctions, error: unknown, itemIndex?: number): Error {
	if (error instanceof NodeOperationError || error instanceof NodeApiError) return error;
	const message = error instanceof Error ? error.message : String(error);
	// A lib error may carry what to do about it.
	const description = (error as { description?: unknown } | null)?.description;
	return new NodeOperationError(ctx.getNode(), message, {
		...(itemIndex === undefined ? {} : { itemIndex }),
		...(typeof description === 'string' ? { description } : {}),
	});
}

/**
 * Runs `work` for each input item. A failure either stops the node with the item named, or,
 * with "continue on fail" / "On Error: Continue", becomes an error item paired with its input.
 * Returns the error items, for the node to put on its main output.
 */
export async function forEachInputItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	work: (itemIndex: number) => Promise<void> | void,
): Promise<INodeExecutionData[]> {
	return forEachRecord(
		ctx,
		items.map((_, i) => ({ sourceItems: [i] })),
		(record) => work(record.sourceItems[0]),
	);
}

/**
 * Runs `work` for each record (one or more input items' worth); a failure names and pairs with
 * the record's input items.
 */
export async function forEachRecord<T extends { sourceItems: number[]; json?: IDataObject }>(
	ctx: IExecuteFunctions,
	records: T[],
	work: (record: T) => Promise<void> | void,
): Promise<INodeExecutionData[]> {
	return await forEachPosition(ctx, records.length, (i) => work(records[i]), (i) => records[i]);
}

/**
 * forEachRecord for `count` positions whose records are not objects (a customer base's rows):
 * `sourceOf` gives a failed position's input items and fields.
 */
export async function forEachPosition(
	ctx: IExecuteFunctions,
	count: number,
	work: (position: number) => Promise<void> | void,
	sourceOf: (position: number) => { sourceItems: number[]; json?: IDataObject },
): Promise<INodeExecutionData[]> {
	const errorItems: INodeExecutionData[] = [];
	for (let i = 0; i < count; i++) {
		if (i % 1000 === 0) throwIfCancelled(ctx);
		try {
			// Awaited only when it is a promise: a turn of the event loop per customer adds up.
			const pending = work(i);
			if (pending) await pending;
		} catch (error) {
			const { sourceItems, json } = sourceOf(i);
			if (!ctx.continueOnFail()) throw asNodeError(ctx, error, sourceItems[0]);
			errorItems.push(errorItem(ctx, error instanceof Error ? error.message : String(error), json, sourceItems));
		}
	}
	return errorItems;
}

/**
 * Reads each input item with `read`, which returns the reason when the item cannot be used: the
 * node stops with "Item N <reason>", or with "continue on fail" the item becomes an error item.
 * Error items of an earlier node are not read; they pass on unchanged, with their own reason.
 * Returns all error items, the earlier nodes' first.
 */
export async function readEachItem(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	read: (json: IDataObject, itemIndex: number) => { error: string } | null,
): Promise<INodeExecutionData[]> {
	const upstream = items.flatMap((item, i) => (isUpstreamError(item.json) ? [passedOnError(ctx, item.json, i)] : []));
	const records = items.flatMap((item, i) => (isUpstreamError(item.json) ? [] : [{ json: item.json, sourceItems: [i] }]));
	const ours = await forEachRecord(ctx, records, (record) => {
		const itemIndex = record.sourceItems[0];
		const failed = read(record.json, itemIndex);
		if (failed) throw new NodeOperationError(ctx.getNode(), `Item ${itemIndex} ${failed.error}`, { itemIndex });
	});
	return [...upstream, ...ours];
}

/**
 * Runs a node's whole execution. With "continue on fail", a failure of the node as a whole (a
 * setting out of range, nothing to fit) becomes one error item per input item on `errorOutput`:
 * n8n would otherwise pass the input on unchanged, and the next node would take unscored
 * customers for scored ones.
 */
export async function failEveryItemOnContinue(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	shape: { outputs: number; errorOutput: number },
	run: () => Promise<INodeExecutionData[][]>,
): Promise<INodeExecutionData[][]> {
	try {
		return await run();
	} catch (error) {
		if (!ctx.continueOnFail()) throw asNodeError(ctx, error);
		// The description says which rows or settings to fix: an error item has no other place for it.
		const description = (error as { description?: unknown }).description;
		const message = `${error instanceof Error ? error.message : String(error)}${typeof description === 'string' && description ? `: ${description}` : ''}`;
		const outputs: INodeExecutionData[][] = Array.from({ length: shape.outputs }, () => []);
		outputs[shape.errorOutput] = items.map((item, i) => (isUpstreamError(item.json) ? passedOnError(ctx, item.json, i) : errorItem(ctx, message, item.json, i)));
		return outputs;
	}
}

/** Long loops call this so a user's "stop execution" takes effect promptly. */
export function throwIfCancelled(ctx: IExecuteFunctions): void {
	if (ctx.getExecutionCancelSignal()?.aborted) {
		throw new NodeOperationError(ctx.getNode(), 'The execution was cancelled');
	}
}
