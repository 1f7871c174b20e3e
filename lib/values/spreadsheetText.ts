/**
 * Text a spreadsheet would run as a formula when a CSV of it is opened (OWASP's CSV injection):
 * it starts with =, +, @, a tab or a CR, or with - unless the whole value is a number (a
 * leading -2 does not make `-2+3+cmd|' /C calc'!A0` safe). Such text is written with a leading
 * ', which spreadsheets show as text and do not run.
 */
const NUMBER = /^-?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

export function runsAsFormula(text: string): boolean {
	return /^[=+@\t\r]/.test(text) || (text.startsWith('-') && !NUMBER.test(text));
}

/**
 * The text as it is safe to write into a CSV cell. A value that already starts with quotes
 * before formula text gets one more, so that fromSpreadsheetSafe gives back exactly the value.
 */
export function spreadsheetSafe(text: string): string {
	return runsAsFormula(text.replace(/^'+/, '')) ? `'${text}` : text;
}

/** The value spreadsheetSafe was given: a contact log or an export read back joins on the real ID. */
export function fromSpreadsheetSafe(text: string): string {
	return text.startsWith("'") && runsAsFormula(text.replace(/^'+/, '')) ? text.slice(1) : text;
}

/**
 * The text inside a cell written as the formula `="0123"`, which Chinese platforms' exports use
 * so that spreadsheets keep long order numbers and leading zeros; other text as it is.
 */
export function fromTextFormula(text: string): string {
	return text.length >= 3 && text.startsWith('="') && text.endsWith('"') ? text.slice(2, -1) : text;
}
