import { TEST_COUPON_SECRET } from '../helpers/couponSecret';
import fc from 'fast-check';
import { unsoundValues } from '../helpers/unsoundValues';
import type { IDataObject } from 'n8n-workflow';
import { parseFlag } from '../../lib/values/yesNo';
import { runWorkflow, RunResult } from '../../devkit/engine/harness';
import { linearWorkflow, rowsStep } from '../../devkit/engine/workflowBuilder';

/*
 * The guarantees of the whole suite, through the real n8n engine: orders that mix good and bad
 * rows go through Customer Data -> Churn Risk -> Lifecycle Stage -> Retention Action, every
 * node set to continue on error. Whatever the rows and settings: no node fails the workflow;
 * every row is accepted or rejected with its number and a reason; every customer comes out of
 * every node exactly once; no number is NaN or infinite and nothing is undefined; probabilities
 * lie in [0, 1]; dates are ISO; the same input gives the same output; and a customer who
 * opted out of a channel is never sent on it. Bounded in runs, so it stays in `npm test`.
 */

const RETENTION_OUTPUTS = 5;
const EMAIL_OUTPUT = 0;
const SMS_OUTPUT = 1;

const goodDate = fc.date({ min: new Date('2022-01-01'), max: new Date('2024-12-30'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const oddValue = fc.constantFrom<unknown>(null, true, 0, -1, { nested: 1 }, [1, 2], '', ' ');
const anyDate = fc.oneof(goodDate, goodDate, goodDate, fc.constantFrom<unknown>('yesterday', '2024-02-30', '99999999999999999999', '0050-01-01', 1_700_000_000_000), oddValue);
const goodAmount = fc.integer({ min: 0, max: 50_000 }).map((c) => c / 100);
const anyAmount = fc.oneof(goodAmount, goodAmount, goodAmount, fc.constantFrom<unknown>('abc', '1'.repeat(400), '¥1,200.50', 'Infinity', 1e308, -20, '=1+1'), oddValue);
const consentWord = fc.constantFrom<unknown>('yes', 'no', 'unsubscribe', 'STOP', '已退订', '拒绝', 'maybe', '', true, false, '同意', null);
// IDs that are names on every object's prototype, or that a spreadsheet would run, among plain ones.
const customerId = fc.oneof(
	fc.constantFrom<unknown>('C1', 'C2', 'C3', 'C4', '客户5', ' C1 ', 'C6', 'C7'),
	fc.constantFrom<unknown>('constructor', '__proto__', 'toString', 'hasOwnProperty', '=HYPERLINK("http://x")', '-2+3+cmd', '@A1', '-42'),
	fc.constantFrom<unknown>('', null, { id: 1 }, 8),
);

const orderRow = fc.record({
	customer_id: customerId,
	order_id: fc.oneof(fc.integer({ min: 1, max: 30 }).map((n) => `O${n}`), fc.constant('')),
	order_date: anyDate,
	amount: anyAmount,
	email: fc.constantFrom<unknown>('a@example.com', 'not-an-email', '', null, '=HYPERLINK("http://x")'),
	phone: fc.constantFrom<unknown>('+8613800138000', '13800138000', '12', '', null),
	email_opt_in: consentWord,
	sms_opt_in: consentWord,
	note: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('=cmd|"/c calc"!A1', '@SUM(A1)', '+1', '"unclosed')),
	first_name: fc.constantFrom<unknown>('Ann', '陈艳', '=1+1', '+SUM(A1)', '\t@x'),
}, { requiredKeys: ['customer_id', 'order_date', 'amount'] }); // records need not share their keys

const settings = fc.record({
	requireOptIn: fc.boolean(),
	controlShare: fc.constantFrom(0, 0.1, 0.5),
	stageModel: fc.constantFrom('retail', 'relationship'),
	channelOrder: fc.constantFrom('email,sms,push,crm', 'sms,email,push,crm', 'push,email,sms,crm'),
});

type Settings = { requireOptIn: boolean; controlShare: number; stageModel: string; channelOrder: string };

const continueOnError = { onError: 'continueRegularOutput' as const };

function suite(rows: IDataObject[], s: Settings): Promise<RunResult> {
	return runWorkflow(
		linearWorkflow([
			rowsStep(rows),
			{ name: 'Customer Data', type: 'customerData', parameters: { analysisDate: '2024-12-31' }, ...continueOnError },
			{ name: 'Churn Risk', type: 'churnRisk', parameters: { analysisDate: '2024-12-31' }, ...continueOnError },
			{ name: 'Lifecycle Stage', type: 'lifecycleStage', parameters: { analysisDate: '2024-12-31', stageModel: s.stageModel }, ...continueOnError },
			{
				name: 'Retention Action',
				type: 'retentionAction',
				parameters: { storeName: 'Tea House', sendTime: '2025-01-02T10:00:00Z', controlShare: s.controlShare, requireOptIn: s.requireOptIn, channelOrder: s.channelOrder, options: { couponSecret: TEST_COUPON_SECRET } },
				...continueOnError,
			},
		]),
	);
}


const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const PROBABILITIES = ['pAlive', 'churnProbability'];

/** Dates (fields named ...At or ...Date holding text) that are not ISO, and probabilities outside [0, 1]. */
function badDatesAndProbabilities(item: IDataObject): string[] {
	const problems: string[] = [];
	const visit = (value: unknown, key: string) => {
		if (value && typeof value === 'object') {
			for (const [k, v] of Object.entries(value)) visit(v, k);
			return;
		}
		if (/(At|Date)$/.test(key) && typeof value === 'string' && !(ISO_DATE.test(value) && !Number.isNaN(Date.parse(value)))) problems.push(`${key}=${value}`);
		if (PROBABILITIES.includes(key) && value !== null && !(typeof value === 'number' && value >= 0 && value <= 1)) problems.push(`${key}=${String(value)}`);
	};
	visit(item, '');
	return problems;
}

/** A node's items on one output; none when n8n did not run it (nothing reached its input). */
function itemsOf(result: RunResult, node: string, output = 0): IDataObject[] {
	return result.run.data.resultData.runData[node] ? result.json(node, output) : [];
}

/** Every item of every output of our four nodes, except the fitted model (it carries the fit's time). */
function everyItem(result: RunResult): IDataObject[] {
	return [
		...itemsOf(result, 'Customer Data', 0),
		...itemsOf(result, 'Customer Data', 1),
		...itemsOf(result, 'Churn Risk', 0),
		...itemsOf(result, 'Lifecycle Stage', 0),
		...Array.from({ length: RETENTION_OUTPUTS }, (_, o) => itemsOf(result, 'Retention Action', o)).flat(),
	];
}

const explicitWords = (rows: IDataObject[], id: string, column: 'email_opt_in' | 'sms_opt_in') =>
	rows.filter((r) => (typeof r.customer_id === 'string' || typeof r.customer_id === 'number') && String(r.customer_id).trim() === id).flatMap((r) => {
		const word = parseFlag(r[column]);
		return word === null ? [] : [word];
	});

describe('the suite through the n8n engine, on any orders and settings', () => {
	it('holds every guarantee from the first row to the last output', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(orderRow, { minLength: 1, maxLength: 40 }), settings, async (rows, s) => {
				const result = await suite(rows as IDataObject[], s);
				expect(result.error).toBeUndefined();

				// Every row accepted or rejected, each rejection with its row number and a reason.
				const rejected = result.json('Customer Data', 1);
				const [counts] = result.hints('Customer Data');
				const [, read, accepted, refused] = /^Read (\d+) rows: (\d+) accepted, (\d+) rejected\./.exec(counts) ?? [];
				expect([Number(read), Number(accepted) + Number(refused), Number(refused)]).toEqual([rows.length, rows.length, rejected.length]);
				for (const r of rejected) expect([typeof r.row, (r.reason as string).length > 0]).toEqual(['number', true]);

				// Every customer comes out of every node exactly once.
				const customers = result.json('Customer Data', 0);
				const acted = Array.from({ length: RETENTION_OUTPUTS }, (_, o) => itemsOf(result, 'Retention Action', o));
				expect(itemsOf(result, 'Churn Risk')).toHaveLength(customers.length);
				expect(itemsOf(result, 'Lifecycle Stage')).toHaveLength(customers.length);
				expect(acted.flat().map((c) => c.customerId).sort()).toEqual(customers.map((c) => c.customerId).sort());

				// No contact-log cell a spreadsheet would run as a formula.
				for (const c of acted.flat()) {
					const cells = Object.values((c.contactLogRow ?? {}) as IDataObject);
					expect(cells.filter((v) => typeof v === 'string' && /^[=+\-@\t\r]/.test(v) && !/^-?\d+(\.\d+)?$/.test(v))).toEqual([]);
				}

				for (const item of everyItem(result)) {
					expect(unsoundValues(item)).toEqual([]);
					// A rejected row shows the row as it came (raw) and the columns it was read from (mapping).
					const { raw: _raw, mapping: _mapping, ...fields } = item;
					expect(badDatesAndProbabilities(fields)).toEqual([]);
				}

				// Consent: from the customer's own explicit words only; an opt-out is never overridden by a channel.
				for (const [output, channel, column] of [
					[EMAIL_OUTPUT, 'email', 'email_opt_in'],
					[SMS_OUTPUT, 'sms', 'sms_opt_in'],
				] as const) {
					for (const c of acted[output]) {
						const words = explicitWords(rows as IDataObject[], c.customerId as string, column);
						const consent = (c.consent as IDataObject)[channel];
						expect(consent).not.toBe(false);
						if (s.requireOptIn) expect(words).toContain(true);
					}
				}
				for (const c of customers) {
					const words = explicitWords(rows as IDataObject[], c.customerId as string, 'email_opt_in');
					const consent = (c.consent as IDataObject).email;
					if (consent === true) expect(words).toContain(true);
					if (consent === false) expect(words).toContain(false);
					if (words.length > 0 && words.every((w) => !w)) expect(consent).toBe(false);
				}

				// The same input gives the same output.
				const again = await suite(rows as IDataObject[], s);
				expect(JSON.stringify(everyItem(again))).toBe(JSON.stringify(everyItem(result)));
			}),
			{ numRuns: 100 },
		);
	});
});
