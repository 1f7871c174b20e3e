import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { CustomerDataPipeline, defaultCleaningOptions } from '../../../lib/ingest';
import type { TimeZone } from '../../../lib/values/timeZone';
import { dayNumberToIsoDate } from '../../../lib/values/parseDate';
import { throwIfCancelled } from '../linkedItems';
import { serverFileChunks } from './serverFile';
import { toolOrdersFileProperty } from './toolCall';

/**
 * Every customer of the tool's Orders File, summarised by Customer Data's engine with its
 * defaults (columns and platform exports recognised from the header), as of `analysisDay`.
 * The whole shop, not only the one asked about: a model is fitted, and risk, stage and the
 * campaign's choices are made, against all of them, as the scheduled workflow would.
 */
export async function ordersFileCustomers(ctx: IExecuteFunctions, zone: TimeZone, analysisDay: number): Promise<IDataObject[]> {
	const { path, chunks } = await serverFileChunks(ctx, toolOrdersFileProperty.name, 'Orders File');
	const pipeline = new CustomerDataPipeline({ inputKind: 'orders', explicitMapping: {}, cleaning: defaultCleaningOptions(zone), analysisDay, output: 'customers', platform: 'auto' });
	const fileName = path.split(/[\\/]/).pop();
	let result: ReturnType<CustomerDataPipeline['finish']>;
	try {
		await pipeline.addFile(chunks, { format: 'auto', encoding: 'auto', delimiter: 'auto', recordsPath: '', hasHeader: true, columnNames: [], fileName }, {}, 0, () => throwIfCancelled(ctx));
		result = pipeline.finish();
	} catch (error) {
		// The file's own errors (missing, not allowed) are named already; the pipeline's get the path.
		throw error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), `The Orders File ${path} could not be read: ${(error as Error).message}`, {
					description: 'Give it customer ID, order date and amount columns (or a platform export as it comes); a Customer Data node with the same file shows which rows it rejects and why.',
				});
	}
	if (result.records.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `The Orders File ${path} holds no customer with an order up to ${dayNumberToIsoDate(analysisDay)}`, {
			description: `${result.rowsRead} rows read, ${result.rejected.length} rejected${result.rejected[0] ? ` (first: row ${result.rejected[0].row}, ${result.rejected[0].reason})` : ''}.`,
		});
	}
	return result.records.map(({ record }) => record as unknown as IDataObject);
}
