// csv-parse is a runtime dependency, so this package cannot be a verified (n8n Cloud) node; a
// hand-written CSV parser was the alternative, and quoting, BOMs and malformed rows are exactly
// where hand-written parsers go wrong. Listed with the other accepted findings in the README.
// eslint-disable-next-line @n8n/community-nodes/no-restricted-imports
import { parse } from 'csv-parse';
import { splitLines } from './decodeText';
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
 * such lines that is exactly what RFC 4180 says, and it is several times faster than a general
 * parser on the millions of plain lines of a typical export. From the first line that holds a
 * quote, that line and the rest of the file go through csv-parse, which handles quoting,
 * line breaks inside fields and malformed quotes.
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
 * Streams CSV records through csv-parse. A malformed record becomes a row error with its line
 * number and the parse carries on, so one bad quote does not lose the rest of the file. Used
 * from the first line holding a quote on, with the columns and row count read before it.
 */
export async function* quotedCsvRows(
	text: AsyncIterable<string>,
	delimiter: string,
	options: TableOptions,
	knownColumns: string[] | undefined,
	rowsBefore: number,
): AsyncGenerator<RawRow> {
	const parser = parse({
		delimiter,
		// All three, always: csv-parse otherwise takes the first line end it meets as the only
		// one, and a CRLF file with a few bare-LF rows (concatenated or hand-edited files) merges
		// those rows. A lone CR ends a line in CR-only files.
		record_delimiter: ['\r\n', '\n', '\r'],
		bom: true,
		relax_column_count: true,
		relax_quotes: true,
		skip_empty_lines: true,
		skip_records_with_error: true,
	});
	const skipped: Array<{ line: number; message: string }> = [];
	parser.on('skip', (error: Error & { lines?: number }) => {
		skipped.push({ line: error.lines ?? 0, message: error.message });
	});
	const pump = (async () => {
		try {
			for await (const chunk of text) {
				if (!parser.write(chunk)) await new Promise((resolve) => parser.once('drain', resolve));
			}
			parser.end();
		} catch (error) {
			parser.destroy(error as Error);
		}
	})();

	let columns = knownColumns;
	let row = rowsBefore;
	const flushSkipped = function* (): Generator<RawRow> {
		while (skipped.length) {
			const skip = skipped.shift() as { line: number; message: string };
			row++;
			yield { row, error: `could not be parsed as CSV: ${skip.message}`, raw: {} };
		}
	};
	for await (const record of parser as AsyncIterable<string[]>) {
		yield* flushSkipped();
		if (!columns) {
			const header = columnsFor(record, options);
			columns = header.columns;
			if (!header.firstIsData) continue;
		}
		yield rowFromValues(++row, columns, record);
	}
	yield* flushSkipped();
	await pump;
}
