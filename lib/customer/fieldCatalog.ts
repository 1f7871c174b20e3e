/**
 * The canonical fields Customer Data understands: one definition per field, from which the
 * field lists, labels and column-name detection are all derived, so a new field is added here
 * once. Aliases are compared after normalisation (lower case, no spaces, underscores or
 * punctuation), so `Customer ID`, `customer_id` and `customerId` are one alias.
 *
 * Kinds: `order` (what the order itself is), `contact` (kept per customer: the latest value
 * wins), `experience` (discounts, complaints, satisfaction: signals of why a customer leaves),
 * `line` (line-item exports: one row per product line, the order ID repeated), `summary` (the
 * columns of a pre-aggregated, one-row-per-customer summary).
 */
type FieldKind = 'order' | 'contact' | 'experience' | 'line' | 'summary';

interface FieldDefinition {
	readonly kind: FieldKind;
	readonly label: string;
	readonly aliases: readonly string[];
}

const FIELDS = {
	customerId: { kind: 'order', label: 'Customer ID', aliases: ['customerid', 'custid', 'customer', 'clientid', 'userid', 'buyerid', 'memberid', 'contactid', 'customernumber', 'customerno', 'id客户', '客户id', '客户编号', '客户号', '会员id', '会员编号', '用户id', '买家id', '顾客id'] },
	orderId: { kind: 'order', label: 'Order ID', aliases: ['orderid', 'ordernumber', 'orderno', 'transactionid', 'invoiceid', 'invoiceno', 'invoice', 'receiptid', '订单id', '订单号', '订单编号', '交易号', '流水号'] },
	orderDate: { kind: 'order', label: 'Order Date', aliases: ['orderdate', 'date', 'orderedat', 'createdat', 'purchasedate', 'purchasedat', 'transactiondate', 'invoicedate', 'orderdatetime', 'ordertime', 'datetime', 'timestamp', '下单时间', '下单日期', '订单日期', '订单时间', '购买日期', '购买时间', '交易时间', '交易日期', '日期', '付款时间'] },
	amount: { kind: 'order', label: 'Amount', aliases: ['amount', 'total', 'ordertotal', 'totalprice', 'totalamount', 'revenue', 'value', 'sales', 'grandtotal', 'subtotal', 'ordervalue', 'amountpaid', 'paid', '金额', '订单金额', '实付金额', '支付金额', '实付', '总金额', '销售额', '消费金额', '成交金额'] },
	currency: { kind: 'order', label: 'Currency', aliases: ['currency', 'currencycode', '币种', '货币'] },
	email: { kind: 'contact', label: 'Email', aliases: ['email', 'emailaddress', 'mail', 'customeremail', '邮箱', '电子邮箱', '电子邮件'] },
	phone: { kind: 'contact', label: 'Phone', aliases: ['phone', 'phonenumber', 'mobile', 'mobilephone', 'cellphone', 'tel', 'telephone', 'customerphone', '手机', '手机号', '手机号码', '电话', '联系电话'] },
	firstName: { kind: 'contact', label: 'First Name', aliases: ['firstname', 'givenname', 'forename', '名'] },
	lastName: { kind: 'contact', label: 'Last Name', aliases: ['lastname', 'surname', 'familyname', '姓'] },
	name: { kind: 'contact', label: 'Full Name', aliases: ['name', 'fullname', 'customername', 'contactname', '姓名', '客户名称', '客户姓名', '会员名', '昵称'] },
	discountAmount: { kind: 'experience', label: 'Discount Amount', aliases: ['discount', 'discountamount', 'discounttotal', 'totaldiscounts', 'couponamount', '优惠金额', '折扣金额', '优惠'] },
	couponCode: { kind: 'experience', label: 'Coupon Code', aliases: ['coupon', 'couponcode', 'discountcode', 'promocode', 'vouchercode', '优惠券', '优惠码', '券码'] },
	returned: { kind: 'order', label: 'Returned / Refunded Flag', aliases: ['returned', 'refunded', 'isreturned', 'isrefunded', 'return', 'refund', 'refundstatus', '退货', '退款', '是否退货', '是否退款'] },
	complaints: { kind: 'experience', label: 'Complaint Count', aliases: ['complaints', 'complaintcount', 'tickets', 'supporttickets', '投诉', '投诉次数'] },
	satisfaction: { kind: 'experience', label: 'Satisfaction Score', aliases: ['satisfaction', 'csat', 'rating', 'nps', 'reviewscore', 'score', '满意度', '评分', '评价'] },
	consentEmail: { kind: 'contact', label: 'Email Consent', aliases: ['consentemail', 'emailconsent', 'emailoptin', 'acceptsmarketing', 'emailmarketingconsent', 'emailsubscribed', '邮件订阅', '邮件营销同意'] },
	consentSms: { kind: 'contact', label: 'SMS Consent', aliases: ['consentsms', 'smsconsent', 'smsoptin', 'acceptssmsmarketing', 'smssubscribed', '短信订阅', '短信营销同意'] },
	consentPush: { kind: 'contact', label: 'Push Consent', aliases: ['consentpush', 'pushconsent', 'pushoptin', '推送订阅'] },
	lastContactedAt: { kind: 'contact', label: 'Last Contacted At', aliases: ['lastcontactedat', 'lastcontacted', 'lastcontactdate', 'lastcampaignat', '最近联系时间', '上次联系时间'] },
	timezone: { kind: 'contact', label: 'Timezone', aliases: ['timezone', 'tz', 'timezonename', '时区'] },
	hubspotId: { kind: 'contact', label: 'HubSpot ID', aliases: ['hubspotid', 'hubspotcontactid', 'hsobjectid'] },
	salesforceId: { kind: 'contact', label: 'Salesforce ID', aliases: ['salesforceid', 'sfdcid', 'salesforcecontactid'] },
	pipedriveId: { kind: 'contact', label: 'Pipedrive ID', aliases: ['pipedriveid', 'pipedrivepersonid'] },
	productId: { kind: 'line', label: 'Product ID', aliases: ['productid', 'sku', 'itemid', 'productsku', 'lineitemsku', 'variantsku', 'goodsid', 'spuid', 'skuid', '商品id', '商品编号', '商品编码', '货号', 'sku编码'] },
	productName: { kind: 'line', label: 'Product Name', aliases: ['productname', 'product', 'itemname', 'lineitemname', 'producttitle', 'goodsname', '商品名称', '商品名', '品名', '宝贝标题', '商品标题'] },
	category: { kind: 'line', label: 'Product Category', aliases: ['category', 'productcategory', 'producttype', 'categoryname', '类目', '商品类目', '品类', '分类', '商品分类'] },
	quantity: { kind: 'line', label: 'Quantity', aliases: ['quantity', 'qty', 'units', 'lineitemquantity', 'itemquantity', '数量', '购买数量', '商品数量', '件数'] },
	unitPrice: { kind: 'line', label: 'Unit Price', aliases: ['unitprice', 'price', 'itemprice', 'lineitemprice', 'saleprice', '单价', '商品单价', '销售单价'] },
	lineId: { kind: 'line', label: 'Order Line ID', aliases: ['lineid', 'lineitemid', 'orderlineid', 'orderitemid', 'linenumber', 'lineno', '子订单号', '子订单编号', '订单明细id', '明细id'] },
	orders: { kind: 'summary', label: 'Number of Orders', aliases: ['orders', 'ordercount', 'numorders', 'numberoforders', 'totalorders', 'orderscount', '订单数', '订单数量', '购买次数'] },
	firstOrderAt: { kind: 'summary', label: 'First Order Date', aliases: ['firstorderat', 'firstorderdate', 'firstpurchasedate', 'firstpurchaseat', 'firstorder', '首次下单时间', '首单日期', '首次购买时间'] },
	lastOrderAt: { kind: 'summary', label: 'Last Order Date', aliases: ['lastorderat', 'lastorderdate', 'lastpurchasedate', 'lastpurchaseat', 'lastorder', '最近下单时间', '末次下单时间', '最后购买时间', '最近购买时间'] },
	totalSpend: { kind: 'summary', label: 'Total Spend', aliases: ['totalspend', 'totalspent', 'lifetimevalue', 'ltv', 'totalrevenue', 'totalsales', 'amountspent', 'spend', '累计消费', '消费总额', '总消费'] },
	repeatSpend: { kind: 'summary', label: 'Spend on Repeat Orders', aliases: ['repeatspend', 'repeatrevenue', '复购金额'] },
} as const satisfies Record<string, FieldDefinition>;

