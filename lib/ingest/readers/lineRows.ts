import { splitLines } from './decodeText';
import { columnsFor, RawRow, rowFromValues, TableOptions } from './rawRow';

/** Whitespace-separated text (like the CDNOW files): any run of spaces or tabs separates. */
export async function* whitespaceRows(text: AsyncIterable<string>, options: TableOptions): AsyncGenerator<RawRow> {
	let columns: string[] | undefined;
	let row = 0;
	for await (const line of splitLines(text)) {
		const trimmed = line.trim();
		if (trimmed === '') continue;
		const values = trimmed.split(/\s+/);
		if (!columns) {
			const header = columnsFor(values, options);
			columns = header.columns;
			if (!header.firstIsData) continue;
		}
		yield rowFromValues(++row, columns, values);
	}
}

/** One JSON object per line. */
export async function* ndjsonRows(text: AsyncIterable<string>): AsyncGenerator<RawRow> {
	let row = 0;
	for await (const line of splitLines(text)) {
		if (line.trim() === '') continue;
		row++;
		let value: unknown;
		try {
			value = JSON.parse(line);
		} catch (error) {
			yield { row, error: `is not valid JSON: ${(error as Error).message}`, raw: { line: line.slice(0, 500) } };
			continue;
		}
		yield objectRow(row, value);
	}
}

/**
 * A JSON array of objects, or an object holding one (`{"data": [...]}`). JSON has to be parsed
 * whole; for files too large for that, NDJSON or CSV stream.
 */
export async function* jsonArrayRows(text: AsyncIterable<string>, recordsPath: string): AsyncGenerator<RawRow> {
	let whole = '';
	for await (const chunk of text) whole += chunk;
	let parsed: unknown;
	try {
		parsed = JSON.parse(whole);
	} catch (error) {
		throw new Error(`The file is not valid JSON: ${(error as Error).message}`);
	}
	const records = findRecords(parsed, recordsPath);
	let row = 0;
	for (const value of records) yield objectRow(++row, value);
}

export function findRecords(parsed: unknown, recordsPath: string): unknown[] {
	let node = parsed;
	if (recordsPath.trim() !== '') {
		for (const key of recordsPath.split('.').filter(Boolean)) {
			if (node === null || typeof node !== 'object') throw new Error(`No records at "${recordsPath}": "${key}" is not inside an object`);
			node = (node as Record<string, unknown>)[key];
		}
	}
	if (Array.isArray(node)) return node;
	if (recordsPath.trim() === '' && node !== null && typeof node === 'object') {
		const arrays = Object.entries(node as Record<string, unknown>).filter(([, v]) => Array.isArray(v));
		if (arrays.length === 1) return arrays[0][1] as unknown[];
		if (arrays.length > 1) {
			throw new Error(`Several lists were found (${arrays.map(([k]) => k).join(', ')}): set Records Path to the one holding the records`);
		}
		return [node];
	}
	throw new Error(recordsPath ? `"${recordsPath}" does not hold a list of records` : 'No list of records was found');
}

export function objectRow(row: number, value: unknown): RawRow {
	if (value === null || typeof value !== 'object' || Array.isArray(value)) {
		return { row, error: 'is not an object with named fields', raw: { value } };
	}
	return { row, values: value as Record<string, unknown> };
}
