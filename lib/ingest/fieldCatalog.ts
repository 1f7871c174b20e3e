/**
 * The canonical fields Customer Data understands, and the column names it recognises for each
 * without being told. Aliases are compared after normalisation (lower case, no spaces,
 * underscores or punctuation), so `Customer ID`, `customer_id` and `customerId` are one alias.
 */
export const ORDER_FIELDS = [
	'customerId',
	'orderId',
	'orderDate',
	'amount',
	'currency',
	'email',
	'phone',
	'firstName',
	'lastName',
	'name',
	'discountAmount',
	'couponCode',
	'returned',
	'complaints',
	'satisfaction',
	'consentEmail',
	'consentSms',
	'consentPush',
	'lastContactedAt',
	'timezone',
	'hubspotId',
	'salesforceId',
	'pipedriveId',
	'productId',
] as const;

/** Extra columns a pre-aggregated (one row per customer) summary may carry. */
export const SUMMARY_FIELDS = ['orders', 'firstOrderAt', 'lastOrderAt', 'totalSpend', 'repeatSpend'] as const;

export type OrderField = (typeof ORDER_FIELDS)[number];
export type SummaryField = (typeof SUMMARY_FIELDS)[number];
export type CanonicalField = OrderField | SummaryField;

export const FIELD_LABELS: Record<CanonicalField, string> = {
	customerId: 'Customer ID',
	orderId: 'Order ID',
	orderDate: 'Order Date',
	amount: 'Amount',
	currency: 'Currency',
	email: 'Email',
	phone: 'Phone',
	firstName: 'First Name',
	lastName: 'Last Name',
	name: 'Full Name',
	discountAmount: 'Discount Amount',
	couponCode: 'Coupon Code',
	returned: 'Returned / Refunded Flag',
	complaints: 'Complaint Count',
	satisfaction: 'Satisfaction Score',
	consentEmail: 'Email Consent',
	consentSms: 'SMS Consent',
	consentPush: 'Push Consent',
	lastContactedAt: 'Last Contacted At',
	timezone: 'Timezone',
	hubspotId: 'HubSpot ID',
	salesforceId: 'Salesforce ID',
	pipedriveId: 'Pipedrive ID',
	productId: 'Product ID',
	orders: 'Number of Orders',
	firstOrderAt: 'First Order Date',
	lastOrderAt: 'Last Order Date',
	totalSpend: 'Total Spend',
	repeatSpend: 'Spend on Repeat Orders',
};