export type CanonicalField = keyof typeof FIELDS;
type FieldsOfKind<K extends FieldKind> = { [F in CanonicalField]: (typeof FIELDS)[F]['kind'] extends K ? F : never }[CanonicalField];
export type OrderField = FieldsOfKind<'order' | 'contact' | 'experience' | 'line'>;
export type SummaryField = FieldsOfKind<'summary'>;
export type ContactField = FieldsOfKind<'contact'>;
export type LineField = FieldsOfKind<'line'>;

const ALL_FIELDS = Object.keys(FIELDS) as CanonicalField[];
const fieldsOf = <F extends CanonicalField>(...kinds: FieldKind[]) => ALL_FIELDS.filter((f) => kinds.includes(FIELDS[f].kind)) as F[];

/** Fields an order row may carry, in the order the editor lists them. */
export const ORDER_FIELDS: readonly OrderField[] = fieldsOf<OrderField>('order', 'contact', 'experience', 'line');
/** Extra columns a pre-aggregated (one row per customer) summary may carry. */
export const SUMMARY_FIELDS: readonly SummaryField[] = fieldsOf<SummaryField>('summary');
/** Contact and CRM fields kept per customer: the value from the latest order that has one wins. */
export const CONTACT_FIELDS: readonly ContactField[] = fieldsOf<ContactField>('contact');
/** Discounts, coupons, complaints, satisfaction: signals of why a customer may leave. */
export const EXPERIENCE_FIELDS: readonly OrderField[] = fieldsOf<OrderField>('experience');
/** The line-item fields: product, category, quantity, unit price, line ID. */
export const LINE_FIELDS: readonly LineField[] = fieldsOf<LineField>('line');

