import * as http from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from './harness';
import { linearWorkflow } from './workflowBuilder';

/** 7 orders of 3 customers, served in pages of 3 by every pagination style. */
const ORDERS = Array.from({ length: 7 }, (_, i) => ({ customer_id: `C${i % 3}`, order_id: `O${i}`, order_date: `2024-01-0${i + 1}`, amount: 10 }));
const PAGE = 3;
const hits: Record<string, number> = {};
let server: http.Server;
const slowReplies: NodeJS.Timeout[] = [];
let base: string;

function send(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
}

beforeAll(async () => {
	server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', base);
		const route = url.pathname;
		hits[route] = (hits[route] ?? 0) + 1;
		if (req.headers['x-api-key'] !== 'secret-key') return send(res, 401, { error: 'bad key' });
		const n = (name: string, fallback: number) => Number(url.searchParams.get(name) ?? fallback);
		switch (route) {
			case '/next-url': {
				const page = n('page', 0);
				const next = (page + 1) * PAGE < ORDERS.length ? `${base}/next-url?page=${page + 1}` : null;
				return send(res, 200, { data: ORDERS.slice(page * PAGE, (page + 1) * PAGE), links: { next } });
			}
			case '/link': {
				const page = n('page', 0);
				const link: Record<string, string> = (page + 1) * PAGE < ORDERS.length ? { link: `<${base}/link?page=${page + 1}>; rel="next", <${base}/link?page=2>; rel="last"` } : {};
				return send(res, 200, ORDERS.slice(page * PAGE, (page + 1) * PAGE), link);
			}
			case '/pages': {
				const page = n('page', 1);
				const size = n('per_page', 100);
				return send(res, 200, { orders: ORDERS.slice((page - 1) * size, page * size), page });
			}
			case '/offset':
				return send(res, 200, { orders: ORDERS.slice(n('offset', 0), n('offset', 0) + n('limit', 100)) });
			case '/cursor': {
				const at = n('cursor', 0);
				const next = at + PAGE < ORDERS.length ? String(at + PAGE) : null;
				return send(res, 200, { items: ORDERS.slice(at, at + PAGE), meta: { next_cursor: next } });
			}
			case '/endless':
				return send(res, 200, { data: ORDERS.slice(0, 1), next: `${base}/endless?again=${hits[route]}` });
			case '/rate-limited':
				return hits[route] === 1 ? send(res, 429, { error: 'slow down' }, { 'retry-after': '0' }) : send(res, 200, ORDERS);
			case '/broken':
				return send(res, 500, { error: 'database on fire' });
			case '/slow':
				slowReplies.push(setTimeout(() => send(res, 200, ORDERS), 3000));
				return;
			default:
				return send(res, 404, { error: 'no such route' });
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	slowReplies.forEach(clearTimeout);
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

async function fromApi(parameters: IDataObject, apiKey = 'secret-key') {
	return runWorkflow(
		linearWorkflow([
			{
				name: 'Customer Data',
				type: 'customerData',
				credentials: { customerDataApi: { id: '1', name: 'Shop API' } },
				parameters: { source: 'api', analysisDate: '2024-02-01', ...parameters, options: { retryDelayMs: 5, ...((parameters.options as IDataObject) ?? {}) } },
			},
		]),
		{ credentials: { customerDataApi: { baseUrl: base, authType: 'apiKeyHeader', keyName: 'X-API-Key', apiKey, testPath: '/' } } },
	);
}

const orderCounts = (result: Awaited<ReturnType<typeof fromApi>>) => result.json('Customer Data').map((c) => [c.customerId, c.orders]);
const ALL_SEVEN = [
	['C0', 3],
	['C1', 2],
	['C2', 2],
];

describe('Customer Data, a REST API with the Customer Data API credential', () => {
	it.each([
		['next URL in a response field', { url: '/next-url', pagination: 'nextUrlField', nextUrlField: 'links.next', recordsPath: 'data' }],
		['the Link header', { url: '/link', pagination: 'linkHeader' }],
		['page numbers', { url: '/pages', pagination: 'pageNumber', pageParam: 'page', firstPage: 1, pageSizeParam: 'per_page', pageSize: PAGE, recordsPath: 'orders' }],
		['offset and limit', { url: '/offset', pagination: 'offset', offsetParam: 'offset', limitParam: 'limit', pageSize: PAGE, recordsPath: 'orders' }],
		['a cursor', { url: '/cursor', pagination: 'cursor', cursorParam: 'cursor', cursorField: 'meta.next_cursor', recordsPath: 'items' }],
	])('follows pagination by %s and reads all 7 orders', async (_style, parameters) => {
		const result = await fromApi(parameters);
		expect(result.error).toBeUndefined();
		expect(orderCounts(result)).toEqual(ALL_SEVEN);
	});

	it('stops at Max Pages when an API keeps offering a next page', async () => {
		const result = await fromApi({ url: '/endless', pagination: 'nextUrlField', nextUrlField: 'next', maxPages: 4 });
		expect(result.error).toBeUndefined();
		expect(hits['/endless']).toBe(4);
	});

	it('retries after a 429, honouring Retry-After, then succeeds', async () => {
		const result = await fromApi({ url: '/rate-limited' });
		expect(result.error).toBeUndefined();
		expect(hits['/rate-limited']).toBe(2);
		expect(orderCounts(result)).toEqual(ALL_SEVEN);
	});

	it('gives up on a 500 that keeps failing after Max Retries, and says so', async () => {
		const result = await fromApi({ url: '/broken', options: { maxRetries: 2 } });
		expect(hits['/broken']).toBe(3);
		expect(result.error?.message).toBe(`${base}/broken answered HTTP 500 (page 1); gave up after 2 retries`);
	});

	it('times out a request that takes too long, retries, and reports the time-out', async () => {
		const result = await fromApi({ url: '/slow', options: { timeoutSeconds: 0.3, maxRetries: 1 } });
		expect(hits['/slow']).toBe(2);
		expect(result.error?.message).toBe(`${base}/slow timed out after 0.3 s (page 1); gave up after 1 retries`);
	});

	it('reports a rejected API key without retrying', async () => {
		const before = hits['/pages'] ?? 0;
		const result = await fromApi({ url: '/pages' }, 'wrong-key');
		expect(hits['/pages'] - before).toBe(1);
		expect(result.error?.message).toBe(`${base}/pages answered HTTP 401`);
	});
});
