import { reviewSentiment } from '../../../lib/engagement/reviewSentiment';

describe('How a review reads', () => {
	it.each([
		['Love it, fresh and delicious, will buy again!', 'delighted'],
		['Great tea, fast delivery', 'pleased'],
		['The box arrived damaged and customer service was rude. Never again.', 'angry'],
		['Not good, not worth the price', 'unhappy'],
		['I would not recommend this', 'unhappy'],
		['非常满意，物流快，会回购', 'delighted'],
		['茶叶不错，包装完好', 'pleased'],
		['包装破损，客服态度差，再也不买了', 'angry'],
		['不太满意，有点贵', 'unhappy'],
		['收到的是假货，垃圾', 'angry'],
	])('reads "%s" as %s', (text, mood) => {
		const score = reviewSentiment(text);
		expect(score).toBeGreaterThanOrEqual(-1);
		expect(score).toBeLessThanOrEqual(1);
		if (mood === 'delighted') expect(score).toBeGreaterThan(0.75);
		if (mood === 'pleased') expect(score).toBeGreaterThan(0.3);
		if (mood === 'unhappy') expect(score).toBeLessThan(-0.3);
		if (mood === 'angry') expect(score).toBeLessThan(-0.75);
	});

	it('weighs the words as the lexicon says and squashes the sum as VADER does (worked by hand)', () => {
		// great 2 + fast 1 = 3: 3 / sqrt(9 + 15).
		expect(reviewSentiment('great and fast')).toBeCloseTo(3 / Math.sqrt(24), 12);
		// 满意 2, turned by 不: -2 / sqrt(4 + 15).
		expect(reviewSentiment('不满意')).toBeCloseTo(-2 / Math.sqrt(19), 12);
	});

	it('does not read a listed character inside a word of another sense', () => {
		// 快递 is the courier, not "fast"; 差不多 is "about the same", not "bad".
		expect(reviewSentiment('快递到了，味道和上次差不多')).toBe(0);
	});

	it('takes "no problem" and "没问题" as fine, not as a negated problem', () => {
		expect(reviewSentiment('no problem')).toBeGreaterThan(0);
		expect(reviewSentiment('没问题')).toBeGreaterThan(0);
	});

	it('is 0 for a review without a word it knows', () => {
		expect(reviewSentiment('Order 1234, received on Tuesday')).toBe(0);
	});
});
