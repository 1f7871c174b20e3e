import {
	BgNbdParams,
	bgnbdLogLikelihood,
	expectedPurchases,
	expectedPurchasesNewCustomer,
	fitBgNbd,
	medianTimeToNextPurchase,
	probabilityAlive,
	probabilityNoPurchase,
} from '../../../lib/models/bgnbd';
import { groupHistories, invalidHistory } from '../../../lib/models/customerHistory';
import { readCdnowSummary } from '../../helpers/cdnow';

/** Published in Fader, Hardie & Lee (2005) for CDNOW, weeks (test/fixtures/cdnow/README.md). */
const PUBLISHED: BgNbdParams = { r: 0.2426, alpha: 4.4137, a: 0.793, b: 2.4262 };
const cdnow = readCdnowSummary().map((row) => ({ x: row.x, tx: row.tx, T: row.T }));

describe('BG/NBD on CDNOW (weeks)', () => {
	const fit = fitBgNbd(groupHistories(cdnow));

	it('fits the published parameters within 0.005 and log-likelihood within 0.1', () => {
		expect(fit.converged).toBe(true);
		expect(Math.abs(fit.params.r - PUBLISHED.r)).toBeLessThan(0.005);
		expect(Math.abs(fit.params.alpha - PUBLISHED.alpha)).toBeLessThan(0.005);
		expect(Math.abs(fit.params.a - PUBLISHED.a)).toBeLessThan(0.005);
		expect(Math.abs(fit.params.b - PUBLISHED.b)).toBeLessThan(0.005);
		expect(Math.abs(fit.logLikelihood - -9582.43)).toBeLessThan(0.1);
		expect(fit.customers).toBe(2357);
	});

	it('has an analytic gradient that matches finite differences', () => {
		const data = groupHistories(cdnow);
		const { gradient } = bgnbdLogLikelihood(PUBLISHED, data);
		const keys: Array<keyof BgNbdParams> = ['r', 'alpha', 'a', 'b'];
		keys.forEach((key, k) => {
			const h = 1e-6 * PUBLISHED[key];
			const up = bgnbdLogLikelihood({ ...PUBLISHED, [key]: PUBLISHED[key] + h }, data).value;
			const down = bgnbdLogLikelihood({ ...PUBLISHED, [key]: PUBLISHED[key] - h }, data).value;
			expect(gradient[k]).toBeCloseTo((up - down) / (2 * h), 2);
		});
	});

	describe.each([
		['the published parameters', PUBLISHED],
		['our fitted parameters', fit.params],
	])('spot values under %s, within 0.001', (_label, params) => {
		it('conditional expected purchases in 39 weeks for x=2, t_x=30.43, T=38.86: 1.2259', () => {
			expect(Math.abs(expectedPurchases(params, 39, { x: 2, tx: 30.43, T: 38.86 }) - 1.2259)).toBeLessThan(0.001);
		});
		it.each([
			[1, 0.0532],
			[3, 0.1506],
			[32, 1.0437],
			[52, 1.444],
			[78, 1.8576],
		])('E[X(%d)] for a new customer: %d', (t, expected) => {
			expect(Math.abs(expectedPurchasesNewCustomer(params, t) - expected)).toBeLessThan(0.001);
		});
		it('x=26, t_x=30.857, T=31: P(alive) 0.9689, 25.757 purchases in the next 52 weeks', () => {
			const h = { x: 26, tx: 30.857, T: 31 };
			expect(Math.abs(probabilityAlive(params, h) - 0.9689)).toBeLessThan(0.001);
			expect(Math.abs(expectedPurchases(params, 52, h) - 25.757)).toBeLessThan(0.001);
		});
	});

	it('gives the same r, a, b and alpha x 7 when fitted in days', () => {
		const inDays = fitBgNbd(groupHistories(cdnow.map((h) => ({ x: h.x, tx: h.tx * 7, T: h.T * 7 }))));
		expect(inDays.params.r).toBeCloseTo(fit.params.r, 4);
		expect(inDays.params.a).toBeCloseTo(fit.params.a, 4);
		expect(inDays.params.b).toBeCloseTo(fit.params.b, 4);
		expect(inDays.params.alpha / 7).toBeCloseTo(fit.params.alpha, 3);
	});

	it('does not depend on the starting point', () => {
		const fromElsewhere = fitBgNbd(groupHistories(cdnow), { starts: [{ r: 5, alpha: 50, a: 3, b: 0.2 }] });
		expect(fromElsewhere.converged).toBe(true);
		expect(fromElsewhere.logLikelihood).toBeCloseTo(fit.logLikelihood, 4);
	});

	it('shrinks the parameters with a penalizer', () => {
		const penalised = fitBgNbd(groupHistories(cdnow), { penalizer: 0.1 });
		expect(penalised.converged).toBe(true);
		expect(penalised.params.b).toBeLessThan(fit.params.b);
		expect(penalised.logLikelihood).toBeLessThan(fit.logLikelihood);
	});
});

