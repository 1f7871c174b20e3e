import { normaliseEmail, normalisePhone, parseFlag } from '../../../lib/ingest/contactFields';
import { resolveFieldMapping } from '../../../lib/ingest/fieldMapping';
import { parseMoney } from '../../../lib/ingest/parseMoney';
import { isValidTimeZone } from '../../../lib/ingest/timeZone';

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

	it('flags phone numbers it cannot make international', () => {
		expect(normalisePhone('12345', '86')).toEqual({ invalid: '12345' });
		expect(normalisePhone('138 0013 8000', '')).toEqual({ invalid: '138 0013 8000' });
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
