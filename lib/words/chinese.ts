import type { Channel } from '../actions/actionCatalog';
import type { Cause } from '../actions/causes';
import type { Stage } from '../lifecycle/stages';
import type { RiskLevel } from '../models/riskLevels';
import type { RfmSegment } from '../models/rfm';
import type { Dimension } from '../report/campaignEvaluation';
import type { ReachProblem, Words } from './words';

/* Every word the nodes write for a person, in Simplified Chinese (zh-CN): see words.ts. */

const STAGES: Record<Stage, string> = {
	prospect: '潜在客户',
	new: '新客',
	active: '活跃',
	loyal: '忠诚',
	atRisk: '有流失风险',
	churned: '已流失',
	reactivated: '已召回',
	exploration: '探索期',
	growth: '成长期',
	maturity: '成熟期',
	decline: '衰退期',
};

const CAUSES: Record<Cause, string> = {
	priceSensitive: '价格敏感',
	poorExperience: '体验不佳',
	competition: '流向竞品',
	fadingEngagement: '活跃度下降',
	neglected: '缺少关怀',
	newUnconvinced: '新客尚未转化',
	unknown: '原因不明',
	notAtRisk: '无流失风险',
};

/** Reach problems, for cannotBeReached and the node's summary. */
const REACH: Record<ReachProblem, string> = {
	noEmail: '没有邮箱',
	optedOutEmail: '已退订邮件',
	noEmailOptIn: '未同意接收邮件',
	noPhone: '没有手机号',
	optedOutSms: '已退订短信',
	noSmsOptIn: '未同意接收短信',
	optedOutPush: '已关闭推送',
	noPushOptIn: '未同意接收推送',
};

const CHANNELS: Record<Channel, string> = { email: '邮件', sms: '短信', push: '推送', crm: 'CRM 任务' };

const RFM_SEGMENTS: Record<RfmSegment, string> = {
	Champions: '冠军客户',
	'Loyal Customers': '忠诚客户',
	'Potential Loyalist': '潜力客户',
	'New Customers': '新客户',
	Promising: '有望客户',
	'Need Attention': '需关注客户',
	'About To Sleep': '即将沉睡',
	"Can't Lose Them": '不能失去的客户',
	'At Risk': '有风险客户',
	Hibernating: '休眠客户',
	Lost: '已流失客户',
};

const DIMENSIONS: Record<Dimension, string> = { overall: '总体', campaign: '活动', action: '动作', channel: '渠道', cause: '原因', segment: '客群', stage: '阶段', valueTier: '价值层级', causeAction: '原因 × 动作' };

/**
 * A discount as Chinese retail writes it: the share of the price paid, in tenths (折). 20% off is
 * 8折, 15% off 85折, 12% off 88折.
 */
