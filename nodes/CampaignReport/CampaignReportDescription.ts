import { Language, LANGUAGE_NAMES, LANGUAGES } from '../../lib/values/language';
import type { INodeProperties } from 'n8n-workflow';
import { toolOrdersFileProperty, withToolProperties } from '../shared/agentTool/toolCall';

const campaign = { show: { operation: ['campaignEvaluation'] } };
const warning = { show: { operation: ['warningAccuracy'] } };
const health = { show: { operation: ['baseHealth'] } };
const backtest = { show: { operation: ['modelBacktest'] } };

const REPORT_LANGUAGE_NOTES: Record<Language, string> = { en: 'English labels, numbers formatted for en-US', 'zh-CN': '中文标签，数字按 zh-CN 格式' };

const properties: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Campaign Evaluation', value: 'campaignEvaluation', description: 'Did contacted customers come back more than the control group', action: 'Evaluate a campaign' },
			{ name: 'Customer Base Health', value: 'baseHealth', description: 'Churn and retention rates, repeat purchases, revenue at risk, cohorts', action: 'Report on the customer base' },
			{ name: 'Model Backtest', value: 'modelBacktest', description: 'How well each churn model predicted your recent weeks, with the tracking chart', action: 'Chart a model backtest' },
			{ name: 'Warning Accuracy', value: 'warningAccuracy', description: 'Did the customers an earlier run flagged actually leave', action: 'Check the churn warning' },
		],
		default: 'campaignEvaluation',
		description: 'Which question the report answers',
	},
	{
		displayName:
			'Connect the customers a campaign handled (Retention Action\'s outputs, or its contact log) to the first input. Connect their orders since the campaign to the second input, or give each customer ordersSinceContact / revenueSinceContact or lastOrderAt.',
		name: 'inputsNotice',
		type: 'notice',
		default: '',
		displayOptions: campaign,
	},
	{
		displayName:
			'Connect the customers as an earlier Churn Risk run scored them (churnProbability, riskLevel, analysisDate) to the first input, and all their orders since to the second input.',
		name: 'warningNotice',
		type: 'notice',
		default: '',
		displayOptions: warning,
	},
	{
		displayName:
			'Connect the customers (Customer Data, after Churn Risk and Lifecycle Stage for risk and stages) to the first input, and all their orders to the second: churn rates, cohorts and the alert need the orders.',
		name: 'healthNotice',
		type: 'notice',
		default: '',
		displayOptions: health,
	},
	{
		displayName:
			'Connect Churn Risk set to Backtest the Models: its second output (Backtest) to the first input. The report charts the repeat orders made each week against what each model expected.',
		name: 'backtestNotice',
		type: 'notice',
		default: '',
		displayOptions: backtest,
	},
	{
		displayName: 'Period End',
		name: 'periodEnd',
		type: 'dateTime',
		default: '',
		displayOptions: health,
		description: "The last day of the period reported on. Empty: the customers' analysis date, else today.",
	},
	{
		displayName: 'Period (Days)',
		name: 'periodDays',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1 },
		displayOptions: health,
		description: 'The length of the period whose churn rate is reported, and of each earlier period it is compared with',
	},
	{
		displayName: 'Active Window (Days)',
		name: 'activeWindowDays',
		type: 'number',
		default: 90,
		typeOptions: { minValue: 1 },
		displayOptions: health,
		description: 'A customer counts as active while their last order is at most this many days old; one who stops being active during the period churned',
	},
	{
		displayName: 'Left Means No Order Within (Days)',
		name: 'horizonDays',
		type: 'number',
		default: 90,
		typeOptions: { minValue: 1 },
		displayOptions: warning,
		description: "A scored customer counts as having left when they did not order within this many days after the run's analysis date (use the Horizon of the Churn Risk run)",
	},
	{
		displayName: 'Flagged Risk Levels',
		name: 'flaggedLevels',
		type: 'multiOptions',
		options: [
			{ name: 'Critical', value: 'critical' },
			{ name: 'High', value: 'high' },
			{ name: 'Low', value: 'low' },
			{ name: 'Medium', value: 'medium' },
		],
		default: ['critical', 'high'],
		displayOptions: warning,
		description: 'The risk levels that count as a warning raised',
	},
	{
		displayName: 'Reactivation Window (Days)',
		name: 'windowDays',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1 },
		displayOptions: campaign,
		description: 'A customer counts as reactivated when they order within this many days after their first contact in the campaign (use the Response Window of the Retention Action that planned it)',
	},
	{
		displayName: 'Campaign Start',
		name: 'campaignStart',
		type: 'dateTime',
		default: '',
		displayOptions: campaign,
		description: 'The contact time of customers without their own (e.g. the control group, never contacted). Empty: every customer needs one.',
	},
	{
		displayName: 'HTML Report',
		name: 'htmlReport',
		type: 'boolean',
		default: true,
		description: 'Whether to attach the report as a self-contained HTML file (charts included) to the first item, e.g. for Send Email or Write File',
	},
	{
		displayName: 'Put Report in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'report',
		displayOptions: { show: { htmlReport: [true] } },
		description: 'The binary field of the first item that holds the HTML file',
	},
	{
		displayName: 'Report Language',
		name: 'reportLanguage',
		type: 'options',
		options: LANGUAGES.map((value) => ({ name: LANGUAGE_NAMES[value], value, description: REPORT_LANGUAGE_NOTES[value] })),
		default: 'en',
		description: 'Language of the report: the HTML file, and the labels and verdicts of the lines',
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		default: '',
		placeholder: 'CNY',
		displayOptions: { show: { htmlReport: [true], operation: ['campaignEvaluation', 'baseHealth'] } },
		description: 'ISO code for revenue in the report (e.g. CNY, USD); empty for plain numbers',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: campaign,
		description: 'Field names and costs; each says what it changes',
		options: [
			{
				displayName: 'Contacted At Field',
				name: 'contactedAtField',
				type: 'string',
				default: 'contactedAt',
				description: 'Dot path of the field holding when the customer was contacted',
			},
			{
				displayName: 'Cost per Contact',
				name: 'costPerContact',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'What one contact cost, for rows without a contactCost field (Retention Action writes contactCost and incentiveCost, the incentive counted when the customer ordered)',
			},
			{
				displayName: 'Gross Margin',
				name: 'margin',
				type: 'number',
				default: 0.3,
				typeOptions: { minValue: 0.01, maxValue: 1, numberPrecision: 2 },
				description: 'Share of incremental revenue you keep after the cost of goods: incremental profit = incremental revenue × margin − cost, and ROI = incremental profit / cost',
			},
		],
	},
];

