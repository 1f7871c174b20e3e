import type { INodeProperties } from 'n8n-workflow';
import { LANGUAGE_NAMES, LANGUAGES } from '../../lib/values/language';
import { analysisDateProperty } from '../shared/analysisDateParameter';
import { customerInputProperty } from '../shared/customerRecords';
import { outputAsProperties } from '../shared/customerBaseItems';
import { toolCustomerProperty, toolModelFileProperty, toolOrdersFileProperty, withToolProperties } from '../shared/agentTool/toolCall';

const properties: INodeProperties[] = [
	{
		displayName: 'Stage Model',
		name: 'stageModel',
		description: 'Which set of stages to place customers in; the notice below says how a stage is decided',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Retail',
				value: 'retail',
				description: 'Prospect, New, Active, Loyal, At Risk, Churned, Reactivated',
			},
			{
				name: 'Relationship (Four Stages)',
				value: 'relationship',
				description: 'Exploration, Growth, Maturity, Decline, plus Churned and Prospect',
			},
		],
		default: 'retail',
	},
	{
		displayName:
			'Retail rules, first match wins: no order → Prospect; long silence → Churned, then At Risk; a comeback → Reactivated; first order within the onboarding window → New; many orders (or RFM Champions/Loyal) → Loyal; otherwise Active.',
		name: 'retailNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { stageModel: ['retail'] } },
	},
	{
		displayName:
			'Relationship stages: Exploration (few orders, trust not yet built), Growth (spend or order rate rising), Maturity (stable), Decline (spend or orders falling, or overdue), plus Churned and Prospect.',
		name: 'relationshipNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { stageModel: ['relationship'] } },
	},
	customerInputProperty('From Customer Data or Churn Risk, or a summary with orders, recencyDays, tenureDays'),
	{
		displayName: 'At Risk and Churned From',
		name: 'riskSignal',
		description: 'What decides At Risk and Churned',
		type: 'options',
		options: [
			{
				name: 'Purchase Cadence',
				value: 'cadence',
				description:
					'Time since the last order against the usual gap of the customer (or of all customers)',
			},
			{
				name: 'Churn Probability',
				value: 'churnProbability',
				description: 'The churnProbability field a Churn Risk node adds (cadence where an item has none)',
			},
		],
		default: 'cadence',
	},
	{
		displayName: 'Previous Stage From',
		name: 'previousStageSource',
		description: 'Where the stage a customer had before comes from, to spot who moved',
		type: 'options',
		options: [
			{
				name: 'Remembered by This Node',
				value: 'staticData',
				description: "Each customer's stage from the last run, kept in the workflow (production runs only)",
			},
			{ name: 'A Field on the Item', value: 'field', description: 'E.g. the lifecycle property of a CRM contact.' },
			{ name: 'None', value: 'none', description: 'Every customer is taken as new to the stages' },
		],
		default: 'staticData',
	},
	{
		displayName: 'Previous Stage Field',
		name: 'previousStageField',
		type: 'string',
		default: 'previousStage',
		displayOptions: { show: { previousStageSource: ['field'] } },
		placeholder: 'properties.retention_stage',
		description: 'Dot path of the field holding the stage the customer had (names like "At Risk", "at_risk" or "atRisk" are understood)',
	},
	{
		displayName: 'Only Changed Customers',
		name: 'onlyChanged',
		type: 'boolean',
		default: false,
		description: 'Whether to output only customers whose stage changed since last time, e.g. to tell a CRM "entered At Risk" without re-sending everyone',
	},
	{
		displayName: 'Route by Stage',
		name: 'routeByStage',
		type: 'boolean',
		default: false,
		description: 'Whether to give each stage its own output, so each can take a different path (like the Switch node)',
	},
	// Picking or routing customers is for the nodes after, which work on items.
	...outputAsProperties({ onlyChanged: [true], routeByStage: [true] }),
	{ ...analysisDateProperty, description: 'Used when the items do not carry their own analysis date (database summaries). Leave empty for today.' },
	{
		displayName: 'Options',
		name: 'options',
		description: 'Stage thresholds; each says which model or signal it applies to',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'At Risk After (Usual Gaps)',
				name: 'atRiskGaps',
				type: 'number',
				default: 2,
				typeOptions: { minValue: 0.1, numberPrecision: 2 },
				description: 'At risk once the time since the last order exceeds this many usual gaps between orders',
			},
			{
				displayName: 'At Risk Probability',
				name: 'atRiskProbability',
				displayOptions: { show: { '/riskSignal': ['churnProbability'] } },
				type: 'number',
				default: 0.5,
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				description: 'With "Churn Probability": at risk from this churn probability',
			},
			{
				displayName: 'Churned After (Usual Gaps)',
				name: 'churnedGaps',
				type: 'number',
				default: 4,
				typeOptions: { minValue: 0.1, numberPrecision: 2 },
				description: 'Churned once the time since the last order exceeds this many usual gaps',
			},
			{
				displayName: 'Churned Probability',
				name: 'churnedProbability',
				displayOptions: { show: { '/riskSignal': ['churnProbability'] } },
				type: 'number',
				default: 0.8,
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				description: 'With "Churn Probability": churned from this churn probability',
			},
			{
				displayName: 'Exploration Up To (Orders)',
				name: 'explorationMaxOrders',
				displayOptions: { show: { '/stageModel': ['relationship'] } },
				type: 'number',
				default: 2,
				description: 'Relationship model: customers with at most this many orders are still exploring',
			},
			{
				displayName: 'Fixed Band: At Risk After (Days)',
				name: 'atRiskDays',
				type: 'number',
				default: 90,
				description: 'Used only when no usual gap is known at all (nobody in the data bought twice)',
			},
			{
				displayName: 'Fixed Band: Churned After (Days)',
				name: 'churnedDays',
				type: 'number',
				default: 180,
				description: 'Used only when no usual gap is known at all',
			},
			{
				displayName: 'Language of Reasons',
				name: 'reasonLanguage',
				type: 'options',
				options: LANGUAGES.map((value) => ({ name: LANGUAGE_NAMES[value], value })),
				default: 'en',
				description: "The language each customer's stageReason is written in; set it to the language of Retention Action and Campaign Report, so a run speaks one language",
			},
			{
				displayName: 'Loyal From (Orders)',
				name: 'loyalMinOrders',
				displayOptions: { show: { '/stageModel': ['retail'] } },
				type: 'number',
				default: 5,
				description: 'Retail model: customers on cadence with at least this many orders are loyal',
			},
			{
				displayName: 'Max Days Without Order',
				name: 'maxInactiveDays',
				type: 'number',
				default: 365,
				description: 'Churned after this many days without an order whatever the usual gap (0: no limit)',
			},
			{
				displayName: 'Onboarding Window (Days)',
				name: 'onboardingDays',
				type: 'number',
				default: 30,
				description: 'A first order within this many days makes a customer New (retail) or Exploring (relationship)',
			},
			{
				displayName: 'Reactivated Within (Days)',
				name: 'reactivatedWindowDays',
				displayOptions: { show: { '/stageModel': ['retail'] } },
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description:
					'Retail model: a customer is Reactivated while their return from a lapse (a gap longer than the churned limit) is at most this many days ago. 0 = the at-risk limit (At Risk After × their usual gap), or the fixed at-risk band when no gap is known.',
			},
			{
				displayName: 'Trend Threshold',
				name: 'trendThreshold',
				displayOptions: { show: { '/stageModel': ['relationship'] } },
				type: 'number',
				default: 0.5,
				typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 2 },
				description:
					'Relationship model: a spend or order trend above this is growth, below minus this is decline. Trends run from -2 (no recent activity) to +2 (only recent activity).',
			},
		],
	},
];

export const lifecycleStageProperties: INodeProperties[] = withToolProperties(properties, ['input', 'previousStageSource', 'previousStageField', 'onlyChanged', 'routeByStage', 'outputAs'], [toolCustomerProperty, toolOrdersFileProperty, toolModelFileProperty]);
