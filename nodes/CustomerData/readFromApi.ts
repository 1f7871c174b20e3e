import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import {
	firstPageRequest,
	nextPageRequest,
	PageRequest,
	PaginationConfig,
	recordsOf,
} from '../../lib/ingest/api/pagination';
import { isRetryableStatus, retryDelay } from '../../lib/ingest/api/retryPolicy';
import { objectRow } from '../../lib/ingest/readers/lineRows';
import type { RawRow } from '../../lib/ingest/readers/rawRow';
import { throwIfCancelled } from '../shared/linkedItems';
import type { CustomerDataOptions } from './customerDataOptions';

const MAX_RETRY_AFTER_MS = 120_000;

function paginationFrom(ctx: IExecuteFunctions, itemIndex: number): PaginationConfig {
	const style = ctx.getNodeParameter('pagination', itemIndex, 'none') as PaginationConfig['style'];
	const param = <T>(name: string, fallback: T) => ctx.getNodeParameter(name, itemIndex, fallback) as T;
	switch (style) {
		case 'nextUrlField':
			return { style, field: param('nextUrlField', 'next') };
		case 'linkHeader':
			return { style };
		case 'pageNumber':
			return { style, pageParam: param('pageParam', 'page'), firstPage: param('firstPage', 1), pageSizeParam: param('pageSizeParam', ''), pageSize: param('pageSize', 100) };
		case 'offset':
			return { style, offsetParam: param('offsetParam', 'offset'), limitParam: param('limitParam', 'limit'), pageSize: param('pageSize', 100) };
		case 'cursor':
			return { style, cursorParam: param('cursorParam', 'cursor'), cursorField: param('cursorField', 'next_cursor') };
		default:
			return { style: 'none' };
	}
}

/** n8n wraps the HTTP client's error; the time-out shows in the error or one of its causes. */
function isTimeout(error: unknown): boolean {
	for (let e = error as { code?: string; message?: string; description?: string; cause?: unknown } | undefined, depth = 0; e && depth < 5; depth++) {
		if (/ECONNABORTED|ETIMEDOUT|ESOCKETTIMEDOUT/.test(e.code ?? '') || /timeout of \d+ms exceeded/i.test(`${e.message ?? ''} ${e.description ?? ''}`)) return true;
		e = e.cause as typeof e;
	}
	return false;
}

/** One page, with retries on 429, 5xx and time-outs, honouring Retry-After. */
async function fetchPage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: PageRequest,
	options: CustomerDataOptions,
): Promise<IN8nHttpFullResponse> {
	const http: IHttpRequestOptions = {
		method: 'GET',
		url: request.url,
		qs: request.qs,
		json: true,
		timeout: options.timeoutSeconds * 1000,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	};
	if (!/^https?:\/\//i.test(request.url)) {
		const credentials = await ctx.getCredentials<{ baseUrl: string }>('customerDataApi', itemIndex);
		http.url = `${credentials.baseUrl.replace(/\/+$/, '')}/${request.url.replace(/^\/+/, '')}`;
	}
	const policy = { maxRetries: options.maxRetries, initialDelayMs: options.retryDelayMs, maxDelayMs: MAX_RETRY_AFTER_MS };
	for (let attempt = 1; ; attempt++) {
		throwIfCancelled(ctx);
		let response: IN8nHttpFullResponse | undefined;
		let failure: string;
		let retryAfter: unknown;
		try {
			response = (await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'customerDataApi', http)) as IN8nHttpFullResponse;
		} catch (error) {
			if (!isTimeout(error)) throw new NodeApiError(ctx.getNode(), error as never, { itemIndex, message: `Request to ${http.url} failed` });
			failure = `timed out after ${options.timeoutSeconds} s`;
		}
		if (response) {
			if (response.statusCode < 400) return response;
			if (!isRetryableStatus(response.statusCode)) {
				throw new NodeOperationError(ctx.getNode(), `${http.url} answered HTTP ${response.statusCode}`, {
					itemIndex,
					description: `Response: ${JSON.stringify(response.body).slice(0, 500)}`,
				});
			}
			failure = `answered HTTP ${response.statusCode}`;
			retryAfter = response.headers['retry-after'];
		}
		const decision = retryDelay(policy, attempt, retryAfter, Date.now());
		if ('giveUp' in decision) {
			throw new NodeOperationError(ctx.getNode(), `${http.url} ${failure!} (page ${request.page}); ${decision.giveUp}`, {
				itemIndex,
				description: 'Raise Max Retries or Timeout in the options if the API is just slow.',
			});
		}
		await sleep(decision.waitMs);
	}
}

/** All records of all pages, as rows numbered across pages. */
export async function* rowsFromApi(ctx: IExecuteFunctions, itemIndex: number, options: CustomerDataOptions): AsyncGenerator<RawRow> {
	const url = ctx.getNodeParameter('url', itemIndex) as string;
	if (!url.trim()) throw new NodeOperationError(ctx.getNode(), 'URL is empty: give the path of the endpoint, like /orders', { itemIndex });
	const recordsPath = ctx.getNodeParameter('recordsPath', itemIndex, '') as string;
	const pagination = paginationFrom(ctx, itemIndex);
	const maxPages = pagination.style === 'none' ? 1 : (ctx.getNodeParameter('maxPages', itemIndex, 100) as number);
	const qs: Record<string, string> = {};
	const parameters = (ctx.getNodeParameter('queryParameters', itemIndex, {}) as IDataObject).parameter as Array<{ name: string; value: string }> | undefined;
	for (const { name, value } of parameters ?? []) if (name) qs[name] = value;

	let request: PageRequest | null = firstPageRequest(url.trim(), qs, pagination);
	let row = 0;
	while (request) {
		if (request.page > maxPages) {
			ctx.addExecutionHints({ message: `Stopped after ${maxPages} pages (Max Pages); more pages were available.`, type: 'warning', location: 'outputPane' });
			return;
		}
		const response = await fetchPage(ctx, itemIndex, request, options);
		let records: unknown[];
		try {
			records = recordsOf(response.body, recordsPath);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), `Page ${request.page}: ${(error as Error).message}`, { itemIndex });
		}
		for (const value of records) yield objectRow(++row, value);
		request = nextPageRequest(pagination, request, { body: response.body, headers: response.headers }, records.length);
	}
}
