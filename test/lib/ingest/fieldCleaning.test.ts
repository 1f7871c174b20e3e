import { normaliseEmail, normalisePhone } from '../../../lib/ingest/fields/contactFields';
import { parseFlag } from '../../../lib/values/yesNo';
import { resolveFieldMapping } from '../../../lib/ingest/fields/fieldMapping';
import { parseMoney } from '../../../lib/values/parseMoney';
import { isValidTimeZone } from '../../../lib/values/timeZone';

const money = (value: unknown, decimalComma = false, minorUnits = false) => parseMoney(value, { decimalComma, minorUnits });

describe('money', () => {
	it.each([
		[12.5, { value: 12.5 }],
		['1,234.56', { value: 1234.56 }],
		['¥1,200', { value: 1200, currency: 'CNY' }],
		['￥88.00', { value: 88, currency: 'CNY' }],
		['RMB 12.5', { value: 12.5, currency: 'CNY' }],
		['35元', { value: 35, currency: 'CNY' }],
		['$20.5', { value: 20.5, currency: 'USD' }],
		['€ 9.99', { value: 9.99, currency: 'EUR' }],
		['-15.00', { value: -15 }],
		['(15.00)', { value: -15 }],
	])('reads %j', (value, expected) => {
		expect(money(value)).toEqual(expected);
	});

	it('reads decimal commas when told so', () => {
		expect(money('1.234,56', true)).toEqual({ value: 1234.56 });
		expect(money('€12,5', true)).toEqual({ value: 12.5, currency: 'EUR' });
	});

	it.each([
		['1,234', 1234],
		['12,345.67', 12345.67],
		['1,234,567', 1234567],
		['1 234 567.5', 1234567.5],
		["1'234.50", 1234.5],
		['¥ 1,200.00', 1200],
		['12.', 12],
		['.5', 0.5],
	])('reads the grouped amount %j', (value, expected) => {
		expect(money(value)).toMatchObject({ value: expected });
	});

	it.each([['1,2,3'], ['12,34'], ['1,23,456'], ['1234,567'], ['1,234 567'], ['1,234,56'], [','], ['.']])(
		'rejects the badly grouped amount %j with the reason',
		(value) => {
			const result = money(value);
			expect(result).toHaveProperty('error');
			if (/\d,\d/.test(value)) expect((result as { error: string }).error).toMatch(/groups of three digits/);
		},
	);

	it('mirrors the grouping rule for Decimal Comma', () => {
		expect(money('1.234,56', true)).toEqual({ value: 1234.56 });
		expect(money('12.345.678', true)).toEqual({ value: 12345678 });
		expect(money('1 234,5', true)).toEqual({ value: 1234.5 });
		expect(money('1.2.3', true)).toHaveProperty('error', expect.stringMatching(/like 1\.234,56/));
		expect(money('12.34,5', true)).toHaveProperty('error');
	});

	it('divides minor units (cents, fen) by 100', () => {
		expect(money(1999, false, true)).toEqual({ value: 19.99 });
	});

	it.each([['twelve'], ['1.2.3'], [''], [null], [Number.NaN], [Infinity]])('rejects %j', (value) => {
		expect(money(value)).toHaveProperty('error');
	});
});

