import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { renderReport, ReportInput, ReportLanguage } from '../../lib/report/htmlReport';
import { isToolCall } from '../shared/agentTool/toolCall';
import { WORDS } from '../../lib/words';

/** Attaches the HTML report to the first item when the node is set to. */
export async function withHtmlReport(ctx: IExecuteFunctions, first: INodeExecutionData, report: Omit<ReportInput, 'language' | 'locale' | 'currency'>): Promise<INodeExecutionData> {
	// An agent gets the items' JSON only: no file for it.
	if (isToolCall(ctx) || !(ctx.getNodeParameter('htmlReport', 0, true) as boolean)) return first;
	const language = ctx.getNodeParameter('reportLanguage', 0, 'en') as ReportLanguage;
	const currencyText = (ctx.getNodeParameter('currency', 0, '') as string).trim().toUpperCase();
	if (currencyText && !/^[A-Z]{3}$/.test(currencyText)) throw new NodeOperationError(ctx.getNode(), `Currency must be a three-letter ISO code like CNY or USD; got "${currencyText}"`);
	const field = (ctx.getNodeParameter('binaryPropertyName', 0, 'report') as string) || 'report';
	const html = renderReport({ ...report, language, locale: WORDS[language].locale, currency: currencyText || null });
	const binary = await ctx.helpers.prepareBinaryData(Buffer.from(html, 'utf8'), 'campaign-report.html', 'text/html');
	return { ...first, binary: { ...(first.binary ?? {}), [field]: binary } };
}

/** A setting counted in days, 1 to 3650, with its label in the message when it is not. */
export function readDays(ctx: IExecuteFunctions, name: string, label: string, fallback: number): number {
	const value = ctx.getNodeParameter(name, 0, fallback) as number;
	if (!(Number.isFinite(value) && value >= 1 && value <= 3650)) throw new NodeOperationError(ctx.getNode(), `${label} must be from 1 to 3650; got ${value}`);
	return value;
}
