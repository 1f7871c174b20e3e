import { CanonicalField, FIELD_LABELS, fieldForColumn } from './fieldCatalog';

/** Which source column feeds each canonical field. */
export type FieldMapping = Partial<Record<CanonicalField, string>>;

export interface MappingResult {
	mapping: FieldMapping;
	/** How each field was found, for the user: `customerId ← 客户ID (detected)`. */
	description: string[];
	unmappedColumns: string[];
}

/**
 * Detects the mapping from the columns present, then lets explicit choices win. An explicit
 * mapping naming a column that is not in the data is an error the user must fix, so it throws.
 */
export function resolveFieldMapping(columns: string[], explicit: FieldMapping): MappingResult {
	const mapping: FieldMapping = {};
	const how: Partial<Record<CanonicalField, 'detected' | 'set'>> = {};
	const present = new Set(columns);

	for (const [field, column] of Object.entries(explicit) as Array<[CanonicalField, string]>) {
		if (!column) continue;
		if (!present.has(column)) {
			throw new Error(
				`The column "${column}" mapped to ${FIELD_LABELS[field]} is not in the data. Columns found: ${columns.slice(0, 30).join(', ')}`,
			);
		}
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
	return { mapping, description, unmappedColumns: columns.filter((c) => !taken.has(c)) };
}
