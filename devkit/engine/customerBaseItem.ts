import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { CustomerBase } from '../../lib/base/customerBase';
import { binaryBytes } from './binaryDataMode';

/** The customers of a customer base item, as records (with `keys`, only those fields and customerId). */
export async function customersOfBaseItem(item: INodeExecutionData, keys?: readonly string[]): Promise<IDataObject[]> {
	const names = (item.json.customerBase as { layers: string[] }).layers;
	const base = CustomerBase.fromBytes(await Promise.all(names.map(async (name) => await binaryBytes(item.binary![name]))));
	return Array.from({ length: base.rows }, (_, row) => base.record(row, keys) as IDataObject);
}
