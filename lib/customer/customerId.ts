import { hasValue, idText } from '../values/cellValues';
import { fieldPath, FieldSource, jsonFields } from '../values/fieldSource';

/** The fields a record's customer ID may come in, first present wins: our own name, then exports' and databases' names. */
export const CUSTOMER_ID_FIELDS = ['customerId', 'customer_id', 'id'] as const;

/**
 * The customer ID of a record, read the same by every node: the first of CUSTOMER_ID_FIELDS
 * that holds a value, as text (a number becomes its digits), trimmed, with the quote a
 * spreadsheet-safe CSV put before formula-like text dropped. An object or a list is no ID
 * (never "[object Object]"): null, for the caller to say so.
 */
export function customerIdOf(record: Record<string, unknown>): string | null {
	return customerIdOfFields(jsonFields(record));
}

export const CUSTOMER_ID_PATHS = CUSTOMER_ID_FIELDS.map((field) => fieldPath(field));

/** customerIdOf of a record's fields wherever they are. */
export function customerIdOfFields(fields: FieldSource): string | null {
	for (const path of CUSTOMER_ID_PATHS) {
		const value = fields.get(path);
		if (hasValue(value)) return idText(value);
	}
	return null;
}

/** What every node says of a record without a readable ID (after "Item N"). */
export const NO_CUSTOMER_ID = 'has no customerId (a text or a number)';
