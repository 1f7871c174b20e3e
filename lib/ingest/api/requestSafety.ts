/**
 * What keeps an API credential where it belongs: requests are resolved against the credential's
 * base URL and checked to stay on its origin (a next-page URL or Link header from the server may
 * name any host), and every message the node writes is cleared of the secrets.
 */

/** The first page's URL: a path is joined to the base URL (`/orders` under `https://api/v1`). */
export function firstPageUrl(pathOrUrl: string, baseUrl: string): string {
	if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
	return `${baseUrl.replace(/\/+$/, '')}/${pathOrUrl.replace(/^\/+/, '')}`;
}

/** A next-page URL from a response, resolved against the page it came from (RFC 3986). */
export function nextPageUrl(next: string, currentUrl: string): string {
	return new URL(next, currentUrl).toString();
}

/** Whether the URL is on the base URL's origin (scheme, host and port), where credentials may go. */
export function isSameOrigin(url: string, baseUrl: string): boolean {
	try {
		return new URL(url).origin === new URL(baseUrl).origin;
	} catch {
		return false;
	}
}

const MIN_SECRET_LENGTH = 4;

/**
 * Replaces every secret, as sent and as a server might echo it: plain, URL-encoded, and inside a
 * basic-auth header (base64 of `user:password`). Built once per credential.
 */
export function secretRedactor(secrets: ReadonlyArray<string | undefined>, basicAuth?: { username?: string; password?: string }): (text: string) => string {
	const plain = secrets.filter((secret): secret is string => !!secret && secret.length >= MIN_SECRET_LENGTH);
	if (basicAuth?.password) plain.push(Buffer.from(`${basicAuth.username ?? ''}:${basicAuth.password}`).toString('base64'));
	// A server that puts what it received into a link sends it URL-encoded.
	const forms = new Set(plain.flatMap((form) => [form, encodeURIComponent(form)]));
	// Longest first, so a secret inside another is not left half shown.
	const ordered = [...forms].sort((a, b) => b.length - a.length);
	return (text) => {
		let out = text;
		for (const form of ordered) if (out.includes(form)) out = out.split(form).join('[redacted]');
		return out;
	};
}

/** A record from the API with the secrets replaced in every text value, however deep. */
export function redactRecord(value: unknown, redact: (text: string) => string): unknown {
	if (typeof value === 'string') return redact(value);
	if (Array.isArray(value)) return value.map((v) => redactRecord(v, redact));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactRecord(v, redact)]));
	return value;
}
