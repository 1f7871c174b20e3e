import type { PlatformPreset } from './platformPreset';

/**
 * Youzan (有赞) order export at product level: one row per product, the order's fields on every
 * row. Buyers are known by their mobile number, as Youzan accounts are.
 */
export const YOUZAN: PlatformPreset = {
	id: 'youzan',
	label: 'Youzan (有赞) order export',
	source: "Youzan's order export (订单导出, 商品维度) column names as its merchant help centre lists them; the full list could not be checked from here, so the preset needs only the core columns",
	signature: ['订单号', '订单状态', '下单时间', '订单实付金额', '买家手机号'],
	fields: {
		customerId: ['买家手机号', '买家ID'],
		orderId: ['订单号'],
		orderDate: ['下单时间'],
		phone: ['买家手机号'],
		name: ['买家姓名', '收货人/提货人', '收货人'],
		discountAmount: ['订单优惠金额', '优惠金额'],
		productId: ['商品编码', '规格编码'],
		productName: ['商品名称'],
		quantity: ['商品数量'],
		unitPrice: ['商品单价'],
	},
	value: { paid: '订单实付金额', refunded: ['订单已退款金额', '已退款金额', '退款金额'] },
	status: {
		column: '订单状态',
		notPurchases: [
			{ values: ['交易关闭', '已关闭'], why: 'closed unpaid or refunded in full' },
			{ values: ['待付款', '等待买家付款'], why: 'not paid' },
		],
	},
};
