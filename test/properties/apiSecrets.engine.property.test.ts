import fc from 'fast-check';
import * as http from 'http';
import type { AddressInfo } from 'net';
import { runWorkflow, RunResult } from '../../devkit/engine/harness';
import { linearWorkflow } from '../../devkit/engine/workflowBuilder';

/*
 * No secret in any output or message: Customer Data reads from a server that misbehaves in
 * generated ways (echoes the credential it received in an error, an HTML page, a header, a
 * next-page link or the records themselves, at any offset; points or redirects to another
 * host; fails), with every kind of credential, secrets holding characters JSON escapes among
 * them. Whatever happens, neither the secret nor the forms a server could echo (URL-encoded,
 * JSON-escaped, a basic-auth header) appear in the items, the error, its description or the
 * hints, and the other host never receives it.
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
	/** The first page answers with a redirect: to its own host, or to another one. */
	redirect: 'none' | 'ownHost' | 'otherHost';
	followOtherHosts: boolean;
}

const scenario = fc.record<Scenario>({
	status: fc.constantFrom(200, 200, 200, 400, 401, 500),
	body: fc.constantFrom('records', 'records', 'jsonError', 'html', 'text', 'empty'),
	// Often just before the cuts messages make (60 characters of a page, 500 of a response).
	padding: fc.oneof(fc.integer({ min: 0, max: 600 }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 440, max: 500 })),
	echoInHeader: fc.boolean(),
	echoInRecords: fc.boolean(),
	next: fc.constantFrom('none', 'ownHostWithEcho', 'otherHost'),
	redirect: fc.constantFrom('none', 'none', 'ownHost', 'otherHost'),
	followOtherHosts: fc.boolean(),
});

/** Secrets with characters JSON escapes (quotes, backslashes, control characters) as well as plain ones. */
const secretText = fc
	.tuple(fc.stringMatching(/^[A-Za-z0-9_\-+/=.~!$]{12,40}$/), fc.array(fc.tuple(fc.nat(40), fc.constantFrom('"', '\\', '\u0001', '\n', '\t', '\u001f', '</')), { maxLength: 3 }))
	.map(([plain, specials]) => specials.reduce((text, [at, c]) => `${text.slice(0, at)}${c}${text.slice(at)}`, plain));

let current: Scenario;
let server: http.Server;
let base: string;
/** Another origin, which must never receive the credential, however it is reached. */
let other: http.Server;
let otherBase: string;
let otherReceived: string[] = [];

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
		if (current.redirect !== 'none' && !url.searchParams.has('moved')) {
			const target = current.redirect === 'ownHost' ? base : otherBase;
			res.writeHead(302, { location: `${target}/orders?moved=1&k=${encodeURIComponent(echo)}` });
			return res.end();
		}
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
	other = http.createServer((req, res) => {
		otherReceived.push(JSON.stringify([req.url, req.headers]));
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(JSON.stringify({ data: [{ customer_id: 'C9', order_id: 'X1', order_date: '2024-01-05', amount: 1 }], next: null }));
	});
	await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
	otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
});

afterAll(async () => {
	for (const s of [server, other]) {
		s.closeAllConnections();
		await new Promise((resolve) => s.close(resolve));
	}
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
	const plain = [secret, encodeURIComponent(secret)];
	if (auth === 'basic') plain.push(Buffer.from(`shop:${secret}`).toString('base64').slice(8));
	// What is shown is JSON text, where a message that quotes a JSON body is escaped twice.
	const escaped = (text: string) => JSON.stringify(text).slice(1, -1);
	const forms = plain.flatMap((form) => [escaped(form), escaped(escaped(form))]);
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
				otherReceived = [];
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
								options: { maxRetries: 0, retryDelayMs: 1, timeoutSeconds: 5, followOtherHosts: s.followOtherHosts },
							},
						},
					]),
					{ credentials: { customerDataApi: credentialFor(auth, secret) } },
				);
				const shown = everythingShown(result);
				for (const piece of piecesOf(auth, secret)) expect(shown).not.toContain(piece);
				// The other host may get the link's own text, never the credential the request carried.
				const sentThere = otherReceived.map((r) => r.replace(/"\/orders\?[^"]*"/, '""')).join();
				for (const piece of piecesOf(auth, secret)) expect(sentThere).not.toContain(piece);
			}),
			{
				numRuns: 150,
				examples: [
					// A secret that starts with a newline, echoed as a page of text: once trimmed it was no longer whole, and slipped past.
					[{ status: 200, body: 'text', padding: 0, echoInHeader: false, echoInRecords: false, next: 'none', redirect: 'none', followOtherHosts: false }, 'apiKeyQuery', '\n=\u0001aA=./0=~~-~'],
				],
			},
		);
	});
});
