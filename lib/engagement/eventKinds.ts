import { aliasLookup, normaliseColumnName } from '../customer/fieldCatalog';

/**
 * What a customer did besides ordering, as the event streams of shops, apps, email and service
 * tools name it. One definition per kind: the value aliases (English, Chinese, and the names the
 * usual tools export: GA4's session_start / view_item / add_to_cart, email tools' opened /
 * clicked, help desks' ticket created / solved) are compared after the same normalisation as
 * column names, so `Page View`, `page_view` and `pageview` are one alias.
 */
const KINDS = {
	session: { label: 'Session or visit', aliases: ['session', 'sessionstart', 'visit', 'login', 'applaunch', 'appopen', 'open app', '访问', '登录', '启动app', '打开app', '进店'] },
	pageView: { label: 'Page view', aliases: ['pageview', 'view', 'screenview', 'page', '浏览', '页面浏览', '浏览页面'] },
	productView: { label: 'Product view', aliases: ['productview', 'viewitem', 'productviewed', 'viewproduct', 'itemview', '商品浏览', '浏览商品', '查看商品'] },
	emailOpen: { label: 'Email opened', aliases: ['emailopen', 'emailopened', 'opened', 'open', 'smsopened', '邮件打开', '打开邮件', '已读'] },
	emailClick: { label: 'Email or SMS link clicked', aliases: ['emailclick', 'emailclicked', 'clicked', 'click', 'linkclick', 'smsclicked', '邮件点击', '点击邮件', '点击链接', '短信点击'] },
	unsubscribe: { label: 'Unsubscribed', aliases: ['unsubscribe', 'unsubscribed', 'optout', 'optedout', '退订', '取消订阅', '取消关注'] },
	cartAdd: { label: 'Added to cart', aliases: ['cartadd', 'addtocart', 'addedtocart', '加购', '加入购物车'] },
	cartAbandon: { label: 'Cart abandoned', aliases: ['cartabandon', 'cartabandoned', 'abandonedcart', 'abandonedcheckout', 'checkoutabandoned', '弃购', '放弃购物车', '购物车放弃', '未支付订单'] },
	ticketOpened: { label: 'Service ticket opened', aliases: ['ticketopened', 'ticketcreated', 'ticketopen', 'casecreated', 'caseopened', 'complaint', '工单创建', '提交工单', '创建工单', '投诉', '售后申请'] },
	ticketResolved: { label: 'Service ticket resolved', aliases: ['ticketresolved', 'ticketsolved', 'ticketclosed', 'caseclosed', 'caseresolved', 'solved', 'resolved', '工单解决', '工单关闭', '已解决', '售后完成'] },
	review: { label: 'Review', aliases: ['review', 'productreview', 'rating', 'reviewsubmitted', '评价', '评论', '商品评价', '晒单'] },
	nps: { label: 'NPS answer', aliases: ['nps', 'npsresponse', 'npssurvey', 'netpromoterscore', '净推荐值', 'nps调查', '推荐意愿'] },
} as const;

export type EventKind = keyof typeof KINDS;
export const EVENT_KINDS = Object.keys(KINDS) as EventKind[];
export const EVENT_KIND_LABELS = Object.fromEntries(EVENT_KINDS.map((kind) => [kind, KINDS[kind].label])) as Record<EventKind, string>;

/** Browsing: what the sources call activity, whose decline is the warning sign. */
export const ACTIVITY_KINDS: readonly EventKind[] = ['session', 'pageView', 'productView'];
/** Replies to what the shop sent. */
export const RESPONSE_KINDS: readonly EventKind[] = ['emailOpen', 'emailClick'];

const KIND_OF_ALIAS = aliasLookup(EVENT_KINDS, (kind) => KINDS[kind].aliases);

/** The kind an event type names, or null when it is none this suite reads. */
export function eventKindOf(type: string): EventKind | null {
	return KIND_OF_ALIAS.get(normaliseColumnName(type)) ?? null;
}
