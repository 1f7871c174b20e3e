import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { EventCollector, readFileRows } from '../../lib/ingest';
import type { EventReadSettings } from '../../lib/ingest';
import type { CustomerDataOptions } from './customerDataOptions';
import { binaryChunks } from './readFromBinary';

/**
 * The Events input: each item an event (a row from a spreadsheet, a database or a webhook), or
 * an item with an events file (CSV, JSON) in the node's binary field, read as the orders file
 * is. Null when nothing is connected.
 */
export async function collectEvents(ctx: IExecuteFunctions, items: INodeExecutionData[], options: CustomerDataOptions, settings: EventReadSettings, tick: () => void): Promise<EventCollector | null> {
	if (items.length === 0) return null;
	const collector = new EventCollector(settings);
	const field = ctx.getNodeParameter('binaryPropertyName', 0, 'data') as string;
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const binary = items[itemIndex].binary?.[field];
		if (!binary) {
			collector.add({ row: itemIndex + 1, values: items[itemIndex].json }, itemIndex);
			continue;
		}
		const chunks = await binaryChunks(ctx, binary);
		// An events file is read by its own name and content, with a header row: the orders file's
		// format, delimiter and column names do not apply to it.
		const read = { format: 'auto' as const, encoding: options.encoding, delimiter: 'auto', recordsPath: '', hasHeader: true, columnNames: [], fileName: binary.fileName, mimeType: binary.mimeType };
		for await (const row of readFileRows(chunks, read, {})) {
			if (collector.rows % 10_000 === 0) tick();
			collector.add(row, itemIndex);
		}
	}
	return collector;
}
