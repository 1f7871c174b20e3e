import { z } from 'zod';
import { settingsError } from '../shared/settingsError';
import { Action, Channel, CHANNELS, DEFAULT_CONTACT_COST, upliftTable } from '../../lib/actions/actionCatalog';
import { DEFAULT_MARGIN, DEFAULT_RESPONSE_WINDOW_DAYS } from '../../lib/actions/actionEconomics';
import type { ResponseModel } from '../../lib/response/responseModel';
import { parseClock } from '../../lib/actions/contactPolicy';
import { LANGUAGES } from '../../lib/values/language';
import { defaultPlaybook, parsePlaybook, PlaybookRule } from '../../lib/actions/playbook';
import { BUSINESS_TYPES, BusinessType } from '../../lib/actions/businessTypes';
import type { PlanSettings } from '../../lib/actions/retentionPlan';
import type { DateOrder } from '../../lib/values/parseDate';
import { TimeZone } from '../../lib/values/timeZone';

/** The node's parameters, validated: a setting that makes no sense stops the node with what to change. */
export const retentionOptionsSchema = z.object({
	costCrm: z.number().min(0).default(DEFAULT_CONTACT_COST.crm),
	costEmail: z.number().min(0).default(DEFAULT_CONTACT_COST.email),
	costPush: z.number().min(0).default(DEFAULT_CONTACT_COST.push),
	costSms: z.number().min(0).default(DEFAULT_CONTACT_COST.sms),
	cooldownDays: z.number().min(0, 'Cooldown must be 0 or more days').default(14),
	couponSecret: z.string().default(''),
	dateOrder: z.enum(['ymd', 'dmy', 'mdy']).default('ymd'),
	defaultTimezone: z.string().default(''),
	emailFooterText: z.string().default(''),
	exploreShare: z.number().min(0, 'Explore Share must be from 0 to 0.5').max(0.5, 'Explore Share must be from 0 to 0.5').default(0.1),
	globalHoldoutShare: z.number().min(0, 'Global Holdout Share must be from 0 to 0.5').max(0.5, 'Global Holdout Share must be from 0 to 0.5').default(0),
	holdoutSalt: z.string().default(''),
	margin: z.number().gt(0, 'Gross Margin must be more than 0 and at most 1').max(1, 'Gross Margin must be more than 0 and at most 1').default(DEFAULT_MARGIN),
	marketingOptOut: z.boolean().default(true),
	responseWindowDays: z.number().min(1, 'Response Window must be at least 1 day').default(DEFAULT_RESPONSE_WINDOW_DAYS),
	smsOptOutText: z.string().default(''),
	unsubscribeUrl: z.string().refine((url) => url.trim() === '' || /^https?:\/\/\S+$/i.test(url.trim()), 'Unsubscribe URL must start with https:// (or http://)').default(''),
	maxContacts: z.number().int('Frequency Cap: Max Contacts must be a whole number').min(0).default(2),
	windowDays: z.number().min(1, 'Frequency Cap: Window must be at least 1 day').default(30),
	shippingCost: z.number().min(0).default(8),
	includeUnprofitable: z.boolean().default(false),
	perkCost: z.number().min(0).default(5),
	offerDays: z.number().min(1, 'Offer Valid must be at least 1 day').default(14),
	quietStart: z.string().default('21:00'),
	quietEnd: z.string().default('09:00'),
	rememberContacts: z.boolean().default(true),
	upliftJson: z.union([z.string(), z.record(z.number())]).default('{}'),
	tierHigh: z.number().default(100),
	tierMedium: z.number().default(30),
	tierVip: z.number().default(300),
});

const parametersSchema = z.object({
	businessType: z.enum(BUSINESS_TYPES),
	storeName: z.string(),
	language: z.enum(LANGUAGES),
	campaignId: z.string().trim().min(1, 'Campaign ID must not be empty: it keeps groups and coupon codes stable'),
	controlShare: z.number().min(0, 'Control Group Share must be between 0 and 0.9').max(0.9, 'Control Group Share must be between 0 and 0.9'),
	channelOrder: z.string(),
	requireOptIn: z.boolean(),
	budget: z.number().min(0, 'Budget must be 0 (no limit) or more'),
	maxDiscountPct: z.number().min(0).max(90, 'Max Discount must be at most 90%'),
});

