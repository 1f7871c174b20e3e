import type { DisplayCondition, INodeProperties, INodePropertyOptions } from 'n8n-workflow';
import { analysisDateProperty } from '../shared/analysisDateParameter';
import { customerInputProperty } from '../shared/customerRecords';
import { outputAsProperties } from '../shared/customerBaseItems';
import { toolCustomerProperty, toolLanguageProperty, toolModelFileProperty, toolOrdersFileProperty, withToolProperties } from '../shared/agentTool/toolCall';

const fitting = { show: { mode: ['fitAndScore'] } };

/** The fixed thresholds of medium, high and critical, for nodes before version 3 and where no backtest can set them. */
export const DEFAULT_RISK_THRESHOLDS = '0.5, 0.75, 0.9';

const PURCHASE_MODEL_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'Auto (Best in a Backtest)',
		value: 'auto',
		description: 'Keeps the model that best predicted the last Horizon days of your history',
	},
	{ name: 'BG/NBD', value: 'bgnbd', description: 'Customers may stop after any repeat order; a one-time buyer counts as still active' },
	{ name: 'MBG/NBD', value: 'mbgnbd', description: 'As BG/NBD, but one-time buyers can stop too: better when many customers buy only once' },
	{ name: 'Pareto/NBD', value: 'paretonbd', description: 'Customers may stop at any moment, whether they order or not' },
	{ name: 'BG/BB (Fixed Purchase Chances)', value: 'bgbb', description: 'For buying only at set times: a subscription box, a weekly market, a yearly event' },
];

function purchaseModelProperty(versions: DisplayCondition, defaultModel: string): INodeProperties {
	return {
		displayName: 'Purchase Model',
		name: 'purchaseModel',
		description: 'How customers are taken to buy and to leave; each fits some shops better than others',
		type: 'options',
		displayOptions: { show: { mode: ['fitAndScore'], '@version': [versions] } },
		options: PURCHASE_MODEL_OPTIONS,
		default: defaultModel,
	};
}

