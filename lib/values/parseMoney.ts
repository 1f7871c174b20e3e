export interface MoneyOptions {
	/** `1.234,56` style: the comma is the decimal separator. */
	decimalComma: boolean;
	/** Amounts are in minor units (cents, fen), as Stripe sends them. */
	minorUnits: boolean;
}

export type MoneyResult = { value: number; currency?: string } | { error: string };

const CURRENCY_SIGNS: Array<[RegExp, string]> = [
	[/^(rmb|cny)|(rmb|cny|元)$/i, 'CNY'],
	[/[¥￥]/, 'CNY'],
	[/^us\$|usd/i, 'USD'],
	[/\$/, 'USD'],
	[/€|eur/i, 'EUR'],
	[/£|gbp/i, 'GBP'],
	[/hk\$|hkd/i, 'HKD'],
];

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

/*
 * A grouping separator (comma, space, no-break space, apostrophe; a dot with Decimal Comma) is
 * valid only between groups of exactly three digits, one separator throughout: `1,234`,
 * `12,345.67`, `1.234,56`, `1 234 567`. `1,2,3` is no amount, and neither is `1,23,456` (a
 * grouping this node does not read), so a mistyped cell is rejected rather than misread.
 * Groups: [1] integer part, [2] its separator, [3] fraction digits.
 */
const DECIMAL_POINT = /^(\d+|\d{1,3}([,'\s\u00a0\u202f])\d{3}(?:\2\d{3})*|)(?:\.(\d*))?$/;
const DECIMAL_COMMA = /^(\d+|\d{1,3}([.'\s\u00a0\u202f])\d{3}(?:\2\d{3})*|)(?:,(\d*))?$/;

function notAnAmount(value: unknown, text: string, options: MoneyOptions): string {
	const grouping = options.decimalComma ? /\d[.'\s\u00a0\u202f]\d/ : /\d[,'\s\u00a0\u202f]\d/;
	if (grouping.test(text)) {
		const example = options.decimalComma ? '1.234,56' : '1,234.56';
		return `"${value}" is not an amount: a thousands separator must sit between groups of three digits (like ${example})`;
	}
	return `"${value}" is not an amount`;
}

/**
 * No order is worth a trillion: a larger amount is a wrong column or unit, and millions of
 * amounts under this sum without overflow, so totals and averages stay finite.
 */
export const MAX_AMOUNT = 1e12;
const TOO_LARGE = `is larger than any order (more than ${MAX_AMOUNT.toExponential()}): check the column and the Minor Units option`;

export function parseMoney(value: unknown, options: MoneyOptions): MoneyResult {
	const result = readMoney(value, options);
	if ('value' in result && !(Math.abs(result.value) <= MAX_AMOUNT)) return { error: Number.isFinite(result.value) ? TOO_LARGE : `"${String(value).slice(0, 40)}" ${TOO_LARGE}` };
	return result;
}

function readMoney(value: unknown, options: MoneyOptions): MoneyResult {
	// Most exports write plain decimals: read those without the symbol and separator handling.
	if (typeof value === 'string' && !options.decimalComma && PLAIN_DECIMAL.test(value)) {
		return { value: options.minorUnits ? Number(value) / 100 : Number(value) };
	}
	let result: number;
	let currency: string | undefined;
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) return { error: 'is not a finite number' };
		result = value;
	} else if (typeof value === 'string') {
		let text = value.trim();
		if (text === '') return { error: 'is missing' };
		for (const [pattern, code] of CURRENCY_SIGNS) {
			if (pattern.test(text)) {
				currency = code;
				break;
			}
		}
		let negative = false;
		if (/^\(.*\)$/.test(text)) {
			negative = true;
			text = text.slice(1, -1);
		}
		text = text.replace(/hk\$|us\$|rmb|cny|usd|eur|gbp|hkd|[¥￥$€£元]/gi, '').trim();
		if (text.startsWith('-')) {
			negative = !negative;
			text = text.slice(1).trim();
		} else if (text.startsWith('+')) text = text.slice(1).trim();
		const number = (options.decimalComma ? DECIMAL_COMMA : DECIMAL_POINT).exec(text);
		if (!number || (number[1] === '' && !number[3])) return { error: notAnAmount(value, text, options) };
		const integer = number[1].replace(/\D/g, '');
		const fraction = number[3] === undefined ? '' : `.${number[3]}`;
		result = Number(`${integer === '' ? '0' : integer}${fraction}`) * (negative ? -1 : 1);
	} else {
		return { error: 'is missing' };
	}
	if (options.minorUnits) result = result / 100;
	return currency ? { value: result, currency } : { value: result };
}

/** Rounds to cents so sums of many floating-point amounts print as money. */
export function roundMoney(value: number): number {
	return Math.round(value * 100) / 100;
}
