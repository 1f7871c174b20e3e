import { splitLines } from './decodeText';
import { quotedRecords } from './quotedRecords';
import { columnsFor, RawRow, rowFromSplitLine, rowFromValues, TableOptions } from './rawRow';

const CANDIDATE_DELIMITERS = [',', '\t', ';', '|'];

/** The delimiter that splits the first lines most consistently (quotes respected). */
export function sniffDelimiter(sample: string): string {
	const lines = sample.split(/\r\n|\n|\r/).filter((l) => l.trim() !== '').slice(0, 20);
	if (lines.length === 0) return ',';
	let best = ',';
	let bestScore = 0;
	for (const delimiter of CANDIDATE_DELIMITERS) {
		const counts = lines.map((line) => countOutsideQuotes(line, delimiter));
		const first = counts[0];
		if (first === 0) continue;
		const consistent = counts.filter((c) => c === first).length / counts.length;
		const score = first * consistent;
		if (score > bestScore) {
			best = delimiter;
			bestScore = score;
		}
	}
	return best;
}

function countOutsideQuotes(line: string, delimiter: string): number {
	let inQuotes = false;
	let count = 0;
	for (const ch of line) {
		if (ch === '"') inQuotes = !inQuotes;
		else if (ch === delimiter && !inQuotes) count++;
	}
	return count;
}

/**
 * CSV rows, streamed. Lines without a quote character are split on the delimiter directly: for
 * such lines that is exactly what RFC 4180 says, and several times faster than a general parser
 * on the millions of plain lines of a typical export. From the first line that holds a quote,
 * that line and the rest of the file go through quotedCsvRows, which handles quoting, line
 * breaks inside fields and runaway quotes.
 */
export async function* csvRows(text: AsyncIterable<string>, delimiter: string, options: TableOptions): AsyncGenerator<RawRow> {
	const lines = splitLines(text)[Symbol.asyncIterator]();
	let columns: string[] | undefined;
	let row = 0;
	for (let next = await lines.next(); !next.done; next = await lines.next()) {
		let line = next.value;
		if (columns === undefined && line.charCodeAt(0) === 0xfeff) line = line.slice(1);
		if (line.includes('"')) {
			yield* quotedCsvRows(restOfFile(line, lines), delimiter, options, columns, row);
			return;
		}
		if (line === '') continue;
		const values = line.split(delimiter);
		if (!columns) {
			const header = columnsFor(values, options);
			columns = header.columns;
			if (!header.firstIsData) continue;
		}
		yield rowFromSplitLine(++row, columns, values);
	}
}

async function* restOfFile(first: string, lines: AsyncIterator<string>): AsyncGenerator<string> {
	yield `${first}\n`;
	for (let next = await lines.next(); !next.done; next = await lines.next()) yield `${next.value}\n`;
}

/**
 * CSV records that may hold quotes (see quotedRecords), numbered on from the rows before. A
 * runaway quote costs its line, rejected with the reason; every other line is still read.
 */
export async function* quotedCsvRows(
	text: AsyncIterable<string>,
	delimiter: string,
	options: TableOptions,
	knownColumns: string[] | undefined,
	rowsBefore: number,
): AsyncGenerator<RawRow> {
	let columns = knownColumns;
	let row = rowsBefore;
	for await (const record of quotedRecords(splitLines(text), delimiter)) {
		if ('error' in record) {
			yield { row: ++row, error: record.error, raw: { line: record.line } };
			continue;
		}
		if (!columns) {
			const header = columnsFor(record.values, options);
			columns = header.columns;
			if (!header.firstIsData) continue;
		}
		yield rowFromValues(++row, columns, record.values);
	}
}
