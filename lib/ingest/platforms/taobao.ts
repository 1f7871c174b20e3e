import type { PlatformPreset } from './platformPreset';

/**
 * Taobao and Tmall's order report (订单报表, 已卖出的宝贝 > 批量导出): one row per order, in
 * GBK, long numbers often written as ="…" so spreadsheets keep them. A closed order (交易关闭)
 * was never paid or was refunded in full.
 */
export const TAOBAO: PlatformPreset = {
	id: 'taobao',
	label: 'Taobao / Tmall (淘宝天猫) order report',
	source: "The seller centre's 订单报表 (ExportOrderList) header, as shops that reproduce the format publish it: 订单编号, 买家会员名, 买家支付宝账号, 买家应付货款, … 买家实际支付金额, 订单状态, … 订单创建时间, 订单付款时间, …, and 退款金额 in current reports",
	signature: ['订单编号', '买家会员名', '买家实际支付金额', '订单状态', '订单创建时间'],
	fields: {
		customerId: ['买家会员名'],
		orderId: ['订单编号'],
		orderDate: ['订单创建时间'],
		phone: ['联系手机', '联系电话'],
		name: ['收货人姓名'],
	},
	value: { paid: '买家实际支付金额', refunded: ['退款金额'] },
	status: {
		column: '订单状态',
		notPurchases: [
			{ values: ['交易关闭'], why: 'closed unpaid or refunded in full' },
			{ values: ['等待买家付款'], why: 'not paid' },
		],
	},
};
