import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { readCustomerRecord } from '../../lib/customer/customerRecord';
import { populationGapDays } from '../../lib/customer/purchaseGap';
import { lifecycleInputFromRecord, purchaseRhythm, RHYTHM_FIELDS } from '../../lib/lifecycle/lifecycleInputFromRecord';
import { ROUTE_ORDER, StageModel } from '../../lib/lifecycle/stages';
import { TableBuilder } from '../../lib/base/tableBuilder';
import { getPath } from '../../lib/values/objectPath';
import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import type { TimeZone } from '../../lib/values/timeZone';
import { BaseInput, customerBaseItem, errorsBesideBase } from '../shared/customerBaseItems';
import { throwIfCancelled } from '../shared/linkedItems';
import type { readStageSettings } from './lifecycleSettings';
import { count, emptyCounts, placeOne, PreviousFrom, stageFields } from './placeStage';
import { stageHint } from './stageHint';
import { loadStageMemory, saveStageMemory } from './stageMemoryStore';

/** The base's customers staged into a new layer of the base, each read when its turn comes. */
export async function stageBase(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
	baseInput: BaseInput,
	model: StageModel,
	settings: ReturnType<typeof readStageSettings>,
	previous: { from: PreviousFrom; field: string },
	analysisDay: number,
	zone: TimeZone,
): Promise<INodeExecutionData[][]> {
	const { base } = baseInput;
	const customer = base.view(stageFields(previous.field));
	const read = (row: number) => {
		customer.row = row;
		const json = customer.record;
		const reading = lifecycleInputFromRecord(json, { analysisDay, zone });
		if ('error' in reading) throw new NodeOperationError(ctx.getNode(), `Customer ${row + 1} of the base ${reading.error}`, { itemIndex: baseInput.itemIndex });
		return { json, reading };
	};
	// Two passes over the base rather than its customers held at once: the rules need the whole
	// base's usual gap first, and a million customers' inputs kept cost more than reading again.
	// The first pass reads only the purchase rhythm; the second reads, checks and stages each.
	const repeatPurchases = new Float64Array(base.rows);
	const meanGapDays = new Float64Array(base.rows);
	const days: number[] = new Array(base.rows);
	const rhythmOf = base.view(RHYTHM_FIELDS);
	for (let row = 0; row < base.rows; row++) {
		if (row % 1000 === 0) throwIfCancelled(ctx);
		rhythmOf.row = row;
		const reading = readCustomerRecord(rhythmOf.record, { analysisDay, zone });
		if ('error' in reading) {
			// The full reading says why the record cannot be used, and stops the node.
			read(row);
			continue;
		}
		const { record } = reading;
		const rhythm = purchaseRhythm(record);
		repeatPurchases[row] = rhythm.repeatPurchases;
		meanGapDays[row] = rhythm.avgGapDays ?? NaN;
		days[row] = record.analysisDay;
	}
	const memory = previous.from === 'staticData' ? loadStageMemory(ctx, model) : { stages: new Map<string, number>(), populationGapDays: null };
	const gaps = function* () {
		for (let row = 0; row < base.rows; row++) yield { repeatPurchases: repeatPurchases[row], meanGapDays: Number.isNaN(meanGapDays[row]) ? null : meanGapDays[row] };
	};
	const populationGap = populationGapDays(gaps()) ?? memory.populationGapDays;

	const layer = new TableBuilder();
	const counts = emptyCounts();
	for (let row = 0; row < base.rows; row++) {
		if (row % 1000 === 0) throwIfCancelled(ctx);
		const { json, reading } = read(row);
		const { added, move, previousStage } = placeOne(reading.customerId, reading.input, previous.from === 'field' ? getPath(json as IDataObject, previous.field) : undefined, reading.analysisDay, previous.from, memory, settings, populationGap);
		layer.add(added);
		count(counts, move.stage, move.stageChanged, previousStage);
	}
	if (previous.from === 'staticData') saveStageMemory(ctx, model, { stages: memory.stages, populationGapDays: populationGap });
	ctx.addExecutionHints({ message: stageHint(ctx, model, counts, counts.customers, false, analysisDay, days), location: 'outputPane' });
	const stages = Object.fromEntries(ROUTE_ORDER[model].map((stage) => [stage, counts.perStage.get(stage) ?? 0]));
	const summary = { analysisDate: dayNumberToIsoDate(analysisDay), stages, moved: counts.moved };
	return [[await customerBaseItem(ctx, baseInput, 'lifecycleStage', layer, summary, items.length), ...errorsBesideBase(ctx, items)]];
}

