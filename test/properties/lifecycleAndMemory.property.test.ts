import fc from 'fast-check';
import { contactsOf, ContactMemory, MAX_PER_CUSTOMER, prune, remember } from '../../lib/actions/contactMemory';
import { decideStage, LifecycleInput, StageSettings, stageOf } from '../../lib/lifecycle/stageRules';
import { stagesOf } from '../../lib/lifecycle/stages';
import { readStageSettings } from '../../nodes/LifecycleStage/lifecycleSettings';

/*
 * Lifecycle Stage places any customer in one of its model's stages with a reason, the same way
 * in bulk and one by one; Retention Action's memory of contacts stays bounded over any number
 * of runs.
 */

/** The node's defaults: the rules are specified against what users get. */
const SETTINGS: StageSettings = readStageSettings({}, 'retail', 'cadence');

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const input: fc.Arbitrary<LifecycleInput> = fc.record({
	orders: fc.integer({ min: 0, max: 500 }),
	recencyDays: maybe(fc.integer({ min: 0, max: 5000 })),
	tenureDays: maybe(fc.integer({ min: 0, max: 5000 })),
	repeatPurchases: fc.integer({ min: 0, max: 499 }),
	avgGapDays: maybe(fc.double({ min: 0, max: 2000, noNaN: true })),
	lastGapDays: maybe(fc.integer({ min: 0, max: 3000 })),
	longestGaps: fc.array(fc.record({ days: fc.integer({ min: 1, max: 3000 }), endedDaysAgo: fc.integer({ min: 0, max: 5000 }) }), { maxLength: 4 }),
	orderTrend: maybe(fc.double({ min: -2, max: 2, noNaN: true })),
	spendTrend: maybe(fc.double({ min: -2, max: 2, noNaN: true })),
	churnProbability: maybe(fc.double({ min: 0, max: 1, noNaN: true })),
	rfmSegment: maybe(fc.constantFrom('Champions', 'Loyal Customers', 'At Risk', 'Lost')),
	previousStage: maybe(fc.constantFrom('new', 'active', 'churned', 'atRisk', 'growth')),
});

describe('Lifecycle Stage places anyone', () => {
	it('in a stage of its model, with a reason, the same in bulk as one by one', () => {
		fc.assert(
			fc.property(input, fc.constantFrom<'retail' | 'relationship'>('retail', 'relationship'), fc.boolean(), maybe(fc.integer({ min: 1, max: 200 })), (c, model, useProbability, populationGap) => {
				const s = { ...SETTINGS, model, useChurnProbability: useProbability };
				const decision = decideStage(c, s, populationGap);
				expect(stagesOf(model)).toContain(decision.stage);
				expect(decision.reason.length).toBeGreaterThan(0);
				expect(stageOf(c, s, populationGap)).toBe(decision.stage);
			}),
			{ numRuns: 1000 },
		);
	});
});

describe("Retention Action's contact memory", () => {
	it('stays bounded over any number of runs: at most 12 per customer, nothing older than the window', () => {
		fc.assert(
			fc.property(fc.array(fc.array(fc.integer({ min: 0, max: 30 }), { maxLength: 40 }), { minLength: 1, maxLength: 60 }), (runs) => {
				let memory: ContactMemory = new Map();
				const keepDays = 30;
				let now = Date.UTC(2024, 0, 1);
				for (const contacted of runs) {
					for (const id of contacted) remember(memory, `C${id}`, now, 'careMessage');
					memory = prune(memory, now, keepDays);
					for (const id of memory.keys()) {
						const contacts = contactsOf(memory, id);
						expect(contacts.length).toBeLessThanOrEqual(MAX_PER_CUSTOMER);
						expect(contacts.every((c) => now - c.at <= keepDays * 86_400_000)).toBe(true);
					}
					expect(memory.size).toBeLessThanOrEqual(31);
					now += 3 * 86_400_000;
				}
			}),
			{ numRuns: 100 },
		);
	});
});
