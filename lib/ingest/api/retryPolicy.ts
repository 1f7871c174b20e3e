export interface RetryPolicy {
	maxRetries: number;
	/** First back-off; doubles on each retry. */
	initialDelayMs: number;
	/** A Retry-After asking for longer than this fails the request instead of stalling the run. */
	maxDelayMs: number;
}

/** 429 and 5xx are worth another try; other statuses will not change by waiting. */
export function isRetryableStatus(status: number): boolean {
	return status === 429 || (status >= 500 && status <= 599);
}

/** Retry-After as seconds or an HTTP date, in milliseconds from now; undefined if absent. */
export function retryAfterMs(header: unknown, nowMs: number): number | undefined {
	if (header === undefined || header === null || header === '') return undefined;
	const text = String(Array.isArray(header) ? header[0] : header).trim();
	if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
	const at = Date.parse(text);
	return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/**
 * How long to wait before retry number `attempt` (1-based), or a reason not to retry. The
 * server's Retry-After wins over exponential back-off.
 */
export function retryDelay(
	policy: RetryPolicy,
	attempt: number,
	retryAfterHeader: unknown,
	nowMs: number,
): { waitMs: number } | { giveUp: string } {
	if (attempt > policy.maxRetries) return { giveUp: `gave up after ${policy.maxRetries} retries` };
	const asked = retryAfterMs(retryAfterHeader, nowMs);
	if (asked !== undefined) {
		if (asked > policy.maxDelayMs) return { giveUp: `the server asked to wait ${Math.round(asked / 1000)} s (Retry-After), longer than the ${Math.round(policy.maxDelayMs / 1000)} s allowed` };
		return { waitMs: asked };
	}
	return { waitMs: Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1)) };
}
