/**
 * How a review reads, from -1 (angry) to 1 (delighted), in English or Chinese, without a network
 * call. A small lexicon of the words shop reviews use, written for this package (the general
 * lists, AFINN and the like, carry a share-alike data licence and know little of parcels,
 * couriers and refunds; Chinese needs its own list in any case). Each term has a weight of 1 to
 * 3, taken by longest match (Chinese has no spaces to split words at); a negator just before a
 * term turns it ("not good", "不满意"); the sum s is squashed to
 * s / sqrt(s^2 + 15), VADER's normalisation (Hutto & Gilbert 2014), so one strong word reads
 * clearly and many words do not run past 1.
 */

const ENGLISH: Record<string, number> = {
	love: 3, loved: 3, excellent: 3, perfect: 3, amazing: 3, fantastic: 3, wonderful: 3, awesome: 3, best: 2, great: 2, good: 1, nice: 1, happy: 2, pleased: 2, satisfied: 2, recommend: 2, recommended: 2,
	delicious: 2, fresh: 1, fast: 1, quick: 1, friendly: 2, helpful: 2, beautiful: 2, quality: 1, 'well packed': 2, 'value for money': 2, 'on time': 1, 'no problem': 1, 'will buy again': 3, 'buy again': 2,
	bad: -2, poor: -2, terrible: -3, awful: -3, horrible: -3, worst: -3, disappointed: -2, disappointing: -2, broken: -2, damaged: -2, late: -1, slow: -1, rude: -2, fake: -3, stale: -2, expired: -2,
	wrong: -2, missing: -2, refund: -1, return: -1, returned: -1, complaint: -2, useless: -2, waste: -2, 'waste of money': -3, 'never again': -3, 'not worth': -2, cheap: -1, overpriced: -2, ignored: -2, leaking: -2,
};

const CHINESE: Record<string, number> = {
	好评: 3, 五星: 3, 非常满意: 3, 满意: 2, 喜欢: 2, 推荐: 2, 很好: 2, 不错: 2, 好吃: 2, 好用: 2, 新鲜: 1, 正品: 2, 物流快: 2, 发货快: 2, 速度快: 1, 包装好: 2, 包装完好: 2, 性价比高: 2, 划算: 2,
	实惠: 1, 贴心: 2, 耐心: 2, 热情: 2, 回购: 2, 还会再买: 3, 会回购: 3, 值得: 2, 没问题: 1, 完美: 3, 惊喜: 2, 快递快: 2,
	// Words that hold a listed character without its sense (差不多: about the same), weighed 0 so the longest match takes them.
	差不多: 0, 好像: 0, 好久: 0, 快递: 0,
	差评: -3, 很差: -3, 太差: -3, 差: -2, 失望: -2, 破损: -2, 损坏: -2, 坏了: -2, 漏: -2, 慢: -1, 太慢: -2, 假货: -3, 假的: -3, 过期: -2, 变质: -3, 难吃: -2, 难用: -2, 退货: -1, 退款: -1,
	投诉: -2, 垃圾: -3, 骗: -3, 不值: -2, 不新鲜: -2, 态度差: -3, 不理: -2, 没人理: -2, 少发: -2, 发错: -2, 错发: -2, 贵: -1, 坑: -2, 后悔: -2, 再也不买: -3, 不会再买: -3,
};

const ENGLISH_NEGATORS = new Set(['not', 'no', 'never', "don't", 'dont', "didn't", 'didnt', "isn't", 'isnt', "wasn't", 'wasnt', "doesn't", 'doesnt', 'hardly', 'nothing', "won't", 'wont', "aren't", 'arent']);
const CHINESE_NEGATORS = ['没有', '不是', '不', '没', '未', '别', '无'];

/** English terms by their first word, longest first, so "waste of money" is matched before "waste". */
const ENGLISH_BY_FIRST_WORD: Map<string, Array<{ words: string[]; weight: number }>> = (() => {
	const map = new Map<string, Array<{ words: string[]; weight: number }>>();
	for (const [term, weight] of Object.entries(ENGLISH)) {
		const words = term.split(' ');
		const list = map.get(words[0]) ?? [];
		list.push({ words, weight });
		map.set(words[0], list);
	}
	for (const list of map.values()) list.sort((a, b) => b.words.length - a.words.length);
	return map;
})();

const CHINESE_TERMS = Object.keys(CHINESE).sort((a, b) => b.length - a.length);
const LONGEST_CHINESE = CHINESE_TERMS[0].length;

function englishSum(text: string): number {
	const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
	let sum = 0;
	for (let i = 0; i < words.length; i++) {
		const match = ENGLISH_BY_FIRST_WORD.get(words[i])?.find((term) => term.words.every((word, k) => words[i + k] === word));
		if (!match) continue;
		// A negator among the three words before turns the term ("not very good"); a term that is
		// itself negated ("not worth", "never again", "no problem") is taken as it stands.
		const negated = !ENGLISH_NEGATORS.has(match.words[0]) && words.slice(Math.max(0, i - 3), i).some((word) => ENGLISH_NEGATORS.has(word));
		sum += negated ? -match.weight : match.weight;
		i += match.words.length - 1;
	}
	return sum;
}

function chineseSum(text: string): number {
	let sum = 0;
	let i = 0;
	while (i < text.length) {
		let term: string | undefined;
		for (let length = Math.min(LONGEST_CHINESE, text.length - i); length > 0 && !term; length--) {
			const candidate = text.slice(i, i + length);
			if (candidate in CHINESE) term = candidate;
		}
		if (!term) {
			i++;
			continue;
		}
		// A negator right before the term (one character may sit between: "不太满意") turns it.
		const before = text.slice(Math.max(0, i - 3), i);
		const negated = CHINESE_NEGATORS.some((negator) => before.endsWith(negator) || before.slice(0, -1).endsWith(negator));
		sum += negated ? -CHINESE[term] : CHINESE[term];
		i += term.length;
	}
	return sum;
}

/** The sentiment of a review, -1 to 1; 0 when no word of the lexicon appears. */
export function reviewSentiment(text: string): number {
	const sum = englishSum(text) + chineseSum(text);
	return sum === 0 ? 0 : sum / Math.sqrt(sum * sum + 15);
}
