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

/** Column names that are unique and non-empty, so no value is silently overwritten. */
export function uniqueColumnNames(names: string[]): string[] {
	const seen = new Map<string, number>();
	return names.map((name, i) => {
		const base = name.trim() === '' ? `column${i + 1}` : name.trim();
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		return count === 0 ? base : `${base}_${count + 1}`;
	});
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
