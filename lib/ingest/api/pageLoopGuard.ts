import { PageRequest } from './pagination';
import { fingerprintOfValues } from '../bytes/rowFingerprint';

/**
 * Notices an API that loops: a page requested again (the same URL and query: a repeated next
 * URL or cursor), or a page whose content is identical to an earlier one (an API that ignores
 * the page parameter). Without order IDs, each such page would count its orders again.
 */
export class PageLoopGuard {
	private readonly requests = new Map<string, number>();
	private readonly contents = new Map<string, number>();

	/** Why the page (its request and its records) repeats an earlier one, or null when it is new. */
	check(request: PageRequest, records: unknown[]): string | null {
		const key = `${request.url} ${JSON.stringify(request.qs)}`;
		const sameRequest = this.requests.get(key);
		if (sameRequest !== undefined) return `asks for the same URL and parameters as page ${sameRequest}`;
		this.requests.set(key, request.page);
		// An empty page ends pagination anyway; it is no loop.
		if (records.length === 0) return null;
		const text = JSON.stringify(records);
		const content = `${text.length}:${fingerprintOfValues([text], '')}`;
		const sameContent = this.contents.get(content);
		if (sameContent !== undefined) return `has the same records as page ${sameContent}`;
		this.contents.set(content, request.page);
		return null;
	}
}
