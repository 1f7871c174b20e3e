import type { IExecuteFunctions } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';
import type { CustomerDataPipeline, FileReadInfo } from '../../lib/ingest';
import type { CustomerDataOptions } from './customerDataOptions';

/**
 * Feeds the file in one item's binary field to the pipeline. With n8n's filesystem or S3
 * binary mode the file is streamed in chunks; in memory mode n8n already holds it as base64.
 */
export async function addBinaryFile(
	ctx: IExecuteFunctions,
	itemIndex: number,
	options: CustomerDataOptions,
	info: FileReadInfo,
	pipeline: CustomerDataPipeline,
	tick: () => void,
): Promise<void> {
	const propertyName = ctx.getNodeParameter('binaryPropertyName', itemIndex) as string;
	const binary = ctx.helpers.assertBinaryData(itemIndex, propertyName);
	const chunks: AsyncIterable<Uint8Array> = binary.id
		? await ctx.helpers.getBinaryStream(binary.id, 1024 * 1024)
		: (async function* () {
				yield Buffer.from(binary.data, BINARY_ENCODING);
			})();
	await pipeline.addFile(
		chunks,
		{
			format: ctx.getNodeParameter('fileFormat', itemIndex, 'auto') as 'auto',
			encoding: options.encoding,
			delimiter: options.delimiter,
			recordsPath: ctx.getNodeParameter('recordsPath', itemIndex, '') as string,
			hasHeader: options.hasHeader,
			columnNames: options.columnNames
				.split(',')
				.map((name) => name.trim())
				.filter((name) => name !== ''),
			fileName: binary.fileName,
			mimeType: binary.mimeType,
		},
		info,
		itemIndex,
		tick,
	);
}
