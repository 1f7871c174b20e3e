import * as http from 'http';
import type { AddressInfo } from 'net';
import type { IDataObject } from 'n8n-workflow';
import { runWorkflow } from '../../devkit/engine/harness';
import { linearWorkflow, rowsStep } from '../../devkit/engine/workflowBuilder';

/** 7 orders of 3 customers, served in pages of 3 by every pagination style. */
const ORDERS = Array.from({ length: 7 }, (_, i) => ({ customer_id: `C${i % 3}`, order_id: `O${i}`, order_date: `2024-01-0${i + 1}`, amount: 10 }));
const PAGE = 3;
const hits: Record<string, number> = {};
let server: http.Server;
const slowReplies: NodeJS.Timeout[] = [];
let base: string;
/** A second origin (another port): what it receives is kept, to show what reached it. */
let other: http.Server;
let otherBase: string;
const otherReceived: http.IncomingHttpHeaders[] = [];

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
				return send(res, 200, { data: [{ ...ORDERS[0], order_id: `E${hits[route]}` }], next: `${base}/endless?again=${hits[route]}` });
			case '/same-page':
				// Ignores the page parameter: the same records, whatever is asked.
				return send(res, 200, { orders: ORDERS.slice(0, PAGE) });
			case '/same-cursor':
				// New records every time, but always the same next cursor.
				return send(res, 200, { items: [{ ...ORDERS[0], order_id: `S${hits[route]}` }], meta: { next_cursor: 'abc' } });
			case '/elsewhere':
				return send(res, 200, { data: ORDERS.slice(0, PAGE), next: 'http://localhost:9/steal' });
			case '/relative':
				return n('page', 1) === 1 ? send(res, 200, { data: ORDERS.slice(0, PAGE), next: 'relative?page=2' }) : send(res, 200, { data: ORDERS.slice(PAGE), next: null });
			case '/redirect-away':
				return send(res, Number(url.searchParams.get('status') ?? 302), {}, { location: `${otherBase}/orders` });
			case '/redirect-home':
				return send(res, 307, {}, { location: '/offset?offset=0&limit=100' });
			case '/redirect-loop':
				return send(res, 302, {}, { location: `/redirect-loop?n=${hits[route]}` });
			case '/api/orders':
				return send(res, 200, ORDERS);
			case '/html':
				res.writeHead(200, { 'content-type': 'text/html' });
				return res.end('<!DOCTYPE html><html><body>Please log in</body></html>');
			case '/echo':
				return send(res, 400, { error: `invalid key ${req.headers['x-api-key']}` });
			case '/drip': {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.write('[');
				let sent = 0;
				const drip = setInterval(() => {
					if (sent++ > 30) {
						clearInterval(drip);
						res.end('{}]');
					} else res.write(' ');
				}, 100);
				slowReplies.push(drip);
				return;
			}
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
	other = http.createServer((req, res) => {
		otherReceived.push(req.headers);
		send(res, 200, [{ customer_id: 'FOREIGN', order_id: 'F1', order_date: '2024-01-05', amount: 999 }]);
	});
	await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
	otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
	slowReplies.forEach(clearTimeout);
	for (const s of [server, other]) {
		s.closeAllConnections();
		await new Promise((resolve) => s.close(resolve));
	}
});

