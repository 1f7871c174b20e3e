import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CustomerDataPipeline, defaultCleaningOptions } from '../../lib/ingest';
import { isCustomerRecord } from '../../lib/customer/recordShape';
import type { TimeZone } from '../../lib/values/timeZone';
import { errorItem, isUpstreamError, passedOnError } from './linkedItems';

export type CustomerInput = 'auto' | 'customers' | 'transactions';

/** The "Input" parameter of nodes that read customers; `summaries` says which fields they need. */
export function customerInputProperty(summaries: string): INodeProperties {
	return {
		displayName: 'Input',
		name: 'input',
		type: 'options',
		description: 'What the incoming items are: one customer each, or one order each',
		options: [
			{ name: 'Auto-Detect', value: 'auto', description: 'Customers when the items describe customers (e.g. from Customer Data), else orders' },
			{ name: 'Customer Summaries', value: 'customers', description: summaries },
			{ name: 'Orders', value: 'transactions', description: 'One item per order; summarised here the way Customer Data does it' },
		],
		default: 'auto',
	};
}

export interface CustomerRecord {
	/** One customer: the input item's json, or the summary of that customer's order items. */
	json: IDataObject;
	sourceItems: number[];
}

/**
 * The incoming items as one record per customer. Customer summaries pass through; order items
 * are summarised by Customer Data's own engine (default settings, columns detected by name).
 * An order that cannot be read stops the node, or with "continue on fail" becomes an error item.
 * Error items of an earlier node pass on unchanged, with their own reason.
 */
export function customerRecordsFromItems(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	input: CustomerInput,
	zone: TimeZone,
	analysisDay: number,
): { records: CustomerRecord[]; errorItems: INodeExecutionData[] } {
	const upstreamErrors: INodeExecutionData[] = [];
	const readable: Array<{ item: INodeExecutionData; index: number }> = [];
	items.forEach((item, index) => {
		if (isUpstreamError(item.json)) upstreamErrors.push(passedOnError(ctx, item.json, index));
		else readable.push({ item, index });
	});
	const asOrders = input === 'transactions' || (input === 'auto' && readable.length > 0 && !isCustomerRecord(readable[0].item.json));
	if (!asOrders) return { records: readable.map(({ item, index }) => ({ json: item.json, sourceItems: [index] })), errorItems: upstreamErrors };

	const pipeline = new CustomerDataPipeline({ inputKind: 'orders', explicitMapping: {}, cleaning: defaultCleaningOptions(zone), analysisDay, output: 'customers' });
	try {
		readable.forEach(({ item, index }) => pipeline.add({ row: index + 1, values: item.json }, index));
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			description: 'The items look like orders, but their columns were not recognised. Put a Customer Data node before this one to map them.',
		});
	}
	const result = pipeline.finish();
	const errorItems: INodeExecutionData[] = upstreamErrors;
	for (const rejected of result.rejected) {
		const message = `Order item ${rejected.sourceItem}: ${rejected.reason}`;
		if (!ctx.continueOnFail()) {
			throw new NodeOperationError(ctx.getNode(), message, {
				itemIndex: rejected.sourceItem,
				description: 'Put a Customer Data node before this one to map the columns and send unreadable rows to its Rejected output.',
			});
		}
		errorItems.push(errorItem(ctx, message, undefined, rejected.sourceItem));
	}
	return { records: result.records.map(({ record, sourceItems }) => ({ json: record as unknown as IDataObject, sourceItems })), errorItems };
}
