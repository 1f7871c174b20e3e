import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';
import { CustomerBase } from '../../lib/base/customerBase';

/** The customers of a customer base item, as records (the harness keeps binary data in memory, as base64). */
export function customersOfBaseItem(item: INodeExecutionData): IDataObject[] {
	const layers = (item.json.customerBase as { layers: string[] }).layers.map((name) => Buffer.from(item.binary![name].data, BINARY_ENCODING));
	const base = CustomerBase.fromBytes(layers);
	return Array.from({ length: base.rows }, (_, row) => base.record(row) as IDataObject);
}
