/** A row as read from any source: its values by column name, or why it could not be read. */
export type RawRow =
	| { row: number; values: Record<string, unknown> }
	| { row: number; error: string; raw: Record<string, unknown> };

export type FileFormat = 'csv' | 'json' | 'ndjson' | 'whitespace';

export interface TableOptions {
	/** The first line holds the column names. */
	hasHeader: boolean;
	/** Names for the columns of a file without a header; `column1`, `column2`... otherwise. */
	columnNames: string[];
}

/**
 * Column names that are unique and non-empty, so no value is silently overwritten: a name seen
 * before becomes `name_2`, `name_3`..., never a name the header has elsewhere.
 */
export function uniqueColumnNames(names: string[]): string[] {
	const bases = names.map((name, i) => (name.trim() === '' ? `column${i + 1}` : name.trim()));
	const inHeader = new Set(bases);
	const given = new Set<string>();
	return bases.map((base) => {
		let name = base;
		for (let n = 2; given.has(name); n++) {
			name = `${base}_${n}`;
			while (inHeader.has(name) || given.has(name)) name = `${base}_${++n}`;
		}
		given.add(name);
		return name;
	});
}

/** The names a header's repeats of `column` were given by uniqueColumnNames, in order. */
export function repeatsOfColumn(column: string, columns: Iterable<string>): string[] {
	const present = new Set(columns);
	const repeats: string[] = [];
	for (let n = 2; present.has(`${column}_${n}`); n++) repeats.push(`${column}_${n}`);
	return repeats;
}

/** What a decoder puts where a file's bytes are not valid text in its encoding. */
const REPLACEMENT = '\uFFFD';
const NOT_TEXT = 'holds bytes that are not valid text in the file\'s encoding (shown as \uFFFD): re-save the file as UTF-8, or set the Encoding option';

export function rowFromValues(row: number, columns: string[], values: string[]): RawRow {
	const record: Record<string, unknown> = {};
	const width = Math.max(columns.length, values.length);
	for (let i = 0; i < width; i++) record[columns[i] ?? `column${i + 1}`] = values[i];
	if (values.length !== columns.length) {
		return { row, error: `has ${values.length} values but the header has ${columns.length} columns`, raw: record };
	}
	// One bad byte costs its row, with the reason, not the file.
	if (values.some((v) => v.includes(REPLACEMENT))) return { row, error: NOT_TEXT, raw: record };
	return { row, values: record };
}

/** A split line as a row: the common case (as many values as columns) without the checks. */
export function rowFromSplitLine(row: number, columns: string[], values: string[]): RawRow {
	if (values.length !== columns.length) return rowFromValues(row, columns, values);
	const record: Record<string, unknown> = {};
	let text = true;
	for (let i = 0; i < columns.length; i++) {
		record[columns[i]] = values[i];
		if (values[i].includes(REPLACEMENT)) text = false;
	}
	return text ? { row, values: record } : { row, error: NOT_TEXT, raw: record };
}

export function columnsFor(firstValues: string[], options: TableOptions): { columns: string[]; firstIsData: boolean } {
	if (options.hasHeader) return { columns: uniqueColumnNames(firstValues), firstIsData: false };
	const names = firstValues.map((_, i) => options.columnNames[i] ?? `column${i + 1}`);
	return { columns: uniqueColumnNames(names), firstIsData: true };
}
