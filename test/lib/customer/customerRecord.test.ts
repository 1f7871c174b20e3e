import fc from 'fast-check';
import { readCustomerFields, readCustomerRecord, RECORD_FIELDS, RECORD_PATHS } from '../../../lib/customer/customerRecord';
import { FieldPath, FieldSource, jsonFields } from '../../../lib/values/fieldSource';
import { forEachCustomer, layeredBases } from '../../helpers/layeredBases';
import { TimeZone } from '../../../lib/values/timeZone';

/*
 * One reader of a customer record for every node: whoever wrote the record (Customer Data, a
 * database summary in the BTYD convention, a CRM), the same fields come out the same way.
 */

const UTC = new TimeZone('UTC');
const DAY = Date.parse('2024-07-01') / 86_400_000;
const read = (json: Record<string, unknown>, orderDays = false) => readCustomerRecord(json, { analysisDay: DAY, zone: UTC, orderDays });
const record = (json: Record<string, unknown>) => {
	const result = read(json);
	if ('error' in result) throw new Error(result.error);
	return result.record;
};

describe('reading a customer record', () => {
	it('reads a database summary in the BTYD convention: days since the last order are T - recency, the usual gap recency / frequency', () => {
		const r = record({ customer_id: 'A', frequency: 4, recency: 120, T: 200, monetaryValue: '35.5' });
		expect(r).toMatchObject({ customerId: 'A', frequency: 4, recency: 120, T: 200, recencyDays: 80, tenureDays: 200, avgGapDays: 30 });
		expect(r.money.monetaryValue).toBe(35.5);
	});

	it('prefers the counts a record gives over those it would work out', () => {
		const r = record({ customerId: 'A', orders: 3, recencyDays: 10, tenureDays: 90, avgDaysBetweenOrders: 40, modelInputs: { frequency: 2, recency: 80, T: 90 } });
		expect(r).toMatchObject({ recencyDays: 10, tenureDays: 90, avgGapDays: 40, frequency: 2 });
	});

	it('works out the day counts from the order dates when none are given, in the workflow time zone', () => {
		const shanghai = readCustomerRecord({ id: 7, orders: 2, firstOrderAt: '2024-03-04T23:00:00Z', lastOrderAt: '2024-06-30T16:30:00Z' }, { analysisDay: DAY, zone: new TimeZone('Asia/Shanghai') });
		// 16:30 UTC on 30 June is 1 July in Shanghai: the last order was on the analysis day.
		expect(shanghai).toMatchObject({ record: { customerId: '7', recencyDays: 0, tenureDays: DAY - Date.parse('2024-03-05') / 86_400_000 } });
	});

	it('dates a record by its own analysis date before the node\'s', () => {
		expect(record({ customerId: 'A', analysisDate: '2024-06-01', orders: 1, lastOrderAt: '2024-05-01' })).toMatchObject({ analysisDay: DAY - 30, ownAnalysisDay: DAY - 30, recencyDays: 31 });
		expect(record({ customerId: 'A', orders: 1, lastOrderAt: '2024-05-01' })).toMatchObject({ analysisDay: DAY, ownAnalysisDay: null, recencyDays: 61 });
	});

	it('gives a customer without orders no first or last order, whatever a summary\'s zeros say', () => {
		expect(record({ customerId: 'A', orders: 0, recencyDays: 0, tenureDays: 0 })).toMatchObject({ recencyDays: null, tenureDays: null });
	});

	it('reads the first and last order day only when asked (the health report\'s cohorts)', () => {
		expect(record({ customerId: 'A', orders: 2, firstOrderAt: '2024-06-01', lastOrderAt: '2024-06-21' })).toMatchObject({ firstOrderDay: null, lastOrderDay: null });
		const asked = read({ customerId: 'A', orders: 2, recencyDays: 10, tenureDays: 30 }, true);
		expect(asked).toMatchObject({ record: { firstOrderDay: DAY - 30, lastOrderDay: DAY - 10 } });
	});

	it('takes the churn probability from Churn Risk, else 1 - P(alive), and refuses one outside 0..1', () => {
		expect(record({ customerId: 'A', churnProbability: 0.7, pAlive: 0.9 }).churnProbability).toBe(0.7);
		expect(record({ customerId: 'A', pAlive: '0.25' }).churnProbability).toBe(0.75);
		expect(record({ customerId: 'A' }).churnProbability).toBeNull();
		expect(read({ customerId: 'A', churnProbability: 1.5 })).toEqual({ error: '(customer A) has a churn probability of 1.5: it must lie between 0 and 1 (churnProbability, or pAlive)' });
	});

	it('refuses money beyond any customer\'s value, naming the customer and the field', () => {
		expect(read({ customerId: 'A', predictedClv: 1e308 })).toEqual({ error: expect.stringMatching(/^\(customer A\) predictedClv 1e\+308 is beyond/) });
	});

	it('refuses a record without a readable ID, whatever else it holds', () => {
		expect(read({ customerId: { id: 1 }, orders: 3 })).toEqual({ error: 'has no customerId (a text or a number)' });
	});

	it('keeps the record gaps Customer Data wrote, else the last gap alone, ending at the last order', () => {
		expect(record({ customerId: 'A', longestGaps: [{ days: 50, endedDaysAgo: 100 }, { days: 'x' }] }).longestGaps).toEqual([{ days: 50, endedDaysAgo: 100 }]);
		expect(record({ customerId: 'A', orders: 3, recencyDays: 12, lastGapDays: 40 }).longestGaps).toEqual([{ days: 40, endedDaysAgo: 12 }]);
	});

	it('reads only the paths RECORD_PATHS lists, so a node may build only RECORD_FIELDS of a customer of a base', () => {
		const asked = new Set<FieldPath>();
		const watched = (json: Record<string, unknown>): FieldSource => ({
			get: (path) => {
				asked.add(path);
				return jsonFields(json).get(path);
			},
		});
		const context = { analysisDay: DAY, zone: UTC, orderDays: true, purchaseDays: true };
		// Missing day counts send the reader to the dates, and missing IDs to every ID field.
		readCustomerFields(watched({ customerId: null, id: 7, orders: 2, lastOrderAt: '2024-06-01', firstOrderAt: '2024-01-01' }), context);
		readCustomerFields(watched({ customerId: 'C1', orders: 3, modelInputs: { frequency: 2, recency: 30, T: 90 }, pAlive: 0.4, signals: {}, trend: {}, rfm: {} }), context);
		expect([...asked].filter((path) => !RECORD_PATHS.includes(path))).toEqual([]);
		expect(asked.size).toBe(RECORD_PATHS.length);
		expect(RECORD_FIELDS).toEqual([...new Set(RECORD_PATHS.map((path) => path.names[0]))]);
	});

	it('reads a customer of a base exactly as the same record on an item, whatever its fields hold', () => {
		const count = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.constant(null), fc.constant('3'), fc.constant('x'));
		const amount = fc.oneof(fc.double({ min: -1e3, max: 1e4, noNaN: true }), fc.constant(2e12), fc.constant(null), fc.constant('12.5'));
		const share = fc.oneof(fc.double({ min: 0, max: 1, noNaN: true }), fc.constant(1.5), fc.constant(null));
		const date = fc.oneof(fc.constantFrom('2024-01-05T10:00:00.000Z', '2024-06-30', 'soon', ''), fc.constant(null));
		const text = fc.oneof(fc.constantFrom('high', 'atRisk', ' price ', ''), fc.constant(null), fc.integer());
		const field = <T>(value: fc.Arbitrary<T>) => fc.option(value, { nil: undefined });
		const inner = <T extends Record<string, fc.Arbitrary<unknown>>>(fields: T) => fc.oneof(fc.record(fields, { requiredKeys: [] }), fc.constant(null), fc.constant('n/a'), fc.constant([1]));
		const customer = fc.record(
			{
				customerId: fc.oneof(fc.constantFrom('C1', ' C2 ', '', "'=1"), fc.integer(), fc.constant(null), fc.constant({ id: 1 })),
				customer_id: field(fc.constantFrom('K9', 'K10')),
				orders: field(count),
				frequency: field(count),
				recency: field(count),
				T: field(count),
				modelInputs: field(inner({ frequency: count, recency: count, T: count, monetaryValue: amount })),
				totalSpend: field(amount),
				avgOrderValue: field(amount),
				monetaryValue: field(amount),
				predictedClv: field(amount),
				churnProbability: field(share),
				pAlive: field(share),
				analysisDate: field(date),
				recencyDays: field(count),
				tenureDays: field(count),
				firstOrderAt: field(date),
				lastOrderAt: field(date),
				avgDaysBetweenOrders: field(count),
				lastGapDays: field(count),
				longestGaps: field(fc.oneof(fc.array(fc.record({ days: count, endedDaysAgo: count }), { maxLength: 3 }), fc.constant(null))),
				signals: field(inner({ discountShare: share, lastOrderDiscounted: fc.oneof(fc.boolean(), fc.constant('yes')), complaints: count, avgSatisfaction: amount })),
				trend: field(inner({ orderTrend: amount, spendTrend: amount })),
				rfm: field(inner({ segment: text, r: count, f: count })),
				expectedOrders: field(amount),
				horizonDays: field(count),
				riskLevel: field(text),
				lifecycleStage: field(text),
				churnCause: field(text),
			},
			{ requiredKeys: [] },
		);
		const context = { analysisDay: DAY, zone: UTC, orderDays: true };
		fc.assert(
			fc.property(layeredBases(customer, 8, 2), (base) => {
				forEachCustomer(base, (cursor, record) => expect(readCustomerFields(cursor, context)).toEqual(readCustomerRecord(record, context)));
			}),
			{ numRuns: 300 },
		);
	});
});