export function zheText(discountPct: number): string {
	const tenths = (100 - discountPct) / 10;
	return Number.isInteger(tenths) ? `${tenths}折` : `${Math.round(tenths * 10)}折`;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;
const signed = (n: number) => (n > 0 ? '+' : '') + n.toFixed(2);
const daysZh = (n: number) => `${Math.round(n)}天`;

const RISK_LEVELS: Record<RiskLevel, string> = { low: '低', medium: '中', high: '高', critical: '极高' };

const STANDING: Record<RiskLevel, string> = { critical: '很可能已流失', high: '有流失风险', medium: '在流失边缘', low: '大概率会留下' };
const consentWord = (value: boolean | null) => (value === true ? '是' : value === false ? '否' : '未知');

const CRM_TASK: Words['crmTask'] = (t) => ({
	subject: `客户挽回 ${t.who}：${CAUSES[t.cause]}（${RISK_LEVELS[t.riskLevel as RiskLevel] ?? '未知'}风险，挽回价值 ${t.value}）`,
	body: [
		`${t.actionLabel}。客户 ${t.customerId}${t.name ? `（${t.name}）` : ''}，阶段：${t.stage ? STAGES[t.stage] : '未知'}，流失概率 ${t.churnProbability.toFixed(2)}，挽回后价值 ${t.value}。`,
		`可能的流失原因：${t.causeEvidence}。`,
		t.contact ? `联系方式：${t.contact}。` : '暂无联系方式。',
	].join('\n'),
});

const ANSWERS: Words['answers'] = {
	noCustomerGiven: '没有给出客户：请用客户编号、邮箱或手机号询问。',
	noCustomerMatches: (query) => `订单文件中没有与“${query}”匹配的客户（按客户编号、邮箱和手机号查找）。`,
	severalCustomersMatch: (query, count, ids) => `有 ${count} 位客户与“${query}”匹配：${ids.join('、')}${count > ids.length ? '等' : ''}。请用其中一个客户编号再问。`,
	noSuchCampaign: (campaign, known) => `联系记录中没有活动“${campaign}”${known.length ? `（记录中的活动：${known.join('、')}）` : ''}。`,
	customer: (a) =>
		[
			`客户 ${a.customerId}${a.name ? `（${a.name}）` : ''}：${a.orders} 单，消费 ${a.spend}`,
			a.lastOrder ? `首单 ${a.firstOrder}，末单 ${a.lastOrder}（${a.recencyDays ?? 0} 天前）` : '尚未下单',
			a.usualGapDays === null ? '尚未复购' : `约每 ${Math.round(a.usualGapDays)} 天下单一次`,
			`可发邮件：${consentWord(a.email)}，可发短信：${consentWord(a.sms)}`,
		].join('；') + '。',
	risk: ({ customerId, risk: r }) =>
		r === null
			? `客户 ${customerId} 尚无订单可评分。`
			: [
					`客户 ${customerId} ${STANDING[r.level]}：未来 ${r.horizonDays} 天流失概率 ${r.churnPercent}%（${RISK_LEVELS[r.level]}风险）`,
					`${r.usualGapDays === null ? '目前只有一个购买日，尚无平常间隔' : `平常间隔 ${Math.round(r.usualGapDays)} 天`}，距上次下单 ${r.recencyDays} 天`,
					`此期间预计下单 ${r.expectedOrders} 次${r.nextOrder ? `，预计下次约在 ${r.nextOrder}` : ''}`,
					`预测价值 ${r.predictedValue}${r.segment ? `；RFM 客群「${RFM_SEGMENTS[r.segment]}」` : ''}`,
				].join('；') + '。',
	stage: (a) => `客户 ${a.customerId} 处于「${a.stage}」阶段：${a.reason}${a.churnPercent === null ? '' : `；流失概率 ${a.churnPercent}%`}。`,
	action: (a) => {
		if (a.group === 'control') return `客户 ${a.customerId} 在本次活动的对照组：不联系，用来衡量活动的效果（否则会是：${a.actionLabel}）。`;
		if (a.group === 'holdout') return `客户 ${a.customerId} 在全局保留组：任何活动都不联系。`;
		if (a.group !== 'treatment' || !a.channel) return `客户 ${a.customerId} 暂不采取行动：${a.suppressionReason ?? '没有适用的规则'}。`;
		return [
			`建议对客户 ${a.customerId}：${a.actionLabel}，通过${CHANNELS[a.channel]}${a.discountPct ? `，${a.discountPct}% 折扣` : ''}`,
			`可能的流失原因：${CAUSES[a.cause]}（${a.causeEvidence}）`,
			`预计提升 ${a.upliftPoints} 个百分点，预期增量利润 ${a.expectedValue}${a.explore ? '（效果尚不确定，选来探索）' : ''}`,
			a.title ? `标题「${a.title}」` : '',
		]
			.filter(Boolean)
			.join('；') + '。';
	},
	campaign: (a) =>
		[
			`${a.campaign ? `活动 ${a.campaign}` : '全部活动'}：触达的 ${a.treatment.customers} 位客户中 ${a.treatment.reactivated} 位（${a.treatment.rate}）在 ${a.windowDays} 天内下单，对照组 ${a.control.customers} 位中 ${a.control.reactivated} 位（${a.control.rate}）`,
			a.uplift ? `提升 ${a.uplift.points} 个百分点（95% 区间 ${a.uplift.low} 至 ${a.uplift.high}），p ${a.uplift.p}` : '',
			a.verdict,
			a.revenue ? `增量收入 ${a.revenue.estimate}（${a.revenue.low} 至 ${a.revenue.high}）` : '',
		]
			.filter(Boolean)
			.join('；') + '。',
};

export const CHINESE: Words = {
	locale: 'zh-CN',
	listSeparator: '、',
	stages: STAGES,
	causes: CAUSES,
	actions: {
		discountCoupon: '优惠券',
		productDiscount: '常购商品折扣',
		freeShipping: '免运费',
		productRecommendation: '商品推荐',
		loyaltyPerk: '会员积分或礼遇',
		careMessage: '关怀消息',
		greeting: '生日或节日祝福',
		satisfactionSurvey: '满意度调查',
		serviceRecovery: '服务补救（致歉与弥补）',
		vipOutreach: '客户经理专人回访',
		newArrivals: '新品与促销',
		crossSell: '关联推荐',
		noAction: '不采取行动',
	},
	channels: CHANNELS,
	riskLevels: RISK_LEVELS,
	rfmSegments: RFM_SEGMENTS,
	valueTiers: { vip: 'VIP', high: '高', medium: '中', low: '低' },
	evidence: (e) => {
		switch (e.kind) {
			case 'given':
				return `来自客户或 CRM：“${e.text}”`;
			case 'complaints':
				return `投诉${e.count}次`;
			case 'returns':
				return `${pct(e.share)}的订单有退货`;
			case 'satisfaction':
				return `平均满意度${e.score}`;
			case 'openTickets':
				return `${e.count}个服务工单尚未解决`;
			case 'detractor':
				return `NPS ${e.score}（贬损者）`;
			case 'badReviews':
				return [e.rating === null ? '' : `${e.rating}星评价`, e.sentiment === null ? '' : `评价倾向${signed(e.sentiment)}`].filter(Boolean).join('，');
			case 'fewerVisits':
				return `近期访问${e.recent}次，通常${e.usual}次`;
			case 'promotions':
				return `${e.of}笔复购中${e.count}笔（${pct(e.share)}）使用促销`;
			case 'promotionThenSilence':
				return `上次促销购买后${daysZh(e.days)}未再下单（通常间隔${daysZh(e.gap)}）`;
			case 'oneOrder':
				return `仅下过一单，${daysZh(e.days)}前`;
			case 'abruptStop':
				return `老顾客（${e.orders}单，约每${daysZh(e.gap)}一单）无投诉，${daysZh(e.days)}前突然停止购买（仅凭订单无法确认去向）`;
			case 'orderTrend':
				return `订单趋势${signed(e.value)}`;
			case 'spendTrend':
				return `消费趋势${signed(e.value)}`;
			case 'longGap':
				return `最近一次间隔${daysZh(e.last)}，通常${daysZh(e.gap)}`;
			case 'lastContacted':
				return `上次联系在${daysZh(e.days)}前`;
			case 'notAtRisk':
				return `暂无流失风险${e.days === null ? '' : `：最近一单在${daysZh(e.days)}前${e.gap === null ? '' : `，通常间隔${daysZh(e.gap)}`}`}`;
			case 'noSign':
				return '数据中没有迹象：可通过问卷了解或继续观察';
		}
	},
	evidenceSeparator: '；',
	stageReasons: {
		noOrderYet: '尚未下单',
		noOrderForOverLimit: (days, limit) => `${days} 天未下单（上限 ${limit} 天）`,
		noOrderForOverBand: (days, band) => `${days} 天未下单（≥ ${band} 天，固定区间）`,
		churnProbability: (p, limit) => `流失概率 ${p} ≥ ${limit}`,
		overdue: (days, gaps, own, gapDays, limit) => `距上次下单 ${days} 天 = ${own ? '其平常间隔' : '全体客户的中位间隔'} ${gapDays} 天的 ${gaps} 倍（> ${limit} 倍）`,
		orderedAfterChurned: '流失后再次下单',
		cameBack: (daysAgo, lapseDays, limit) =>
			`${daysAgo} 天前回归，此前 ${lapseDays} 天未下单（${
				limit.kind === 'gaps' ? `超过平常间隔 ${limit.usualDays} 天的 ${limit.gaps} 倍` : limit.kind === 'band' ? `达到 ${limit.days} 天固定区间` : `达到 ${limit.days} 天上限`
			}）`,
		firstOrder: (daysAgo, within) => `首单在 ${daysAgo} 天前（${within} 天内）`,
		ordersOnCadence: (orders) => `已下单 ${orders} 次，节奏正常`,
		segmentOnCadence: (segment) => `RFM 客群「${RFM_SEGMENTS[segment as RfmSegment] ?? segment}」，节奏正常`,
		onCadence: '购买节奏正常',
		exploring: (orders, days) => `${days === null ? '' : `${days} 天内`}下单 ${orders} 次：仍在相互了解`,
		trends: (spend, orders, rising) => `消费趋势 ${spend}，订单趋势 ${orders}：${rising ? '上升' : '下降'}`,
		gapsShrinking: '下单间隔在缩短',
		stable: '消费和节奏稳定',
		unknown: '未知',
	},
	suppression: {
		listedAgain: '本次重复出现：只按该客户的第一条记录决定一次',
		playbook: (note) => `策略：${note}`,
		noRuleMatched: '没有匹配的策略规则',
		noChannelInOrder: (channels) => `渠道顺序中没有此动作可用的渠道：此动作通过${channels.map((c) => CHANNELS[c]).join('或')}触达`,
		cannotBeReached: (problems) => `无法触达：${problems.map((p) => REACH[p]).join('，')}`,
		cooldown: (when, days) => `同一动作冷却中：${'scheduledFor' in when ? `已安排在 ${when.scheduledFor} 发送` : `${when.daysAgo} 天前已做过`}（冷却期 ${days} 天）`,
		frequencyCap: (contacts, windowDays, scheduled, limit) => `触达次数已满：近 ${windowDays} 天已触达 ${contacts} 次${scheduled ? `（其中 ${scheduled} 次已安排）` : ''}（上限 ${limit} 次）`,
		notWorthIt: (profit, uplift, value, cost) => `不值得触达：预期增量利润 ${profit}（提升 ${uplift} × 挽回价值 ${value} - 成本 ${cost}）`,
		notWorthItExploreSpent: (profit) => `不值得触达：预期增量利润 ${profit}，且用于探索的预算份额已用完`,
		budgetUsedUp: (budget) => `预算已用完：${budget} 的预算已分给单位成本预期利润更高的客户`,
		globalHoldout: '全局保留组：任何活动都不触达，用于衡量所有活动',
		controlGroup: '对照组：留出不触达，用于衡量本次活动',
	},
	reachProblems: REACH,
	playbookNotes: {
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
	},
	crmTask: CRM_TASK,
	messages: {
		templates: {
			discountCoupon: {
				subject: '{name}，{store}送您下单{zhe}优惠',
				body: '{name}，您好：\n\n{store}想念您了！下次购物使用优惠码 {coupon} 可享{zhe}优惠，有效期至{expiry}。\n\n期待您的光临！',
				sms: '【{store}】{name}，送您{zhe}优惠，优惠码{coupon}，{expiry}前有效。',
				pushTitle: '专属{zhe}优惠',
				pushBody: '优惠码{coupon}，{expiry}前有效。',
			},
			productDiscount: {
				subject: '{name}，{product}专享{zhe}优惠',
				body: '{name}，您好：\n\n您常买的{product}在{store}为您专享{zhe}优惠，优惠码 {coupon}，有效期至{expiry}。',
				sms: '【{store}】您常买的{product}专享{zhe}优惠，优惠码{coupon}，{expiry}前有效。',
				pushTitle: '{product}专享优惠',
				pushBody: '优惠码{coupon}，{expiry}前有效。',
			},
			freeShipping: {
				subject: '{name}，下一单免运费',
				body: '{name}，您好：\n\n感谢您在{store}的首次购物！下一单使用优惠码 {coupon} 即可免运费，有效期至{expiry}。',
				sms: '【{store}】下一单免运费，优惠码{coupon}，{expiry}前有效。',
				pushTitle: '下一单免运费',
				pushBody: '优惠码{coupon}，{expiry}前有效。',
			},
			productRecommendation: {
				subject: '{store}为您精选',
				body: '{name}，您好：\n\n我们从{categories}中为您精选了几件好物，欢迎来{store}看看。',
				sms: '【{store}】为您精选{categories}新品，欢迎选购。',
				pushTitle: '为您精选',
				pushBody: '{store}的{categories}上新了。',
			},
			loyaltyPerk: {
				subject: '{store}会员专属礼遇',
				body: '{name}，您好：\n\n作为{store}的会员，您可享受专属礼遇与积分奖励：下次消费使用 {coupon}，有效期至{expiry}。',
				sms: '【{store}】会员专属礼遇，使用{coupon}，{expiry}前有效。',
				pushTitle: '会员专属礼遇',
				pushBody: '使用{coupon}，{expiry}前有效。',
			},
			careMessage: {
				subject: '{name}，好久不见',
				body: '{name}，您好：\n\n好久不见，{store}想念您了。如有任何需要，欢迎直接回复我们。',
				sms: '【{store}】{name}，好久不见，有需要随时联系我们。',
				pushTitle: '好久不见',
				pushBody: '{name}，{store}想念您了。',
			},
			greeting: {
				subject: '{store}的祝福',
				body: '{name}，您好：\n\n{store}全体同仁祝您生活愉快！',
				sms: '【{store}】祝{name}生活愉快！',
				pushTitle: '节日祝福',
				pushBody: '{store}祝您生活愉快。',
			},
			satisfactionSurvey: {
				subject: '{name}，请为我们的服务打分',
				body: '{name}，您好：\n\n想了解您对{store}上次购物的感受，您的意见能帮助我们做得更好。',
				sms: '【{store}】{name}，请为上次购物打分，回复1（差）至5（好）。',
				pushTitle: '请为我们打分',
				pushBody: '告诉{store}您上次购物的感受。',
			},
			serviceRecovery: {
				subject: '{name}，向您致歉',
				body: '{name}，您好：\n\n很抱歉您上次在{store}的体验不尽如人意。欢迎直接回复告诉我们哪里没做好，我们会尽力弥补。为表歉意，送您{zhe}优惠，优惠码 {coupon}，有效期至{expiry}。',
				sms: '【{store}】抱歉上次体验不佳，送您{zhe}优惠，优惠码{coupon}，{expiry}前有效。',
				pushTitle: '向您致歉',
				pushBody: '送您{zhe}优惠，优惠码{coupon}。',
			},
			newArrivals: {
				subject: '{store}上新啦',
				body: '{name}，您好：\n\n自您上次光临以来，{store}上新了许多好物，欢迎来看看。',
				sms: '【{store}】新品与优惠已上线，欢迎选购！',
				pushTitle: '{store}上新啦',
				pushBody: '新品与优惠等您来看。',
			},
			crossSell: {
				subject: '与{product}更配',
				body: '{name}，您好：\n\n喜欢{product}的顾客也喜欢{categories}中的这些好物，欢迎来{store}看看。',
				sms: '【{store}】与{product}更配的好物，为您精选。',
				pushTitle: '与{product}更配',
				pushBody: '{store}为您精选{categories}。',
			},
		},
		flavours: {
			ecommerce: { serviceRecovery: { body: '{name}，您好：\n\n如果您上次在{store}的订单在物流或售后上给您带来不便，我们深表歉意。欢迎回复告诉我们具体情况，我们会尽力弥补。为表歉意，送您{zhe}优惠，优惠码 {coupon}，有效期至{expiry}。' } },
			physicalStore: { newArrivals: { subject: '诚邀您参加{store}店内活动', body: '{name}，您好：\n\n{store}即将举办店内活动，诚邀您到店体验新品与优惠。', sms: '【{store}】诚邀您参加店内活动，新品与优惠等您来！' } },
			fmcg: { productDiscount: { subject: '您常买的{product}促销啦', sms: '【{store}】您常买的{product}促销{zhe}，优惠码{coupon}，{expiry}前有效。' } },
			apparel: { newArrivals: { subject: '{store}新系列上市', body: '{name}，您好：\n\n{store}新系列已上市，并为您准备了穿搭灵感。', sms: '【{store}】新系列上市，穿搭灵感为您准备好了。' } },
			restaurant: {
					discountCoupon: { subject: '{name}，送您{store}回店优惠券', body: '{name}，您好：\n\n期待再次为您服务！下次到{store}用餐使用 {coupon} 可享{zhe}优惠，有效期至{expiry}。', sms: '【{store}】回店享{zhe}优惠，券码{coupon}，{expiry}前有效。' },
					satisfactionSurvey: { subject: '{name}，菜品口味还满意吗？', body: '{name}，您好：\n\n您觉得{store}的菜品口味如何？欢迎告诉我们您的感受。', sms: '【{store}】菜品口味满意吗？回复1（不满意）至5（很满意）。' },
				},
			membershipStore: { loyaltyPerk: { subject: '您在{store}的会员权益', body: '{name}，您好：\n\n您的{store}会员权益与积分奖励已到账：下次消费使用 {coupon}，有效期至{expiry}。' } },
			freshFood: { serviceRecovery: { subject: '{name}，我们的新鲜承诺', body: '{name}，您好：\n\n如果您上次在{store}收到的商品不够新鲜或配送不及时，我们深表歉意。欢迎回复告诉我们具体情况；按照我们的新鲜承诺，送您{zhe}优惠，优惠码 {coupon}，有效期至{expiry}。' } },
		},
		fallback: { name: '亲爱的顾客', store: '本店', coupon: '', discount: '', zhe: '', expiry: '', product: '您喜欢的商品', categories: '全部商品' },
		smsOptOut: '回T退订',
		smsOptOutSeparator: '',
		emailFooter: { reply: '您收到此邮件是因为您是{store}的顾客。如不想再收到此类邮件，请回复“退订”。', link: '您收到此邮件是因为您是{store}的顾客。退订请访问：{link}' },
	},
	report: {
		dimensions: DIMENSIONS,
		overall: { 'all customers': '全部客户', 'all campaigns': '全部活动', '(no campaign ID)': '（无活动编号）' },
		controlBasis: (basis, dimension) => (basis === 'same' ? `同一${dimension}的对照组客户` : '整个对照组'),
		method: '得分检验及其反演区间（Mee 1984）：当且仅当 p ≥ 0.05 时区间包含 0',
		verdict: (verdict) => {
			switch (verdict.kind) {
				case 'noControl':
					return '没有对照组可比：下次请保留部分客户作为对照';
				case 'lift':
					return '显著提升';
				case 'drop':
					return '显著下降：效果不如不触达';
				case 'tooFew':
					return `样本太少，无法判断（此效果每组约需 ${verdict.needed} 位客户）`;
				case 'noEffect':
					return '未发现可检测的效果';
			}
		},
		churnAlert: (rate, above, low, high, periods, periodDays) => `流失率 ${rate} ${above ? '高于' : '低于'}常规区间 ${low}-${high}（前 ${periods} 个 ${periodDays} 天周期的均值 ± 2 个标准差）`,
		html: {
			campaign: '召回活动效果评估',
			warning: '流失预警准确度',
			line: '维度',
			points: '{value} 个百分点',
			range: '{low} 至 {high}',
			treatment: '触达组',
			control: '对照组',
			uplift: '提升',
			interval: '95% 置信区间',
			pValue: 'p 值',
			revenue: '增量收入',
			roi: '投资回报率',
			verdict: '结论',
			upliftChart: '各召回动作的复购率提升及其 95% 置信区间',
			rateChart: '复购率：触达组与对照组（按动作）',
			calibrationChart: '校准：预测流失概率与实际流失比例',
			predicted: '预测',
			observed: '实际',
			customers: '位客户',
			flaggedWhoLeft: '被预警客户中实际流失的比例',
			leaversCaught: '流失客户中被提前预警的比例',
			auc: 'AUC（0.5 为随机，1 为完美）',
			method: '方法',
			generated: '由 n8n-nodes-retention 生成',
			health: '客户群健康度',
			churnRate: '流失率',
			retentionRate: '留存率',
			repeatRate: '复购率',
			retentionDays: '平均留存时长（首单到末单天数）',
			complaintRate: '投诉客户比例',
			satisfaction: '平均满意度',
			churnCost: '流失造成的收入损失（每周期）',
			revenueAtRisk: '风险收入（高与极高风险客户的预测价值）',
			segmentsChart: 'RFM 客群分布',
			stagesChart: '生命周期阶段分布',
			rfChart: '按最近一次消费（R，行）与频次（F，列）评分的客户数',
			cohortChart: '同期群：各首单月份客户在之后各月仍在购买的比例',
			churnChart: '各周期流失率及其常规区间',
			alert: '预警',
			campaignTitle: '召回活动报告',
			warningTitle: '流失预警准确度',
			healthTitle: '客户群健康度',
			campaignSubtitle: '复购 = 首次触达后 {days} 天内下单（每个活动每位客户计一行）',
			warningSubtitle: '流失 = 评分分析日后 {days} 天内无订单',
			healthSubtitle: '截至 {end} 的 {days} 天；活跃 = {active} 天内有订单',
			methodText: '{method}。收入：均值差，Welch 标准误。',
			profitText: '利润：增量收入 × 毛利率 {margin} − 成本（每次触达，以及下单客户使用的优惠）；投资回报率：利润 / 成本。',
			smallGroups: '样本较小：结果为近似值',
			merged: '已将 {merged} 条重复记录合并为每个活动每位客户一行；{conflicts} 位同时出现在两组的客户已排除',
			backtest: '模型回测',
			backtestTitle: '流失模型对近几周的预测效果',
			backtestSubtitle: '用截至 {date} 的历史拟合；其后 {days} 天留作检验，预测 {customers} 位客户',
			trackingChart: '每周复购订单：实际与各模型预期（阴影：留作检验的天数）',
			cumulativeChart: '累计复购订单：实际与各模型预期',
			made: '实际',
			chosen: '已选用',
			model: '模型',
			holdoutLikelihood: '是否下单的对数似然（每位客户，越高越好）',
			brier: 'Brier 分数（越低越好）',
			mae: '每位客户复购数的平均绝对误差',
			ordersPredicted: '检验期预测的复购订单',
		},
	},
	answers: ANSWERS,
};
