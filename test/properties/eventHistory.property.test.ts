import fc from 'fast-check';
import type { EngagementEvent } from '../../lib/engagement/engagementEvent';
import { decodeEventHistory, encodeEventHistory } from '../../lib/engagement/eventHistory';
import { EVENT_KINDS } from '../../lib/engagement/eventKinds';
import { engagementOf } from '../../lib/engagement/engagementSummary';

/*
 * A customer's events kept in one cell say what the events themselves say, as of any day: the
 * backtest of a learnt warning reads the cell at a past day and must see what the events did.
 */
const FIRST_DAY = 19_800;
const event = fc
	.record({
		kind: fc.constantFrom(...EVENT_KINDS),
		day: fc.integer({ min: FIRST_DAY, max: FIRST_DAY + 400 }),
		minute: fc.integer({ min: 0, max: 1439 }),
		score: fc.integer({ min: 1, max: 5 }),
		nps: fc.integer({ min: 0, max: 10 }),
		text: fc.constantFrom(null, 'great and fast', '包装破损，客服不理', 'ok'),
		ticket: fc.constantFrom(null, 'T1', 'T2', 'T;3,x:=~#%'),
	})
	.map(({ kind, day, minute, score, nps, text, ticket }): EngagementEvent => ({
		owner: { customerId: 'C1', email: null, phone: null },
		kind,
		day,
		ms: day * 86_400_000 + minute * 60_000,
		score: kind === 'nps' ? nps : kind === 'review' || kind === 'ticketResolved' ? score : null,
		text: kind === 'review' ? text : null,
		ticketId: kind === 'ticketOpened' || kind === 'ticketResolved' ? ticket : null,
	}));

describe("A customer's event history cell", () => {
	it('gives the same engagement as the events, as of any day', () => {
		fc.assert(
			fc.property(fc.array(event, { maxLength: 60 }), fc.integer({ min: FIRST_DAY - 10, max: FIRST_DAY + 420 }), (events, analysisDay) => {
				// Two events at the same minute have no order to keep.
				const distinct = events.filter((e, i) => events.findIndex((f) => f.ms === e.ms) === i);
				const decoded = decodeEventHistory(encodeEventHistory(distinct));
				if ('error' in decoded) throw new Error(decoded.error);
				const settings = { analysisDay, recentDays: 30, baselineDays: 180 };
				const { reviewSentiment: fromText, ...original } = engagementOf(distinct, settings);
				const { reviewSentiment: fromCell, ...kept } = engagementOf(decoded, settings);
				expect(kept).toEqual(original);
				expect(fromCell === null ? null : Math.round(fromCell * 100)).toEqual(fromText === null ? null : Math.round(fromText * 100));
			}),
			{ numRuns: 500 },
		);
	});

	it('says which part of an edited cell is not an event', () => {
		expect(decodeEventHistory('2025-06-01:s2,x')).toEqual({ error: '"x" on 2025-06-01 is not an event this node writes' });
		expect(decodeEventHistory('June 1:s')).toEqual({ error: '"June 1:s" is not a day of events (YYYY-MM-DD:items)' });
	});
});