const properties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		description: 'Learn a model from these customers, or apply one learnt before',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Fit and Score',
				value: 'fitAndScore',
				description: 'Learn from all incoming customers, then score them (your whole base, e.g. nightly)',
			},
			{
				name: 'Score With Saved Model',
				value: 'scoreWithSavedModel',
				description: 'Score incoming customers (often one, from a CRM webhook) with a model fitted earlier',
			},
			{
				name: 'Backtest the Models',
				value: 'backtest',
				description: 'Compare the models on your history: how well each predicted the last Horizon days',
			},
		],
		default: 'fitAndScore',
	},
	{
		displayName: 'Model Source',
		name: 'modelSource',
		description: 'Where the model to apply comes from',
		type: 'options',
		displayOptions: { show: { mode: ['scoreWithSavedModel'] } },
		options: [
			{
				name: 'Last Fit in This Workflow',
				value: 'staticData',
				description: 'The model a Fit and Score run of this workflow saved (production runs only)',
			},
			{ name: 'Model JSON', value: 'json', description: 'A model from the Model output of a fit, stored wherever you like' },
		],
		default: 'staticData',
	},
	{
		displayName: 'Model Name',
		name: 'modelName',
		type: 'string',
		default: 'default',
		displayOptions: { hide: { modelSource: ['json'], mode: ['backtest'] } },
		description: 'Name under which the fitted model is kept in this workflow, so several models (e.g. per brand) can live side by side',
	},
	{
		displayName: 'Model JSON',
		name: 'modelJson',
		type: 'json',
		default: '',
		displayOptions: { show: { mode: ['scoreWithSavedModel'], modelSource: ['json'] } },
		description: 'The JSON item from the Model output of a Fit and Score run',
	},
	// Auto became the default in version 3; earlier nodes keep fitting BG/NBD unless changed.
	purchaseModelProperty({ _cnd: { gte: 3 } }, 'auto'),
	purchaseModelProperty({ _cnd: { lt: 3 } }, 'bgnbd'),
	{
		displayName: 'Purchase Chance Every (Days)',
		name: 'periodDays',
		type: 'number',
		default: 7,
		typeOptions: { minValue: 1, maxValue: 366 },
		displayOptions: { show: { mode: ['fitAndScore'], purchaseModel: ['bgbb'] } },
		description: 'Days between chances to buy (7 for a weekly box or market, 30 for a monthly one, 365 for a yearly event); at most one purchase counts per chance',
	},
	customerInputProperty('From Customer Data, or a database summary with customerId, frequency, recency, T (days)'),
	...outputAsProperties(),
	{ ...analysisDateProperty, description: 'Used when the items do not carry their own analysis date (orders, database summaries). Leave empty for today.' },
	{
		displayName: 'Horizon (Days)',
		name: 'horizonDays',
		type: 'number',
		default: 90,
		typeOptions: { minValue: 1 },
		description: 'The period for Expected Orders and for "no order within the horizon"',
	},
	{
		displayName: 'Churn Probability Means',
		name: 'churnDefinition',
		description: 'What the churnProbability field (and the risk level built on it) measures',
		type: 'options',
		options: [
			{
				name: 'No Order Within the Horizon',
				value: 'noOrderInHorizon',
				description: 'Chance of no order in the next Horizon days, whether gone or just slow (recommended)',
			},
			{
				name: 'Customer Has Left (1 - P(Alive))',
				value: 'notAlive',
				description: 'Chance the customer will never buy again (see the note below)',
			},
		],
		default: 'noOrderInHorizon',
	},
	{
		displayName: 'Risk Levels',
		name: 'riskLevels',
		description:
			"How churn probabilities become levels. From the Backtest: medium where such customers ordered less often than your shop's average in the held-out days, high at under half that rate, critical under a quarter.",
		type: 'options',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 3 } }] }, hide: { mode: ['backtest'] } },
		options: [
			{ name: 'From the Backtest', value: 'backtest', description: 'Against how often your customers ordered in a backtest of your last Horizon days' },
			{ name: 'Fixed Thresholds', value: 'thresholds', description: 'At the churn probabilities in Risk Level Thresholds (under Options)' },
		],
		default: 'backtest',
	},
	{
		displayName:
			'BG/NBD gives P(alive) = 1 to anyone who never bought a second time, so with this choice long-silent one-time buyers score 0. "No Order Within the Horizon" flags them.',
		name: 'notAliveNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { churnDefinition: ['notAlive'] } },
	},
	{
		displayName: 'RFM Scoring',
		name: 'rfmScoring',
		description: 'How the 1-5 scores of recency, frequency and spend are given',
		type: 'options',
		displayOptions: fitting,
		options: [
			{ name: 'Quintiles of Your Customers', value: 'quintiles', description: 'Scores 1-5 by where a customer stands among all customers' },
			{ name: 'Fixed Thresholds', value: 'thresholds', description: 'Scores 1-5 by thresholds you give' },
		],
		default: 'quintiles',
	},
	{
		displayName: 'Recency Thresholds (Days)',
		name: 'recencyThresholds',
		type: 'string',
		default: '180, 90, 60, 30',
		displayOptions: { show: { mode: ['fitAndScore'], rfmScoring: ['thresholds'] } },
		description: 'Days since the last order at or below which R scores 2, 3, 4 and 5',
	},
	{
		displayName: 'Frequency Thresholds',
		name: 'frequencyThresholds',
		type: 'string',
		default: '2, 3, 5, 8',
		displayOptions: { show: { mode: ['fitAndScore'], rfmScoring: ['thresholds'] } },
		description: 'Orders at or above which F scores 2, 3, 4 and 5',
	},
	{
		displayName: 'Monetary Thresholds',
		name: 'monetaryThresholds',
		type: 'string',
		default: '100, 300, 600, 1000',
		displayOptions: { show: { mode: ['fitAndScore'], rfmScoring: ['thresholds'] } },
		description: 'Spend at or above which M scores 2, 3, 4 and 5',
	},
	{
		displayName: 'Options',
		name: 'options',
		description: 'Model, CLV and output settings; each says what it changes',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'CLV Horizon (Months)',
				name: 'clvMonths',
				type: 'number',
				default: 12,
				typeOptions: { minValue: 1 },
				description: 'Months of future value in Predicted CLV (a month is 30 days)',
			},
			{
				displayName: 'Frequency Counts',
				name: 'frequencyBasis',
				type: 'options',
				options: [
					{ name: 'Orders', value: 'orders' },
					{ name: 'Purchase Days', value: 'purchaseDays', description: 'Several orders on one day count once' },
				],
				default: 'orders',
				description: 'What F in RFM counts',
			},
			{
				displayName: 'Include Segment Summary',
				name: 'segmentSummary',
				type: 'boolean',
				default: false,
				description: 'Whether to add customers, revenue and shares per RFM segment to the Model output',
			},
			{
				displayName: 'Minimum Customers to Fit',
				name: 'minCustomers',
				type: 'number',
				default: 20,
				description: 'Below this many customers the probabilistic model is not fitted and purchase cadence is used instead',
			},
			{
				displayName: 'Minimum Repeat Customers to Fit',
				name: 'minRepeatCustomers',
				type: 'number',
				default: 10,
				description: 'Customers who bought again are what teaches the model how customers leave; below this many, purchase cadence is used',
			},
			{
				displayName: 'Monetary Uses',
				name: 'monetaryBasis',
				type: 'options',
				options: [
					{ name: 'Total Spend', value: 'total' },
					{ name: 'Average Order Value', value: 'average' },
				],
				default: 'total',
				description: 'What M in RFM measures',
			},
			{
				displayName: 'Monthly Discount Rate',
				name: 'monthlyDiscountRate',
				type: 'number',
				default: 0.01,
				typeOptions: { minValue: 0, numberPrecision: 4 },
				description: 'Future money is worth less: 0.01 discounts each month by 1% in Predicted CLV',
			},
			{
				displayName: 'Penalizer',
				name: 'penalizer',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, numberPrecision: 4 },
				description: 'Shrinks the model parameters (L2); a small value like 0.001 steadies fits on small or unusual data',
			},
			{
				displayName: 'Risk Level Thresholds',
				name: 'riskThresholds',
				type: 'string',
				default: DEFAULT_RISK_THRESHOLDS,
				description: 'Churn probability at or above which the risk level is medium, high and critical (below the first: low); used with Fixed Thresholds, and wherever no backtest can set the levels',
			},
			{
				displayName: 'Save Model',
				name: 'saveModel',
				type: 'boolean',
				default: true,
				description: 'Whether to keep the fitted model in this workflow for Score With Saved Model (kept for production runs only)',
			},
		],
	},
];

export const churnRiskProperties: INodeProperties[] = withToolProperties(properties, ['mode', 'modelSource', 'modelName', 'modelJson', 'input', 'outputAs'], [toolCustomerProperty, toolOrdersFileProperty, toolModelFileProperty, toolLanguageProperty]);
