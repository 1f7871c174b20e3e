import { LANGUAGE_NAMES, LANGUAGES } from '../../lib/values/language';
import type { INodeProperties } from 'n8n-workflow';
import { dateOrderOption } from '../shared/dateOrderOption';
import { outputAsProperties } from '../shared/customerBaseItems';
import { ACTION_DEFINITIONS, ACTIONS } from '../../lib/actions/actionCatalog';
import { CAUSES } from '../../lib/actions/causes';
import { WORDS } from '../../lib/words';
import { BUSINESS_PRESETS } from '../../lib/actions/playbook';
import { BUSINESS_TYPES } from '../../lib/actions/businessTypes';
import { RISK_LEVELS } from '../../lib/models/riskLevels';
import { VALUE_TIERS } from '../../lib/actions/valueTier';
import { ALL_STAGES } from '../../lib/lifecycle/stages';
import { toolCustomerProperty, toolModelFileProperty, toolOrdersFileProperty, withToolProperties } from '../shared/agentTool/toolCall';

const options = <T extends string>(values: readonly T[], label: (v: T) => string) => values.map((value) => ({ name: label(value), value }));
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const properties: INodeProperties[] = [
	{
		displayName:
			'Connect this node after Churn Risk (and ideally Lifecycle Stage). Each customer leaves on exactly one output: Email, SMS, Push, CRM Task, or No Action with the reason. Optional second input, Contact Log: earlier contacts of any campaign (customerId, contactedAt, action), counted by the frequency cap and cooldown.',
		name: 'notice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Business Type',
		name: 'businessType',
		type: 'options',
		options: BUSINESS_TYPES.map((value) => ({ name: BUSINESS_PRESETS[value].label, value })),
		default: 'ecommerce',
		description: 'Adjusts the default playbook and the wording of messages the way retail practice does for this kind of business',
	},
	{
		displayName: 'Store Name',
		name: 'storeName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Tea House',
		description: 'Used in messages ({store})',
	},
	{
		displayName: 'Language',
		name: 'language',
		type: 'options',
		options: LANGUAGES.map((value) => ({ name: LANGUAGE_NAMES[value], value })),
		default: 'en',
		description: 'The language of subjects, texts, SMS and push messages',
	},
	{
		displayName: 'Campaign ID',
		name: 'campaignId',
		type: 'string',
		default: 'win-back',
		required: true,
		description:
			'Keep the same ID for every run of one campaign: it keeps each customer in the same group (treatment or control) and their coupon code the same. Use a new ID for a new campaign.',
	},
	{
		displayName: 'Control Group Share',
		name: 'controlShare',
		type: 'number',
		default: 0.1,
		typeOptions: { minValue: 0, maxValue: 0.9, numberPrecision: 2 },
		description: 'Share of the customers who would be contacted that are held out (no message) so Campaign Report can measure uplift. 0 turns the control group off.',
	},
	{
		displayName: 'Playbook',
		name: 'playbookSource',
		type: 'options',
		options: [
			{ name: 'Default for the Business Type', value: 'default', description: 'The documented default rules, adjusted for the business type' },
			{ name: 'My Rules', value: 'rules', description: 'Rules set here; the first that matches a customer decides' },
			{ name: 'JSON', value: 'json', description: 'Rules pasted as JSON, e.g. one playbook shared by an agency across workflows' },
		],
		default: 'default',
		description: 'Where the rules that choose each customer\'s action come from',
	},
	{
		displayName: 'Rules',
		name: 'rules',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		displayOptions: { show: { playbookSource: ['rules'] } },
		default: {},
		placeholder: 'Add Rule',
		description: 'Checked from the top; the first rule whose conditions all hold decides. An empty condition matches everyone.',
		options: [
			{
				name: 'rule',
				displayName: 'Rule',
				values: [
					{ displayName: 'Action', name: 'action', type: 'options', options: options(ACTIONS, (a) => WORDS.en.actions[a]), default: 'discountCoupon', description: 'What to do for the customers this rule matches' },
					{
						displayName: 'Causes',
						name: 'causes',
						type: 'multiOptions',
						options: options(CAUSES, (c) => WORDS.en.causes[c]),
						default: [],
						description: 'Why the customer is leaving, as this node works it out (or as the item says in churnCause)',
					},
					{
						displayName: 'Channel',
						name: 'channel',
						type: 'options',
						options: [
							{ name: 'Any (Channel Order)', value: '' },
							{ name: 'CRM Task', value: 'crm' },
							{ name: 'Email', value: 'email' },
							{ name: 'Push', value: 'push' },
							{ name: 'SMS', value: 'sms' },
						],
						default: '',
						description: 'Channel to try first; the Channel Order applies when the customer cannot be reached on it',
					},
					{ displayName: 'Note', name: 'note', type: 'string', default: '', description: 'Why this rule exists: shown on every customer it decides (playbookRule)' },
					{ displayName: 'RFM Segments', name: 'segments', type: 'string', default: '', placeholder: "e.g. Can't Lose Them, At Risk", description: "Churn Risk's RFM segment names, separated by commas" },
					{ displayName: 'Risk Levels', name: 'riskLevels', type: 'multiOptions', options: options(RISK_LEVELS, capitalised), default: [], description: "Churn Risk's risk level" },
					{ displayName: 'Stages', name: 'stages', type: 'multiOptions', options: options(ALL_STAGES, (s) => WORDS.en.stages[s]), default: [], description: "Lifecycle Stage's stage" },
					{
						displayName: 'Value Tiers',
						name: 'valueTiers',
						type: 'multiOptions',
						options: options(VALUE_TIERS, (t) => (t === 'vip' ? 'VIP' : capitalised(t))),
						default: [],
						description: 'By predicted CLV: VIP the top 10%, High the next 20%, Medium the next 40%, Low the rest',
					},
				],
			},
		],
	},
	{
		displayName: 'Playbook JSON',
		name: 'playbookJson',
		type: 'json',
		displayOptions: { show: { playbookSource: ['json'] } },
		default: '[\n  { "note": "churned VIPs get a call", "stages": ["churned"], "valueTiers": ["vip"], "action": "vipOutreach" },\n  { "note": "everyone else at risk gets a coupon", "stages": ["atRisk", "churned"], "action": "discountCoupon" }\n]',
		description: `An array of rules; fields: note, stages, riskLevels, valueTiers, segments, causes (lists), action (one of ${ACTIONS.join(', ')}) and channel (email, sms, push or crm)`,
	},
	{
		displayName: 'Channel Order',
		name: 'channelOrder',
		type: 'options',
		options: [
			{ name: 'Email Only', value: 'email,crm' },
			{ name: 'Email, Then SMS, Then Push', value: 'email,sms,push,crm' },
			{ name: 'Push, Then Email, Then SMS', value: 'push,email,sms,crm' },
			{ name: 'SMS Only', value: 'sms,crm' },
			{ name: 'SMS, Then Email, Then Push', value: 'sms,email,push,crm' },
		],
		default: 'email,sms,push,crm',
		description: 'The first channel the customer can be reached on (with consent) is used. CRM tasks go to your own staff and are used only by actions that need a person.',
	},
	{
		displayName: 'Require Opt-In',
		name: 'requireOptIn',
		type: 'boolean',
		default: true,
		description: 'Whether a customer needs a recorded yes to be contacted on a channel. Off: unknown consent is allowed. An opt-out is always respected.',
	},
	{
		displayName: 'Budget',
		name: 'budget',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0 },
		description:
			'Total to spend on contacts and expected incentives in this run, in your currency. Customers are taken by expected incremental profit per unit of cost, best first, until it is spent; a share (Explore Share) goes to customers whose response is still uncertain. 0 = no limit.',
	},
	{
		displayName: 'Max Discount (%)',
		name: 'maxDiscountPct',
		type: 'number',
		default: 20,
		typeOptions: { minValue: 0, maxValue: 90 },
		description: 'No offer goes above this discount',
	},
	{
		displayName: 'Send Time',
		name: 'sendTime',
		type: 'dateTime',
		default: '',
		description: 'When the messages go out: the reference for frequency caps, cooldowns, quiet hours and offer expiry (and, for the tool version, the day customers are seen as of). Leave empty for now.',
	},
	...outputAsProperties(undefined, {
		displayName: 'No Action Output As',
		description: 'How the customers nobody contacts go on; the Email, SMS, Push and CRM outputs always give one item per contact',
		base: 'Every customer with the decision in one item (for Campaign Report, or saved)',
	}),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		description: 'Contact policy details, costs and planning defaults',
		options: [
			{ displayName: 'Contact Cost: CRM Task', name: 'costCrm', type: 'number', default: 2, typeOptions: { minValue: 0, numberPrecision: 3 }, description: 'Cost of one account-manager task' },
			{ displayName: 'Contact Cost: Email', name: 'costEmail', type: 'number', default: 0.01, typeOptions: { minValue: 0, numberPrecision: 3 }, description: 'Cost of one email' },
			{ displayName: 'Contact Cost: Push', name: 'costPush', type: 'number', default: 0.005, typeOptions: { minValue: 0, numberPrecision: 3 }, description: 'Cost of one push message' },
			{ displayName: 'Contact Cost: SMS', name: 'costSms', type: 'number', default: 0.05, typeOptions: { minValue: 0, numberPrecision: 3 }, description: 'Cost of one SMS segment' },
			{ displayName: 'Cooldown (Days)', name: 'cooldownDays', type: 'number', default: 14, typeOptions: { minValue: 0 }, description: 'The same action is not repeated for a customer within this many days (0: no cooldown)' },
			{
				displayName: 'Coupon Secret',
				name: 'couponSecret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Signs coupon codes so nobody can make valid ones: a long random text (16+ characters) of your own, best from an environment variable. Required when an action gives a coupon.',
			},
			dateOrderOption,
			{ displayName: 'Default Time Zone', name: 'defaultTimezone', type: 'string', default: '', placeholder: 'e.g. Asia/Shanghai', description: "Quiet hours of customers without a timezone field are in this zone. Empty: the workflow's time zone." },
			{
				displayName: 'Email Footer',
				name: 'emailFooterText',
				type: 'string',
				default: '',
				placeholder: 'You receive this email as a customer of {store}. To stop these emails: {link}',
				description: 'The footer every email ends with, saying why it came and how to stop it; {store} and {link} (the unsubscribe page) are filled in. Empty: the usual wording in the message language.',
			},
			{
				displayName: 'Explore Share',
				name: 'exploreShare',
				type: 'number',
				default: 0.1,
				typeOptions: { minValue: 0, maxValue: 0.5, numberPrecision: 2 },
				description: 'Share of the budget spent on customers whose response is uncertain (it could pay off, but is not expected to), so measured results keep covering every kind of customer. 0: none.',
			},
			{ displayName: 'Free Shipping Cost', name: 'shippingCost', type: 'number', default: 8, typeOptions: { minValue: 0 }, description: 'What free shipping costs you when a customer uses it' },
			{ displayName: 'Frequency Cap: Max Contacts', name: 'maxContacts', type: 'number', default: 2, typeOptions: { minValue: 0 }, description: 'At most this many contacts per customer within the window (0: no cap)' },
			{ displayName: 'Frequency Cap: Window (Days)', name: 'windowDays', type: 'number', default: 30, typeOptions: { minValue: 1 }, description: 'The window of the frequency cap' },
			{
				displayName: 'Global Holdout Salt',
				name: 'holdoutSalt',
				type: 'string',
				default: '',
				description: 'Decides who is in the global holdout; change it to draw a new holdout',
			},
			{
				displayName: 'Global Holdout Share',
				name: 'globalHoldoutShare',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: 0.5, numberPrecision: 3 },
				description: 'A stable share of all customers that no campaign ever contacts (group "holdout"), to measure what all campaigns together bring. Use the same share and salt in every workflow. 0: none.',
			},
			{
				displayName: 'Gross Margin',
				name: 'margin',
				type: 'number',
				default: 0.3,
				typeOptions: { minValue: 0.01, maxValue: 1, numberPrecision: 2 },
				description: 'Share of an order\'s value you keep after the cost of goods: a customer won back is worth their expected orders if active x order value x this margin',
			},
			{ displayName: 'Include Unprofitable Customers', name: 'includeUnprofitable', type: 'boolean', default: false, description: 'Whether to contact customers whose expected incremental profit (uplift × value if won back, less contact and incentive costs) is not positive' },
			{
				displayName: 'Marketing Opt-Out',
				name: 'marketingOptOut',
				type: 'boolean',
				default: true,
				description: 'Whether every SMS ends with an opt-out line (回T退订, Reply STOP) and every email with a footer saying how to stop them. Marketing messages need them in most countries.',
			},
			{ displayName: 'Member Perk Cost', name: 'perkCost', type: 'number', default: 5, typeOptions: { minValue: 0 }, description: 'What a loyalty perk or points bonus costs you when used' },
			{ displayName: 'Offer Valid (Days)', name: 'offerDays', type: 'number', default: 14, typeOptions: { minValue: 1 }, description: 'Coupons expire this many days after sending (offerExpiresAt)' },
			{ displayName: 'Quiet Hours End', name: 'quietEnd', type: 'string', default: '09:00', description: 'End of quiet hours in the customer\'s time zone (HH:MM)' },
			{
				displayName: 'Quiet Hours Start',
				name: 'quietStart',
				type: 'string',
				default: '21:00',
				description: "Start of quiet hours in the customer's time zone (HH:MM). A customer in quiet hours still gets their item, with nextEligibleAt saying when to send. Same start and end: no quiet hours.",
			},
			{ displayName: 'Remember Contacts', name: 'rememberContacts', type: 'boolean', default: true, description: 'Whether to keep this run\'s contacts in the workflow (bounded, pruned) for the next runs\' frequency caps and cooldowns' },
			{
				displayName: 'Response Window (Days)',
				name: 'responseWindowDays',
				type: 'number',
				default: 30,
				typeOptions: { minValue: 1 },
				description: 'A customer who orders within this many days of contact responded: use the Reactivation Window of the Campaign Report that measures the campaign',
			},
			{
				displayName: 'SMS Opt-Out Line',
				name: 'smsOptOutText',
				type: 'string',
				default: '',
				placeholder: '回T退订',
				description: 'The line every SMS ends with. Empty: 回T退订 in Chinese, "Reply STOP to opt out." in English.',
			},
			{
				displayName: 'Unsubscribe URL',
				name: 'unsubscribeUrl',
				type: 'string',
				default: '',
				placeholder: 'https://shop.example.com/unsubscribe?c={customerId}',
				description: 'Your unsubscribe page, linked in every email footer; {customerId} is filled in. Empty: the footer asks the reader to reply "unsubscribe".',
			},
			{
				displayName: 'Uplift per Action (JSON)',
				name: 'upliftJson',
				type: 'json',
				default: '{}',
				description: `Planning uplift of each action for a typical lapsing customer (one with a 10% chance of ordering anyway), overriding the defaults (${ACTIONS.filter((a) => a !== 'noAction')
					.map((a) => `${a} ${ACTION_DEFINITIONS[a].uplift}`)
					.join(', ')}). Each customer gets their own: less for those who buy anyway and for the long gone. Measured Results from Campaign Report replace them in proportion to the evidence.`,
			},
			{ displayName: 'Value Tier: High From', name: 'tierHigh', type: 'number', default: 100, description: 'Tiers rank customers by their value if won back; with fewer than 20 customers in a run (e.g. one from a CRM webhook), by these fixed thresholds' },
			{ displayName: 'Value Tier: Medium From', name: 'tierMedium', type: 'number', default: 30, description: 'Fixed value-if-won-back threshold of the Medium tier (runs with fewer than 20 customers)' },
			{ displayName: 'Value Tier: VIP From', name: 'tierVip', type: 'number', default: 300, description: 'Fixed value-if-won-back threshold of the VIP tier (runs with fewer than 20 customers)' },
		],
	},
];

export const retentionActionProperties: INodeProperties[] = withToolProperties(properties, ['outputAs'], [toolCustomerProperty, toolOrdersFileProperty, toolModelFileProperty]);
