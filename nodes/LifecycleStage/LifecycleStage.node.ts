import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import { TimeZone } from '../../lib/values/timeZone';
import { lifecycleInputFromRecord, parseStage } from '../../lib/lifecycle/lifecycleInputFromRecord';
import { populationGapDays } from '../../lib/customer/purchaseGap';
import { decodeStage, encodeStage } from '../../lib/lifecycle/stageMemory';
import { decideStage, LifecycleInput } from '../../lib/lifecycle/stageRules';
import { stageTransition } from '../../lib/lifecycle/stageTransition';
import { ROUTE_ORDER, Stage, STAGE_LABELS, StageModel } from '../../lib/lifecycle/stages';
import { getPath } from '../../lib/values/objectPath';
import { analysisDateHint, readAnalysisDay } from '../shared/analysisDateParameter';
import { CustomerInput, customerRecordsFromItems } from '../shared/customerRecords';
import { BaseInput, customerBaseItem, errorsBesideBase, readCustomerBase, readOutputAs } from '../shared/customerBaseItems';
import { RECORD_FIELDS } from '../../lib/customer/customerRecord';
import { extendRecord } from '../shared/extendRecord';
import { asNodeError, failEveryItemOnContinue, forEachRecord, linkedItem } from '../shared/linkedItems';
import { lifecycleStageProperties } from './LifecycleStageDescription';
import { readStageSettings } from './lifecycleSettings';
import { loadStageMemory, saveStageMemory } from './stageMemoryStore';

const ROUTE_NAMES = {
	retail: ROUTE_ORDER.retail.map((s) => STAGE_LABELS[s]),
	relationship: ROUTE_ORDER.relationship.map((s) => STAGE_LABELS[s]),
};


/** How many outputs the node has with its current settings: one, or one per stage. */
function stageOutputs(ctx: IExecuteFunctions): { outputs: number; errorOutput: number } {
	const model = ctx.getNodeParameter('stageModel', 0, 'retail') as StageModel;
	const routed = ctx.getNodeParameter('routeByStage', 0, false) as boolean;
	return { outputs: routed ? (ROUTE_ORDER[model] ?? ROUTE_ORDER.retail).length : 1, errorOutput: 0 };
}

