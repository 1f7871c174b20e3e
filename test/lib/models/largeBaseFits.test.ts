import { fromStartsSteps } from '../../../lib/math/bfgs';
import { coarseToFineSteps, sampleWeights } from '../../../lib/math/coarseToFine';
import { runToEnd } from '../../../lib/math/steps';
import { bgnbdLogLikelihood, fitBgNbd } from '../../../lib/models/bgnbd';
import { groupHistories } from '../../../lib/models/customerHistory';
import { fitGammaGamma, gammaGammaLogLikelihood, spendColumns } from '../../../lib/models/gammaGamma';
import { logParameterObjective } from '../../../lib/models/logParameterObjective';

import { btydCustomers } from '../../../devkit/synthetic/btydCustomers';

/** A synthetic base as the models see it, 546 days after the first possible purchase. */
function syntheticBase(customers: number, seed: number) {
	const x = new Float64Array(customers);
	const tx = new Float64Array(customers);
	const T = new Float64Array(customers);
	const m = new Float64Array(customers);
	let i = 0;
	for (const customer of btydCustomers({ customers, seed })) {
		const days = [...new Set(customer.days)];
		x[i] = days.length - 1;
		tx[i] = days[days.length - 1] - days[0];
		T[i] = 546 - days[0];
		m[i] = x[i] > 0 ? customer.amounts.slice(1).reduce((s, v) => s + v, 0) / (customer.amounts.length - 1) : 0;
		i++;
	}
	return { x, tx, T, m };
}

describe('fitting a large customer base through a sample first', () => {
	const base = syntheticBase(150_000, 7);
	const groups = groupHistories(base);

	it('reaches the same BG/NBD optimum as the full multi-start search', () => {
		expect(groups.x.length).toBeGreaterThan(40_000);
		const fit = fitBgNbd(groups);
		const objective = logParameterObjective(groups.customers, 0, ([r, alpha, a, b]) => bgnbdLogLikelihood({ r, alpha, a, b }, groups));
		const direct = runToEnd(fromStartsSteps(objective, [[0, Math.log(30), 0, 0]], { maxIterations: 1000, gradientTolerance: 1e-8 }));
		expect(fit.converged).toBe(true);
		const [r, alpha, a, b] = (direct?.x ?? []).map(Math.exp);
		expect(fit.params.r).toBeCloseTo(r, 5);
		expect(fit.params.alpha).toBeCloseTo(alpha, 3);
		expect(fit.params.a).toBeCloseTo(a, 5);
		expect(fit.params.b).toBeCloseTo(b, 5);
	});

	it('reaches the same Gamma-Gamma optimum as the full multi-start search', () => {
		const fit = fitGammaGamma(base);
		const spenders = spendColumns(base);
		expect(spenders.x.length).toBeGreaterThan(40_000);
		const objective = logParameterObjective(spenders.x.length, 0, ([p, q, gamma]) => gammaGammaLogLikelihood({ p, q, gamma }, spenders));
		const direct = runToEnd(fromStartsSteps(objective, [[0, Math.log(2), Math.log(20)]], { maxIterations: 1000, gradientTolerance: 1e-8 }));
		const [p, q, gamma] = (direct?.x ?? []).map(Math.exp);
		expect(fit.converged).toBe(true);
		expect(fit.params.p).toBeCloseTo(p, 4);
		expect(fit.params.q).toBeCloseTo(q, 4);
		expect(fit.params.gamma).toBeCloseTo(gamma, 3);
	});
});

describe('coarse-to-fine minimisation', () => {
	const bowl = (centre: number[]) => (x: number[]) => ({
		value: x.reduce((s, xi, i) => s + (i + 1) * (xi - centre[i]) ** 2, 0),
		gradient: x.map((xi, i) => 2 * (i + 1) * (xi - centre[i])),
	});

	it("polishes the sample's optimum into the full objective's own optimum", () => {
		const result = runToEnd(coarseToFineSteps(bowl([1, 2]), bowl([1.1, 1.9]), [[5, 5]], { gradientTolerance: 1e-10 }));
		expect(result?.converged).toBe(true);
		expect(result?.x[0]).toBeCloseTo(1, 8);
		expect(result?.x[1]).toBeCloseTo(2, 8);
	});

	it('searches the full objective from every start when the polishing run fails', () => {
		// The sample's optimum lies where the full objective cannot be evaluated.
		const full = (x: number[]) => (x[0] > 3 ? { value: NaN, gradient: [0] } : bowl([1])(x));
		const result = runToEnd(coarseToFineSteps(full, bowl([4]), [[0]], { gradientTolerance: 1e-10 }));
		expect(result?.x[0]).toBeCloseTo(1, 8);
	});
});

describe('weighted samples of grouped rows', () => {
	it('keeps heavy rows whole and lets light rows stand for more customers, reproducibly', () => {
		const weights = Float64Array.from({ length: 100_000 }, (_, i) => (i < 10 ? 5_000 : 1));
		const sample = sampleWeights(weights, 0.1);
		expect(Array.from(sample.slice(0, 10))).toEqual(Array(10).fill(5_000));
		const kept = sample.filter((w) => w > 0).length;
		expect(kept).toBeGreaterThan(9_000);
		expect(kept).toBeLessThan(11_000);
		const total = sample.reduce((s, w) => s + w, 0);
		expect(total / weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 1);
		expect(sampleWeights(weights, 0.1)).toEqual(sample);
	});
});
