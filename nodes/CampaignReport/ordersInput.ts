import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CustomerDataPipeline, defaultCleaningOptions } from '../../lib/ingest';
import { TimeZone } from '../../lib/values/timeZone';
import { OrderEvent } from '../../lib/report/campaignOutcomes';

/** The Orders input, cleaned by Customer Data's engine, as each customer's orders. */
export function ordersByCustomer(ctx: IExecuteFunctions, orderItems: INodeExecutionData[], zone: TimeZone): Map<string, OrderEvent[]> | undefined {
	if (orderItems.length === 0) return undefined;
	const pipeline = new CustomerDataPipeline({ inputKind: 'orders', explicitMapping: {}, cleaning: defaultCleaningOptions(zone), analysisDay: zone.localDayNumber(Date.now()), output: 'transactions' });
	try {
		orderItems.forEach((item, i) => pipeline.add({ row: i + 1, values: item.json }, i));
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `Orders input: ${(error as Error).message}`, { description: 'Give the orders customer ID, order date and amount columns, or clean them with a Customer Data node (Output: Transactions) first.' });
	}
	const result = pipeline.finish();
	const byCustomer = new Map<string, OrderEvent[]>();
	for (const { record: order } of result.orders) {
		const list = byCustomer.get(order.customerId) ?? [];
		list.push({ at: order.orderAt, amount: order.amount });
		byCustomer.set(order.customerId, list);
	}
	if (result.rejected.length) {
		ctx.addExecutionHints({ message: `${result.rejected.length} of ${result.rowsRead} orders on the Orders input could not be read and were left out (first: row ${result.rejected[0].row}, ${result.rejected[0].reason}).`, type: 'warning', location: 'outputPane' });
	}
	return byCustomer;
}