/** The tool version answers one question: how a campaign did, from the files the workflows write. */
const asCampaignTool = { show: { '@tool': [true], operation: ['campaignEvaluation'] } };
const toolProperties: INodeProperties[] = [
	{
		displayName: 'Campaign',
		name: 'toolCampaign',
		type: 'string',
		default: "={{ $fromAI('campaign', 'The campaign ID to evaluate, as the contact log names it; empty for all campaigns together', 'string') }}",
		displayOptions: asCampaignTool,
		description: 'Which campaign the agent asks about (the AI fills it in by default); empty for all campaigns in the contact logs',
	},
	{
		displayName: 'Contact Log Files',
		name: 'toolContactLogFiles',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		required: true,
		placeholder: '/data/contact-log-2025-06-02.csv',
		displayOptions: asCampaignTool,
		description: "Paths on the n8n server of the files Retention Action's contact log rows were written to (CSV or JSON), one per line or separated by commas. Read at each question, within the folders n8n may read.",
	},
	{ ...toolOrdersFileProperty, displayOptions: asCampaignTool, description: "Path on the n8n server of the shop's orders, including those since the campaign: who came back is read from it" },
];

export const campaignReportProperties: INodeProperties[] = withToolProperties(properties, ['inputsNotice', 'htmlReport', 'binaryPropertyName'], toolProperties);
