import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError, sleep } from 'n8n-workflow';
import { TimeZone } from '../../lib/values/timeZone';
import { dayNumberToIsoDate } from '../../lib/values/parseDate';
import { ComputationCancelled, runCooperatively } from '../../lib/math/steps';
import { ChurnModel, fitChurnModelSteps, ModelCustomer, parseChurnModel } from '../../lib/models/churnModel';
import { modelCustomerFromRecord } from '../../lib/models/modelCustomerFromRecord';
import { ChurnScorer } from '../../lib/models/churnScoring';
import { segmentSummary } from '../../lib/models/rfm';
import { analysisDateHint, readAnalysisDay } from '../shared/analysisDateParameter';
import { customerRecordsFromItems, CustomerInput } from '../shared/customerRecords';
import { BaseInput, baseRows, customerBaseItem, errorsBesideBase, readCustomerBase, readOutputAs } from '../shared/customerBaseItems';
import { TableBuilder } from '../../lib/base/tableBuilder';
import { RECORD_FIELDS } from '../../lib/customer/customerRecord';
import { extendRecord } from '../shared/extendRecord';
import { asNodeError, failEveryItemOnContinue, forEachRecord, linkedItem } from '../shared/linkedItems';
import { churnRiskProperties } from './ChurnRiskDescription';
import { readChurnRiskSettings } from './churnRiskSettings';
import { loadSavedModel, saveModel } from './savedModels';

/** What a customer without any order gets: nothing to score yet. */
const NOT_SCORED = {
	riskLevel: null,
	churnProbability: null,
	pAlive: null,
	rfm: null,
	expectedOrders: null,
	expectedOrdersIfActive: null,
	horizonDays: null,
	expectedNextOrderAt: null,
	expectedAvgOrderValue: null,
	predictedClv: null,
	historicClv: 0,
	churnMethod: 'none',
};

/**
 * A fit can run for seconds on a large or ill-posed base: it gives n8n's event loop a turn every
 * few milliseconds (so the editor and other executions keep moving) and stops when the user
 * cancels the execution.
 */
async function fitCooperatively(context: IExecuteFunctions, customers: ModelCustomer[], settings: Parameters<typeof fitChurnModelSteps>[1]): Promise<ChurnModel> {
	try {
		return await runCooperatively(fitChurnModelSteps(customers, settings, new Date()), {
			pause: async () => await sleep(0),
			signal: context.getExecutionCancelSignal?.(),
		});
	} catch (error) {
		if (error instanceof ComputationCancelled) throw new NodeOperationError(context.getNode(), 'The model fit was stopped because the execution was cancelled');
		throw asNodeError(context, error);
	}
}

export class ChurnRisk implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Churn Risk',
		name: 'churnRisk',
		icon: { light: 'file:churnRisk.svg', dark: 'file:churnRisk.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		usableAsTool: true,
		subtitle: '={{ $parameter["mode"] === "scoreWithSavedModel" ? "score with saved model" : "fit and score" }}',
		description: 'Score customers: RFM segment, probability they are still active (BG/NBD), churn risk, expected orders and lifetime value',
		defaults: { name: 'Churn Risk' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Customers', 'Model'],
		properties: churnRiskProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getInputData();
		return await failEveryItemOnContinue(this, items, { outputs: 2, errorOutput: 0 }, async () => await scoreCustomers.call(this, items));
	}
}

