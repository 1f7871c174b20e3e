import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { customersOfBase, errorsBesideBase, readCustomerBase } from '../shared/customerBaseItems';
import { failEveryItemOnContinue } from '../shared/linkedItems';
import { campaignReportProperties } from './CampaignReportDescription';
import { checkWarning } from './actions/checkWarning';
import { evaluate } from './actions/evaluateCampaign';
import { reportHealth } from './actions/reportHealth';

/** Three operations, one file each under actions/ (the layout of n8n's own nodes). */
export class CampaignReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Campaign Report',
		name: 'campaignReport',
		icon: { light: 'file:campaignReport.svg', dark: 'file:campaignReport.dark.svg' },
		group: ['transform'],
		version: 1,
		usableAsTool: true,
		subtitle: '={{ {"warningAccuracy": "warning accuracy", "baseHealth": "customer base health"}[$parameter["operation"]] ?? "campaign evaluation" }}',
		description: 'Did the win-back work (uplift against the control group, significance, ROI), how healthy is the base (churn, cohorts), and did the churn warning hold (AUC)',
		defaults: { name: 'Campaign Report' },
		inputs: [
			{ type: NodeConnectionTypes.Main, displayName: 'Customers' },
			{ type: NodeConnectionTypes.Main, displayName: 'Orders', required: false },
		],
		// Campaign Evaluation also puts out the response it measured, for Retention Action's Measured Results.
		outputs: `={{ ($parameter.operation ?? "campaignEvaluation") === "campaignEvaluation" ? [{ type: "${NodeConnectionTypes.Main}", displayName: "Report Lines" }, { type: "${NodeConnectionTypes.Main}", displayName: "Response Model" }] : [{ type: "${NodeConnectionTypes.Main}", displayName: "Report Lines" }] }}`,
		properties: campaignReportProperties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const input = this.getInputData(0);
		// A customer base (e.g. Retention Action's No Action output) is read as its customers.
		const base = await readCustomerBase(this, input);
		const items = base ? [...customersOfBase(base).map(({ json }) => ({ json, pairedItem: { item: base.itemIndex } })), ...errorsBesideBase(this, input)] : input;
		const operation = this.getNodeParameter('operation', 0, 'campaignEvaluation') as string;
		const run = operation === 'warningAccuracy' ? checkWarning : operation === 'baseHealth' ? reportHealth : evaluate;
		return await failEveryItemOnContinue(this, items, { outputs: run === evaluate ? 2 : 1, errorOutput: 0 }, async () => await run.call(this, items));
	}
}

