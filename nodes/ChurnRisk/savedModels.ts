import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import type { ChurnModel } from '../../lib/models/churnModel';

/**
 * Fitted models live in the workflow's global static data under `churnRiskModels.<name>`, so a
 * scoring node elsewhere in the same workflow (a CRM webhook path) finds the nightly fit. One
 * model is a few hundred bytes whatever the number of customers.
 */
const KEY = 'churnRiskModels';

export function saveModel(ctx: IExecuteFunctions, name: string, model: ChurnModel): void {
	const staticData = ctx.getWorkflowStaticData('global');
	const models = (staticData[KEY] as IDataObject | undefined) ?? {};
	models[name] = JSON.parse(JSON.stringify(model)) as IDataObject;
	staticData[KEY] = models;
}

export function loadSavedModel(ctx: IExecuteFunctions, name: string): unknown {
	const models = ctx.getWorkflowStaticData('global')[KEY] as IDataObject | undefined;
	return models?.[name];
}
