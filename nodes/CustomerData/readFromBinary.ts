import type { IBinaryData, IExecuteFunctions } from 'n8n-workflow';
import { BINARY_ENCODING } from 'n8n-workflow';
import type { CustomerDataPipeline, FileReadInfo } from '../../lib/ingest';
import { serverFileChunks } from '../shared/agentTool/serverFile';
import type { CustomerDataOptions } from './customerDataOptions';

/** How the node's settings say a file is read. */
function fileReadOptions(ctx: IExecuteFunctions, itemIndex: number, options: CustomerDataOptions, file: { fileName?: string; mimeType?: string }) {
	return {
		format: ctx.getNodeParameter('fileFormat', itemIndex, 'auto') as 'auto',
		encoding: options.encoding,
		delimiter: options.delimiter,
		recordsPath: ctx.getNodeParameter('recordsPath', itemIndex, '') as string,
		hasHeader: options.hasHeader,
		columnNames: options.columnNames
			.split(',')
			.map((name) => name.trim())
			.filter((name) => name !== ''),
		...file,
	};
}

/**
 * A binary field's bytes in chunks: streamed with n8n's filesystem or S3 binary mode, at once in
 * memory mode, where n8n already holds them as base64.
 */
export async function binaryChunks(ctx: IExecuteFunctions, binary: IBinaryData): Promise<AsyncIterable<Uint8Array>> {
	if (binary.id) return await ctx.helpers.getBinaryStream(binary.id, 1024 * 1024);
	return (async function* () {
		yield Buffer.from(binary.data, BINARY_ENCODING);
	})();
}

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
	const chunks = await binaryChunks(ctx, binary);
	await pipeline.addFile(chunks, fileReadOptions(ctx, itemIndex, options, { fileName: binary.fileName, mimeType: binary.mimeType }), info, itemIndex, tick);
}

/** Feeds a file on the n8n server, named by a parameter, to the pipeline (the agent tool's Orders File). */
export async function addServerFile(ctx: IExecuteFunctions, parameter: string, options: CustomerDataOptions, info: FileReadInfo, pipeline: CustomerDataPipeline, tick: () => void): Promise<void> {
	const { path, chunks } = await serverFileChunks(ctx, parameter, 'Orders File');
	await pipeline.addFile(chunks, fileReadOptions(ctx, 0, options, { fileName: path.split(/[\\/]/).pop() }), info, 0, tick);
}
