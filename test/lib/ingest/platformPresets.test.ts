import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { detectPlatform, PLATFORM_PRESETS, platformPreset } from '../../../lib/ingest/platforms/platformCatalog';
import { shareOut } from '../../../lib/ingest/platforms/platformRows';

const header = (file: string, encoding: 'utf8' | 'gbk' = 'utf8') => {
	const bytes = fs.readFileSync(path.join(__dirname, '..', '..', 'fixtures', 'platforms', file));
	return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0].split(',');
};

describe('platform presets', () => {
	it.each([
		['shopify-orders.csv', 'utf8', 'shopify'],
		['woocommerce-orders.csv', 'utf8', 'wooCommerce'],
		['youzan-orders.csv', 'utf8', 'youzan'],
		['taobao-order-report.csv', 'gbk', 'taobao'],
		['jd-orders.csv', 'gbk', 'jd'],
		['pos-item-sales.csv', 'utf8', 'pos'],
	] as const)('recognises %s as its platform', (file, encoding, id) => {
		expect(detectPlatform(header(file, encoding))?.id).toBe(id);
	});

	it('recognises a header whatever its case and spacing, and nothing in plain order data', () => {
		expect(detectPlatform(['name', 'EMAIL', 'financial_status', 'Created At', 'Lineitem Name', 'lineitem quantity', 'Lineitem price'])?.id).toBe('shopify');
		expect(detectPlatform(['customer_id', 'order_id', 'order_date', 'amount', 'email'])).toBeUndefined();
		expect(detectPlatform(['客户ID', '订单号', '下单时间', '商品ID', '商品名称', '类目', '数量', '单价', '手机号'])).toBeUndefined();
	});

	it('names each preset by a distinct signature and says where its columns come from', () => {
		for (const preset of PLATFORM_PRESETS) {
			expect(preset.source.length).toBeGreaterThan(20);
			const others = PLATFORM_PRESETS.filter((p) => p !== preset);
			for (const other of others) expect(detectPlatform(preset.signature)?.id === other.id).toBe(false);
		}
	});

	it('refuses a platform it does not know, naming the ones it does', () => {
		expect(() => platformPreset('amazon' as never)).toThrow('Source Platform "amazon" is not one this node knows: choose shopify, wooCommerce, youzan, taobao, jd, pos, auto or none');
	});
});

describe('sharing an order value over its lines', () => {
	it('shares in proportion to the lines, to the cent', () => {
		// 379 x 299 / 399 = 284.0125 -> 284.01; the last line takes the rest, 94.99.
		expect(shareOut(379, [299, 100])).toEqual([284.01, 94.99]);
		expect(shareOut(150, [136, 30])).toEqual([122.89, 27.11]);
		expect(shareOut(10, [1, 1, 1])).toEqual([3.33, 3.33, 3.34]);
	});

	it('puts everything on the first line when no line has a value', () => {
		expect(shareOut(12.5, [0, 0])).toEqual([12.5, 0]);
	});

	it('always adds up to the order value, to the cent', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 30 }), (cents, weights) => {
				const shares = shareOut(cents / 100, weights.map((w) => w / 100));
				expect(Math.round(shares.reduce((a, b) => a + b, 0) * 100)).toBe(cents);
			}),
		);
	});
});