export class LifecycleStage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lifecycle Stage',
		name: 'lifecycleStage',
		icon: { light: 'file:lifecycleStage.svg', dark: 'file:lifecycleStage.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		usableAsTool: true,
		subtitle: '={{ $parameter["stageModel"] === "relationship" ? "relationship stages" : "retail stages" }}',
		description: "Place each customer in a lifecycle stage from their own purchase rhythm, and spot who moved (e.g. entered At Risk)",
		defaults: { name: 'Lifecycle Stage' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ $parameter.routeByStage ? (${JSON.stringify(ROUTE_NAMES)})[$parameter.stageModel || "retail"].map((name) => ({ type: "main", displayName: name })) : [{ type: "main", displayName: "Customers" }] }}`,
		properties: lifecycleStageProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		return await failEveryItemOnContinue(this, items, stageOutputs(this), async () => await placeInStages.call(this, items));
	}
}

/** Counts per stage and the date they are as of, shown above the output. */
function stageHint(ctx: IExecuteFunctions, model: StageModel, staged: Array<{ stage: Stage; changed: boolean; previous: Stage | null }>, emitted: number, onlyChanged: boolean, nodeDay: number, days: number[]): string {
	const perStage = ROUTE_ORDER[model]
		.map((stage) => [STAGE_LABELS[stage], staged.filter((s) => s.stage === stage).length] as const)
		.filter(([, n]) => n > 0)
		.map(([label, n]) => `${n} ${label}`);
	const moved = staged.filter((s) => s.changed && s.previous !== null).length;
	const firstSeen = staged.filter((s) => s.previous === null).length;
	return [
		`${staged.length} customers: ${perStage.join(', ') || 'none'}.`,
		`${moved} moved to another stage${firstSeen ? `, ${firstSeen} had no earlier stage` : ''}${onlyChanged ? ` (${emitted} output: Only Changes is on)` : ''}.`,
		analysisDateHint(ctx, nodeDay, days),
	].join(' ');
}

async function placeInStages(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const model = this.getNodeParameter('stageModel', 0) as StageModel;
	const previousFrom = this.getNodeParameter('previousStageSource', 0, 'staticData') as 'staticData' | 'field' | 'none';
	const onlyChanged = this.getNodeParameter('onlyChanged', 0, false) as boolean;
	const routeByStage = this.getNodeParameter('routeByStage', 0, false) as boolean;
	let settings: ReturnType<typeof readStageSettings>;
	let zone: TimeZone;
	let analysisDay: number;
	try {
		settings = readStageSettings(this.getNodeParameter('options', 0, {}), model, this.getNodeParameter('riskSignal', 0, 'cadence') as string);
		zone = new TimeZone(this.getTimezone() || 'UTC');
		analysisDay = readAnalysisDay(this, zone);
	} catch (error) {
		throw asNodeError(this, error);
	}

	const outputAs = onlyChanged || routeByStage ? 'items' : readOutputAs(this);
	const previousField = this.getNodeParameter('previousStageField', 0, 'previousStage') as string;
	// From a customer base, each customer is read with only the fields the stage rules look at,
	// when its turn comes: the base's customers are never all objects at once.
	const baseInput = await readCustomerBase(this, items);
	const fields = [...RECORD_FIELDS, previousField.split('.')[0]];
	const { records, errorItems: orderErrors } = baseInput
		? { records: Array.from({ length: baseInput.base.rows }, (_, row) => ({ sourceItems: [baseInput.itemIndex], row })), errorItems: errorsBesideBase(this, items) }
		: customerRecordsFromItems(this, items, this.getNodeParameter('input', 0, 'auto') as CustomerInput, zone, analysisDay);
	const readable: Array<{ id: string; json: IDataObject | undefined; previousStage: unknown; sourceItems: number[]; input: Omit<LifecycleInput, 'previousStage'>; day: number; row?: number }> = [];
	const recordErrors = await forEachRecord(this, records as Array<{ sourceItems: number[]; json?: IDataObject; row?: number }>, (record) => {
		const json = record.json ?? (baseInput as BaseInput).base.record(record.row as number, fields);
		const reading = lifecycleInputFromRecord(json, { analysisDay, zone });
		if ('error' in reading) throw new NodeOperationError(this.getNode(), `Item ${record.sourceItems[0]} ${reading.error}`, { itemIndex: record.sourceItems[0] });
		const previousStage = previousFrom === 'field' ? getPath(json as IDataObject, previousField) : undefined;
		readable.push({ id: reading.customerId, json: record.json, previousStage, sourceItems: record.sourceItems, input: reading.input, day: reading.analysisDay, row: record.row });
	});

	const memory = previousFrom === 'staticData' ? loadStageMemory(this, model) : { stages: new Map<string, number>(), populationGapDays: null };
	const populationGap = populationGapDays(readable.map((r) => ({ repeatPurchases: r.input.repeatPurchases, meanGapDays: r.input.avgGapDays }))) ?? memory.populationGapDays;

	const staged = readable.map(({ id, json, previousStage: previousInRecord, sourceItems, input, day, row }) => {
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
		return { stage: move.stage, changed: move.stageChanged, previous: previousStage, json, sourceItems, row, added };
	});
	if (previousFrom === 'staticData') saveStageMemory(this, model, { stages: memory.stages, populationGapDays: populationGap });

	const emitted = onlyChanged ? staged.filter((s) => s.changed) : staged;
	const errorItems = [...orderErrors, ...recordErrors];
	this.addExecutionHints({ message: stageHint(this, model, staged, emitted.length, onlyChanged, analysisDay, readable.map((r) => r.day)), location: 'outputPane' });
	if (outputAs === 'base') {
		if (staged.length < (baseInput?.base.rows ?? staged.length)) throw new NodeOperationError(this.getNode(), 'A customer of the base could not be read', { description: recordErrors.map((e) => e.json.error).join('\n') });
		const stages = Object.fromEntries(ROUTE_ORDER[model].map((stage) => [stage, staged.filter((s) => s.stage === stage).length]));
		const summary = { analysisDate: dayNumberToIsoDate(analysisDay), stages, moved: staged.filter((s) => s.changed && s.previous !== null).length };
		const layer = baseInput ? staged.map((s) => s.added) : staged.map((s) => extendRecord(s.json as IDataObject, s.added));
		return [[await customerBaseItem(this, baseInput, 'lifecycleStage', layer, summary, items.length), ...errorItems]];
	}
	const itemOf = (s: (typeof staged)[number]) => linkedItem(extendRecord(s.json ?? ((baseInput as BaseInput).base.record(s.row as number) as IDataObject), s.added), s.sourceItems);
	if (!routeByStage) return [[...emitted.map(itemOf), ...errorItems]];
	const outputs = ROUTE_ORDER[model].map((stage) => emitted.filter((s) => s.stage === stage).map(itemOf));
	// Error items (with "continue on fail") go to the first output, where n8n users look for them.
	outputs[0].push(...errorItems);
	return outputs;
}
