import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';
import { customer, OUTPUTS, run } from '../engine/retentionActionRuns';

/*
 * Retention Action over several runs with its memory, on generated customers: IDs from the names
 * every plain object carries (constructor, __proto__...), text a spreadsheet would run, numbers
 * as text, each possibly listed more than once; runs at any hour, quiet hours on or off, in the
 * customers' own time zones; caps and cooldowns of any size. Whatever the mix: every item comes
 * out once; a customer is contacted at most once per run; nothing goes out inside quiet hours
 * or before the run; no two contacts of one action are closer than the cooldown, no window holds
 * more than the cap (scheduled contacts included); no contact-log cell starts a formula.
 */

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', '__defineGetter__'];
const FORMULA_TEXT = ['=HYPERLINK("http://x")', '+1+1', "-2+3+cmd|' /C calc'!A0", '@SUM(A1)', '\t=1', '-42', '3.5'];
const ZONES = ['UTC', 'Asia/Shanghai', 'America/New_York', 'Asia/Kolkata'];

const customerId = fc.constantFrom(...PROTOTYPE_NAMES, ...FORMULA_TEXT, 'C1', 'C2', '客户3');
const text = fc.constantFrom('Ann', '陈艳', ...FORMULA_TEXT);
const listed = fc.record({
	id: customerId,
	firstName: text,
	segment: text,
	timezone: fc.constantFrom(...ZONES),
	lifecycleStage: fc.constantFrom('atRisk', 'churned', 'loyal', 'decline'),
	churnProbability: fc.constantFrom(0.2, 0.6, 0.95),
});
const caps = fc.record({
	cooldownDays: fc.constantFrom(0, 2, 14),
	maxContacts: fc.constantFrom(0, 1, 2),
	windowDays: fc.constantFrom(3, 30),
	quiet: fc.constantFrom<string[]>(['21:00', '09:00'], ['12:00', '14:00'], ['00:00', '00:00']),
});
/**
 * Run times: a start and increasing steps, often of minutes (a second run inside the same quiet
 * hours, before the first run's contacts go out), else up to three days, so runs fall at every hour.
 */
const step = fc.oneof(fc.integer({ min: 1, max: 120 }), fc.integer({ min: 1, max: 3 * 24 * 60 }));
const runTimes = fc
	.tuple(fc.integer({ min: 0, max: 24 * 60 - 1 }), fc.array(step, { minLength: 0, maxLength: 3 }))
	.map(([start, steps]) => {
		const times = [Date.parse('2024-06-30T00:00:00Z') + start * 60_000];
		for (const minutes of steps) times.push(times[times.length - 1] + minutes * 60_000);
		return times;
	});

const DAY = 86_400_000;

/** Minutes after local midnight of an instant in a zone, by the platform's own time-zone data. */
function localMinute(at: number, zone: string): number {
	const parts = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(at));
	const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
	return part('hour') * 60 + part('minute');
}

function insideQuiet(minute: number, [start, end]: string[]): boolean {
	const [s, e] = [start, end].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
	if (s === e) return false;
	return s > e ? minute >= s || minute < e : minute >= s && minute < e;
}

/** What a spreadsheet runs: a cell starting =, +, -, @, tab or CR, unless it is a plain number. */
const runsInSpreadsheet = (value: unknown) => typeof value === 'string' && /^[=+\-@\t\r]/.test(value) && !/^-?\d+(\.\d+)?$/.test(value);

describe('Retention Action over many runs, on any customers, schedules and caps', () => {
	it('contacts nobody twice in a run, never in quiet hours, never past a cap or cooldown, and loses no one', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(listed, { minLength: 1, maxLength: 10 }), runTimes, caps, async (people, times, c) => {
				const items = people.map((p) => customer(p.id, { firstName: p.firstName, rfm: { segment: p.segment }, timezone: p.timezone, lifecycleStage: p.lifecycleStage, churnProbability: p.churnProbability }));
				const zoneOf = new Map<string, string>();
				// IDs are read trimmed, as every node reads them.
				for (const p of people) if (!zoneOf.has(p.id.trim())) zoneOf.set(p.id.trim(), p.timezone);
				const options = { cooldownDays: c.cooldownDays, maxContacts: c.maxContacts, windowDays: c.windowDays, quietStart: c.quiet[0], quietEnd: c.quiet[1] };
				const staticData: IDataObject = {};
				const contacts = new Map<string, Array<{ at: number; action: string }>>();
				for (const time of times) {
					const { byOutput } = await run(items, { sendTime: new Date(time).toISOString(), options }, staticData);
					const out = OUTPUTS.flatMap((o) => byOutput[o].map((item): IDataObject => ({ ...item, output: o })));
					// Every item out once, on one output.
					expect(out.map((i) => i.customerId).sort()).toEqual(people.map((p) => p.id.trim()).sort());
					const treated = out.filter((i) => i.output !== 'none');
					expect(new Set(treated.map((i) => i.customerId)).size).toBe(treated.length);
					for (const item of treated) {
						const at = Date.parse(item.contactedAt as string);
						expect(at).toBeGreaterThanOrEqual(time);
						expect([item.customerId, item.contactedAt, insideQuiet(localMinute(at, zoneOf.get(item.customerId as string) as string), c.quiet)]).toEqual([item.customerId, item.contactedAt, false]);
						const list = contacts.get(item.customerId as string) ?? [];
						list.push({ at, action: item.action as string });
						contacts.set(item.customerId as string, list);
					}
					for (const item of out) {
						const row = (item.contactLogRow ?? {}) as IDataObject;
						expect(Object.values(row).filter(runsInSpreadsheet)).toEqual([]);
					}
				}
				for (const [id, list] of contacts) {
					list.sort((x, y) => x.at - y.at);
					for (let i = 0; i < list.length; i++) {
						for (let j = i + 1; j < list.length; j++) {
							const apart = list[j].at - list[i].at;
							if (c.cooldownDays > 0 && list[i].action === list[j].action) expect([id, apart >= c.cooldownDays * DAY]).toEqual([id, true]);
						}
						if (c.maxContacts > 0) {
							const inWindow = list.filter((x) => x.at >= list[i].at && x.at - list[i].at < c.windowDays * DAY).length;
							expect([id, inWindow <= c.maxContacts]).toEqual([id, true]);
						}
					}
				}
			}),
			{ numRuns: 40 },
		);
	});
});
