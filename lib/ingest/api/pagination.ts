import { findRecords } from '../readers/lineRows';
import { getPath } from '../../values/objectPath';

export type PaginationConfig =
	| { style: 'none' }
	| { style: 'nextUrlField'; field: string }
	| { style: 'linkHeader' }
	| { style: 'pageNumber'; pageParam: string; firstPage: number; pageSizeParam: string; pageSize: number }
	| { style: 'offset'; offsetParam: string; limitParam: string; pageSize: number }
	| { style: 'cursor'; cursorParam: string; cursorField: string };

export interface PageRequest {
	url: string;
	qs: Record<string, string | number>;
	page: number;
}

export interface PageResponse {
	body: unknown;
	headers: Record<string, unknown>;
}

export function firstPageRequest(url: string, qs: Record<string, string | number>, config: PaginationConfig): PageRequest {
	const query = { ...qs };
	if (config.style === 'pageNumber') {
		query[config.pageParam] = config.firstPage;
		if (config.pageSizeParam) query[config.pageSizeParam] = config.pageSize;
	} else if (config.style === 'offset') {
		query[config.offsetParam] = 0;
		query[config.limitParam] = config.pageSize;
	}
	return { url, qs: query, page: 1 };
}

/** `<https://api/x?page=2>; rel="next", <...>; rel="last"` -> the next URL. */
export function nextFromLinkHeader(header: unknown): string | undefined {
	const text = Array.isArray(header) ? header.join(',') : typeof header === 'string' ? header : '';
	for (const part of text.split(/,(?=\s*<)/)) {
		const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
		if (match && /rel\s*=\s*"?([^";]*\s)?next(\s[^";]*)?"?/i.test(match[2])) return match[1];
	}
	return undefined;
}

/** The records in a response body at the given dot path (empty: the body or its one list). */
export function recordsOf(body: unknown, recordsPath: string): unknown[] {
	return findRecords(body, recordsPath);
}

/**
 * The request for the page after `current`, or null when the last page has been read: no next
 * link or cursor, or an empty or short page for page-number and offset styles.
 */
export function nextPageRequest(
	config: PaginationConfig,
	current: PageRequest,
	response: PageResponse,
	recordsOnPage: number,
): PageRequest | null {
	const page = current.page + 1;
	switch (config.style) {
		case 'none':
			return null;
		case 'nextUrlField': {
			const next = getPath(response.body, config.field);
			return typeof next === 'string' && next !== '' ? { url: next, qs: {}, page } : null;
		}
		case 'linkHeader': {
			const next = nextFromLinkHeader(response.headers.link ?? response.headers.Link);
			return next ? { url: next, qs: {}, page } : null;
		}
		case 'pageNumber':
			if (recordsOnPage === 0 || recordsOnPage < config.pageSize) return null;
			return { url: current.url, qs: { ...current.qs, [config.pageParam]: Number(current.qs[config.pageParam]) + 1 }, page };
		case 'offset':
			if (recordsOnPage === 0 || recordsOnPage < config.pageSize) return null;
			return { url: current.url, qs: { ...current.qs, [config.offsetParam]: Number(current.qs[config.offsetParam]) + recordsOnPage }, page };
		case 'cursor': {
			const cursor = getPath(response.body, config.cursorField);
			if (cursor === undefined || cursor === null || cursor === '' || recordsOnPage === 0) return null;
			return { url: current.url, qs: { ...current.qs, [config.cursorParam]: String(cursor) }, page };
		}
	}
}
