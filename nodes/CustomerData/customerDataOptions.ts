import { z } from 'zod';
import { settingsError } from '../shared/settingsError';
import type { CleaningOptions, FieldMapping } from '../../lib/ingest';
import { DEFAULT_COUNTRY_CODE, phoneRegion } from '../../lib/ingest';
import type { CanonicalField } from '../../lib/customer/fieldCatalog';
import { TimeZone } from '../../lib/values/timeZone';

/** The Options collection, validated: a nonsense setting stops the node with what to change. */
export const customerDataOptionsSchema = z.object({
	columnNames: z.string().default(''),
	dateOrder: z.enum(['ymd', 'dmy', 'mdy']).default('ymd'),
	decimalComma: z.boolean().default(false),
	defaultCountryCode: z
		.string()
		.refine((value) => value.trim() === '' || phoneRegion(value) !== undefined, 'Default Country Code must be a calling code like 86 or +39, or a country like CN or IT')
		.default(DEFAULT_COUNTRY_CODE),
	delimiter: z.string().default('auto'),
	encoding: z.enum(['auto', 'utf-8', 'gb18030', 'gbk', 'utf-16le', 'utf-16be']).default('auto'),
	engagementRecentDays: z.number().int('Engagement Recent Window must be a whole number of days').min(1, 'Engagement Recent Window must be at least 1 day').max(365).default(30),
	engagementUsualDays: z.number().int('Engagement Usual Window must be a whole number of days').min(1, 'Engagement Usual Window must be at least 1 day').max(3650).default(180),
	failOnRejected: z.boolean().default(false),
	followOtherHosts: z.boolean().default(false),
	hasHeader: z.boolean().default(true),
	serviceCouponCodes: z.string().default(''),
	retryDelayMs: z.number().min(0, 'Initial Retry Delay must be 0 or more').default(1000),
	maxRetries: z.number().int('Max Retries must be a whole number').min(0).max(10, 'Max Retries must be at most 10').default(3),
	minorUnits: z.boolean().default(false),
	refunds: z.enum(['subtract', 'exclude']).default('subtract'),
	timeoutSeconds: z.number().positive('Timeout must be more than 0 seconds').default(30),
	timezone: z.string().default(''),
	trendWindowDays: z.number().int('Trend Window must be a whole number of days').min(1, 'Trend Window must be at least 1 day').default(90),
	zeroValueOrders: z.enum(['keep', 'exclude']).default('keep'),
});

export type CustomerDataOptions = z.infer<typeof customerDataOptionsSchema>;

export function parseCustomerDataOptions(raw: unknown): CustomerDataOptions {
	const parsed = customerDataOptionsSchema.safeParse(raw ?? {});
	if (!parsed.success) throw settingsError(parsed.error);
	return parsed.data;
}

export function cleaningOptionsFrom(options: CustomerDataOptions, workflowTimeZone: string): CleaningOptions {
	return {
		dateOrder: options.dateOrder,
		timeZone: new TimeZone(options.timezone.trim() || workflowTimeZone || 'UTC'),
		defaultCountryCode: options.defaultCountryCode.trim(),
		decimalComma: options.decimalComma,
		minorUnits: options.minorUnits,
		refunds: options.refunds,
		zeroValueOrders: options.zeroValueOrders,
		serviceCouponCodes: options.serviceCouponCodes.split(/[,，\n]/).map((code) => code.trim()).filter(Boolean),
	};
}

export function explicitMappingFrom(parameter: unknown): FieldMapping {
	const entries = ((parameter as { mapping?: Array<{ field: CanonicalField; column: string }> })?.mapping ?? []).filter(
		(entry) => entry.column && entry.column.trim() !== '',
	);
	const mapping: FieldMapping = {};
	for (const { field, column } of entries) {
		if (mapping[field] !== undefined) throw new Error(`The field "${field}" is mapped twice in Field Mapping: keep one`);
		mapping[field] = column.trim();
	}
	return mapping;
}
