import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import { decodeStage, encodeStage, StageMemory } from '../../lib/lifecycle/stageMemory';
import { decideStage, LifecycleInput } from '../../lib/lifecycle/stageRules';
import { stageTransition } from '../../lib/lifecycle/stageTransition';
import { parseStage } from '../../lib/lifecycle/lifecycleInputFromRecord';
import type { Stage } from '../../lib/lifecycle/stages';
import { RECORD_FIELDS } from '../../lib/customer/customerRecord';
import type { readStageSettings } from './lifecycleSettings';

export type PreviousFrom = 'staticData' | 'field' | 'none';

/** What Lifecycle Stage reads of a customer in a base: the record reader's fields and the one holding the previous stage. */
export function stageFields(previousField: string): string[] {
	return [...RECORD_FIELDS, previousField.split('.')[0]];
}

export interface StageCounts {
	customers: number;
	perStage: Map<Stage, number>;
	/** Customers whose stage changed from a stage they had. */
	moved: number;
	/** Customers with no earlier stage. */
	firstSeen: number;
}

export function emptyCounts(): StageCounts {
	return { customers: 0, perStage: new Map(), moved: 0, firstSeen: 0 };
}

export function count(counts: StageCounts, stage: Stage, changed: boolean, previous: Stage | null): void {
	counts.customers++;
	counts.perStage.set(stage, (counts.perStage.get(stage) ?? 0) + 1);
	if (changed && previous !== null) counts.moved++;
	if (previous === null) counts.firstSeen++;
}

/**
 * One customer's stage, the move from the one they had, and what the node adds to the record.
 * `input` gets the previous stage written into it (the caller's object, reused in bulk).
 */
export function placeOne(
	who: { id: string; position: number },
	input: LifecycleInput,
	previousInRecord: unknown,
	day: number,
	previousFrom: PreviousFrom,
	memory: StageMemory,
	settings: ReturnType<typeof readStageSettings>,
	populationGap: number | null,
) {
	const remembered = previousFrom === 'staticData' ? decodeStage(memory.recall(who.id, who.position)) : null;
	const previousStage: Stage | null = previousFrom === 'field' ? parseStage(previousInRecord) : (remembered?.stage ?? null);
	input.previousStage = previousStage;
	const decision = decideStage(input, settings, populationGap);
	const move = stageTransition(decision.stage, previousStage, remembered, day);
	if (previousFrom === 'staticData') memory.keep(who.id, encodeStage(move.remember));
	const added = {
		lifecycleStage: move.stage,
		stageReason: decision.reason,
		stageChanged: move.stageChanged,
		previousStage,
		stageSince: move.sinceDay === null ? null : dayNumberToIsoDate(move.sinceDay),
		usualGapDays: decision.usualGapDays,
	};
	return { added, move, previousStage };
}
