import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import { decodeStage, encodeStage, StageMemory } from '../../lib/lifecycle/stageMemory';
import { decideStage, LifecycleInput } from '../../lib/lifecycle/stageRules';
import { stageTransition } from '../../lib/lifecycle/stageTransition';
import { lifecycleInputFromRecord, parseStage } from '../../lib/lifecycle/lifecycleInputFromRecord';
import type { Stage } from '../../lib/lifecycle/stages';
import type { IDataObject } from 'n8n-workflow';
import { RECORD_FIELDS, RecordContext } from '../../lib/customer/customerRecord';
import { customerIdOf } from '../../lib/customer/customerId';
import { populationGapDays } from '../../lib/customer/purchaseGap';
import { extendRecord } from '../shared/extendRecord';
import { noStageMemory } from './stageMemoryStore';
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

/**
 * Every customer's stage with no earlier one to move from, as the node would place them: what
 * the agent tools answer with (a question neither reads nor changes the node's memory).
 */
export function stagedRecords(records: IDataObject[], settings: ReturnType<typeof readStageSettings>, context: RecordContext): IDataObject[] {
	const readings = records.map((json) => {
		const reading = lifecycleInputFromRecord(json, context);
		if ('error' in reading) throw new Error(`Customer ${customerIdOf(json)} ${reading.error}`);
		return reading;
	});
	const populationGap = populationGapDays(readings.map((r) => ({ repeatPurchases: r.input.repeatPurchases, meanGapDays: r.input.avgGapDays })));
	const memory = noStageMemory().stages;
	return readings.map((reading, position) => {
		const { added } = placeOne({ id: reading.customerId, position }, { ...reading.input, previousStage: null }, undefined, reading.analysisDay, 'none', memory, settings, populationGap);
		return extendRecord(records[position], added);
	});
}
