import { CanonicalField, FIELD_LABELS, fieldForColumn } from './fieldCatalog';

/** Which source column feeds each canonical field. */
export type FieldMapping = Partial<Record<CanonicalField, string>>;

export interface MappingResult {
	mapping: FieldMapping;
	/** How each field was found, for the user: `customerId ← 客户ID (detected)`. */
	description: string[];
	unmappedColumns: string[];
	/** Explicitly mapped columns not among the columns seen so far. */
	missing: Array<{ field: CanonicalField; column: string }>;
}

/**
 * Detects the mapping from the columns seen, then lets explicit choices win. Records (JSON, an
 * API, items) need not all have the same keys, so the mapping is resolved again as new keys
 * appear, over all keys seen, the first-seen column winning as in a header. An explicit mapping
 * naming a column not seen yet is kept and listed in `missing`: if no record ever had it,
 * missingColumnError says so.
 */
export function resolveFieldMapping(columns: string[], explicit: FieldMapping): MappingResult {
	const mapping: FieldMapping = {};
	const how: Partial<Record<CanonicalField, 'detected' | 'set'>> = {};
	const present = new Set(columns);
	const missing: MappingResult['missing'] = [];

	for (const [field, column] of Object.entries(explicit) as Array<[CanonicalField, string]>) {
		if (!column) continue;
		if (!present.has(column)) missing.push({ field, column });
		mapping[field] = column;
		how[field] = 'set';
	}
	const taken = new Set(Object.values(mapping));
	for (const column of columns) {
		if (taken.has(column)) continue;
		const field = fieldForColumn(column);
		if (field && mapping[field] === undefined) {
			mapping[field] = column;
			how[field] = 'detected';
			taken.add(column);
		}
	}
	const description = (Object.keys(mapping) as CanonicalField[]).map(
		(field) => `${field} ← ${mapping[field]} (${how[field]})`,
	);
	return { mapping, description, unmappedColumns: columns.filter((c) => !taken.has(c)), missing };
}

/** The error for an explicit mapping whose column no row had, or null. */
export function missingColumnError(result: MappingResult, columns: string[]): Error | null {
	const first = result.missing[0];
	if (!first) return null;
	return new Error(`The column "${first.column}" mapped to ${FIELD_LABELS[first.field]} is not in the data. Columns found: ${columns.slice(0, 30).join(', ')}`);
}
