import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import { TimeZone } from '../../lib/values/timeZone';
import { lifecycleInputFromRecord } from '../../lib/lifecycle/lifecycleInputFromRecord';
import { populationGapDays } from '../../lib/customer/purchaseGap';
import type { LifecycleInput } from '../../lib/lifecycle/stageRules';
import { ROUTE_ORDER, StageModel } from '../../lib/lifecycle/stages';
import { WORDS } from '../../lib/words';
import { getPath } from '../../lib/values/objectPath';
import { readAnalysisDay } from '../shared/analysisDateParameter';
import { CustomerInput, customerRecordsFromItems } from '../shared/customerRecords';
import { BaseInput, baseRows, customerBaseItem, errorsBesideBase, readCustomerBase, readOutputAs } from '../shared/customerBaseItems';
import { extendRecord } from '../shared/extendRecord';
import { asNodeError, failEveryItemOnContinue, forEachRecord, linkedItem } from '../shared/linkedItems';
import { lifecycleStageProperties } from './LifecycleStageDescription';
import { readStageSettings } from './lifecycleSettings';
import { count, emptyCounts, placeOne, stagedRecords, stageFields } from './placeStage';
import { stageFacts, stageInWords } from './stageAnswer';
import { isToolCall, toolVersion } from '../shared/agentTool/toolCall';
import { ordersFileCustomers } from '../shared/agentTool/ordersFileCustomers';
import { askedCustomer, toolAnswer } from '../shared/agentTool/askedCustomer';
import { modelOfFile, scoreRecords } from '../ChurnRisk/scoreRecords';
import { defaultChurnRiskSettings } from '../ChurnRisk/churnRiskSettings';
import { stageBase } from './stageBase';
import { stageHint } from './stageHint';
import { loadStageMemory, noStageMemory, saveStageMemory } from './stageMemoryStore';

const ROUTE_NAMES = {
	retail: ROUTE_ORDER.retail.map((s) => WORDS.en.stages[s]),
	relationship: ROUTE_ORDER.relationship.map((s) => WORDS.en.stages[s]),
};


/** Which stages the node places customers in, on the node and on its tool version. */
const STAGE_MODEL_SUBTITLE = '={{ $parameter["stageModel"] === "relationship" ? "relationship stages" : "retail stages" }}';

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
		usableAsTool: toolVersion('Tell which lifecycle stage one customer (by customer ID, email or phone) is in (new, active, loyal, at risk, churned...) and why, from their own buying rhythm', STAGE_MODEL_SUBTITLE),
		subtitle: STAGE_MODEL_SUBTITLE,
		description: "Place each customer in a lifecycle stage from their own purchase rhythm, and spot who moved (e.g. entered At Risk)",
		defaults: { name: 'Lifecycle Stage' },
		inputs: [NodeConnectionTypes.Main],
		outputs: `={{ $parameter.routeByStage ? (${JSON.stringify(ROUTE_NAMES)})[$parameter.stageModel || "retail"].map((name) => ({ type: "main", displayName: name })) : [{ type: "main", displayName: "Customers" }] }}`,
		properties: lifecycleStageProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (isToolCall(this)) return await answerAsTool.call(this);
		return await failEveryItemOnContinue(this, items, stageOutputs(this), async () => await placeInStages.call(this, items));
	}
}

/**
 * As an agent's tool: the asked customer's stage and why, among every customer of the Orders
 * File scored by Churn Risk's defaults (or the Saved Model File), with no earlier stage.
 */
