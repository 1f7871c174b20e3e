import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { customersMatching, Identified } from '../../../lib/ingest';
import type { Language } from '../../../lib/values/language';
import { WORDS } from '../../../lib/words';
import { toolCustomerProperty } from './toolCall';

/** Most customers named when a phone or email fits several. */
const LISTED = 5;

/**
 * The one customer the agent asked about, or the answer to give instead: none fits (say what was
 * looked for and where), or several do (list them, so the agent asks which). A phone without a
 * country code is read in `defaultCountry` (Customer Data's setting where the tool has it).
 */
export function askedCustomer(ctx: IExecuteFunctions, customers: IDataObject[], language: Language, defaultCountry?: string): { customer: IDataObject } | { answer: INodeExecutionData } {
	const words = WORDS[language].answers;
	const query = String(ctx.getNodeParameter(toolCustomerProperty.name, 0, '') ?? '').trim();
	if (query === '') return { answer: toolAnswer(words.noCustomerGiven, { found: false }) };
	const found = customersMatching(customers as unknown as Identified[], query, defaultCountry) as unknown as IDataObject[];
	if (found.length === 1) return { customer: found[0] };
	if (found.length === 0) return { answer: toolAnswer(words.noCustomerMatches(query), { found: false, query }) };
	const ids = found.slice(0, LISTED).map((c) => String(c.customerId));
	return { answer: toolAnswer(words.severalCustomersMatch(query, found.length, ids), { found: false, query, candidates: ids }) };
}

/**
 * What a tool call gives back: one item whose `answer` is a sentence an agent can pass on, with
 * the figures it rests on beside it (n8n hands the agent the items' JSON as text).
 */
export function toolAnswer(answer: string, facts: IDataObject = {}): INodeExecutionData {
	return { json: { answer, ...facts }, pairedItem: { item: 0 } };
}
