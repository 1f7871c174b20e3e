import { fitLogistic, logisticContributions, logisticProbability } from '../../../lib/math/logisticRegression';

/** 500 rows built by formula, the same in scripts/sklearn-logistic-reference.py. */
function data(n: number) {
	const rows: number[][] = [];
	const y: number[] = [];
	const weights: number[] = [];
	for (let i = 0; i < n; i++) {
		const x1 = Math.sin(i * 0.37) * 2;
		const x2 = ((i * 7919) % 1000) / 1000;
		const x3 = i % 3 === 0 ? 1 : 0;
		const p = 1 / (1 + Math.exp(-(0.5 + 1.2 * x1 - 0.8 * x2 + 0.3 * x3)));
		y.push(((i * 104729) % 1000) / 1000 < p ? 1 : 0);
		rows.push([x1, x2, x3]);
		weights.push(1 + (i % 4));
	}
	return { rows, y, weights };
}

describe('Logistic regression with an L2 penalty', () => {
	const { rows, y, weights } = data(500);

	// scikit-learn 1.2 (Debian's python3-sklearn), LogisticRegression(C = 1 / l2, tol 1e-12) on the
	// standardised features: scripts/sklearn-logistic-reference.py printed these.
	it.each([
		['unweighted, l2 = 1', 1, undefined, [0.26503304088833557, 1.688095566682918, -0.02142668383759708, 0.22367717852369143]],
		['weighted, l2 = 10', 10, weights, [0.27312170388331064, 1.6184463437791488, 0.007697063262939189, 0.2742900301482861]],
	])('fits what scikit-learn fits, %s', (_label, l2, rowWeights, reference) => {
		const model = fitLogistic(rows, y, { l2: l2 as number, weights: rowWeights as number[] | undefined });
		expect(model.converged).toBe(true);
		expect(model.iterations).toBeLessThan(10);
		[model.intercept, ...model.weights].forEach((value, k) => expect(value).toBeCloseTo((reference as number[])[k], 6));
	});

	it("splits each customer's log-odds into the features' shares against the average customer", () => {
		const model = fitLogistic(rows, y, { l2: 1 });
		const x = [1.5, 0.2, 1];
		const shares = logisticContributions(model, x);
		expect(shares[0]).toBeCloseTo((model.weights[0] * (1.5 - model.means[0])) / model.scales[0], 12);
		const logOdds = model.intercept + shares.reduce((a, b) => a + b, 0);
		expect(logisticProbability(model, x)).toBeCloseTo(1 / (1 + Math.exp(-logOdds)), 12);
	});

	it('leaves a constant feature out of the answer, and does not fail on separable data', () => {
		const constant = fitLogistic(rows.map((r) => [...r, 7]), y, { l2: 1 });
		expect(constant.weights[3]).toBe(0);
		// Perfectly separated classes: without the penalty the weights would run to infinity.
		const separable = fitLogistic([[0], [1], [2], [3]], [0, 0, 1, 1], { l2: 1 });
		expect(separable.converged).toBe(true);
		expect(logisticProbability(separable, [3])).toBeGreaterThan(0.5);
	});
});
