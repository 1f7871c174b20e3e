import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { readFileRows } from '../../../lib/ingest';

/**
 * A file on the n8n server, read through n8n's own file helpers so the instance's rules apply
 * (N8N_RESTRICT_FILE_ACCESS_TO, the blocked patterns, no symlinked folders), as for Read File.
 */
export async function serverFileChunks(ctx: IExecuteFunctions, parameter: string, what: string): Promise<{ path: string; chunks: AsyncIterable<Uint8Array> }> {
	return await serverFileChunksAt(ctx, String(ctx.getNodeParameter(parameter, 0, '') ?? '').trim(), what);
}

async function serverFileChunksAt(ctx: IExecuteFunctions, path: string, what: string): Promise<{ path: string; chunks: AsyncIterable<Uint8Array> }> {
	if (path === '') throw new NodeOperationError(ctx.getNode(), `No ${what} is set`, { description: `Enter the path of the ${what} on the n8n server in the tool's settings.` });
	const unreadable = (error: unknown) =>
		new NodeOperationError(ctx.getNode(), `The ${what} ${path} could not be read: ${(error as Error).message}`, {
			description: 'Check the path, and that it is inside the folders n8n may read (N8N_RESTRICT_FILE_ACCESS_TO).',
		});
	let stream: AsyncIterable<Uint8Array>;
	try {
		const resolved = await ctx.helpers.resolvePath(path);
		if (ctx.helpers.isFilePathBlocked(resolved)) throw new Error('n8n may not read files there');
		stream = await ctx.helpers.createReadStream(resolved);
	} catch (error) {
		throw unreadable(error);
	}
	// A stream opens the file when first read: a missing file fails there, named the same way.
	async function* chunks() {
		try {
			for await (const chunk of stream) yield chunk;
		} catch (error) {
			throw unreadable(error);
		}
	}
	return { path, chunks: chunks() };
}

/** A whole (small) file as text: a saved model or a contact log. */
export async function serverFileText(ctx: IExecuteFunctions, parameter: string, what: string): Promise<{ path: string; text: string }> {
	const { path, chunks } = await serverFileChunks(ctx, parameter, what);
	const parts: Uint8Array[] = [];
	for await (const chunk of chunks) parts.push(chunk);
	return { path, text: Buffer.concat(parts).toString('utf8') };
}

/**
 * The rows of a table file on the server (CSV, JSON, NDJSON; encoding and delimiter detected as
 * Customer Data detects them), as items' JSON; a row that cannot be read stops with its file and row.
 */
export async function serverFileRows(ctx: IExecuteFunctions, path: string, what: string): Promise<IDataObject[]> {
	const { chunks } = await serverFileChunksAt(ctx, path, what);
	const rows: IDataObject[] = [];
	const options = { format: 'auto' as const, encoding: 'auto' as const, delimiter: 'auto', recordsPath: '', hasHeader: true, columnNames: [], fileName: path.split(/[\\/]/).pop() };
	for await (const row of readFileRows(chunks, options, {})) {
		if ('error' in row) throw new NodeOperationError(ctx.getNode(), `Row ${row.row} of the ${what} ${path} could not be read: ${row.error}`);
		rows.push(row.values as IDataObject);
	}
	return rows;
}
