/**
 * What keeps an API credential where it belongs: requests are resolved against the credential's
 * base URL and checked to stay on its origin (a next-page URL or Link header from the server may
 * name any host), and every message the node writes is cleared of the secrets.
 */

/**
 * The first page's URL: a path is joined to the base URL (`/orders` under `https://api/v1`). The
 * URL is often built from an item, so it must stay where the credential points whatever it holds:
 * a full URL on another origin, or a path whose `..` (plain or %-encoded) climbs out of the base
 * path, is refused with the reason. "Follow Other Hosts" is for pages a server links to, never
 * for where the node starts.
 */
export function firstPageUrl(pathOrUrl: string, baseUrl: string): { url: string } | { error: string } {
	let base: URL;
	try {
		base = new URL(baseUrl);
	} catch {
		return { error: `the credential's Base URL "${baseUrl}" is not a URL` };
	}
	const joined = /^[a-z][a-z0-9+.-]*:/i.test(pathOrUrl) || pathOrUrl.startsWith('//') ? pathOrUrl : `${baseUrl.replace(/\/+$/, '')}/${pathOrUrl.replace(/^\/+/, '')}`;
	let url: URL;
	try {
		url = new URL(joined, base);
	} catch {
		return { error: `"${pathOrUrl}" is not a path or URL` };
	}
	if (url.origin !== base.origin) return { error: `${url.origin} is not the credential's ${base.origin}` };
	const basePath = base.pathname.replace(/\/+$/, '');
	// The URL parser has already resolved dot segments, so what is left is where the request goes.
	if (url.pathname !== basePath && !url.pathname.startsWith(`${basePath}/`)) return { error: `${url.pathname} is outside the credential's base path ${basePath || '/'}` };
	return { url: url.toString() };
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
 * A secret as an HTTP header can carry it (RFC 9110 field value): without the control
 * characters a header may not hold (a tab may stay) and without outer spaces. The credential
 * sends this form, so the redactor knows exactly what a server received.
 */
export function headerValue(secret: string): string {
	return secret.replace(/[\x00-\x08\x0a-\x1f\x7f]/g, '').replace(/^[ \t]+|[ \t]+$/g, '');
}

/**
 * Replaces every secret, as sent and as a server might echo it: plain, URL-encoded, and inside a
 * basic-auth header (base64 of `user:password`). Built once per credential.
 */
export function secretRedactor(secrets: ReadonlyArray<string | undefined>, basicAuth?: { username?: string; password?: string }): (text: string) => string {
	const plain = secrets.filter((secret): secret is string => !!secret && secret.length >= MIN_SECRET_LENGTH);
	if (basicAuth?.password) plain.push(Buffer.from(`${basicAuth.username ?? ''}:${basicAuth.password}`).toString('base64'));
	// A server that puts what it received into a link sends it URL-encoded; one that puts it into
	// JSON escapes quotes, backslashes and control characters, and a message quoting that body
	// carries the escaped form.
	// A server echoes what it received, and a header carries the secret as headerValue makes it.
	const received = plain.map(headerValue).filter((form) => form.length >= MIN_SECRET_LENGTH);
	const forms = new Set([...plain, ...received].flatMap((form) => [form, encodeURIComponent(form), jsonEscaped(form), asciiJsonEscaped(form)]));
	// Longest first, so a secret inside another is not left half shown.
	const ordered = [...forms].sort((a, b) => b.length - a.length);
	return (text) => {
		let out = text;
		for (const form of ordered) if (out.includes(form)) out = out.split(form).join('[redacted]');
		return out;
	};
}

/** The secret as it appears between the quotes of a JSON string. */
function jsonEscaped(text: string): string {
	return JSON.stringify(text).slice(1, -1);
}

/** The same with every non-ASCII character as \\uXXXX, as some servers write JSON. */
function asciiJsonEscaped(text: string): string {
	return jsonEscaped(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Where a redirect goes, resolved against the URL that answered it; null when it names nowhere usable. */
export function redirectTarget(location: unknown, currentUrl: string): string | null {
	const text = Array.isArray(location) ? location[0] : location;
	if (typeof text !== 'string' || text.trim() === '') return null;
	try {
		const url = new URL(text.trim(), currentUrl);
		return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : null;
	} catch {
		return null;
	}
}

/** A record from the API with the secrets replaced in every text value, however deep. */
export function redactRecord(value: unknown, redact: (text: string) => string): unknown {
	if (typeof value === 'string') return redact(value);
	if (Array.isArray(value)) return value.map((v) => redactRecord(v, redact));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [redact(k), redactRecord(v, redact)]));
	return value;
}
