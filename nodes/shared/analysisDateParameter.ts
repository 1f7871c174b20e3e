import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { dayNumberToIsoDate, parseDate } from '../../lib/values/parseDate';
import { TimeZone } from '../../lib/values/timeZone';

export const analysisDateProperty: INodeProperties = {
	displayName: 'Analysis Date',
	name: 'analysisDate',
	type: 'dateTime',
	default: '',
	description:
		'The day the analysis is "as of": recency and tenure are counted up to it and later orders are left out. Empty means today. Set a fixed date to reproduce a past result. Customers from Customer Data keep the date they were summarised as of.',
};

/**
 * The analysis date(s) a run used, for the node's output hint: users must see which day the
 * results are "as of", above all when the field was empty and it was today.
 */
export function analysisDateHint(ctx: IExecuteFunctions, nodeDay: number, usedDays: Iterable<number>): string {
	const counts = new Map<number, number>();
	for (const day of usedDays) counts.set(day, (counts.get(day) ?? 0) + 1);
	const fromField = (ctx.getNodeParameter('analysisDate', 0, '') as string) !== '';
	if (counts.size === 0) counts.set(nodeDay, 0);
	if (counts.size === 1) {
		const [day] = counts.keys();
		if (day !== nodeDay) return `Analysis date ${dayNumberToIsoDate(day)} (the customers' own, from Customer Data).`;
		return `Analysis date ${dayNumberToIsoDate(day)}${fromField ? '' : ' (today: the Analysis Date field is empty)'}.`;
	}
	const listed = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([day, n]) => `${dayNumberToIsoDate(day)} (${n} customers)`);
	return `Analysis dates differ between customers: ${listed.join(', ')}${counts.size > 3 ? ', ...' : ''}.`;
}

/** The analysis date as a local calendar day (days since 1970-01-01) in the given zone. */
export function readAnalysisDay(ctx: IExecuteFunctions, zone: TimeZone, itemIndex = 0): number {
	const value = ctx.getNodeParameter('analysisDate', itemIndex, '') as string;
	if (!value) return zone.localDayNumber(Date.now());
	const parsed = parseDate(value, 'ymd', zone);
	if ('error' in parsed) {
		throw new NodeOperationError(ctx.getNode(), `Analysis Date ${parsed.error}`, {
			itemIndex,
			description: 'Use a date like 2024-06-30 or pick one in the date picker.',
		});
	}
	return parsed.day;
}
