import fc from 'fast-check';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { runWorkflow, RunResult } from '../engine/harness';
import { linearWorkflow } from '../engine/workflowBuilder';

/*
 * No secret in any output or message: Customer Data reads from a server that misbehaves in
 * generated ways (echoes the credential it received in an error, an HTML page, a header, a
 * next-page link or the records themselves, at any offset; points to another host; fails),
 * with every kind of credential. Whatever happens, neither the secret nor the forms a server
 * could echo (URL-encoded, a basic-auth header) appear in the items, the error, its
 * description or the hints.
 */

type AuthType = 'apiKeyHeader' | 'apiKeyQuery' | 'bearer' | 'basic';

interface Scenario {
	status: number;
	body: 'records' | 'jsonError' | 'html' | 'text' | 'empty';
	/** Characters before the echo, so it falls across any cut a message makes. */
	padding: number;
	echoInHeader: boolean;
	echoInRecords: boolean;
	next: 'none' | 'ownHostWithEcho' | 'otherHost';
}

const scenario = fc.record<Scenario>({
	status: fc.constantFrom(200, 200, 200, 400, 401, 500),
	body: fc.constantFrom('records', 'records', 'jsonError', 'html', 'text', 'empty'),
	// Often just before the cuts messages make (60 characters of a page, 500 of a response).
	padding: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 440, max: 500 })),
	echoInHeader: fc.boolean(),
	echoInRecords: fc.boolean(),
	next: fc.constantFrom('none', 'ownHostWithEcho', 'otherHost'),
});

const secretText = fc.stringMatching(/^[A-Za-z0-9_\-+/=.~!$]{12,40}$/);

let current: Scenario;
let server: http.Server;
let base: string;

/** What the server received as the credential: the header, query value or authorization it was sent. */
function received(req: http.IncomingMessage, url: URL): string {
	return String(req.headers['x-api-key'] ?? req.headers.authorization ?? url.searchParams.get('api_key') ?? '');
}

beforeAll(async () => {
	server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', base);
		const echo = received(req, url);
		const pad = 'x'.repeat(current.padding);
		const page = Number(url.searchParams.get('page') ?? 1);
		const headers: Record<string, string> = current.echoInHeader ? { 'x-echo': echo.replace(/[^\x20-\x7e]/g, '') } : {};
		const next =
			page > 1 || current.next === 'none'
				? null
				: current.next === 'otherHost'
					? `http://localhost:9/orders?page=2&k=${encodeURIComponent(echo)}`
					: `${base}/orders?page=2&k=${encodeURIComponent(echo)}`;
		const orders = [
			{ customer_id: 'C1', order_id: `O${page}a`, order_date: '2024-01-05', amount: 10, note: current.echoInRecords ? echo : 'ok' },
			{ customer_id: current.echoInRecords ? echo : 'C2', order_id: `O${page}b`, order_date: current.echoInRecords ? `${pad}${echo}` : 'not a date', amount: 12 },
		];
		const send = (type: string, body: string) => {
			res.writeHead(current.status, { 'content-type': type, ...headers });
			res.end(body);
		};
		switch (current.body) {
			case 'records':
				return send('application/json', JSON.stringify({ data: orders, next }));
			case 'jsonError':
				return send('application/json', JSON.stringify({ error: `${pad}invalid credential ${echo}`, next }));
			case 'html':
				return send('text/html', `<!DOCTYPE html><html><body>${pad}Sign in again: ${echo}</body></html>`);
			case 'text':
				return send('text/plain', `${pad}${echo}`);
			case 'empty':
				return send('application/json', '');
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
	server.closeAllConnections();
	await new Promise((resolve) => server.close(resolve));
});

function credentialFor(auth: AuthType, secret: string): Record<string, string> {
	const common = { baseUrl: base, authType: auth, testPath: '/' };
	if (auth === 'apiKeyHeader') return { ...common, keyName: 'X-API-Key', apiKey: secret };
	if (auth === 'apiKeyQuery') return { ...common, keyName: 'api_key', apiKey: secret };
	if (auth === 'bearer') return { ...common, token: secret };
	return { ...common, username: 'shop', password: secret };
}

/**
 * Every way the secret could be shown (as is, URL-encoded, inside a basic-auth header), as the
 * 8-character pieces of each: a message cut in the middle of a secret must not show half of it.
 */
function piecesOf(auth: AuthType, secret: string): string[] {
	const forms = [secret, encodeURIComponent(secret)];
	if (auth === 'basic') forms.push(Buffer.from(`shop:${secret}`).toString('base64').slice(8));
	return forms.flatMap((form) => Array.from({ length: form.length - 7 }, (_, i) => form.slice(i, i + 8)));
}

/** Everything a user can see of the run: items of both outputs, the error and the hints. */
function everythingShown(result: RunResult): string {
	const ran = result.run.data.resultData.runData['Customer Data'];
	const error = result.error as (Error & { description?: string }) | undefined;
	return JSON.stringify([
		ran ? result.json('Customer Data', 0) : [],
		ran ? result.json('Customer Data', 1) : [],
		ran ? result.hints('Customer Data') : [],
		error?.message,
		error?.description,
	]);
}

describe('Customer Data from an API never shows the credential', () => {
	it('whatever the server echoes, wherever, with any kind of credential', async () => {
		await fc.assert(
			fc.asyncProperty(scenario, fc.constantFrom<AuthType>('apiKeyHeader', 'apiKeyQuery', 'bearer', 'basic'), secretText, async (s, auth, secret) => {
				current = s;
				const result = await runWorkflow(
					linearWorkflow([
						{
							name: 'Customer Data',
							type: 'customerData',
							credentials: { customerDataApi: { id: '1', name: 'Shop API' } },
							parameters: {
								source: 'api',
								url: '/orders',
								recordsPath: 'data',
								pagination: 'nextUrlField',
								nextUrlField: 'next',
								analysisDate: '2024-02-01',
								options: { maxRetries: 0, retryDelayMs: 1, timeoutSeconds: 5 },
							},
						},
					]),
					{ credentials: { customerDataApi: credentialFor(auth, secret) } },
				);
				const shown = everythingShown(result);
				for (const piece of piecesOf(auth, secret)) expect(shown).not.toContain(piece);
			}),
			{ numRuns: 150 },
		);
	});
});