export const FIELD_LABELS = Object.fromEntries(ALL_FIELDS.map((f) => [f, FIELDS[f].label])) as Record<CanonicalField, string>;

/** Lower case, without spaces, underscores, dashes or punctuation; CJK characters are kept. */
export function normaliseColumnName(column: string): string {
	return column
		.normalize('NFKC')
		.toLowerCase()
		.replace(/[\s_\-.:/()（）[\]#]+/g, '');
}

/** What each name and alias names, compared as normaliseColumnName leaves them: a name stands for itself too. */
export function aliasLookup<K extends string>(names: readonly K[], aliasesOf: (name: K) => readonly string[]): Map<string, K> {
	const map = new Map<string, K>();
	for (const name of names) {
		map.set(normaliseColumnName(name), name);
		for (const alias of aliasesOf(name)) map.set(normaliseColumnName(alias), name);
	}
	return map;
}

const ALIAS_TO_FIELD = aliasLookup(ALL_FIELDS, (field) => FIELDS[field].aliases);

/**
 * Names already looked up: the same few dozen keys come with every record, and normalising a
 * name each time was a sixth of Retention Action's time on 100k customers. Bounded, as a file
 * of odd headers or records with generated keys must not grow it without end.
 */
const FIELD_OF_NAME = new Map<string, CanonicalField | null>();
const REMEMBERED_NAMES = 10_000;

export function fieldForColumn(column: string): CanonicalField | undefined {
	const known = FIELD_OF_NAME.get(column);
	if (known !== undefined) return known ?? undefined;
	const field = ALIAS_TO_FIELD.get(normaliseColumnName(column));
	if (FIELD_OF_NAME.size < REMEMBERED_NAMES) FIELD_OF_NAME.set(column, field ?? null);
	return field;
}
