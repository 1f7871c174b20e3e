import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { populationGapDays } from '../../lib/customer/purchaseGap';
import { lifecycleInputFromFields } from '../../lib/lifecycle/lifecycleInputFromRecord';
import { emptyLifecycleInput, LifecycleColumns } from '../../lib/lifecycle/lifecycleColumns';
import { ROUTE_ORDER, StageModel } from '../../lib/lifecycle/stages';
import { TableBuilder } from '../../lib/base/tableBuilder';
import { getPath } from '../../lib/values/objectPath';
import { fieldPath } from '../../lib/values/fieldSource';
import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import type { TimeZone } from '../../lib/values/timeZone';
import { BaseInput, customerBaseItem, errorsBesideBase } from '../shared/customerBaseItems';
import { throwIfCancelled } from '../shared/linkedItems';
import type { readStageSettings } from './lifecycleSettings';
import { count, emptyCounts, placeOne, PreviousFrom } from './placeStage';
import { stageHint } from './stageHint';
import { loadStageMemory, noStageMemory, saveStageMemory } from './stageMemoryStore';

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
	// Each customer is read once, into typed columns: the rules need the whole base's usual gap
	// before they stage anyone.
	const inputs = new LifecycleColumns(base.rows);
	const ids: string[] = new Array(base.rows);
	const days = new Float64Array(base.rows);
	const previousInRecords: unknown[] | null = previous.from === 'field' ? new Array(base.rows) : null;
	const customer = base.cursor();
	// The previous stage is the value at the field's dotted path in the customer's record.
	const previousTop = previous.field.split('.').find(Boolean);
	const previousAt = previousTop === undefined ? null : fieldPath(previousTop);
	const context = { analysisDay, zone };
	for (let row = 0; row < base.rows; row++) {
		if (row % 1000 === 0) throwIfCancelled(ctx);
		customer.row = row;
		const reading = lifecycleInputFromFields(customer, context);
		if ('error' in reading) throw new NodeOperationError(ctx.getNode(), `Customer ${row + 1} of the base ${reading.error}`, { itemIndex: baseInput.itemIndex });
		inputs.set(row, reading.input);
		ids[row] = reading.customerId;
		days[row] = reading.analysisDay;
		if (previousInRecords && previousAt) previousInRecords[row] = getPath({ [previousAt.names[0]]: customer.get(previousAt) }, previous.field);
	}
	const memory = previous.from === 'staticData' ? loadStageMemory(ctx, model) : noStageMemory();
	const gaps = function* () {
		for (let row = 0; row < base.rows; row++) yield { repeatPurchases: inputs.repeatPurchases[row], meanGapDays: Number.isNaN(inputs.avgGapDays[row]) ? null : inputs.avgGapDays[row] };
	};
	const populationGap = populationGapDays(gaps()) ?? memory.populationGapDays;

	const layer = new TableBuilder();
	const counts = emptyCounts();
	const input = emptyLifecycleInput();
	for (let row = 0; row < base.rows; row++) {
		if (row % 1000 === 0) throwIfCancelled(ctx);
		const { added, move, previousStage } = placeOne({ id: ids[row], position: row }, inputs.read(row, input), previousInRecords?.[row], days[row], previous.from, memory.stages, settings, populationGap);
		layer.addRow(added);
		count(counts, move.stage, move.stageChanged, previousStage);
	}
	if (previous.from === 'staticData') saveStageMemory(ctx, model, { stages: memory.stages, populationGapDays: populationGap });
	ctx.addExecutionHints({ message: stageHint(ctx, model, counts, counts.customers, false, analysisDay, days), location: 'outputPane' });
	const stages = Object.fromEntries(ROUTE_ORDER[model].map((stage) => [stage, counts.perStage.get(stage) ?? 0]));
	const summary = { analysisDate: dayNumberToIsoDate(analysisDay), stages, moved: counts.moved };
	return [[await customerBaseItem(ctx, baseInput, 'lifecycleStage', layer, summary, items.length), ...errorsBesideBase(ctx, items)]];
}

