import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { StageMemory } from '../../lib/lifecycle/stageMemory';
import { OrderedIdMemory } from '../../lib/values/orderedIdMemory';
import type { StageModel } from '../../lib/lifecycle/stages';

/**
 * This node's memory in its own static data: one compact number per customer (see
 * lib/lifecycle/stageMemory.ts) and the population's median gap, which a later run with a
 * single customer (a CRM webhook) still needs. Kept per stage model, since stages differ.
 */
interface Stored {
	stages: StageMemory;
	populationGapDays: number | null;
}

export function loadStageMemory(ctx: IExecuteFunctions, model: StageModel): Stored {
	const data = ctx.getWorkflowStaticData('node');
	const stored = data[model] as IDataObject | undefined;
	const stages = OrderedIdMemory.fromStore(stored?.stages, (code) => (typeof code === 'number' ? code : null));
	return { stages, populationGapDays: (stored?.populationGapDays as number) ?? null };
}

/** No memory: stages are not remembered (or come from a field). */
export function noStageMemory(): Stored {
	return { stages: OrderedIdMemory.empty(), populationGapDays: null };
}

export function saveStageMemory(ctx: IExecuteFunctions, model: StageModel, stored: Stored): void {
	ctx.getWorkflowStaticData('node')[model] = { stages: stored.stages.toStore(), populationGapDays: stored.populationGapDays } as unknown as IDataObject;
}
