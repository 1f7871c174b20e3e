import type { IDataObject, IExecuteFunctions, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';
import { firstPageRequest, firstPageUrl, isRetryableStatus, isSameOrigin, nextPageRequest, nextPageUrl, objectRow, PageLoopGuard, PageRequest, PaginationConfig, recordsOf, redactRecord, redirectTarget, retryDelay, secretRedactor } from '../../lib/ingest';
import type { RawRow } from '../../lib/ingest';
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

interface ApiContext {
	baseUrl: string;
	/** Clears the credential's secrets from a message. */
	redact: (text: string) => string;
	followOtherHosts: boolean;
}

const MAX_REDIRECTS = 5;
const isRedirect = (status: number) => status === 301 || status === 302 || status === 303 || status === 307 || status === 308;

/**
 * One page. Redirects are followed here, not by the HTTP client: n8n's client strips only the
 * Authorization header when a redirect leaves the host, so an API key in any other header would
 * go with it. Each hop is checked like a next-page link: the credential goes only to its own
 * origin, and another host is reached (without it) only with "Follow Other Hosts".
 */
async function fetchPage(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: PageRequest,
	options: CustomerDataOptions,
	api: ApiContext,
): Promise<IN8nHttpFullResponse> {
	let hop: PageRequest = request;
	for (let redirects = 0; ; redirects++) {
		const sameOrigin = isSameOrigin(hop.url, api.baseUrl);
		if (!sameOrigin && !api.followOtherHosts) {
			const what = redirects === 0 ? `Page ${request.page} is on` : `Page ${request.page} redirected to`;
			throw new NodeOperationError(
				ctx.getNode(),
				api.redact(`${what} ${originOf(hop.url)}, not on the credential's ${originOf(api.baseUrl)}: not followed, so the API key stays with its own host`),
				{ itemIndex, description: 'If that host really serves the pages without a key, turn on "Follow Other Hosts Without Credentials" in the options.' },
			);
		}
		const response = await fetchWithRetries(ctx, itemIndex, hop, options, api, sameOrigin);
		if (!isRedirect(response.statusCode)) return response;
		const target = redirectTarget(response.headers.location, hop.url);
		if (target === null) {
			throw new NodeOperationError(ctx.getNode(), api.redact(`${hop.url} answered HTTP ${response.statusCode} without a usable Location`), { itemIndex });
		}
		if (redirects >= MAX_REDIRECTS) {
			throw new NodeOperationError(ctx.getNode(), api.redact(`Page ${request.page}: more than ${MAX_REDIRECTS} redirects, last to ${target}`), {
				itemIndex,
				description: 'Use the address the API finally answers on as the Base URL or URL.',
			});
		}
		// The Location is a whole address: its query is the one to send, not ours again.
		hop = { ...hop, url: target, qs: {} };
	}
}

/**
 * One request, with retries on 429, 5xx and time-outs, honouring Retry-After. The time-out is a
 * deadline for the whole request (a drip-fed response cannot hold the node past it).
 */
async function fetchWithRetries(
	ctx: IExecuteFunctions,
	itemIndex: number,
	request: PageRequest,
	options: CustomerDataOptions,
	api: ApiContext,
	withCredential: boolean,
): Promise<IN8nHttpFullResponse> {
	const deadlineMs = options.timeoutSeconds * 1000;
	const policy = { maxRetries: options.maxRetries, initialDelayMs: options.retryDelayMs, maxDelayMs: MAX_RETRY_AFTER_MS };
	for (let attempt = 1; ; attempt++) {
		throwIfCancelled(ctx);
		// The deadline as a signal that aborts on its own: the HTTP stack stops the request where
		// it honours the signal, and the race below is the guarantee where it does not.
		const deadline = AbortSignal.timeout(deadlineMs);
		let timedOut = false;
		let onDeadline: () => void = () => undefined;
		const expired = new Promise<never>((_, reject) => {
			onDeadline = () => {
				timedOut = true;
				reject(new Error('deadline'));
			};
			deadline.addEventListener('abort', onDeadline, { once: true });
		});
		const http: IHttpRequestOptions = {
			method: 'GET',
			url: request.url,
			qs: request.qs,
			json: true,
			timeout: deadlineMs,
			abortSignal: deadline,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			disableFollowRedirect: true,
		};
		let response: IN8nHttpFullResponse | undefined;
		let failure: string;
		let retryAfter: unknown;
		try {
			const sent = withCredential ? ctx.helpers.httpRequestWithAuthentication.call(ctx, 'customerDataApi', http) : ctx.helpers.httpRequest(http);
			// A request still running when the deadline passes must not surface as an unhandled rejection later.
			sent.catch(() => undefined);
			response = (await Promise.race([sent, expired])) as IN8nHttpFullResponse;
		} catch (error) {
			if (!timedOut && !isTimeout(error)) {
				const message = api.redact(`Request to ${request.url} failed: ${(error as Error).message ?? String(error)}`);
				throw new NodeOperationError(ctx.getNode(), message, { itemIndex });
			}
			failure = `timed out after ${options.timeoutSeconds} s`;
		} finally {
			deadline.removeEventListener('abort', onDeadline);
		}
		if (response) {
			if (response.statusCode < 400) return response;
			if (!isRetryableStatus(response.statusCode)) {
				throw new NodeOperationError(ctx.getNode(), api.redact(`${request.url} answered HTTP ${response.statusCode}`), {
					itemIndex,
					// Redacted before it is cut, so a secret across the cut cannot show its first half.
					description: `Response: ${api.redact(JSON.stringify(redactRecord(response.body, api.redact)) ?? '').slice(0, 500)}`,
				});
			}
			failure = `answered HTTP ${response.statusCode}`;
			retryAfter = response.headers['retry-after'];
		}
		const decision = retryDelay(policy, attempt, retryAfter, Date.now());
		if ('giveUp' in decision) {
			throw new NodeOperationError(ctx.getNode(), api.redact(`${request.url} ${failure!} (page ${request.page}); ${decision.giveUp}`), {
				itemIndex,
				description: 'Raise Max Retries or Timeout in the options if the API is just slow.',
			});
		}
		await sleep(decision.waitMs);
	}
}

function originOf(url: string): string {
	try {
		return new URL(url).origin;
	} catch {
		return url;
	}
}

/** What one input item asks the API for: the same for every item unless its parameters use the item. */
export interface ApiRequest {
	url: string;
	recordsPath: string;
	pagination: PaginationConfig;
	maxPages: number;
	qs: Record<string, string>;
}

export function apiRequestOf(ctx: IExecuteFunctions, itemIndex: number): ApiRequest {
	const url = (ctx.getNodeParameter('url', itemIndex) as string).trim();
	if (!url) throw new NodeOperationError(ctx.getNode(), 'URL is empty: give the path of the endpoint, like /orders', { itemIndex });
	const recordsPath = ctx.getNodeParameter('recordsPath', itemIndex, '') as string;
	const pagination = paginationFrom(ctx, itemIndex);
	const maxPages = pagination.style === 'none' ? 1 : (ctx.getNodeParameter('maxPages', itemIndex, 100) as number);
	const qs: Record<string, string> = {};
	const parameters = (ctx.getNodeParameter('queryParameters', itemIndex, {}) as IDataObject).parameter as Array<{ name: string; value: string }> | undefined;
	for (const { name, value } of parameters ?? []) if (name) qs[name] = value;
	return { url, recordsPath, pagination, maxPages, qs };
}

/** All records of all pages, as rows numbered across pages. */
export async function* rowsFromApi(ctx: IExecuteFunctions, itemIndex: number, { url, recordsPath, pagination, maxPages, qs }: ApiRequest, options: CustomerDataOptions): AsyncGenerator<RawRow> {
	const credentials = await ctx.getCredentials<{ baseUrl: string; apiKey?: string; token?: string; username?: string; password?: string }>('customerDataApi', itemIndex);
	const secrets = [credentials.apiKey, credentials.token, credentials.password];
	const api: ApiContext = {
		baseUrl: credentials.baseUrl,
		redact: secretRedactor(secrets, { username: credentials.username, password: credentials.password }),
		followOtherHosts: options.followOtherHosts,
	};
	const first = firstPageRequest(url, qs, pagination);
	const start = firstPageUrl(first.url, credentials.baseUrl);
	if ('error' in start) {
		throw new NodeOperationError(ctx.getNode(), api.redact(`URL not requested: ${start.error}`), {
			itemIndex,
			description: 'The URL must be a path under the credential\'s Base URL (like /orders), or a full URL on the same host. Change the Base URL of the credential to reach another API.',
		});
	}
	let request: PageRequest | null = { ...first, url: start.url };
	const seen = new PageLoopGuard();
	let row = 0;
	while (request) {
		if (request.page > maxPages) {
			ctx.addExecutionHints({ message: `Stopped after ${maxPages} pages (Max Pages); more pages were available.`, type: 'warning', location: 'outputPane' });
			return;
		}
		const response = await fetchPage(ctx, itemIndex, request, options, api);
		if (typeof response.body === 'string' || response.body === undefined || response.body === null) {
			// Secrets are cleared before the text is trimmed or cut: a secret that starts or ends
			// with a space or a newline, echoed by the server, is no longer whole once trimmed.
			const text = typeof response.body === 'string' ? api.redact(response.body).trim() : '';
			throw new NodeOperationError(
				ctx.getNode(),
				api.redact(`Page ${request.page} is not JSON: ${text === '' ? 'the response is empty' : `it starts with "${text.slice(0, 60)}"`}`),
				{ itemIndex, description: 'Check the URL: an HTML page usually means a login page or a wrong path.' },
			);
		}
		let records: unknown[];
		try {
			records = recordsOf(response.body, recordsPath);
		} catch (error) {
			throw new NodeOperationError(ctx.getNode(), api.redact(`Page ${request.page}: ${(error as Error).message}`), { itemIndex });
		}
		const repeated = seen.check(request, records);
		if (repeated) {
			throw new NodeOperationError(ctx.getNode(), api.redact(`Page ${request.page} ${repeated}: the API is looping or ignores the page parameter`), {
				itemIndex,
				description: 'Stopped so that no order is counted twice. Check the pagination settings (parameter names, cursor field) against the API documentation.',
			});
		}
		// A server that echoes the key inside its records must not carry it into the workflow.
		for (const value of records) yield objectRow(++row, redactRecord(value, api.redact));
		const next: PageRequest | null = nextPageRequest(pagination, request, { body: response.body, headers: response.headers }, records.length);
		request = next && next.url !== request.url ? { ...next, url: nextPageUrl(next.url, request.url) } : next;
	}
}
