import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import { TimeZone } from '../../lib/values/timeZone';
import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import { ChurnModel, fitReadsPurchaseDays, parseChurnModel } from '../../lib/models/churnModel';
import { ModelCustomers } from '../../lib/models/modelCustomers';
import { modelCustomerFromFields } from '../../lib/models/modelCustomerFromRecord';
import { ChurnScorer } from '../../lib/models/churnScoring';
import { RISK_LEVELS } from '../../lib/models/riskLevels';
import { segmentSummary } from '../../lib/models/rfm';
import { analysisDateHint, readAnalysisDay } from '../shared/analysisDateParameter';
import { customerRecordsFromItems, CustomerInput } from '../shared/customerRecords';
import { customerBaseItem, errorsBesideBase, readCustomerBase, readOutputAs } from '../shared/customerBaseItems';
import { TableBuilder } from '../../lib/base/tableBuilder';
import { customerIdOf, customerIdOfFields } from '../../lib/customer/customerId';
import { fieldPath, FieldSource, jsonFields } from '../../lib/values/fieldSource';
import { extendRecord } from '../shared/extendRecord';
import { asNodeError, failEveryItemOnContinue, forEachPosition, forEachRecord, linkedItem } from '../shared/linkedItems';
import { MostlyNumbers } from '../../lib/values/mostlyNumbers';
import { churnRiskProperties } from './ChurnRiskDescription';
import { readChurnRiskSettings } from './churnRiskSettings';
import { loadSavedModel, saveModel } from './savedModels';
import { fitCooperatively } from './fitCooperatively';
import { backtestItems } from './backtestItems';
import { modelOfFile, scoreRecords } from './scoreRecords';
import { riskFacts, riskInWords } from './riskAnswer';
import { isToolCall, toolLanguage, toolVersion } from '../shared/agentTool/toolCall';
import { ordersFileCustomers } from '../shared/agentTool/ordersFileCustomers';
import { askedCustomer, toolAnswer } from '../shared/agentTool/askedCustomer';

/** Passed on as the record has it (a summary's own mean gap), else the one the reader works out. */
const AVG_GAP_DAYS = fieldPath('avgDaysBetweenOrders');

/** What a customer without any order gets: nothing to score yet. */
const NOT_SCORED = {
	riskLevel: null,
	churnProbability: null,
	pAlive: null,
	rfm: null,
	expectedOrders: null,
	expectedOrdersLow: null,
	expectedOrdersHigh: null,
	expectedOrdersIfActive: null,
	horizonDays: null,
	expectedNextOrderAt: null,
	expectedAvgOrderValue: null,
	predictedClv: null,
	predictedClvLow: null,
	predictedClvHigh: null,
	historicClv: 0,
	churnMethod: 'none',
};

export class ChurnRisk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Churn Risk',
		name: 'churnRisk',
		icon: { light: 'file:churnRisk.svg', dark: 'file:churnRisk.dark.svg' },
		group: ['transform'],
		version: [1, 2, 3],
		defaultVersion: 3,
		usableAsTool: toolVersion('Tell how likely one customer (by customer ID, email or phone) is to stop buying: churn probability and risk level over the next months, their usual gap between orders, days since the last order, expected orders and predicted value', 'risk of one customer'),
		subtitle: '={{ { scoreWithSavedModel: "score with saved model", backtest: "backtest the models" }[$parameter["mode"]] ?? "fit and score" }}',
		description: 'Score customers: RFM segment, probability they are still active (BG/NBD, MBG/NBD, Pareto/NBD or BG/BB), churn risk, expected orders and lifetime value',
		defaults: { name: 'Churn Risk' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Customers', 'Model'],
		properties: churnRiskProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		if (isToolCall(this)) return await answerAsTool.call(this);
		return await failEveryItemOnContinue(this, items, { outputs: 2, errorOutput: 0 }, async () => await scoreCustomers.call(this, items));
	}
}