async function scoreCustomers(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[][]> {
	const mode = this.getNodeParameter('mode', 0) as 'fitAndScore' | 'scoreWithSavedModel';
	let settings: ReturnType<typeof readChurnRiskSettings>;
	let zone: TimeZone;
	let analysisDay: number;
	try {
		const rfmScoring = mode === 'fitAndScore' ? (this.getNodeParameter('rfmScoring', 0, 'quintiles') as string) : 'quintiles';
		// Shown only with fixed thresholds: read only then, so n8n supplies the editor's defaults.
		const threshold = (name: string) => (rfmScoring === 'thresholds' ? (this.getNodeParameter(name, 0) as string) : '');
		settings = readChurnRiskSettings({
			options: this.getNodeParameter('options', 0, {}),
			horizonDays: this.getNodeParameter('horizonDays', 0, 90) as number,
			churnDefinition: this.getNodeParameter('churnDefinition', 0, 'noOrderInHorizon') as string,
			rfmScoring,
			thresholds: { recency: threshold('recencyThresholds'), frequency: threshold('frequencyThresholds'), monetary: threshold('monetaryThresholds') },
		});
		zone = new TimeZone(this.getTimezone() || 'UTC');
		analysisDay = readAnalysisDay(this, zone);
	} catch (error) {
		throw asNodeError(this, error);
	}

	const input = this.getNodeParameter('input', 0, 'auto') as CustomerInput;
	const outputAs = readOutputAs(this);
	// From a customer base, each customer is read with only the fields the record reader looks at,
	// when its turn comes: the base's customers are never all objects at once.
	const baseInput = await readCustomerBase(this, items);
	const { records, errorItems: orderErrors } = baseInput
		? { records: baseRows(baseInput), errorItems: errorsBesideBase(this, items) }
		: customerRecordsFromItems(this, items, input, zone, analysisDay);
	const customers: Array<{ json: IDataObject | undefined; gapDays: unknown; sourceItems: number[]; customer: ModelCustomer | null; row?: number }> = [];
	const recordErrors = await forEachRecord(this, records as Array<{ sourceItems: number[]; json?: IDataObject; row?: number }>, (record) => {
		const json = record.json ?? (baseInput as BaseInput).base.record(record.row as number, RECORD_FIELDS);
		const reading = modelCustomerFromRecord(json, { analysisDay, zone });
		if ('error' in reading) throw new NodeOperationError(this.getNode(), `Item ${record.sourceItems[0]} ${reading.error}`, { itemIndex: record.sourceItems[0] });
		const customer = 'customer' in reading ? reading.customer : null;
		customers.push({ json: record.json, gapDays: json.avgDaysBetweenOrders ?? customer?.ownGapDays, sourceItems: record.sourceItems, customer, row: record.row });
	});
	const errorItems = [...orderErrors, ...recordErrors];
	// A base keeps every customer in every layer: one that cannot be read stops the node.
	if (baseInput && outputAs === 'base' && customers.length < baseInput.base.rows) {
		throw new NodeOperationError(this.getNode(), 'A customer of the base could not be read', { description: recordErrors.map((e) => e.json.error).join('\n') });
	}

	let model: ChurnModel;
	const modelName = (this.getNodeParameter('modelName', 0, 'default') as string) || 'default';
	if (mode === 'fitAndScore') {
		const scorable = customers.flatMap((c) => (c.customer ? [c.customer] : []));
		if (scorable.length === 0) {
			throw new NodeOperationError(this.getNode(), 'No customer with orders to learn from', {
				description: 'Churn Risk needs customers with at least one order. Check the node before it.',
			});
		}
		model = await fitCooperatively(this, scorable, settings.fit);
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
	// What the node adds to each customer, in the order of `customers`; a customer that could not
	// be scored stops the node with the item named, or with "continue on fail" becomes an error
	// item (never an unscored item that looks scored); a base keeps it, unscored. From a base to
	// a base, each customer's fields go straight into the new layer, never all objects at once.
	const layer = outputAs === 'base' && baseInput ? new TableBuilder() : null;
	const added: Array<IDataObject | null> = [];
	const riskLevels: Record<string, number> = {};
	const segments: Array<{ segment: never; revenue: number }> = [];
	const scoringErrors = await forEachRecord(this, customers as Array<(typeof customers)[number] & { json?: IDataObject }>, ({ gapDays, sourceItems, customer }) => {
		let fields: IDataObject = NOT_SCORED;
		let failure: string | null = null;
		if (customer) {
			try {
				fields = { avgDaysBetweenOrders: gapDays, ...scorer.score(customer) } as IDataObject;
			} catch (error) {
				failure = `Item ${sourceItems[0]} (customer ${customer.customerId}) could not be scored: ${(error as Error).message}`;
			}
		}
		if (layer) layer.add(fields);
		else added.push(failure === null ? fields : null);
		if (failure !== null) throw new NodeOperationError(this.getNode(), failure, { itemIndex: sourceItems[0] });
		const level = String(fields.riskLevel ?? 'none');
		riskLevels[level] = (riskLevels[level] ?? 0) + 1;
		if (fields.rfm) segments.push({ segment: (fields.rfm as IDataObject).segment as never, revenue: fields.historicClv as number });
	});
	errorItems.push(...scoringErrors);
	const kept = layer ? [] : customers.flatMap((customer, i) => (added[i] ? [{ ...customer, added: added[i] as IDataObject }] : []));

	this.addExecutionHints({ message: [...model.notes, analysisDateHint(this, analysisDay, customers.flatMap((c) => (c.customer ? [c.customer.analysisDay] : [])))].join(' '), location: 'outputPane' });
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
		const records = layer ?? kept.map(({ json, added: fields }) => extendRecord(json as IDataObject, fields));
		return [[await customerBaseItem(this, baseInput, 'churnRisk', records, summary, items.length), ...errorItems], modelItems];
	}
	const scored = kept.map(({ json, sourceItems, row, added: fields }) => linkedItem(extendRecord(json ?? ((baseInput as BaseInput).base.record(row as number) as IDataObject), fields), sourceItems));
	return [[...scored, ...errorItems], modelItems];
}
