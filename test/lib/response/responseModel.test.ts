import { fitResponseModel, ResponseUnit } from '../../../lib/response/fitResponse';
import { logistic, logit } from '../../../lib/response/logOdds';
import { combine, parseResponseModel, predictResponse, withPrior } from '../../../lib/response/responseModel';

const PRIOR = { mean: logit(0.18) - logit(0.1), sd: 0.5 };
const NO_FEATURES = { stage: null, segment: null, valueTier: null, cause: null };

describe('a response on the log-odds scale', () => {
	it('gives the largest uplift to customers in between: not to those who buy anyway, nor to the long gone', () => {
		const uplift = (b: number) => predictResponse(null, 'discountCoupon', NO_FEATURES, b, PRIOR).uplift;
		expect(uplift(0.1)).toBeCloseTo(0.08, 10);
		expect(uplift(0.01)).toBeLessThan(0.015);
		expect(uplift(0.95)).toBeLessThan(0.03);
		expect(uplift(0.4)).toBeGreaterThan(uplift(0.1));
		expect(uplift(0.4)).toBeGreaterThan(uplift(0.9));
	});

	it('bets on the effect\'s upper bound when exploring', () => {
		const r = predictResponse(null, 'discountCoupon', NO_FEATURES, 0.1, PRIOR);
		expect(r.optimisticUplift).toBeCloseTo(logistic(logit(0.1) + PRIOR.mean + 1.2815515655446004 * 0.5) - 0.1, 10);
		expect(r.source).toBe('prior');
	});
});

describe('evidence combined', () => {
	it('weighs two estimates by their precision', () => {
		expect(combine({ mean: 0, sd: 1 }, { mean: 1, sd: 1 })).toEqual({ mean: 0.5, sd: Math.sqrt(0.5) });
	});

	it('swaps the prior a measurement was fitted with for the planner\'s own, keeping the data\'s evidence', () => {
		const data = { mean: 0.2, sd: 0.1 };
		const fittedPrior = { mean: 0.6, sd: 0.5 };
		const posterior = combine(data, fittedPrior);
		const swapped = withPrior(posterior, fittedPrior, { mean: 1, sd: 0.25 });
		const expected = combine(data, { mean: 1, sd: 0.25 });
		expect(swapped.mean).toBeCloseTo(expected.mean, 10);
		expect(swapped.sd).toBeCloseTo(expected.sd, 10);
		// A measurement that added nothing leaves the new prior as it is.
		expect(withPrior(fittedPrior, fittedPrior, { mean: 1, sd: 0.25 })).toEqual({ mean: 1, sd: 0.25 });
	});
});

/** A seeded uniform, so the simulated campaigns are the same on every run. */
function uniforms(seed: number) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

describe('measuring the response from campaigns', () => {
	// 8,000 customers; half contacted. True effect on the log-odds: 0.9, and 0.9 + 0.8 for the
	// "lapsed" stage; the logged base rates are too high by 0.5 on the log-odds.
	const random = uniforms(11);
	const units: ResponseUnit[] = Array.from({ length: 8000 }, (_, i) => {
		const lapsed = i % 3 === 0;
		const logged = 0.05 + 0.5 * random();
		const trueBase = logit(logged) - 0.5;
		const treated = i % 2 === 0;
		const p = logistic(trueBase + (treated ? 0.9 + (lapsed ? 0.8 : 0) : 0));
		return { campaignId: 'c1', action: 'discountCoupon', group: treated ? 'treatment' : 'control', reactivated: random() < p, baseRate: logged, features: { ...NO_FEATURES, stage: lapsed ? 'atRisk' : 'active' } };
	});
	const model = fitResponseModel(units, () => PRIOR, 30, new Date('2025-07-01T00:00:00Z'));
	const coupon = model.actions.discountCoupon;

	it('recovers the calibration of the base rates and the effect, within their uncertainty', () => {
		expect(Math.abs(coupon.baseShift.mean + 0.5)).toBeLessThan(3 * Math.hypot(coupon.baseShift.sd, 0.1));
		const atRisk = coupon.cells.find((c) => c.dimension === 'stage' && c.value === 'atRisk')!;
		const active = coupon.cells.find((c) => c.dimension === 'stage' && c.value === 'active')!;
		// The cells share the action's effect; what is identified is the difference between them.
		expect(Math.abs(atRisk.effect.mean - active.effect.mean - 0.8)).toBeLessThan(0.3);
		const predicted = (stage: string, b: number) => predictResponse(model, 'discountCoupon', { ...NO_FEATURES, stage }, b, PRIOR);
		const truth = (b: number, extra: number) => logistic(logit(b) - 0.5 + 0.9 + extra) - logistic(logit(b) - 0.5);
		expect(predicted('atRisk', 0.3).uplift).toBeCloseTo(truth(0.3, 0.8), 1);
		expect(predicted('active', 0.3).uplift).toBeCloseTo(truth(0.3, 0), 1);
		expect(predicted('active', 0.3).source).toBe('measured');
	});

	it('writes a model that reads back, and refuses what is not one', () => {
		expect(parseResponseModel(JSON.parse(JSON.stringify(model)))).toEqual(model);
		expect(() => parseResponseModel({ kind: 'something else' })).toThrow(/not a response model written by Campaign Report: kind/);
	});

	it('measures nothing for an action with too few customers, so its prior stays', () => {
		const few = fitResponseModel(units.slice(0, 10), () => PRIOR, 30, new Date());
		expect(few.actions).toEqual({});
	});
});
