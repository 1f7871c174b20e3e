import { predictedClv } from '../../../lib/models/clv';
import { expectedAverageSpend, fitGammaGamma, gammaGammaLogLikelihood, populationMeanSpend, spendFrequencyCorrelation } from '../../../lib/models/gammaGamma';
import { readCdnowSummary } from '../../helpers/cdnow';

const PUBLISHED = { p: 6.2488, q: 3.7446, gamma: 15.4477 };
const spend = readCdnowSummary('cdnow_customers_summary_with_transactions.csv').map((r) => ({ x: r.x, m: r.zbar as number }));

describe('Gamma-Gamma on CDNOW', () => {
	const fit = fitGammaGamma(spend);

	it('fits on the 946 repeat customers: published p, q, gamma within 0.005 and log-likelihood within 0.1', () => {
		expect(fit.customers).toBe(946);
		expect(fit.converged).toBe(true);
		expect(Math.abs(fit.params.p - PUBLISHED.p)).toBeLessThan(0.005);
		expect(Math.abs(fit.params.q - PUBLISHED.q)).toBeLessThan(0.005);
		expect(Math.abs(fit.params.gamma - PUBLISHED.gamma)).toBeLessThan(0.005);
		expect(Math.abs(fit.logLikelihood - -4055.92)).toBeLessThan(0.1);
	});

	it('has a population mean spend of 35.17, which a customer without repeat purchases is expected to spend', () => {
		expect(populationMeanSpend(PUBLISHED)).toBeCloseTo(35.17, 2);
		expect(expectedAverageSpend(PUBLISHED, { x: 0, m: 0 })).toBeCloseTo(35.17, 2);
	});

	it("pulls a customer's own mean towards the population mean, less so the more they bought", () => {
		const few = expectedAverageSpend(PUBLISHED, { x: 1, m: 100 });
		const many = expectedAverageSpend(PUBLISHED, { x: 20, m: 100 });
		expect(few).toBeGreaterThan(35.17);
		expect(few).toBeLessThan(many);
		expect(many).toBeLessThan(100);
	});

	it('confirms spend barely depends on frequency in CDNOW (correlation 0.11)', () => {
		expect(spendFrequencyCorrelation(spend)).toBeCloseTo(0.11, 2);
	});

	it('has an analytic gradient that matches finite differences', () => {
		const repeaters = spend.filter((s) => s.x > 0);
		const { gradient } = gammaGammaLogLikelihood(PUBLISHED, repeaters);
		(['p', 'q', 'gamma'] as const).forEach((key, k) => {
			const h = 1e-6 * PUBLISHED[key];
			const up = gammaGammaLogLikelihood({ ...PUBLISHED, [key]: PUBLISHED[key] + h }, repeaters).value;
			const down = gammaGammaLogLikelihood({ ...PUBLISHED, [key]: PUBLISHED[key] - h }, repeaters).value;
			expect(gradient[k]).toBeCloseTo((up - down) / (2 * h), 2);
		});
	});
});

describe('CLV', () => {
	const bgnbd = { r: 0.2426, alpha: 4.4137 * 7, a: 0.793, b: 2.4262 };
	const history = { x: 2, tx: 213, T: 272 };

	it('is expected purchases times expected spend when nothing is discounted', () => {
		const undiscounted = predictedClv(bgnbd, history, 40, 12, 0);
		const { expectedPurchases } = jest.requireActual('../../../lib/models/bgnbd');
		expect(undiscounted).toBeCloseTo(expectedPurchases(bgnbd, 360, history) * 40, 8);
	});

	it('is lower with a discount rate, and grows with the horizon', () => {
		expect(predictedClv(bgnbd, history, 40, 12, 0.01)).toBeLessThan(predictedClv(bgnbd, history, 40, 12, 0));
		expect(predictedClv(bgnbd, history, 40, 24, 0.01)).toBeGreaterThan(predictedClv(bgnbd, history, 40, 12, 0.01));
	});
});
