import { firstPageRequest, nextFromLinkHeader, nextPageRequest } from '../../../lib/ingest/api/pagination';
import { retryAfterMs, retryDelay } from '../../../lib/ingest/api/retryPolicy';

describe('pagination', () => {
	it('finds rel="next" in a Link header among other relations', () => {
		expect(nextFromLinkHeader('<https://a/x?page=1>; rel="prev", <https://a/x?page=3>; rel="next", <https://a/x?page=9>; rel="last"')).toBe('https://a/x?page=3');
		expect(nextFromLinkHeader('<https://a/x?page=9>; rel="last"')).toBeUndefined();
		expect(nextFromLinkHeader(undefined)).toBeUndefined();
	});

	it('stops page-number paging at a short page', () => {
		const config = { style: 'pageNumber' as const, pageParam: 'page', firstPage: 1, pageSizeParam: 'size', pageSize: 50 };
		const first = firstPageRequest('/orders', { status: 'paid' }, config);
		expect(first).toEqual({ url: '/orders', qs: { status: 'paid', page: 1, size: 50 }, page: 1 });
		expect(nextPageRequest(config, first, { body: [], headers: {} }, 50)?.qs).toEqual({ status: 'paid', page: 2, size: 50 });
		expect(nextPageRequest(config, first, { body: [], headers: {} }, 49)).toBeNull();
	});

	it('advances offsets by the records received and stops when a cursor runs out', () => {
		const offset = { style: 'offset' as const, offsetParam: 'offset', limitParam: 'limit', pageSize: 2 };
		expect(nextPageRequest(offset, firstPageRequest('/o', {}, offset), { body: [], headers: {} }, 2)?.qs).toEqual({ offset: 2, limit: 2 });
		const cursor = { style: 'cursor' as const, cursorParam: 'after', cursorField: 'meta.next' };
		const first = firstPageRequest('/o', {}, cursor);
		expect(nextPageRequest(cursor, first, { body: { meta: { next: 'abc' } }, headers: {} }, 5)?.qs).toEqual({ after: 'abc' });
		expect(nextPageRequest(cursor, first, { body: { meta: { next: null } }, headers: {} }, 5)).toBeNull();
	});
});

describe('retry policy', () => {
	const policy = { maxRetries: 3, initialDelayMs: 1000, maxDelayMs: 60_000 };

	it('backs off exponentially when the server gives no Retry-After', () => {
		expect([1, 2, 3].map((attempt) => retryDelay(policy, attempt, undefined, 0))).toEqual([{ waitMs: 1000 }, { waitMs: 2000 }, { waitMs: 4000 }]);
		expect(retryDelay(policy, 4, undefined, 0)).toEqual({ giveUp: 'gave up after 3 retries' });
	});

	it('honours Retry-After in seconds or as an HTTP date, and refuses to stall for too long', () => {
		expect(retryAfterMs('7', 0)).toBe(7000);
		expect(retryAfterMs('Wed, 21 Oct 2026 07:28:10 GMT', Date.parse('Wed, 21 Oct 2026 07:28:00 GMT'))).toBe(10_000);
		expect(retryDelay(policy, 1, '2', 0)).toEqual({ waitMs: 2000 });
		expect(retryDelay(policy, 1, '3600', 0)).toEqual({ giveUp: 'the server asked to wait 3600 s (Retry-After), longer than the 60 s allowed' });
	});
});
