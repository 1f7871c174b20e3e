import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CustomerDataPipeline } from '../../lib/ingest/customerDataPipeline';
import { defaultCleaningOptions } from '../../lib/ingest/defaultCleaning';
import type { TimeZone } from '../../lib/ingest/timeZone';
import type { ModelCustomer } from '../../lib/models/churnModel';
import { looksLikeCustomerRecord, modelCustomerFromRecord } from '../../lib/models/modelCustomerFromRecord';
import { forEachInputItem, linkedItem } from '../shared/linkedItems';

export interface InputCustomer {
	/** The record to extend with scores (the input item's json, or a summary of its orders). */
	json: IDataObject;
	sourceItems: number[];
	customer: ModelCustomer | null;
}

/**
 * The incoming items as customers: summaries read as they are, orders summarised with Customer
 * Data's own engine. An unusable item stops the node with its index, or with "continue on fail"
 * becomes an error item.
 */
export async function readInputCustomers(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	input: 'auto' | 'customers' | 'transactions',
	zone: TimeZone,
	analysisDay: number,
): Promise<{ customers: InputCustomer[]; errorItems: INodeExecutionData[] }> {
	const asTransactions = input === 'transactions' || (input === 'auto' && items.length > 0 && !looksLikeCustomerRecord(items[0].json));
	if (!asTransactions) {
		const customers: InputCustomer[] = [];
		const errorItems = await forEachInputItem(ctx, items, (itemIndex) => {
			const reading = modelCustomerFromRecord(items[itemIndex].json, analysisDay);
			if ('error' in reading) throw new Error(`Item ${itemIndex} ${reading.error}`);
			customers.push({ json: items[itemIndex].json, sourceItems: [itemIndex], customer: 'customer' in reading ? reading.customer : null });
		});
		return { customers, errorItems };
	}

	const pipeline = new CustomerDataPipeline({ inputKind: 'orders', explicitMapping: {}, cleaning: defaultCleaningOptions(zone), analysisDay, output: 'customers' });
	items.forEach((item, i) => pipeline.add({ row: i + 1, values: item.json }, i));
	const result = pipeline.finish();
	const errorItems: INodeExecutionData[] = [];
	for (const rejected of result.rejected) {
		const message = `Order item ${rejected.sourceItem}: ${rejected.reason}`;
		if (!ctx.continueOnFail()) {
			throw new NodeOperationError(ctx.getNode(), message, {
				itemIndex: rejected.sourceItem,
				description: 'Put a Customer Data node before Churn Risk to map the columns and send unreadable rows to its Rejected output.',
			});
		}
		errorItems.push(linkedItem({ error: message }, rejected.sourceItem));
	}
	const customers = result.records.map(({ record, sourceItems }) => {
		const reading = modelCustomerFromRecord(record as unknown as IDataObject, analysisDay);
		return { json: record as unknown as IDataObject, sourceItems, customer: 'customer' in reading ? reading.customer : null };
	});
	return { customers, errorItems };
}
