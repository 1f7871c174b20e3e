/**
 * Whether an item already describes one customer (a Customer Data summary, or a database
 * summary) rather than one order.
 */
export function isCustomerRecord(json: Record<string, unknown>): boolean {
	if (typeof json.modelInputs === 'object' && json.modelInputs !== null) return true;
	if (json.frequency !== undefined && json.T !== undefined) return true;
	return json.orders !== undefined && (json.recencyDays !== undefined || json.lastOrderAt !== undefined);
}
