import { TimeZone } from './timeZone';
import { MS_PER_DAY } from './days';

/** How to read dates like 05/01/2024: an explicit choice, never a guess that flips per row. */
export type DateOrder = 'ymd' | 'dmy' | 'mdy';

export interface ParsedDate {
	/** The instant, in UTC milliseconds. */
	ms: number;
	/** The local calendar day (days since 1970-01-01): same-day purchases share it. */
	day: number;
}

export type DateResult = ParsedDate | { error: string };

/** Excel's day 0 is 1899-12-30 (it counts the non-existent 1900-02-29). */
const EXCEL_EPOCH_DAY = -25_569;

const ISO_LIKE =
	/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const DAY_FIRST_OR_MONTH_FIRST =
	/^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/** Orders, contacts and analyses fall in these years; anything else is a typo or a wrong unit. */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2199;
const EARLIEST_MS = Date.UTC(FIRST_YEAR, 0, 1);
const LATEST_MS = Date.UTC(LAST_YEAR + 1, 0, 1);
const OUT_OF_RANGE = `is outside the years ${FIRST_YEAR}-${LAST_YEAR}`;

/** Date.UTC, but without reading the years 0-99 as 1900-1999. */
function utc(year: number, month: number, day: number, h = 0, mi = 0, s = 0, ms = 0): number {
	if (year >= 100) return Date.UTC(year, month, day, h, mi, s, ms);
	return new Date(Date.UTC(2000, month, day, h, mi, s, ms)).setUTCFullYear(year, month, day);
}

/** Whether year-month-day (month 1-12) is a day of the Gregorian calendar, which Date uses for every year. */
function validCalendarDate(year: number, month: number, day: number): boolean {
	if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day) || month < 1 || month > 12 || day < 1) return false;
	const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
	return day <= (month === 2 ? (leap ? 29 : 28) : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
}

/** The instant with its calendar day, or why it cannot be an order's date. */
function dated(ms: number, day: number): DateResult {
	if (!Number.isFinite(ms) || ms < EARLIEST_MS || ms >= LATEST_MS) return { error: OUT_OF_RANGE };
	return { ms, day };
}

function offsetMs(text: string): number {
	if (text.toUpperCase() === 'Z') return 0;
	const sign = text.startsWith('-') ? -1 : 1;
	const digits = text.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4))) * 60_000;
}

function fromParts(
	zone: TimeZone,
	year: number,
	month: number,
	day: number,
	hour: string | undefined,
	minute: string | undefined,
	second: string | undefined,
	fraction: string | undefined,
	offset: string | undefined,
): DateResult {
	const ms = fraction ? Math.round(Number(`0.${fraction}`) * 1000) : 0;
	return dateFromWallClock(zone, year, month, day, hour ? Number(hour) : 0, minute ? Number(minute) : 0, second ? Number(second) : 0, ms, offset ? offsetMs(offset) : null);
}

/**
 * The instant and local day of a date and time of day read from text (month 1-12): the one
 * conversion every written date goes through, whoever split the text. Without an offset the
 * time is the zone's wall clock.
 */
export function dateFromWallClock(zone: TimeZone, year: number, month: number, day: number, h: number, mi: number, s: number, ms: number, offsetMs: number | null): DateResult {
	if (!validCalendarDate(year, month, day)) return { error: 'is not a real calendar date' };
	if (h > 23 || mi > 59 || s > 59) return { error: 'has an impossible time of day' };
	if (year < FIRST_YEAR || year > LAST_YEAR) return { error: OUT_OF_RANGE };
	const wall = utc(year, month - 1, day, h, mi, s, ms);
	const instant = offsetMs !== null ? wall - offsetMs : zone.wallClockToUtc(wall);
	return dated(instant, zone.localDayNumber(instant));
}

function fromNumber(value: number, zone: TimeZone): DateResult {
	if (!Number.isFinite(value)) return { error: 'is not a date' };
	// An eight-digit integer in a plausible range is a compact date (20240131), not a timestamp.
	if (Number.isInteger(value) && value >= 19000101 && value <= 29991231) {
		const year = Math.floor(value / 10000);
		const month = Math.floor(value / 100) % 100;
		const day = value % 100;
		if (validCalendarDate(year, month, day)) return fromParts(zone, year, month, day, undefined, undefined, undefined, undefined, undefined);
	}
	if (value >= 1e11) {
		const ms = Math.round(value);
		return Number.isFinite(ms) && ms < LATEST_MS ? dated(ms, zone.localDayNumber(ms)) : { error: OUT_OF_RANGE };
	}
	if (value >= 1e8) {
		const ms = Math.round(value * 1000);
		return dated(ms, zone.localDayNumber(ms));
	}
	// Excel serial numbers: 1 = 1900-01-01 ... 100000 = 2173; the fraction is the time of day.
	if (value > 0 && value < 100_000) {
		const wall = (EXCEL_EPOCH_DAY + value) * MS_PER_DAY;
		const instant = zone.wallClockToUtc(Math.round(wall));
		return dated(instant, zone.localDayNumber(instant));
	}
	return { error: 'is a number that is neither a Unix timestamp, an Excel date nor YYYYMMDD' };
}

