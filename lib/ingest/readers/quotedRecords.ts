/**
 * CSV records from physical lines, for lines that hold quotes (RFC 4180: a field that starts
 * with a quote runs to the closing quote, "" is a quote inside it, and it may span lines).
 *
 * Written here rather than left to csv-parse: an unclosed quote makes any parser read the rest
 * of the file as one field, and no option of csv-parse both bounds that and resumes at the next
 * line (its record-size limit skips the record and keeps parsing inside the runaway field). So a
 * record may span at most MAX_LINES_PER_RECORD lines; past that, its first line is rejected as
 * holding an unclosed quote and reading resumes at the line after it, so the rows the quote
 * would have eaten are read and counted. Like csv-parse's relaxed mode, a quote that does not
 * start a field is kept as text (`27" monitor`), and text after a closing quote is kept too.
 */
export const MAX_LINES_PER_RECORD = 100;

export type QuotedRecord = { values: string[] } | { error: string; line: string };

/** A record's fields; or still open (a quote not yet closed); or broken (see scanRecord). */
type Scan = { state: 'complete'; values: string[] } | { state: 'open' } | { state: 'broken' };

/**
 * Splits one record's text (lines joined by \n) into fields. A quoted field that spans lines
 * and is followed by anything but a delimiter or the end is broken: its "closing" quote was
 * really the opening quote of a later line, and the lines must not merge.
 */
function scanRecord(text: string, delimiter: string): Scan {
	const values: string[] = [];
	let field = '';
	let i = 0;
	const n = text.length;
	for (;;) {
		if (text.charCodeAt(i) === 34 /* " */) {
			// A quoted field: to the closing quote, "" standing for one quote.
			i++;
			const opened = i;
			for (;;) {
				const close = text.indexOf('"', i);
				if (close === -1) return { state: 'open' };
				field += text.slice(i, close);
				if (text.charCodeAt(close + 1) === 34) {
					field += '"';
					i = close + 2;
				} else {
					i = close + 1;
					break;
				}
			}
			const spansLines = text.indexOf('\n', opened) !== -1 && text.indexOf('\n', opened) < i;
			if (spansLines && i < n && !text.startsWith(delimiter, i)) return { state: 'broken' };
		}
		const next = text.indexOf(delimiter, i);
		if (next === -1) {
			values.push(field + text.slice(i, n));
			return { state: 'complete', values };
		}
		values.push(field + text.slice(i, next));
		field = '';
		i = next + delimiter.length;
	}
}

/**
 * Records from the lines that follow the first quoted line, each complete with its values, or a
 * rejected first line of a runaway quote.
 */
export async function* quotedRecords(lines: AsyncIterable<string>, delimiter: string): AsyncGenerator<QuotedRecord> {
	let pending: string[] = [];
	// Lines to read again after a runaway record gave up its first line.
	const queue: string[] = [];
	const iterator = lines[Symbol.asyncIterator]();
	let ended = false;
	for (;;) {
		let line: string;
		if (queue.length) line = queue.shift() as string;
		else if (!ended) {
			const next = await iterator.next();
			if (next.done) {
				ended = true;
				continue;
			}
			line = next.value;
		} else if (pending.length) {
			// The end of the file with a quote still open.
			yield runaway(pending[0]);
			queue.push(...pending.slice(1));
			pending = [];
			continue;
		} else return;
		if (pending.length === 0 && line === '') continue;
		pending.push(line);
		const scan = scanRecord(pending.join('\n'), delimiter);
		if (scan.state === 'complete') {
			yield { values: scan.values };
			pending = [];
		} else if (scan.state === 'broken' || pending.length >= MAX_LINES_PER_RECORD) {
			yield runaway(pending[0]);
			queue.unshift(...pending.slice(1));
			pending = [];
		}
	}
}

function runaway(line: string): QuotedRecord {
	return { error: 'has a quote that is never closed (it would swallow the lines after it): fix the quotes in this line', line: line.slice(0, 500) };
}