describe('BG/NBD for extreme histories', () => {
	const extremes = [
		{ x: 0, tx: 0, T: 0 },
		{ x: 0, tx: 0, T: 500 },
		{ x: 1000, tx: 300, T: 400 },
		{ x: 1000, tx: 400, T: 400 },
		{ x: 5, tx: 40, T: 40 },
		{ x: 1, tx: 0.01, T: 10_000 },
	];

	it.each(extremes)('x=$x t_x=$tx T=$T: probabilities finite and in [0, 1], expectations finite and non-negative', (h) => {
		for (const t of [0, 1, 39, 520, 5200]) {
			const alive = probabilityAlive(PUBLISHED, h);
			const none = probabilityNoPurchase(PUBLISHED, t, h);
			const expected = expectedPurchases(PUBLISHED, t, h);
			expect([alive, none, expected].every(Number.isFinite)).toBe(true);
			expect(alive).toBeGreaterThanOrEqual(0);
			expect(alive).toBeLessThanOrEqual(1);
			expect(none).toBeGreaterThanOrEqual(0);
			expect(none).toBeLessThanOrEqual(1);
			expect(expected).toBeGreaterThanOrEqual(0);
		}
		expect(Number.isFinite(medianTimeToNextPurchase(PUBLISHED, h))).toBe(true);
	});

	it('P(alive) is exactly 1 without repeat purchases, and goes to 0 (not NaN) for a long-silent heavy buyer', () => {
		expect(probabilityAlive(PUBLISHED, { x: 0, tx: 0, T: 100 })).toBe(1);
		expect(probabilityAlive(PUBLISHED, { x: 1000, tx: 10, T: 400 })).toBe(0);
	});

	it('a customer who bought today (t_x = T) is more likely alive than one silent for long', () => {
		expect(probabilityAlive(PUBLISHED, { x: 3, tx: 30, T: 30 })).toBeGreaterThan(probabilityAlive(PUBLISHED, { x: 3, tx: 10, T: 30 }));
	});

	it('handles a = 1, where the expectation formula is 0/0, continuously', () => {
		const at = (a: number) => expectedPurchases({ ...PUBLISHED, a }, 39, { x: 2, tx: 30.43, T: 38.86 });
		expect(at(1)).toBeCloseTo((at(0.999) + at(1.001)) / 2, 4);
	});

	it('says what is wrong with an impossible history', () => {
		expect(invalidHistory({ x: 2, tx: 50, T: 40 })).toBe('recency (first to last purchase) cannot exceed T (first purchase to the analysis date)');
		expect(invalidHistory({ x: 1.5, tx: 1, T: 4 })).toBe('frequency (repeat purchases) must be a whole number of 0 or more');
		expect(invalidHistory({ x: 0, tx: 3, T: 4 })).toBe('a customer without repeat purchases must have recency 0');
		expect(invalidHistory({ x: 2, tx: 3, T: 4 })).toBeUndefined();
	});
});

describe('a fit with a time limit', () => {
	it('stops unconverged at the limit and says why, instead of searching on', () => {
		const fit = fitBgNbd(groupHistories(cdnow), { timeLimitMs: 0 });
		expect(fit).toMatchObject({ converged: false, message: 'time limit reached' });
		const generous = fitBgNbd(groupHistories(cdnow), { timeLimitMs: 60_000 });
		expect(generous.converged).toBe(true);
	});
});
