import { spreadsheetSafe } from '../../values/spreadsheetText';
import { CleaningOptions } from '../clean/cleaningOptions';
import { normaliseEmail, normalisePhone } from './contactFields';
import { hasValue, parseOptionalNumber, textOrNull } from '../../values/cellValues';
import { parseFlag } from '../../values/yesNo';
import { ORDER_FIELDS, OrderField } from '../../customer/fieldCatalog';
import { FieldMapping } from './fieldMapping';
import { parseDate } from '../../values/parseDate';
import { parseMoney } from '../../values/parseMoney';

/** The fields of an order row beyond the order itself: contact, experience and line fields. */
type ExtraField = Exclude<OrderField, 'customerId' | 'orderId' | 'orderDate' | 'amount' | 'currency' | 'returned'>;
const ORDER_CORE = new Set<OrderField>(['customerId', 'orderId', 'orderDate', 'amount', 'currency', 'returned']);
const EXTRA_FIELDS = ORDER_FIELDS.filter((field): field is ExtraField => !ORDER_CORE.has(field));

/** How each extra field is read; text unless listed. */
type NumberField = 'lastContactedAt' | 'discountAmount' | 'complaints' | 'satisfaction' | 'quantity' | 'unitPrice';
type FlagField = 'consentEmail' | 'consentSms' | 'consentPush';
type ValueOf<F extends ExtraField> = F extends NumberField ? number : F extends FlagField ? boolean : string;

/**
 * The optional fields of a row, typed and normalised; a field that is not mapped, or empty, is
 * absent. `issues` lists problems with these fields: they never stop a row from being read.
 */
export type ContactFields = { [F in ExtraField]?: ValueOf<F> | null } & { issues: string[] };

/**
 * Builds, once per mapping, a reader of the extra fields of a row; it touches only the mapped
 * columns, so a file with just ids, dates and amounts pays nothing per row. Returns null when
 * no extra column is mapped at all.
 */
export function contactReader(m: FieldMapping, options: CleaningOptions): ((raw: Record<string, unknown>) => ContactFields) | null {
	const mapped = EXTRA_FIELDS.filter((key) => m[key] !== undefined).map((key) => [key, m[key] as string] as const);
	if (mapped.length === 0) return null;
	return (raw) => {
		const extras: ContactFields = { issues: [] };
		for (const [key, column] of mapped) readField(extras, key, raw[column], options);
		return extras;
	};
}

function readField(extras: ContactFields, key: ExtraField, value: unknown, options: CleaningOptions): void {
	switch (key) {
		case 'email': {
			const parsed = normaliseEmail(value);
			if (parsed !== null && typeof parsed === 'object') extras.issues.push(`email "${parsed.invalid}" is not a valid address`);
			else extras.email = parsed;
			return;
		}
		case 'phone': {
			const parsed = normalisePhone(value, options.defaultCountryCode);
			if (parsed !== null && typeof parsed === 'object') extras.issues.push(`phone "${parsed.invalid}" left out: it ${parsed.reason}`);
			else extras.phone = parsed;
			return;
		}
		case 'lastContactedAt': {
			if (!hasValue(value)) return;
			const parsed = parseDate(value, options.dateOrder, options.timeZone);
			if ('error' in parsed) extras.issues.push(`last contacted at ${parsed.error}`);
			else extras.lastContactedAt = parsed.ms;
			return;
		}
		case 'discountAmount':
		case 'unitPrice': {
			if (!hasValue(value)) return;
			const parsed = parseMoney(value, options);
			if ('error' in parsed) extras.issues.push(`${key === 'unitPrice' ? 'unit price' : 'discount'} ${parsed.error}`);
			else extras[key] = key === 'discountAmount' ? Math.abs(parsed.value) : parsed.value;
			return;
		}
		case 'complaints':
		case 'satisfaction':
		case 'quantity': {
			const parsed = parseOptionalNumber(value);
			if (parsed === null && hasValue(value)) extras.issues.push(`${key} "${String(value)}" is not a number`);
			extras[key] = parsed;
			return;
		}
		case 'consentEmail':
		case 'consentSms':
		case 'consentPush':
			extras[key] = parseFlag(value);
			return;
		default: {
			const text = textOrNull(value);
			const safe = text === null ? null : spreadsheetSafe(text);
			if (text !== null && safe !== text) extras.issues.push(`${key} "${text.slice(0, 40)}" starts like a spreadsheet formula: kept with a leading ' so a spreadsheet shows it as text`);
			extras[key] = safe;
		}
	}
}