async function answerAsTool(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	let settings: ReturnType<typeof readStageSettings>;
	let zone: TimeZone;
	let analysisDay: number;
	try {
		settings = readStageSettings(this.getNodeParameter('options', 0, {}), this.getNodeParameter('stageModel', 0, 'retail') as StageModel, this.getNodeParameter('riskSignal', 0, 'cadence') as string);
		zone = new TimeZone(this.getTimezone() || 'UTC');
		analysisDay = readAnalysisDay(this, zone);
	} catch (error) {
		throw asNodeError(this, error);
	}
	const savedModel = await modelOfFile(this);
	const customers = await ordersFileCustomers(this, zone, analysisDay);
	const asked = askedCustomer(this, customers, settings.language);
	if ('answer' in asked) return [[asked.answer]];
	const context = { analysisDay, zone };
	const { scored } = await scoreRecords(this, customers, defaultChurnRiskSettings(), savedModel, context);
	let staged: IDataObject[];
	try {
		staged = stagedRecords(scored, settings, context);
	} catch (error) {
		throw asNodeError(this, error);
	}
	const record = staged[customers.indexOf(asked.customer)];
	return [[toolAnswer(stageInWords(record, settings.language), stageFacts(record))]];
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
	const baseInput = await readCustomerBase(this, items);
	if (baseInput && outputAs === 'base') return await stageBase(this, items, baseInput, model, settings, { from: previousFrom, field: previousField }, analysisDay, zone);

	// Items, or a base put out as items: customers read with only the fields the stage rules look at.
	const fields = stageFields(previousField);
	const { records, errorItems: orderErrors } = baseInput
		? { records: baseRows(baseInput), errorItems: errorsBesideBase(this, items) }
		: customerRecordsFromItems(this, items, this.getNodeParameter('input', 0, 'auto') as CustomerInput, zone, analysisDay);
	const readable: Array<{ id: string; json: IDataObject | undefined; previousStage: unknown; sourceItems: number[]; input: Omit<LifecycleInput, 'previousStage'>; day: number; row?: number }> = [];
	const recordErrors = await forEachRecord(this, records as Array<{ sourceItems: number[]; json?: IDataObject; row?: number }>, (record) => {
		const json = record.json ?? (baseInput as BaseInput).base.record(record.row as number, fields);
		const reading = lifecycleInputFromRecord(json, { analysisDay, zone });
		if ('error' in reading) throw new NodeOperationError(this.getNode(), `Item ${record.sourceItems[0]} ${reading.error}`, { itemIndex: record.sourceItems[0] });
		const previousStage = previousFrom === 'field' ? getPath(json as IDataObject, previousField) : undefined;
		readable.push({ id: reading.customerId, json: record.json, previousStage, sourceItems: record.sourceItems, input: reading.input, day: reading.analysisDay, row: record.row });
	});

	const memory = previousFrom === 'staticData' ? loadStageMemory(this, model) : noStageMemory();
	const populationGap = populationGapDays(readable.map((r) => ({ repeatPurchases: r.input.repeatPurchases, meanGapDays: r.input.avgGapDays }))) ?? memory.populationGapDays;

	const counts = emptyCounts();
	const staged = readable.map(({ id, json, previousStage: previousInRecord, sourceItems, input, day, row }, position) => {
		const { added, move, previousStage } = placeOne({ id, position }, { ...input, previousStage: null }, previousInRecord, day, previousFrom, memory.stages, settings, populationGap);
		count(counts, move.stage, move.stageChanged, previousStage);
		return { stage: move.stage, changed: move.stageChanged, json, sourceItems, row, added };
	});
	if (previousFrom === 'staticData') saveStageMemory(this, model, { stages: memory.stages, populationGapDays: populationGap });

	const emitted = onlyChanged ? staged.filter((s) => s.changed) : staged;
	const errorItems = [...orderErrors, ...recordErrors];
	this.addExecutionHints({ message: stageHint(this, model, counts, emitted.length, onlyChanged, analysisDay, readable.map((r) => r.day)), location: 'outputPane' });
	if (outputAs === 'base') {
		// Items in, a base out: the base holds the customers as they came, with their stages.
		const stages = Object.fromEntries(ROUTE_ORDER[model].map((stage) => [stage, counts.perStage.get(stage) ?? 0]));
		const summary = { analysisDate: dayNumberToIsoDate(analysisDay), stages, moved: counts.moved };
		const records = staged.map((s) => extendRecord(s.json as IDataObject, s.added));
		return [[await customerBaseItem(this, null, 'lifecycleStage', records, summary, items.length), ...errorItems]];
	}
	const itemOf = (s: (typeof staged)[number]) => linkedItem(extendRecord(s.json ?? ((baseInput as BaseInput).base.record(s.row as number) as IDataObject), s.added), s.sourceItems);
	if (!routeByStage) return [[...emitted.map(itemOf), ...errorItems]];
	const outputs = ROUTE_ORDER[model].map((stage) => emitted.filter((s) => s.stage === stage).map(itemOf));
	// Error items (with "continue on fail") go to the first output, where n8n users look for them.
	outputs[0].push(...errorItems);
	return outputs;
}
