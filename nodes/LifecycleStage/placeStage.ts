import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import { decodeStage, encodeStage } from '../../lib/lifecycle/stageMemory';
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

/** One customer's stage, the move from the one they had, and what the node adds to the record. */
export function placeOne(
	id: string,
	input: Omit<LifecycleInput, 'previousStage'>,
	previousInRecord: unknown,
	day: number,
	previousFrom: PreviousFrom,
	memory: { stages: Map<string, number> },
	settings: ReturnType<typeof readStageSettings>,
	populationGap: number | null,
) {
	const remembered = previousFrom === 'staticData' ? decodeStage(memory.stages.get(id)) : null;
	const previousStage: Stage | null = previousFrom === 'field' ? parseStage(previousInRecord) : (remembered?.stage ?? null);
	const decision = decideStage({ ...input, previousStage }, settings, populationGap);
	const move = stageTransition(decision.stage, previousStage, remembered, day);
	if (previousFrom === 'staticData') memory.stages.set(id, encodeStage(move.remember));
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

