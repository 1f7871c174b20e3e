/**
 * A stand-in for the CRM, SMS, push and team-chat APIs the templates call: an HTTP server on
 * 127.0.0.1 that records every request (method, path, headers, parsed body) and answers as
 * those APIs do, with an id; and, under /openai/v1, a scripted chat model (chatModelStub.ts).
 */
import * as http from 'http';
import type { AddressInfo } from 'net';
import { URLSearchParams } from 'url';
import { CHAT_MODEL_PATH, chatCompletionResponse } from './chatModelStub';

export interface StubRequest {
	method: string | undefined;
	path: string | undefined;
	headers: http.IncomingHttpHeaders;
	/** Parsed JSON or form fields; the text when it could not be parsed. */
	body: any;
}

/** `onRequest` hears of each request; with `keep: false` (a long-running editor) none is kept. */
export async function startHttpStub({ onRequest = () => undefined, keep = true }: { onRequest?: (request: StubRequest) => void; keep?: boolean } = {}) {
	const requests: StubRequest[] = [];
	let next = 1;
	const server = http.createServer((req, res) => {
		let raw = '';
		req.setEncoding('utf8');
		req.on('data', (chunk) => (raw += chunk));
		req.on('end', () => {
			const type = req.headers['content-type'] ?? '';
			let body: unknown = raw;
			try {
				if (type.includes('json')) body = JSON.parse(raw);
				else if (type.includes('x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw));
			} catch {
				// kept as text: the check will say so
			}
			const request: StubRequest = { method: req.method, path: req.url, headers: req.headers, body };
			if (keep) requests.push(request);
			onRequest(request);
			if (req.url === `${CHAT_MODEL_PATH}/chat/completions`) {
				const reply = chatCompletionResponse(body as never);
				res.writeHead(200, { 'content-type': reply.type });
				return void res.end(reply.body);
			}
			res.writeHead(req.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ id: String(next++), sid: `SM${next}`, status: 'queued' }));
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return {
		base,
		requests,
		take: () => requests.splice(0),
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

export type HttpStub = Awaited<ReturnType<typeof startHttpStub>>;
