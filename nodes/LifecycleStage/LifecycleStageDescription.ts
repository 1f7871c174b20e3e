import type { INodeProperties } from 'n8n-workflow';
import { analysisDateProperty } from '../shared/analysisDateParameter';
import { customerInputProperty } from '../shared/customerRecords';

export const lifecycleStageProperties: INodeProperties[] = [
	{
		displayName: 'Stage Model',
		name: 'stageModel',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Retail',
				value: 'retail',
				description:
					'Prospect, New, Active, Loyal, At Risk, Churned, Reactivated. Rules are checked in that order of precedence: no order → Prospect; long silence → Churned, then At Risk; a comeback → Reactivated; first order within the onboarding window → New; many orders (or an RFM Champions/Loyal segment) → Loyal; otherwise Active.',
			},
			{
				name: 'Relationship (Four Stages)',
				value: 'relationship',
				description:
					'Exploration (few orders, trust not yet built), Growth (spend or order rate rising, gaps shrinking), Maturity (stable), Decline (spend or orders falling, or overdue), plus Churned and Prospect',
			},
		],
		default: 'retail',
	},
	customerInputProperty('From Customer Data or Churn Risk, or a database summary with orders, recencyDays and tenureDays'),
	{
		displayName: 'At Risk and Churned From',
		name: 'riskSignal',
		type: 'options',
		options: [
			{
				name: 'Purchase Cadence',
				value: 'cadence',
				description:
					"Time since the last order against the customer's usual gap between orders (the median gap of all customers for one-time buyers)",
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
		type: 'options',
		options: [
			{
				name: 'Remembered by This Node',
				value: 'staticData',
				description: "Each customer's stage from the last run, kept in the workflow (production runs only; manual test runs do not keep it)",
			},
			{ name: 'A Field on the Item', value: 'field', description: 'E.g. the lifecycle property of a CRM contact.' },
			{ name: 'None', value: 'none' },
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
	{ ...analysisDateProperty, description: 'Used when the items do not carry their own analysis date (database summaries). Leave empty for today.' },
	{
		displayName: 'Options',
		name: 'options',
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
				type: 'number',
				default: 0.8,
				typeOptions: { minValue: 0, maxValue: 1, numberPrecision: 2 },
				description: 'With "Churn Probability": churned from this churn probability',
			},
			{
				displayName: 'Exploration Up To (Orders)',
				name: 'explorationMaxOrders',
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
				displayName: 'Loyal From (Orders)',
				name: 'loyalMinOrders',
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
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description:
					'Retail model: a customer is Reactivated while their return from a lapse (a gap longer than the churned limit) is at most this many days ago. 0 = the at-risk limit (At Risk After × their usual gap), or the fixed at-risk band when no gap is known.',
			},
			{
				displayName: 'Trend Threshold',
				name: 'trendThreshold',
				type: 'number',
				default: 0.5,
				typeOptions: { minValue: 0, maxValue: 2, numberPrecision: 2 },
				description:
					'Relationship model: a spend or order trend above this is growth, below minus this is decline. Trends run from -2 (no recent activity) to +2 (only recent activity).',
			},
		],
	},
];
