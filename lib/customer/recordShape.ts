import { dayOfIsoDateText } from '../values/parseDate';

/**
 * Whether an item already describes one customer (a Customer Data summary, or a database
 * summary) rather than one order.
 */
export function isCustomerRecord(json: Record<string, unknown>): boolean {
	if (typeof json.modelInputs === 'object' && json.modelInputs !== null) return true;
	if (json.frequency !== undefined && json.T !== undefined) return true;
	return json.orders !== undefined && (json.recencyDays !== undefined || json.lastOrderAt !== undefined);
}

/**
 * The analysis day of a customer record: its own (Customer Data writes the day it summarised
 * as of), else the node's. Every node that reads customer records dates them this way.
 */
export function analysisDayOfRecord(json: Record<string, unknown>, nodeDay: number): number {
	return (typeof json.analysisDate === 'string' ? dayOfIsoDateText(json.analysisDate) : null) ?? nodeDay;
}
