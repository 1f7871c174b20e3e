import fc from 'fast-check';
import { parseDate, dayOfIsoDateText, instantToIso } from '../../../lib/values/parseDate';
import { TimeZone } from '../../../lib/values/timeZone';

const utc = new TimeZone('UTC');
const shanghai = new TimeZone('Asia/Shanghai');
const iso = (value: unknown, order: 'ymd' | 'dmy' | 'mdy' = 'ymd', zone = utc) => {
	const parsed = parseDate(value, order, zone);
	return 'error' in parsed ? parsed.error : new Date(parsed.ms).toISOString();
};
const day = (value: unknown, zone: TimeZone) => {
	const parsed = parseDate(value, 'ymd', zone);
	return 'error' in parsed ? parsed.error : new Date(parsed.day * 86_400_000).toISOString().slice(0, 10);
};

describe('parseDate', () => {
	it.each([
		['2024-03-05', '2024-03-05T00:00:00.000Z'],
		['2024-03-05T10:20:30Z', '2024-03-05T10:20:30.000Z'],
		['2024-03-05T10:20:30.123+08:00', '2024-03-05T02:20:30.123Z'],
		['2024-03-05 10:20', '2024-03-05T10:20:00.000Z'],
		['2024/3/5', '2024-03-05T00:00:00.000Z'],
		['2024.03.05', '2024-03-05T00:00:00.000Z'],
		['2024年3月5日', '2024-03-05T00:00:00.000Z'],
		['20240305', '2024-03-05T00:00:00.000Z'],
		[20240305, '2024-03-05T00:00:00.000Z'],
		[1709596800, '2024-03-05T00:00:00.000Z'],
		[1709596800000, '2024-03-05T00:00:00.000Z'],
		['1709596800', '2024-03-05T00:00:00.000Z'],
		[45356, '2024-03-05T00:00:00.000Z'],
		[45356.5, '2024-03-05T12:00:00.000Z'],
		['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05T10:00:00.000Z'],
	])('reads %j', (value, expected) => {
		expect(iso(value)).toBe(expected);
	});

	it('reads day-first and month-first dates as the Date Order option says, and without it only when they cannot be read the other way', () => {
		expect(iso('05/03/2024', 'dmy')).toBe('2024-03-05T00:00:00.000Z');
		expect(iso('03/05/2024', 'mdy')).toBe('2024-03-05T00:00:00.000Z');
		expect(iso('05/03/2024', 'ymd')).toBe('"05/03/2024" could be day/month or month/day: set the Date Order option to DD/MM/YYYY or MM/DD/YYYY');
		expect(iso('6/25/2024', 'ymd')).toBe('2024-06-25T00:00:00.000Z');
		expect(iso('25/6/2024', 'ymd')).toBe('2024-06-25T00:00:00.000Z');
		expect(iso('13/01/2024', 'mdy')).toBe('is not a real calendar date');
	});

	it.each([
		['2024-02-30', 'is not a real calendar date'],
		['2024-01-01 25:00', 'has an impossible time of day'],
		['', 'is missing'],
		[null, 'is missing'],
		['soon', '"soon" is not a date format this node reads (use ISO 8601 like 2024-01-31)'],
		[-5, 'is a number that is neither a Unix timestamp, an Excel date nor YYYYMMDD'],
	])('rejects %j: %s', (value, reason) => {
		expect(iso(value)).toBe(reason);
	});

	it('reads a date without offset as wall-clock time in the chosen time zone', () => {
		expect(iso('2024-03-05 08:00', 'ymd', shanghai)).toBe('2024-03-05T00:00:00.000Z');
	});

	it('puts an instant on the calendar day of the chosen time zone', () => {
		expect(day('2024-03-04T20:00:00Z', utc)).toBe('2024-03-04');
		expect(day('2024-03-04T20:00:00Z', shanghai)).toBe('2024-03-05');
		expect(day(1709582400, shanghai)).toBe('2024-03-05');
	});

	it('handles daylight-saving gaps and overlaps in zones that have them', () => {
		const ny = new TimeZone('America/New_York');
		expect(iso('2024-03-10 12:00', 'ymd', ny)).toBe('2024-03-10T16:00:00.000Z');
		expect(iso('2024-01-10 12:00', 'ymd', ny)).toBe('2024-01-10T17:00:00.000Z');
	});
});

describe('dates written on items', () => {
	it('writes instants as Date#toISOString does, for any instant', () => {
		for (const ms of [0, 1_700_000_000_123, -86_400_000, 1_700_000_000_123, -62_167_219_200_000, 253_402_300_799_999, 253_402_300_800_000, -62_167_219_200_001, 951_782_400_000]) expect(instantToIso(ms)).toBe(new Date(ms).toISOString());
		// Every instant from year 0 to 9999 and a little beyond (six-digit years), leap days and all.
		fc.assert(
			fc.property(fc.integer({ min: -62_167_219_200_000 - 1e12, max: 253_402_300_800_000 + 1e12 }), (ms) => expect(instantToIso(ms)).toBe(new Date(ms).toISOString())),
			{ numRuns: 20_000 },
		);
	});

	it('reads the day of an analysis date, and nothing from text that is not one', () => {
		expect(dayOfIsoDateText('2024-03-01')).toBe(Date.UTC(2024, 2, 1) / 86_400_000);
		// An instant is not a calendar date: its day depends on the zone (parseDate does that).
		expect(dayOfIsoDateText('2024-03-01T10:00:00Z')).toBeNull();
		expect(dayOfIsoDateText('2024-02-30')).toBeNull();
		expect(dayOfIsoDateText('01/03/2024')).toBeNull();
		expect(dayOfIsoDateText('2024-13-45')).toBeNull();
	});
});
