import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { ChurnModel, fitReadsPurchaseDays, parseChurnModel } from '../../lib/models/churnModel';
import { ChurnScorer } from '../../lib/models/churnScoring';
import { ModelCustomers } from '../../lib/models/modelCustomers';
import { modelCustomerFromFields } from '../../lib/models/modelCustomerFromRecord';
import { customerIdOf } from '../../lib/customer/customerId';
import { jsonFields } from '../../lib/values/fieldSource';
import type { TimeZone } from '../../lib/values/timeZone';
import { extendRecord } from '../shared/extendRecord';
import { serverFileText } from '../shared/agentTool/serverFile';
import { toolModelFileProperty } from '../shared/agentTool/toolCall';
import type { ChurnRiskSettings } from './churnRiskSettings';
import { fitCooperatively } from './fitCooperatively';

/**
 * Customer Data's summaries with Churn Risk's scores added, for the agent tools: with a saved
 * model, or one fitted on these customers (never saved: a question changes nothing).
 */
export async function scoreRecords(
	ctx: IExecuteFunctions,
	records: IDataObject[],
	settings: ChurnRiskSettings,
	savedModel: ChurnModel | null,
	context: { analysisDay: number; zone: TimeZone },
): Promise<{ model: ChurnModel; scored: IDataObject[] }> {
	const population = new ModelCustomers();
	for (const json of records) {
		const reading = modelCustomerFromFields(jsonFields(json), { ...context, purchaseDays: fitReadsPurchaseDays(settings.fit) });
		if ('error' in reading) throw new NodeOperationError(ctx.getNode(), `Customer ${customerIdOf(json)} ${reading.error}`);
		population.add('customer' in reading ? reading.customer : null);
	}
	if (!savedModel && population.scoredCount === 0) throw new NodeOperationError(ctx.getNode(), 'No customer with orders to learn from');
	const model = savedModel ?? (await fitCooperatively(ctx, population, settings.fit));
	const scorer = new ChurnScorer(model, settings.scoring);
	const scored = records.map((json, i) => {
		const customer = population.customer(i);
		return customer ? extendRecord(json, scorer.score(customer) as unknown as IDataObject) : json;
	});
	return { model, scored };
}

/** The tool's Saved Model File, or null when none is set (the tool then fits one). */
export async function modelOfFile(ctx: IExecuteFunctions): Promise<ChurnModel | null> {
	const parameter = toolModelFileProperty.name;
	if (String(ctx.getNodeParameter(parameter, 0, '') ?? '').trim() === '') return null;
	const { path, text } = await serverFileText(ctx, parameter, 'Saved Model File');
	try {
		const data: unknown = JSON.parse(text);
		// Written from n8n items, a file may hold the model alone or a list with it first.
		return parseChurnModel(Array.isArray(data) ? data[0] : data);
	} catch (error) {
		throw new NodeOperationError(ctx.getNode(), `The Saved Model File ${path} holds no churn model: ${(error as Error).message}`, {
			description: "Write Churn Risk's Model output to the file (the Model Refresh template does), or leave the setting empty to fit a model at each question.",
		});
	}
}
