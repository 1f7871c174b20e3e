import type { INodeProperties } from 'n8n-workflow';

export const campaignReportProperties: INodeProperties[] = [
	{
		displayName:
			'Connect the customers a campaign handled (Retention Action\'s outputs, or its contact log) to the first input. Connect their orders since the campaign to the second input, or give each customer ordersSinceContact / revenueSinceContact or lastOrderAt.',
		name: 'inputsNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Reactivation Window (Days)',
		name: 'windowDays',
		type: 'number',
		default: 30,
		typeOptions: { minValue: 1 },
		description: 'A customer counts as reactivated when they order within this many days after contact',
	},
	{
		displayName: 'Campaign Start',
		name: 'campaignStart',
		type: 'dateTime',
		default: '',
		description: 'The contact time of customers without their own (e.g. the control group, never contacted). Empty: every customer needs one.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
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
				displayName: 'Cost per Contacted Customer',
				name: 'costPerContact',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0 },
				description: 'What contacting one customer cost (message, coupon redeemed), for ROI; a contactCost field on the item wins',
			},
		],
	},
];
