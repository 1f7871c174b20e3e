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
 * The text with every secret replaced, as sent and as a server might echo it: plain, URL-encoded,
 * and inside a basic-auth header (base64 of `user:password`).
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>, basicAuth?: { username?: string; password?: string }): string {
	const forms = new Set<string>();
	for (const secret of secrets) {
		if (!secret || secret.length < MIN_SECRET_LENGTH) continue;
		forms.add(secret);
		forms.add(encodeURIComponent(secret));
	}
	if (basicAuth?.password) forms.add(Buffer.from(`${basicAuth.username ?? ''}:${basicAuth.password}`).toString('base64'));
	let out = text;
	// Longest first, so a secret inside another is not left half shown.
	for (const form of [...forms].sort((a, b) => b.length - a.length)) out = out.split(form).join('[redacted]');
	return out;
}
