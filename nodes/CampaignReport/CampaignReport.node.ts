import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';
import type { Language } from '../../lib/values/language';
import { isToolCall, toolOrdersFileProperty, toolVersion } from '../shared/agentTool/toolCall';
import { serverFileRows } from '../shared/agentTool/serverFile';
import { toolAnswer } from '../shared/agentTool/askedCustomer';
import { campaignFacts, campaignInWords } from './campaignAnswer';
import { WORDS } from '../../lib/words';
import { customersOfBase, errorsBesideBase, readCustomerBase } from '../shared/customerBaseItems';
import { failEveryItemOnContinue } from '../shared/linkedItems';
import { campaignReportProperties } from './CampaignReportDescription';
import { checkWarning } from './actions/checkWarning';
import { evaluate } from './actions/evaluateCampaign';
import { reportHealth } from './actions/reportHealth';
import { reportBacktest } from './actions/reportBacktest';

/** Four operations, one file each under actions/ (the layout of n8n's own nodes). */
export class CampaignReport implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Campaign Report',
		name: 'campaignReport',
		icon: { light: 'file:campaignReport.svg', dark: 'file:campaignReport.dark.svg' },
		group: ['transform'],
		version: 1,
		usableAsTool: toolVersion('Tell whether a win-back campaign worked: how many contacted customers ordered again against the control group, the uplift with its 95% interval and p-value, the verdict and the incremental revenue', 'did a campaign work'),
		subtitle: '={{ {"warningAccuracy": "warning accuracy", "baseHealth": "customer base health", "modelBacktest": "model backtest"}[$parameter["operation"]] ?? "campaign evaluation" }}',
		description: 'Did the win-back work (uplift against the control group, significance, ROI), how healthy is the base (churn, cohorts), did the churn warning hold (AUC), and how well the churn models predicted',
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
		if (isToolCall(this)) return await answerAsTool.call(this);
		const input = this.getInputData(0);
		// A customer base (e.g. Retention Action's No Action output) is read as its customers.
		const base = await readCustomerBase(this, input);
		const items = base ? [...customersOfBase(base).map(({ json }) => ({ json, pairedItem: { item: base.itemIndex } })), ...errorsBesideBase(this, input)] : input;
		const operation = this.getNodeParameter('operation', 0, 'campaignEvaluation') as string;
		const run = { warningAccuracy: checkWarning, baseHealth: reportHealth, modelBacktest: reportBacktest }[operation] ?? evaluate;
		return await failEveryItemOnContinue(this, items, { outputs: run === evaluate ? 2 : 1, errorOutput: 0 }, async () => await run.call(this, items));
	}
}

/**
 * As an agent's tool: how a campaign did, from the contact logs and the orders file, evaluated
 * as the node does (repeated rows merged, customers in both groups left out), in one sentence.
 */
async function answerAsTool(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	if (this.getNodeParameter('operation', 0, 'campaignEvaluation') !== 'campaignEvaluation') {
		throw new NodeOperationError(this.getNode(), 'As a tool, Campaign Report evaluates campaigns', { description: 'Set Operation to Campaign Evaluation.' });
	}
	const language = this.getNodeParameter('reportLanguage', 0, 'en') as Language;
	const campaign = String(this.getNodeParameter('toolCampaign', 0, '') ?? '').trim();
	const paths = String(this.getNodeParameter('toolContactLogFiles', 0, '') ?? '').split(/[,\n]/).map((p) => p.trim()).filter(Boolean);
	if (paths.length === 0) throw new NodeOperationError(this.getNode(), 'No Contact Log Files are set', { description: "Enter the paths of the files Retention Action's contact log rows were written to." });
	const logged: IDataObject[] = [];
	for (const path of paths) logged.push(...(await serverFileRows(this, path, 'contact log')));
	const rows = campaign ? logged.filter((row) => String(row.campaignId ?? '') === campaign) : logged;
	if (rows.length === 0) {
		const known = [...new Set(logged.map((row) => String(row.campaignId ?? '')).filter(Boolean))];
		return [[toolAnswer(WORDS[language].answers.noSuchCampaign(campaign, known.slice(0, 10)), { found: false, campaigns: known })]];
	}
	const orders = await serverFileRows(this, String(this.getNodeParameter(toolOrdersFileProperty.name, 0, '') ?? '').trim(), 'Orders File');
	const [lines] = await evaluate.call(
		this,
		rows.map((json, item) => ({ json, pairedItem: { item } })),
		orders.map((json, item) => ({ json, pairedItem: { item } })),
	);
	const overall = lines.find((line) => line.json.dimension === 'overall');
	if (!overall) throw new NodeOperationError(this.getNode(), `No contact of ${campaign ? `campaign "${campaign}"` : 'the contact logs'} could be evaluated`, { description: lines.map((l) => String(l.json.error ?? '')).filter(Boolean).slice(0, 3).join('\n') });
	const windowDays = this.getNodeParameter('windowDays', 0, 30) as number;
	return [[toolAnswer(campaignInWords(overall.json, campaign, windowDays, language), { campaign: campaign || null, ...campaignFacts(overall.json) })]];
}
