import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { parseDate } from '../../lib/ingest/parseDate';
import { TimeZone } from '../../lib/ingest/timeZone';

export const analysisDateProperty: INodeProperties = {
	displayName: 'Analysis Date',
	name: 'analysisDate',
	type: 'dateTime',
	default: '',
	description:
		'The day the analysis is "as of": recency and tenure are counted up to it and later orders are left out. Leave empty for today. Set a fixed date to reproduce a past result.',
};

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