/** The node's settings, the time zone and the analysis day; a fit reads its RFM scoring too. */
function readSettings(ctx: IExecuteFunctions, fits: boolean) {
	try {
		const rfmScoring = fits ? (ctx.getNodeParameter('rfmScoring', 0, 'quintiles') as string) : 'quintiles';
		// Shown only with fixed thresholds: read only then, so n8n supplies the editor's defaults.
		const threshold = (name: string) => (rfmScoring === 'thresholds' ? (ctx.getNodeParameter(name, 0) as string) : '');
		const purchaseModel = fits ? (ctx.getNodeParameter('purchaseModel', 0, 'bgnbd') as string) : 'bgnbd';
		const settings = readChurnRiskSettings({
			options: ctx.getNodeParameter('options', 0, {}),
			model: purchaseModel,
			// Shown only for BG/BB: read only then, so n8n supplies the editor's default.
			periodDays: purchaseModel === 'bgbb' ? (ctx.getNodeParameter('periodDays', 0) as number) : 7,
			horizonDays: ctx.getNodeParameter('horizonDays', 0, 90) as number,
			churnDefinition: ctx.getNodeParameter('churnDefinition', 0, 'noOrderInHorizon') as string,
			// Set by the backtest from version 3; earlier nodes keep the fixed thresholds they were built with.
			riskLevels: ctx.getNode().typeVersion >= 3 ? (ctx.getNodeParameter('riskLevels', 0, 'backtest') as string) : 'thresholds',
			rfmScoring,
			thresholds: { recency: threshold('recencyThresholds'), frequency: threshold('frequencyThresholds'), monetary: threshold('monetaryThresholds') },
		});
		const zone = new TimeZone(ctx.getTimezone() || 'UTC');
		return { settings, zone, analysisDay: readAnalysisDay(ctx, zone) };
	} catch (error) {
		throw asNodeError(ctx, error);
	}
}

/**
 * As an agent's tool: the asked customer's risk in words. With a Saved Model File only that
 * customer is scored; without, a model is fitted on every customer of the Orders File, as a
 * Fit and Score run would, and not saved.
 */
async function answerAsTool(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const savedModel = await modelOfFile(this);
	const { settings, zone, analysisDay } = readSettings(this, savedModel === null);
	const customers = await ordersFileCustomers(this, zone, analysisDay);
	const asked = askedCustomer(this, customers, toolLanguage(this));
	if ('answer' in asked) return [[asked.answer]];
	const { scored } = await scoreRecords(this, savedModel ? [asked.customer] : customers, settings, savedModel, { analysisDay, zone });
	const record = savedModel ? scored[0] : scored[customers.indexOf(asked.customer)];
	return [[toolAnswer(riskInWords(record, toolLanguage(this)), riskFacts(record))]];
}

