import { CanonicalField, FIELD_LABELS, fieldForColumn } from '../../customer/fieldCatalog';
import { repeatsOfColumn } from '../readers/rawRow';

/** Which source column feeds each canonical field. */
export type FieldMapping = Partial<Record<CanonicalField, string>>;

export interface MappingResult {
	mapping: FieldMapping;
	/** How each field was found, for the user: `customerId ← 客户ID (detected)`, `amount ← … (Shopify orders export)`. */
	description: string[];
	unmappedColumns: string[];
	/** Explicitly mapped columns not among the columns seen so far. */
	missing: Array<{ field: CanonicalField; column: string }>;
	/** Detected fields whose column name the header has more than once (renamed `name_2`...). */
	repeated: Array<{ field: CanonicalField; column: string; repeats: string[] }>;
}

/**
 * Detects the mapping from the columns seen, then lets explicit choices win. Records (JSON, an
 * API, items) need not all have the same keys, so the mapping is resolved again as new keys
 * appear, over all keys seen, the first-seen column winning as in a header. An explicit mapping
 * naming a column not seen yet is kept and listed in `missing`: if no record ever had it,
 * missingColumnError says so.
 */
export function resolveFieldMapping(columns: string[], explicit: FieldMapping, preset?: { mapping: FieldMapping; label: string }): MappingResult {
	const mapping: FieldMapping = {};
	const how: Partial<Record<CanonicalField, string>> = {};
	const present = new Set(columns);
	const missing: MappingResult['missing'] = [];

	// A platform's export is read as its preset says, not by guessing from the other column names.
	for (const [field, column] of Object.entries(preset?.mapping ?? {}) as Array<[CanonicalField, string]>) {
		if (explicit[field]) continue;
		mapping[field] = column;
		how[field] = preset?.label;
	}

	for (const [field, column] of Object.entries(explicit) as Array<[CanonicalField, string]>) {
		if (!column) continue;
		if (!present.has(column)) missing.push({ field, column });
		mapping[field] = column;
		how[field] = 'set';
	}
	const taken = new Set(Object.values(mapping));
	for (const column of preset ? [] : columns) {
		if (taken.has(column)) continue;
		const field = fieldForColumn(column);
		if (field && mapping[field] === undefined) {
			mapping[field] = column;
			how[field] = 'detected';
			taken.add(column);
		}
	}
	const repeated: MappingResult['repeated'] = [];
	for (const [field, column] of Object.entries(mapping) as Array<[CanonicalField, string]>) {
		const repeats = how[field] === 'detected' ? repeatsOfColumn(column, columns) : [];
		if (repeats.length) repeated.push({ field, column, repeats });
	}
	const description = (Object.keys(mapping) as CanonicalField[]).map(
		(field) => `${field} ← ${mapping[field]} (${how[field]})`,
	);
	return { mapping, description, unmappedColumns: columns.filter((c) => !taken.has(c)), missing, repeated };
}

/** The error for an explicit mapping whose column no row had, or null. */
export function missingColumnError(result: MappingResult, columns: string[]): Error | null {
	const first = result.missing[0];
	if (!first) return null;
	return new Error(`The column "${first.column}" mapped to ${FIELD_LABELS[first.field]} is not in the data. Columns found: ${columns.slice(0, 30).join(', ')}`);
}

/**
 * The error for a field detected on a column name the header repeats, or null: which copy holds
 * the field is the user's call, never the first one silently.
 */
export function repeatedColumnError(result: MappingResult): Error | null {
	const first = result.repeated[0];
	if (!first) return null;
	const label = FIELD_LABELS[first.field];
	const ordinals = ['second', 'third', 'fourth'];
	const choices = first.repeats.map((name, i) => `"${name}" (the ${ordinals[i] ?? `copy number ${i + 2}`})`);
	const options = choices.length === 1 ? `or ${choices[0]}` : `${choices.slice(0, -1).join(', ')} or ${choices[choices.length - 1]}`;
	return new Error(
		`The column "${first.column}" appears ${first.repeats.length + 1} times in the header, so ${label} could be either: in Field Mapping, map ${label} to "${first.column}" (the first) ${options}`,
	);
}
