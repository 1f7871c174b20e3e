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

export function parseMoney(value: unknown, options: MoneyOptions): MoneyResult {
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
		text = text.replace(/hk\$|us\$|rmb|cny|usd|eur|gbp|hkd|[¥￥$€£元\s\u00a0']/gi, '');
		if (text.startsWith('-')) {
			negative = !negative;
			text = text.slice(1);
		} else if (text.startsWith('+')) text = text.slice(1);
		text = options.decimalComma ? text.replace(/\./g, '').replace(',', '.') : text.replace(/,/g, '');
		if (!/^(\d+(\.\d*)?|\.\d+)$/.test(text)) return { error: `"${value}" is not an amount` };
		result = Number(text) * (negative ? -1 : 1);
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
