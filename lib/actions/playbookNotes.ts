import { Language } from '../values/language';
import type { PlaybookRule } from './playbook';

/** The built-in rules' notes in Chinese, by their English note (a user's own rules keep their words). */
const NOTES_ZH: Record<string, string> = {
	'leaving over a bad experience: apologise and fix it first': '因体验不佳而离开：先道歉并解决问题',
	'a VIP slipping away: an account manager calls': 'VIP 客户在流失：客户经理致电',
	'churned over price: a coupon brings them back': '因价格流失：用优惠券召回',
	'churned, worth winning back: a coupon': '已流失，值得挽回：发优惠券',
	'churned, low value: news of what is new costs little': '已流失，价值较低：推送新品资讯，成本低',
	'at risk over price: a discount on what they buy most': '因价格有流失风险：对常购商品打折',
	'at risk to a competitor: a member perk they cannot get elsewhere': '可能流向竞品：给予别处没有的会员权益',
	'at risk and fading: remind them what they like': '有流失风险且互动减少：提醒他们喜欢的商品',
	'at risk and not heard from us for long: a care message': '有流失风险且久未联系：发送关怀消息',
	'at risk, valuable: a coupon': '有流失风险，价值较高：发优惠券',
	'at risk, cause unknown: ask them': '有流失风险，原因不明：问问他们',
	'at risk: a care message': '有流失风险：发送关怀消息',
	'new and not yet convinced: free shipping on the second order': '新客尚未认可：第二单包邮',
	'just came back: welcome them with a perk': '刚刚回归：用一份权益欢迎他们',
	'loyal and valuable: show what goes with what they buy': '忠诚且价值高：推荐与所购商品搭配的商品',
	'on cadence: nothing needed, save the budget': '购买节奏正常：无需动作，节省预算',
	'e-commerce: logistics and after-sales recovery': '电商：物流与售后补救',
	'physical store: invite them to an in-store event': '实体店：邀请参加店内活动',
	'FMCG: a promotion on their usual product': '快消：常购商品促销',
	'apparel: new-collection news and styling': '服装：新品上市与穿搭推荐',
	'restaurant: ask how the food was': '餐饮：询问用餐体验',
	'restaurant: a return-visit voucher': '餐饮：回访代金券',
	'membership store: member benefits and points': '会员店：会员权益与积分',
	'fresh food: freshness guarantee and delivery recovery': '生鲜：新鲜保障与配送补救',
};

/** A rule's note in the language of the run: the built-in rules' translated, a user's own as written. */
export function ruleNote(rule: PlaybookRule, language: Language): string {
	return language === 'zh-CN' ? (NOTES_ZH[rule.note] ?? rule.note) : rule.note;
}
