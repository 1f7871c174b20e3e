import { minimiseBfgs } from '../../../lib/math/bfgs';
import { digamma } from '../../../lib/math/digamma';
import { logHyp2f1 } from '../../../lib/math/hypergeometric';

const hyp2f1 = (a: number, b: number, c: number, z: number) => Math.exp(logHyp2f1(a, b, c, z));
const relative = (got: number, want: number) => Math.abs(got - want) / Math.abs(want);

describe('2F1 against closed forms', () => {
	it.each([0.1, 0.5, 0.9, 0.99, 0.999, 0.9999])('2F1(1, 1; 2; z) = -ln(1-z)/z at z=%d', (z) => {
		expect(relative(hyp2f1(1, 1, 2, z), -Math.log1p(-z) / z)).toBeLessThan(1e-10);
	});

	it.each([0.3, 0.9, 0.999])('2F1(a, b; b; z) = (1-z)^-a, where the series sum is huge (Euler path), at z=%d', (z) => {
		for (const a of [0.25, 3.7, 250]) {
			expect(relative(logHyp2f1(a, 2.5, 2.5, z), -a * Math.log1p(-z))).toBeLessThan(1e-10);
		}
	});

	it.each([0.2, 0.7, 0.95])('2F1(1/2, 1/2; 3/2; x^2) = asin(x)/x at x=%d', (x) => {
		expect(relative(hyp2f1(0.5, 0.5, 1.5, x * x), Math.asin(x) / x)).toBeLessThan(1e-10);
	});

	it('is 1 at z = 0 and refuses z outside [0, 1)', () => {
		expect(logHyp2f1(2, 3, 4, 0)).toBe(0);
		expect(() => logHyp2f1(2, 3, 4, 1)).toThrow(RangeError);
	});
});

describe('digamma', () => {
	const EULER = 0.5772156649015329;
	it('matches known values', () => {
		expect(digamma(1)).toBeCloseTo(-EULER, 12);
		expect(digamma(0.5)).toBeCloseTo(-EULER - 2 * Math.LN2, 12);
		expect(digamma(1e-3)).toBeCloseTo(-1000.5755719318, 8);
	});
	it('satisfies psi(x + 1) = psi(x) + 1/x', () => {
		for (const x of [0.01, 0.7, 3.3, 42, 1e5]) expect(digamma(x + 1) - digamma(x)).toBeCloseTo(1 / x, 10);
	});
});

describe('BFGS', () => {
	it('finds the minimum of the Rosenbrock function', () => {
		const rosenbrock = ([x, y]: number[]) => ({
			value: (1 - x) ** 2 + 100 * (y - x * x) ** 2,
			gradient: [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
		});
		const result = minimiseBfgs(rosenbrock, [-1.2, 1]);
		expect(result.converged).toBe(true);
		expect(result.x[0]).toBeCloseTo(1, 5);
		expect(result.x[1]).toBeCloseTo(1, 5);
	});

	it('steps back from regions where the objective is not finite', () => {
		const logBarrier = ([x]: number[]) => (x <= 0 ? { value: NaN, gradient: [NaN] } : { value: x - Math.log(x), gradient: [1 - 1 / x] });
		const result = minimiseBfgs(logBarrier, [5]);
		expect(result.x[0]).toBeCloseTo(1, 6);
	});

	it('reports failure instead of a number when the start is not finite', () => {
		const result = minimiseBfgs(() => ({ value: Infinity, gradient: [0] }), [0]);
		expect(result.converged).toBe(false);
		expect(result.message).toBe('the objective is not finite at the starting point');
	});
});