export function parseDate(value: unknown, order: DateOrder, zone: TimeZone): DateResult {
	if (value instanceof Date) {
		const ms = value.getTime();
		return Number.isNaN(ms) ? { error: 'is an invalid date' } : Number.isFinite(ms) && ms >= EARLIEST_MS && ms < LATEST_MS ? dated(ms, zone.localDayNumber(ms)) : { error: OUT_OF_RANGE };
	}
	if (typeof value === 'number') return fromNumber(value, zone);
	if (typeof value !== 'string') return { error: 'is missing' };
	const text = value.trim();
	if (text === '') return { error: 'is missing' };
	if (/^\d+(\.\d+)?$/.test(text)) return fromNumber(Number(text), zone);

	let m = ISO_LIKE.exec(text);
	if (m) return fromParts(zone, +m[1], +m[2], +m[3], m[4], m[5], m[6], m[7], m[8]);
	m = DAY_FIRST_OR_MONTH_FIRST.exec(text);
	if (m) {
		if (order === 'ymd') {
			// 6/25/2024 can only be month first, 25/6/2024 only day first: read those as they must be.
			const [a, b] = [+m[1], +m[2]];
			if (a > 12 && b <= 12) return fromParts(zone, +m[3], b, a, m[4], m[5], m[6], m[7], m[8]);
			if (b > 12 && a <= 12) return fromParts(zone, +m[3], a, b, m[4], m[5], m[6], m[7], m[8]);
			return { error: `"${text}" could be day/month or month/day: set the Date Order option to DD/MM/YYYY or MM/DD/YYYY` };
		}
		const [day, month] = order === 'dmy' ? [+m[1], +m[2]] : [+m[2], +m[1]];
		return fromParts(zone, +m[3], month, day, m[4], m[5], m[6], m[7], m[8]);
	}
	// Last resort for RFC 2822 and other unambiguous textual forms ("Tue, 01 Oct 2024 10:00:00 GMT").
	if (/[a-z]{3}/i.test(text) && /\d{4}/.test(text)) {
		const ms = Date.parse(text);
		if (!Number.isNaN(ms)) return ms >= EARLIEST_MS && ms < LATEST_MS ? dated(ms, zone.localDayNumber(ms)) : { error: OUT_OF_RANGE };
	}
	return { error: `"${text}" is not a date format this node reads (use ISO 8601 like 2024-01-31)` };
}

const isoDates = new Map<number, string>();
const isoInstants = new Map<number, string>();
const daysOfIsoDates = new Map<string, number>();
/** Bounds on the memos below: distinct days are few, distinct instants can be millions. */
const MEMO_LIMIT = 100_000;

/**
 * The ISO 8601 text of an instant (Date#toISOString). Memoised: order data often holds dates
 * without times, so a million customers' first and last orders share a few hundred instants,
 * and sharing the strings also saves memory in the items.
 */
export function instantToIso(ms: number): string {
	let text = isoInstants.get(ms);
	if (text === undefined) {
		text = Number.isInteger(ms) && ms >= YEAR_0_MS && ms < YEAR_10000_MS ? isoText(ms) : new Date(ms).toISOString();
		if (isoInstants.size < MEMO_LIMIT) isoInstants.set(ms, text);
	}
	return text;
}

const YEAR_0_MS = -62_167_219_200_000;
const YEAR_10000_MS = 253_402_300_800_000;
const two = (n: number) => (n < 10 ? `0${n}` : `${n}`);

/**
 * toISOString's text for an instant in the years 0-9999, by arithmetic: a million customers'
 * first and last orders are two million distinct instants, and a Date per instant took four
 * times as long. The calendar date is civil_from_days (Howard Hinnant's algorithm for the
 * proleptic Gregorian calendar, which Date uses too); a test holds it to toISOString.
 */
function isoText(ms: number): string {
	const days = Math.floor(ms / MS_PER_DAY);
	let rest = ms - days * MS_PER_DAY;
	const z = days + 719_468;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
	const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
	const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
	const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
	const hour = Math.floor(rest / 3_600_000);
	rest -= hour * 3_600_000;
	const minute = Math.floor(rest / 60_000);
	rest -= minute * 60_000;
	const second = Math.floor(rest / 1000);
	const milli = rest - second * 1000;
	const yyyy = year < 10 ? `000${year}` : year < 100 ? `00${year}` : year < 1000 ? `0${year}` : `${year}`;
	const mmm = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : `${milli}`;
	return `${yyyy}-${two(month)}-${two(day)}T${two(hour)}:${two(minute)}:${two(second)}.${mmm}Z`;
}

/**
 * The day number of a calendar date written YYYY-MM-DD (the analysisDate Customer Data writes on
 * its records), or null for anything else. A date is already a calendar day, so no zone applies;
 * an instant is not a date, and goes through parseDate and the zone instead.
 */
export function dayOfIsoDateText(text: string): number | null {
	let day = daysOfIsoDates.get(text);
	if (day === undefined) {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
		if (!m || !validCalendarDate(+m[1], +m[2], +m[3])) return null;
		day = Date.UTC(+m[1], +m[2] - 1, +m[3]) / MS_PER_DAY;
		if (daysOfIsoDates.size < MEMO_LIMIT) daysOfIsoDates.set(text, day);
	}
	return day;
}

/** YYYY-MM-DD of a day number; memoised, since a customer base spans a few thousand days. */
export function dayNumberToIsoDate(day: number): string {
	let text = isoDates.get(day);
	if (text === undefined) {
		text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
		if (isoDates.size < MEMO_LIMIT) isoDates.set(day, text);
	}
	return text;
}

/**
 * The calendar day in `zone` of a date a record carries (an instant, a plain date, epoch
 * milliseconds or seconds), or null when it has none or it cannot be read: for fields an
 * earlier node wrote (firstOrderAt, lastOrderAt), where a missing date is not an error.
 */
export function dayOfRecordDate(value: unknown, zone: TimeZone): number | null {
	if (typeof value !== 'string' && typeof value !== 'number') return null;
	if (value === '') return null;
	const parsed = parseDate(value, 'ymd', zone);
	return 'error' in parsed ? null : parsed.day;
}
