import type { PlatformPreset } from './platformPreset';

/** JD (京东) POP merchant order export: one row per SKU, the order's amounts repeated on each. */
export const JD: PlatformPreset = {
	id: 'jd',
	label: 'JD (京东) order export',
	source: "The JD merchant back office's order export header: 订单号, 商品ID, 商品名称, 订购数量, 支付方式, 下单时间, 京东价, 订单金额, 结算金额, 余额支付, 应付金额, 订单状态, 订单类型, 下单帐号, 客户姓名, 客户地址, 联系电话, …",
	signature: ['订单号', '下单帐号', '应付金额', '订单状态', '下单时间', '京东价'],
	fields: {
		customerId: ['下单帐号'],
		orderId: ['订单号'],
		orderDate: ['下单时间'],
		name: ['客户姓名'],
		phone: ['联系电话'],
		productId: ['商品ID'],
		productName: ['商品名称'],
		quantity: ['订购数量'],
		unitPrice: ['京东价'],
	},
	value: { paid: '应付金额' },
	status: {
		column: '订单状态',
		notPurchases: [
			{ values: ['已取消', '取消', '删除', '(删除)'], why: 'the order was cancelled' },
			{ values: ['等待付款'], why: 'not paid' },
		],
	},
};
