import fc from 'fast-check';
import { decisionStore } from '../../../lib/actions/retentionDecision';
import { RetentionDecision } from '../../../lib/actions/retentionDecision';
import { TableBuilder } from '../../../lib/base/tableBuilder';

/*
 * Retention Action keeps a million customers' decisions as columns once nothing can change them,
 * and only the candidates of the selection whole. Whatever a decision holds, it reads back
 * exactly as it was made, fields in their order, and writes the same base layer row.
 */

/** A decision as the plan makes one: every field, in the plan's order. */
const FIELDS: Array<[keyof RetentionDecision, fc.Arbitrary<unknown>]> = [];
// Any text, lone surrogates (which UTF-8 cannot hold) and Chinese among them.
const text = fc.option(fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('\ud800', 'a\udc00b', '\ud83d\ude00', '客户 陈艳')), { nil: null });
const code = fc.option(fc.constantFrom('careMessage', 'discountCoupon', 'email', 'sms', 'high', 'medium', 'prior', 'c-1'), { nil: null });
const number = fc.option(fc.oneof(fc.double(), fc.constantFrom(0, -0, 0.25, 1e-7)), { nil: null });
const rarely = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 9, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: arb });
const KIND_OF: Record<keyof RetentionDecision, fc.Arbitrary<unknown>> = {
	customerId: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('客户4', '\udfff')),
	churnCause: code,
	causeStrength: number,
	causeEvidence: text,
	valueTier: code,
	action: code,
	actionLabel: code,
	playbookRule: code,
	channel: code,
	group: code,
	selection: code,
	contactedAt: rarely(fc.constant('2024-06-30T10:00:00.000Z')),
	baseRate: number,
	uplift: number,
	upliftSource: code,
	valueIfWonBack: fc.double(),
	expectedCost: number,
	expectedValue: fc.double(),
	profitPerCost: number,
	subject: rarely(fc.string()),
	text: rarely(fc.string()),
	html: rarely(fc.string()),
	smsText: rarely(fc.string()),
	smsSegments: rarely(fc.integer({ min: 1, max: 4 })),
	pushTitle: rarely(fc.string()),
	pushBody: rarely(fc.string()),
	couponCode: rarely(fc.string()),
	discountPct: number,
	offerExpiresAt: rarely(fc.string()),
	taskSubject: rarely(fc.string()),
	taskBody: rarely(fc.string()),
	dueDate: rarely(fc.string()),
	suppressed: fc.boolean(),
	suppressionReason: text,
	nextEligibleAt: text,
	campaignId: fc.constant('weekly'),
	contactLogRow: rarely(fc.record({ campaignId: fc.constant('weekly'), customerId: fc.string(), group: code })),
};
for (const key of Object.keys(KIND_OF) as Array<keyof RetentionDecision>) FIELDS.push([key, KIND_OF[key]]);
const decision = fc.tuple(...FIELDS.map(([, arb]) => arb)).map((values) => Object.fromEntries(FIELDS.map(([key], i) => [key, values[i]])) as unknown as RetentionDecision);

describe("a plan's decisions, kept as columns once settled", () => {
	it('read back exactly as they were made, settled or held, and write the same layer rows', () => {
		fc.assert(
			fc.property(fc.array(fc.tuple(decision, fc.boolean()), { minLength: 1, maxLength: 30 }), (rows) => {
				const store = decisionStore(rows.length);
				rows.forEach(([d, settled], i) => (settled ? store.keep(i, d) : store.keepWhole(i, d)));
				const layer = new TableBuilder();
				rows.forEach(([d], i) => {
					const back = store.get(i);
					expect(back).toEqual(d);
					expect(Object.keys(back)).toEqual(Object.keys(d));
					expect(store.field(i, 'suppressionReason')).toBe(d.suppressionReason);
					expect(store.field(i, 'group')).toBe(d.group);
					layer.nextRow();
					store.describe(i, layer);
				});
				const records = rows.map(([d]) => d as unknown as Record<string, unknown>);
				const expected = Buffer.from(TableBuilder.of(records).finish());
				expect(Buffer.from(layer.finish()).equals(expected)).toBe(true);
				// And a column at a time, as a million decisions are written.
				const columns = new TableBuilder();
				expect(store.writeColumns(columns)).toBe(true);
				expect(Buffer.from(columns.finish()).equals(expected)).toBe(true);
			}),
			{ numRuns: 300 },
		);
	});

	it('keeps whole a settled decision whose fields are not of their usual kinds', () => {
		const base = Object.fromEntries(FIELDS.map(([key]) => [key, null])) as unknown as RetentionDecision;
		const usual = { ...base, customerId: 'C1', valueIfWonBack: 10, expectedValue: 0, suppressed: true };
		const odd = { ...usual, customerId: 'C2', causeStrength: 'strong' as unknown as number, subject: 'Hello' };
		const store = decisionStore(2);
		store.keep(0, usual);
		store.keep(1, odd);
		expect(store.isInColumns(0)).toBe(true);
		expect(store.get(0)).toEqual(usual);
		expect(store.isInColumns(1)).toBe(false);
		expect(store.get(1)).toBe(odd);
	});

	it('is written a row at a time where a decision kept whole has other fields or another order, or one is missing', () => {
		const base = Object.fromEntries(FIELDS.map(([key]) => [key, null])) as unknown as RetentionDecision;
		const usual = { ...base, customerId: 'C1', valueIfWonBack: 10, expectedValue: 0, suppressed: true };
		const { customerId, ...rest } = usual;
		for (const odd of [{ ...rest, customerId }, { ...usual, extra: 1 }]) {
			const store = decisionStore(2);
			store.keep(0, usual);
			store.keepWhole(1, odd as unknown as RetentionDecision);
			expect(store.writeColumns(new TableBuilder())).toBe(false);
		}
		const missing = decisionStore(2);
		missing.keep(1, usual);
		expect(missing.writeColumns(new TableBuilder())).toBe(false);
	});

	it('says so when asked for a decision that was never made', () => {
		const store = decisionStore(2);
		expect(() => store.get(1)).toThrow('No record was kept for customer 2');
	});
});