async function fromApi(parameters: IDataObject, apiKey = 'secret-key', baseUrl?: string) {
	return runWorkflow(
		linearWorkflow([
			{
				name: 'Customer Data',
				type: 'customerData',
				credentials: { customerDataApi: { id: '1', name: 'Shop API' } },
				parameters: { source: 'api', analysisDate: '2024-02-01', ...parameters, options: { retryDelayMs: 5, ...((parameters.options as IDataObject) ?? {}) } },
			},
		]),
		{ credentials: { customerDataApi: { baseUrl: baseUrl ?? base, authType: 'apiKeyHeader', keyName: 'X-API-Key', apiKey, testPath: '/' } } },
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

	it('stops with an error when a page repeats: the same records, or the same cursor again', async () => {
		const samePage = await fromApi({ url: '/same-page', pagination: 'pageNumber', pageParam: 'page', firstPage: 1, pageSize: PAGE, recordsPath: 'orders' });
		expect(samePage.error?.message).toBe('Page 2 has the same records as page 1: the API is looping or ignores the page parameter');
		const sameCursor = await fromApi({ url: '/same-cursor', pagination: 'cursor', cursorParam: 'cursor', cursorField: 'meta.next_cursor', recordsPath: 'items' });
		expect(sameCursor.error?.message).toMatch(/^Page 3 asks for the same URL and parameters as page 2/);
	});

	it('sends the credential only to its own host: a next page elsewhere stops the node, or is followed without it', async () => {
		const stopped = await fromApi({ url: '/elsewhere', pagination: 'nextUrlField', nextUrlField: 'next', recordsPath: 'data' });
		expect(stopped.error?.message).toBe(`Page 2 is on http://localhost:9, not on the credential's ${base}: not followed, so the API key stays with its own host`);
		const relative = await fromApi({ url: '/relative', pagination: 'nextUrlField', nextUrlField: 'next', recordsPath: 'data' });
		expect(relative.error).toBeUndefined();
		expect(orderCounts(relative)).toEqual(ALL_SEVEN);
	});

	it.each([301, 302, 303, 307, 308])('never sends the key where a redirect (%d) to another host points', async (status) => {
		otherReceived.length = 0;
		const result = await fromApi({ url: `/redirect-away?status=${status}` });
		expect(result.error?.message).toBe(`Page 1 redirected to ${otherBase}, not on the credential's ${base}: not followed, so the API key stays with its own host`);
		expect(otherReceived).toEqual([]);
	});

	it('follows a redirect to another host only when allowed, and then without the key', async () => {
		otherReceived.length = 0;
		const result = await fromApi({ url: '/redirect-away', options: { followOtherHosts: true } });
		expect(result.error).toBeUndefined();
		expect(orderCounts(result)).toEqual([['FOREIGN', 1]]);
		expect(otherReceived).toHaveLength(1);
		expect(JSON.stringify(otherReceived[0])).not.toContain('secret-key');
	});

	it('follows a redirect on its own host with the key, and stops a redirect loop', async () => {
		const home = await fromApi({ url: '/redirect-home', recordsPath: 'orders' });
		expect(home.error).toBeUndefined();
		expect(orderCounts(home)).toEqual(ALL_SEVEN);
		const loop = await fromApi({ url: '/redirect-loop' });
		expect(loop.error?.message).toMatch(/^Page 1: more than 5 redirects, last to /);
	});

	it('starts only under the credential\'s Base URL, whatever the URL built from an item holds', async () => {
		const api = `${base}/api`;
		expect((await fromApi({ url: '/orders' }, 'secret-key', api)).error).toBeUndefined();
		for (const [url, reason] of [
			['/../../x', '/x is outside the credential\'s base path /api'],
			['/%2e%2e/pages', '/pages is outside the credential\'s base path /api'],
			[`${otherBase}/orders`, `${otherBase} is not the credential's ${base}`],
			['//evil.example/orders', `http://evil.example is not the credential's ${base}`],
		]) {
			otherReceived.length = 0;
			const result = await fromApi({ url, options: { followOtherHosts: true } }, 'secret-key', api);
			expect(result.error?.message).toBe(`URL not requested: ${reason}`);
			expect(otherReceived).toEqual([]);
		}
	});

	it('fetches a request once however many items reach the node, and once per distinct request', async () => {
		const step = (url: string) => ({
			name: 'Customer Data',
			type: 'customerData',
			credentials: { customerDataApi: { id: '1', name: 'Shop API' } },
			parameters: { source: 'api', analysisDate: '2024-02-01', url, recordsPath: 'orders', options: { retryDelayMs: 5 } },
		});
		const credentials = { customerDataApi: { baseUrl: base, authType: 'apiKeyHeader', keyName: 'X-API-Key', apiKey: 'secret-key', testPath: '/' } };
		const before = hits['/offset'] ?? 0;
		const same = await runWorkflow(linearWorkflow([rowsStep([{ shop: 1 }, { shop: 2 }, { shop: 3 }]), step('/offset?offset=0&limit=100')]), { credentials });
		expect(same.error).toBeUndefined();
		expect(hits['/offset'] - before).toBe(1);
		expect(orderCounts(same)).toEqual(ALL_SEVEN);
		expect(same.hints('Customer Data').join(' ')).toContain('2 of 3 input items asked for an API request an earlier item made already: fetched once');
		// Per item (an expression on the item): each distinct request once.
		const perItem = await runWorkflow(linearWorkflow([rowsStep([{ offset: 0 }, { offset: 3 }, { offset: 0 }]), step('=/offset?offset={{ $json.offset }}&limit=3')]), { credentials });
		expect(perItem.error).toBeUndefined();
		expect(orderCounts(perItem)).toEqual([
			['C0', 2],
			['C1', 2],
			['C2', 2],
		]);
	});

	it('says when a response is not JSON at all (a login page, an empty body)', async () => {
		const result = await fromApi({ url: '/html' });
		expect(result.error?.message).toBe('Page 1 is not JSON: it starts with "<!DOCTYPE html><html><body>Please log in</body></html>"');
	});

	it('never shows the secret, even when the server echoes it', async () => {
		const result = await fromApi({ url: '/echo' });
		const shown = `${result.error?.message} ${(result.error as { description?: string }).description}`;
		expect(shown).toContain('invalid key [redacted]');
		expect(shown).not.toContain('secret-key');
	});

	it('gives each request a total deadline, so a drip-fed response cannot run past the time-out', async () => {
		// The server sends a byte every 100 ms for 3 s: an idle-connection time-out never fires.
		const result = await fromApi({ url: '/drip', options: { timeoutSeconds: 0.5, maxRetries: 0 } });
		expect(result.error?.message).toBe(`${base}/drip timed out after 0.5 s (page 1); gave up after 0 retries`);
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