async function scoreCustomers(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('mode', 0) as 'fitAndScore' | 'scoreWithSavedModel' | 'backtest';
	const { settings, zone, analysisDay } = readSettings(this, mode === 'fitAndScore');

	const input = this.getNodeParameter('input', 0, 'auto') as CustomerInput;
	const outputAs = readOutputAs(this);
	// From a customer base, each customer is read with only the fields the record reader looks at,
	// when its turn comes, and kept as the model's measures in columns: the base's customers are
	// never all objects at once.
	const baseInput = await readCustomerBase(this, items);
	const population = new ModelCustomers();
	const gapDays = new MostlyNumbers();
	const context = { analysisDay, zone, purchaseDays: mode === 'backtest' || (mode === 'fitAndScore' && fitReadsPurchaseDays(settings.fit)) };
	const read = (fields: FieldSource, itemIndex: number) => {
		const reading = modelCustomerFromFields(fields, context);
		if ('error' in reading) throw new NodeOperationError(this.getNode(), `Item ${itemIndex} ${reading.error}`, { itemIndex });
		const customer = 'customer' in reading ? reading.customer : null;
		population.add(customer);
		gapDays.push(fields.get(AVG_GAP_DAYS) ?? customer?.ownGapDays);
	};
	// Where each customer came from: its item's fields and input items, or its row of the base.
	const sources: Array<{ json: IDataObject; sourceItems: number[] }> = [];
	const baseRowOf: number[] = [];
	let orderErrors: INodeExecutionData[];
	let recordErrors: INodeExecutionData[];
	if (baseInput) {
		const { base, itemIndex } = baseInput;
		const customer = base.cursor();
		orderErrors = errorsBesideBase(this, items);
		recordErrors = await forEachPosition(
			this,
			base.rows,
			(row) => {
				customer.row = row;
				read(customer, itemIndex);
				baseRowOf.push(row);
			},
			() => ({ sourceItems: [itemIndex] }),
		);
	} else {
		const fromItems = customerRecordsFromItems(this, items, input, zone, analysisDay);
		orderErrors = fromItems.errorItems;
		recordErrors = await forEachRecord(this, fromItems.records, (record) => {
			read(jsonFields(record.json), record.sourceItems[0]);
			sources.push(record);
		});
	}
	const errorItems = [...orderErrors, ...recordErrors];
	// A base keeps every customer in every layer: one that cannot be read stops the node.
	if (baseInput && outputAs === 'base' && population.size < baseInput.base.rows) {
		throw new NodeOperationError(this.getNode(), 'A customer of the base could not be read', { description: recordErrors.map((e) => e.json.error).join('\n') });
	}
	const sourceItemsOf = (i: number) => (baseInput ? [baseInput.itemIndex] : sources[i].sourceItems);
	const named = baseInput?.base.cursor();
	const customerNamed = (i: number) => {
		if (!named) return customerIdOf(sources[i].json);
		named.row = baseRowOf[i];
		return customerIdOfFields(named);
	};

	if (mode === 'backtest') {
		const run = await backtestItems(this, population, { holdoutDays: settings.scoring.horizonDays, penalizer: settings.fit.penalizer }, items.map((_, item) => ({ item })));
		this.addExecutionHints({ message: run.result.reason, location: 'outputPane' });
		return [[...run.models, ...errorItems], [run.summary]];
	}

	let model: ChurnModel;
	const modelName = (this.getNodeParameter('modelName', 0, 'default') as string) || 'default';
	if (mode === 'fitAndScore') {
		if (population.scoredCount === 0) {
			throw new NodeOperationError(this.getNode(), 'No customer with orders to learn from', {
				description: 'Churn Risk needs customers with at least one order. Check the node before it.',
			});
		}
		model = await fitCooperatively(this, population, settings.fit);
		if (settings.saveModel) saveModel(this, modelName, model);
	} else {
		const source = this.getNodeParameter('modelSource', 0, 'staticData') as string;
		const raw = source === 'json' ? this.getNodeParameter('modelJson', 0, '') : loadSavedModel(this, modelName);
		if (raw === undefined || raw === '' || raw === null) {
			throw new NodeOperationError(this.getNode(), `No saved model "${modelName}" in this workflow yet`, {
				description:
					'Run this workflow with a Churn Risk node in Fit and Score mode first. n8n keeps saved data only for production runs (an active workflow), not for manual test runs: for tests, paste a model into Model JSON.',
			});
		}
		try {
			model = parseChurnModel(raw);
		} catch (error) {
			throw asNodeError(this, error);
		}
	}

	const scorer = new ChurnScorer(model, settings.scoring);
	// What the node adds to each customer, in the input's order; a customer that could not be
	// scored stops the node with the item named, or with "continue on fail" becomes an error item
	// (never an unscored item that looks scored); a base keeps it, unscored. From a base to a
	// base, each customer's fields go straight into the new layer, never all objects at once.
	const layer = outputAs === 'base' && baseInput ? new TableBuilder() : null;
	const added: Array<IDataObject | null> = [];
	const riskLevels: Record<string, number> = {};
	const segments: Array<{ segment: never; revenue: number }> = [];
	const analysisDays: number[] = [];
	const scoringErrors = await forEachPosition(this, population.size, (i) => {
		const customer = population.customer(i);
		let score: IDataObject | null = null;
		let failure: string | null = null;
		if (customer) {
			analysisDays.push(customer.analysisDay);
			try {
				score = scorer.score(customer) as unknown as IDataObject;
			} catch (error) {
				failure = `Item ${sourceItemsOf(i)[0]} (customer ${customerNamed(i)}) could not be scored: ${(error as Error).message}`;
			}
		}
		const fields = score ?? NOT_SCORED;
		if (layer) {
			// Into the layer field by field: the mean gap, then the scores (no merged copy per customer).
			if (score) {
				layer.nextRow();
				layer.field('avgDaysBetweenOrders', gapDays.get(i));
				for (const key in score) layer.field(key, score[key]);
			} else layer.addRow(NOT_SCORED);
		} else added.push(failure === null ? (score ? ({ avgDaysBetweenOrders: gapDays.get(i), ...score } as IDataObject) : NOT_SCORED) : null);
		if (failure !== null) throw new NodeOperationError(this.getNode(), failure, { itemIndex: sourceItemsOf(i)[0] });
		const level = String(fields.riskLevel ?? 'none');
		riskLevels[level] = (riskLevels[level] ?? 0) + 1;
		if (settings.segmentSummary && fields.rfm) segments.push({ segment: (fields.rfm as IDataObject).segment as never, revenue: fields.historicClv as number });
	}, (i) => ({ sourceItems: sourceItemsOf(i), json: baseInput ? undefined : sources[i].json }));
	errorItems.push(...scoringErrors);
	const kept = layer ? [] : added.flatMap((fields, i) => (fields ? [{ i, added: fields }] : []));

	this.addExecutionHints({ message: [...model.notes, scorer.riskLevelsNote, riskLevelsInWords(riskLevels), analysisDateHint(this, analysisDay, analysisDays)].filter(Boolean).join(' '), location: 'outputPane' });
	const modelItems: INodeExecutionData[] = [];
	if (mode === 'fitAndScore') {
		const modelJson: IDataObject = { modelName, ...(JSON.parse(JSON.stringify(model)) as IDataObject) };
		if (settings.segmentSummary) {
			modelJson.segmentSummary = segmentSummary(segments) as unknown as IDataObject[];
		}
		modelItems.push({ json: modelJson, pairedItem: items.map((_, item) => ({ item })) });
	}
	if (outputAs === 'base') {
		const summary = { analysisDate: dayNumberToIsoDate(analysisDay), riskLevels, method: model.method };
		const records = layer ?? kept.map(({ i, added: fields }) => extendRecord(sources[i].json, fields));
		return [[await customerBaseItem(this, baseInput, 'churnRisk', records, summary, items.length), ...errorItems], modelItems];
	}
	const scored = kept.map(({ i, added: fields }) => linkedItem(extendRecord(baseInput ? (baseInput.base.record(baseRowOf[i]) as IDataObject) : sources[i].json, fields), sourceItemsOf(i)));
	return [[...scored, ...errorItems], modelItems];
}

/** How many customers each risk level holds, worst first, in a sentence. */
function riskLevelsInWords(riskLevels: Record<string, number>): string {
	const scored = RISK_LEVELS.reduce((sum, level) => sum + (riskLevels[level] ?? 0), 0);
	if (scored === 0) return '';
	const [low, medium, high, critical] = RISK_LEVELS.map((level) => riskLevels[level] ?? 0);
	return `Scored ${scored} customers: ${critical} at critical risk of churning, ${high} high, ${medium} medium and ${low} low.`;
}
