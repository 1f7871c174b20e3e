import { DateTime, IANAZone } from 'luxon';
import { parseDate } from '../../../lib/values/parseDate';
import { TimeZone } from '../../../lib/values/timeZone';

/*
 * The one conversion from an instant to a calendar day, held to luxon's answers for every IANA
 * zone this Node.js knows, minute by minute around each offset change of 2020-2025 (DST, and
 * permanent changes), where a cache of offsets goes wrong if it goes wrong anywhere.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FROM = Date.UTC(2020, 0, 1);
const TO = Date.UTC(2026, 0, 1);

/** luxon's local calendar day (checked against luxon's own date fields in the test below). */
function luxonDay(ms: number, offsetMinutes: number): number {
	return Math.floor((ms + offsetMinutes * MINUTE) / DAY);
}

/**
 * The instants at which the zone's offset changes, found by luxon: weekly steps (no zone changes
 * twice within a week), then bisection to the second.
 */
function transitions(zone: IANAZone): number[] {
	const found: number[] = [];
	const step = 7 * DAY;
	let before = zone.offset(FROM);
	for (let t = FROM + step; t <= TO; t += step) {
		const offset = zone.offset(t);
		if (offset === before) continue;
		let lo = t - step;
		let hi = t;
		while (hi - lo > 1000) {
			const mid = Math.floor((lo + hi) / 2000) * 1000;
			if (zone.offset(mid) === before) lo = mid;
			else hi = mid;
		}
		found.push(hi);
		before = offset;
	}
	return found;
}

describe('turning an instant into a calendar day in a time zone', () => {
	const zones = Intl.supportedValuesOf('timeZone');

	it('knows the zones it is checked on', () => {
		expect(zones.length).toBeGreaterThan(300);
		expect(zones).toEqual(expect.arrayContaining(['Asia/Shanghai', 'Australia/Adelaide', 'America/St_Johns', 'Pacific/Chatham', 'Asia/Katmandu']));
	});

	it('agrees with luxon on the offset and the day, minute by minute around every transition of every zone', () => {
		let checked = 0;
		const wrong: string[] = [];
		for (const name of zones) {
			const luxonZone = IANAZone.create(name);
			const zone = new TimeZone(name);
			for (const at of transitions(luxonZone)) {
				// The hour before and the 90 minutes after: a cached hour that holds the change is wrong after it.
				for (let t = at - 60 * MINUTE; t <= at + 90 * MINUTE; t += MINUTE) {
					for (const instant of [t, t - 1]) {
						checked++;
						const offset = luxonZone.offset(instant);
						if (zone.offsetAt(instant) !== offset * MINUTE || zone.localDayNumber(instant) !== luxonDay(instant, offset)) {
							wrong.push(`${name} at ${new Date(instant).toISOString()}`);
						}
					}
				}
			}
		}
		expect(wrong.slice(0, 10)).toEqual([]);
		expect(checked).toBeGreaterThan(100_000);
	});

	it('counts the day as luxon dates it', () => {
		for (const [name, iso] of [['Asia/Shanghai', '2024-03-04T23:00:00Z'], ['America/St_Johns', '2024-11-03T02:59:00Z'], ['Pacific/Chatham', '2024-04-06T13:30:00Z']]) {
			const ms = Date.parse(iso);
			const local = DateTime.fromMillis(ms, { zone: name });
			expect(luxonDay(ms, IANAZone.create(name).offset(ms))).toBe(Date.UTC(local.year, local.month - 1, local.day) / DAY);
			expect(new TimeZone(name).localDayNumber(ms)).toBe(Date.UTC(local.year, local.month - 1, local.day) / DAY);
		}
	});

	it('is right in the half hour after a transition in half-hour zones', () => {
		// Adelaide went from +10:30 to +09:30 at 2024-04-06T16:30Z; St John's from -03:30 to
		// -02:30 at 2024-03-10T05:30Z. A cache of whole UTC hours gets 16:30-17:00 and 05:30-06:00 wrong.
		const adelaide = new TimeZone('Australia/Adelaide');
		expect(adelaide.offsetAt(Date.parse('2024-04-06T16:29:59Z'))).toBe(10.5 * HOUR);
		expect(adelaide.offsetAt(Date.parse('2024-04-06T16:45:00Z'))).toBe(9.5 * HOUR);
		const stJohns = new TimeZone('America/St_Johns');
		expect(stJohns.offsetAt(Date.parse('2024-03-10T05:29:59Z'))).toBe(-3.5 * HOUR);
		expect(stJohns.offsetAt(Date.parse('2024-03-10T05:45:00Z'))).toBe(-2.5 * HOUR);
		// 14:45 on 6 April in Adelaide (+09:30) is 05:15Z on the 6th; at 16:45Z it is 02:15 on the 7th.
		expect(adelaide.localDayNumber(Date.parse('2024-04-06T16:45:00Z'))).toBe(Date.UTC(2024, 3, 7) / DAY);
	});

	it('gives a date with an offset the calendar day of the zone, as it gives a plain date', () => {
		const shanghai = new TimeZone('Asia/Shanghai');
		const withOffset = parseDate('2024-03-05T07:00+08:00', 'ymd', shanghai);
		const plain = parseDate('2024-03-05', 'ymd', shanghai);
		expect(withOffset).toMatchObject({ day: Date.UTC(2024, 2, 5) / DAY });
		expect(plain).toMatchObject({ day: Date.UTC(2024, 2, 5) / DAY });
	});
});