export type RetentionParameters = z.input<typeof parametersSchema> & {
	playbookSource: 'default' | 'rules' | 'json';
	rules: unknown;
	playbookJson: unknown;
	options: unknown;
};

interface RuleParameter {
	action: Action;
	causes?: string[];
	channel?: string;
	note?: string;
	riskLevels?: string[];
	segments?: string;
	stages?: string[];
	valueTiers?: string[];
}

/** Rules from the editor's Rules list, checked the same way as pasted JSON. */
function rulesFromParameter(value: unknown): PlaybookRule[] {
	const rules = ((value as { rule?: RuleParameter[] } | undefined)?.rule ?? []).map((r, i) => ({
		note: r.note?.trim() || `rule ${i + 1}`,
		stages: r.stages?.length ? r.stages : undefined,
		riskLevels: r.riskLevels?.length ? r.riskLevels : undefined,
		valueTiers: r.valueTiers?.length ? r.valueTiers : undefined,
		segments: r.segments?.trim() ? r.segments.split(',').map((s) => s.trim()).filter(Boolean) : undefined,
		causes: r.causes?.length ? r.causes : undefined,
		action: r.action,
		channel: r.channel ? r.channel : undefined,
	}));
	if (rules.length === 0) throw new Error('Playbook "My Rules" has no rules: add at least one, or choose the default playbook');
	return parsePlaybook(rules.map((r) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== undefined))));
}

export function readRetentionSettings(raw: RetentionParameters, now: number, workflowZone: string, responseModel: ResponseModel | null = null): PlanSettings & { rememberContacts: boolean; dateOrder: DateOrder } {
	const p = parametersSchema.safeParse(raw);
	if (!p.success) throw settingsError(p.error);
	const o = retentionOptionsSchema.safeParse(raw.options ?? {});
	if (!o.success) throw settingsError(o.error);
	const opt = o.data;
	const order = p.data.channelOrder.split(',').map((c) => c.trim());
	if (!order.every((c): c is Channel => (CHANNELS as readonly string[]).includes(c))) throw new Error(`Channel Order "${p.data.channelOrder}" names an unknown channel`);
	const start = parseClock(opt.quietStart);
	const end = parseClock(opt.quietEnd);
	if (start === null || end === null) throw new Error('Quiet hours must be times like 21:00 and 09:00');
	const business = p.data.businessType as BusinessType;
	const playbook = raw.playbookSource === 'rules' ? rulesFromParameter(raw.rules) : raw.playbookSource === 'json' ? parsePlaybook(raw.playbookJson) : defaultPlaybook(business);
	return {
		campaignId: p.data.campaignId.trim(),
		storeName: p.data.storeName.trim(),
		language: p.data.language,
		business,
		playbook,
		channels: { order, requireOptIn: p.data.requireOptIn },
		caps: { maxContacts: opt.maxContacts, windowDays: opt.windowDays, cooldownDays: opt.cooldownDays },
		quietHours: start === end ? null : { startMinute: start, endMinute: end },
		defaultZone: new TimeZone(opt.defaultTimezone.trim() || workflowZone || 'UTC'),
		controlShare: p.data.controlShare,
		globalHoldout: { share: opt.globalHoldoutShare, salt: opt.holdoutSalt },
		exploreShare: opt.exploreShare,
		margin: opt.margin,
		windowDays: opt.responseWindowDays,
		responseModel,
		optOut: { enabled: opt.marketingOptOut, smsText: opt.smsOptOutText, emailText: opt.emailFooterText, unsubscribeUrl: opt.unsubscribeUrl },
		budget: p.data.budget,
		maxDiscountPct: p.data.maxDiscountPct,
		offerDays: opt.offerDays,
		uplift: upliftTable(opt.upliftJson),
		contactCost: { email: opt.costEmail, sms: opt.costSms, push: opt.costPush, crm: opt.costCrm },
		shippingCost: opt.shippingCost,
		perkCost: opt.perkCost,
		tierThresholds: { vip: opt.tierVip, high: opt.tierHigh, medium: opt.tierMedium },
		couponSecret: opt.couponSecret,
		skipUnprofitable: !opt.includeUnprofitable,
		dateOrder: opt.dateOrder,
		now,
		rememberContacts: opt.rememberContacts,
	};
}