const ALIASES: Record<CanonicalField, string[]> = {
	customerId: ['customerid', 'custid', 'customer', 'clientid', 'userid', 'buyerid', 'memberid', 'contactid', 'customernumber', 'customerno', 'id客户', '客户id', '客户编号', '客户号', '会员id', '会员编号', '用户id', '买家id', '顾客id'],
	orderId: ['orderid', 'ordernumber', 'orderno', 'transactionid', 'invoiceid', 'invoiceno', 'invoice', 'receiptid', '订单id', '订单号', '订单编号', '交易号', '流水号'],
	orderDate: ['orderdate', 'date', 'orderedat', 'createdat', 'purchasedate', 'purchasedat', 'transactiondate', 'invoicedate', 'orderdatetime', 'ordertime', 'datetime', 'timestamp', '下单时间', '下单日期', '订单日期', '订单时间', '购买日期', '购买时间', '交易时间', '交易日期', '日期', '付款时间'],
	amount: ['amount', 'total', 'ordertotal', 'totalprice', 'totalamount', 'revenue', 'value', 'price', 'sales', 'grandtotal', 'subtotal', 'ordervalue', 'amountpaid', 'paid', '金额', '订单金额', '实付金额', '支付金额', '实付', '总金额', '销售额', '消费金额', '成交金额'],
	currency: ['currency', 'currencycode', '币种', '货币'],
	email: ['email', 'emailaddress', 'mail', 'customeremail', '邮箱', '电子邮箱', '电子邮件'],
	phone: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'cellphone', 'tel', 'telephone', 'customerphone', '手机', '手机号', '手机号码', '电话', '联系电话'],
	firstName: ['firstname', 'givenname', 'forename', '名'],
	lastName: ['lastname', 'surname', 'familyname', '姓'],
	name: ['name', 'fullname', 'customername', 'contactname', '姓名', '客户名称', '客户姓名', '会员名', '昵称'],
	discountAmount: ['discount', 'discountamount', 'discounttotal', 'totaldiscounts', 'couponamount', '优惠金额', '折扣金额', '优惠'],
	couponCode: ['coupon', 'couponcode', 'discountcode', 'promocode', 'vouchercode', '优惠券', '优惠码', '券码'],
	returned: ['returned', 'refunded', 'isreturned', 'isrefunded', 'return', 'refund', 'refundstatus', '退货', '退款', '是否退货', '是否退款'],
	complaints: ['complaints', 'complaintcount', 'tickets', 'supporttickets', '投诉', '投诉次数'],
	satisfaction: ['satisfaction', 'csat', 'rating', 'nps', 'reviewscore', 'score', '满意度', '评分', '评价'],
	consentEmail: ['consentemail', 'emailconsent', 'emailoptin', 'acceptsmarketing', 'emailmarketingconsent', 'emailsubscribed', '邮件订阅', '邮件营销同意'],
	consentSms: ['consentsms', 'smsconsent', 'smsoptin', 'acceptssmsmarketing', 'smssubscribed', '短信订阅', '短信营销同意'],
	consentPush: ['consentpush', 'pushconsent', 'pushoptin', '推送订阅'],
	lastContactedAt: ['lastcontactedat', 'lastcontacted', 'lastcontactdate', 'lastcampaignat', '最近联系时间', '上次联系时间'],
	timezone: ['timezone', 'tz', 'timezonename', '时区'],
	hubspotId: ['hubspotid', 'hubspotcontactid', 'hsobjectid'],
	salesforceId: ['salesforceid', 'sfdcid', 'salesforcecontactid'],
	pipedriveId: ['pipedriveid', 'pipedrivepersonid'],
	productId: ['productid', 'sku', 'itemid', 'productsku', '商品id', '商品编号', '货号'],
	orders: ['orders', 'ordercount', 'numorders', 'numberoforders', 'totalorders', 'orderscount', '订单数', '订单数量', '购买次数'],
	firstOrderAt: ['firstorderat', 'firstorderdate', 'firstpurchasedate', 'firstpurchaseat', 'firstorder', '首次下单时间', '首单日期', '首次购买时间'],
	lastOrderAt: ['lastorderat', 'lastorderdate', 'lastpurchasedate', 'lastpurchaseat', 'lastorder', '最近下单时间', '末次下单时间', '最后购买时间', '最近购买时间'],
	totalSpend: ['totalspend', 'totalspent', 'lifetimevalue', 'ltv', 'totalrevenue', 'totalsales', 'amountspent', 'spend', '累计消费', '消费总额', '总消费'],
	repeatSpend: ['repeatspend', 'repeatrevenue', '复购金额'],
};

/** Lower case, without spaces, underscores, dashes or punctuation; CJK characters are kept. */
export function normaliseColumnName(column: string): string {
	return column
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s_\-.:/()（）[\]#]+/g, '');
}

const ALIAS_TO_FIELD: Map<string, CanonicalField> = (() => {
	const map = new Map<string, CanonicalField>();
	for (const [field, aliases] of Object.entries(ALIASES) as Array<[CanonicalField, string[]]>) {
		map.set(normaliseColumnName(field), field);
		for (const alias of aliases) map.set(normaliseColumnName(alias), field);
	}
	return map;
})();

export function fieldForColumn(column: string): CanonicalField | undefined {
	return ALIAS_TO_FIELD.get(normaliseColumnName(column));
}