describe('contact fields', () => {
	it('trims and lower-cases emails and flags invalid ones', () => {
		expect(normaliseEmail('  Li.Wei@Example.COM ')).toBe('li.wei@example.com');
		expect(normaliseEmail('')).toBeNull();
		expect(normaliseEmail('not-an-email')).toEqual({ invalid: 'not-an-email' });
	});

	it.each([
		['138 0013 8000', '86', '+8613800138000'],
		['010-1234 5678', '86', '+861012345678'],
		['+1 (415) 555-0100', '86', '+14155550100'],
		['0044 20 7946 0958', '86', '+442079460958'],
		['(415) 555-0100', '1', '+14155550100'],
	])('turns %j (default country %s) into %s', (raw, cc, expected) => {
		expect(normalisePhone(raw, cc)).toBe(expected);
	});

	it.each([
		['06 1234 5678', '39', '+390612345678'],
		['06 1234 5678', 'IT', '+390612345678'],
		['011 44 20 7946 0958', '1', '+442079460958'],
		['+39 06 1234 5678', '86', '+390612345678'],
		['138-0013-8000', '+86', '+8613800138000'],
	])('keeps national prefixes the way the country dials: %j (default %s) is %s', (raw, country, expected) => {
		expect(normalisePhone(raw, country)).toBe(expected);
	});

	it('leaves out numbers that are not valid in their country, and says why', () => {
		expect(normalisePhone('12345', '86')).toEqual({ invalid: '12345', reason: 'has too few digits' });
		expect(normalisePhone('555-0100', '1')).toEqual({ invalid: '555-0100', reason: 'has too few digits' });
		expect(normalisePhone('+1 999 555 0100', '86')).toMatchObject({ invalid: '+1 999 555 0100', reason: expect.stringMatching(/not a valid number/) });
		expect(normalisePhone('138 0013 8000', '')).toMatchObject({ invalid: '138 0013 8000', reason: expect.stringMatching(/Default Country Code/) });
	});

	it('reads consent flags, and treats an unknown answer as unknown, not as consent', () => {
		expect(['yes', 'TRUE', 1, '是', 'opted-in', 'subscribed'].map(parseFlag)).toEqual([true, true, true, true, true, true]);
		expect(['no', 'false', 0, '否', 'unsubscribed', 'opt-out'].map(parseFlag)).toEqual([false, false, false, false, false, false]);
		expect(['maybe', '', null, 2].map(parseFlag)).toEqual([null, null, null, null]);
	});

	it('knows IANA time zones', () => {
		expect(isValidTimeZone('Asia/Shanghai')).toBe(true);
		expect(isValidTimeZone('Mars/Olympus')).toBe(false);
	});
});

describe('field mapping', () => {
	it('detects English and Chinese column names', () => {
		expect(resolveFieldMapping(['客户ID', '下单时间', '金额', 'E-mail'], {}).mapping).toEqual({
			customerId: '客户ID',
			orderDate: '下单时间',
			amount: '金额',
			email: 'E-mail',
		});
		expect(resolveFieldMapping(['CustomerID', 'InvoiceDate', 'Total', 'InvoiceNo'], {}).mapping).toEqual({
			customerId: 'CustomerID',
			orderDate: 'InvoiceDate',
			amount: 'Total',
			orderId: 'InvoiceNo',
		});
	});

	it('lets an explicit mapping win, and does not map one column twice', () => {
		const result = resolveFieldMapping(['user_id', 'customer_id', 'date'], { customerId: 'user_id' });
		expect(result.mapping).toEqual({ customerId: 'user_id', orderDate: 'date' });
		expect(result.unmappedColumns).toEqual(['customer_id']);
		expect(result.description).toEqual(['customerId ← user_id (set)', 'orderDate ← date (detected)']);
	});
});

describe('consent words', () => {
	// T is the unsubscribe reply of Chinese SMS (回T退订), so it is no yes.
	it.each(['f', 'unsubscribe', 'revoked', 'withdrawn', 'declined', 'STOP', 'do not contact', 'Do-Not-Contact', 'none', 'nein', 'non', '已退订', '拒绝', 'opt-out', 'DNC', 'Stop.', 'STOP!', 'unsub', 'No thanks', 'unsubscribed 2024-05-01', '已拒收', '退订了', 'ＳＴＯＰ', '不同意'])('reads %j as an opt-out', (word) => {
		expect(parseFlag(word)).toBe(false);
	});

	it.each(['Yes', 'Yes!', 'opted in', 'subscribed', 'consented', 'ja', 'oui', '同意', '已订阅'])('reads %j as consent', (word) => {
		expect(parseFlag(word)).toBe(true);
	});

	it.each(['maybe', 'pending', 'unknown', '?', '', 'later', '待定', 't', 'T', 'not sure'])('reads %j as no answer, never as consent', (word) => {
		expect(parseFlag(word)).toBeNull();
	});
});
