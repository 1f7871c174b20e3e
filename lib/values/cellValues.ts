/**
 * Reading one cell of a record, whatever the source made of it (text, a number, null, blank):
 * presence, a number, a text, an ID.
 */
import { fromSpreadsheetSafe } from './spreadsheetText';

/** Whether a cell holds anything: not missing, not null, not blank text. */
export function hasValue(value: unknown): boolean {
	return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}

export function parseOptionalNumber(value: unknown): number | null {
	if (value === null || value === undefined || value === '') return null;
	const n = typeof value === 'number' ? value : Number(String(value).trim());
	return Number.isFinite(n) ? n : null;
}

/**
 * An ID as text: a text or a number, trimmed; an object or list is no ID (never "[object
 * Object]"). The ' a spreadsheet-safe CSV puts before formula-like text is not part of the ID.
 */
export function idText(value: unknown): string | null {
	if (typeof value === 'object') return null;
	const text = textOrNull(value);
	return text === null ? null : fromSpreadsheetSafe(text);
}

export function textOrNull(value: unknown): string | null {
	if (value === null || value === undefined) return null;
	const text = String(value).trim();
	return text === '' ? null : text;
}
