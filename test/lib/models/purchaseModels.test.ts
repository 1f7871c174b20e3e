import * as fs from 'fs';
import * as path from 'path';
import { groupHistories, GroupedHistories } from '../../../lib/models/customerHistory';
import { fitPurchaseModel, logParameterCovariance, standardErrors } from '../../../lib/models/fitPurchaseModel';
import { PURCHASE_MODELS } from '../../../lib/models/purchaseModels';
import type { PurchaseModel } from '../../../lib/models/purchaseModel';
import { readCdnowSummary } from '../../helpers/cdnow';
import { centralDifferenceGradient } from '../../../lib/math/numericGradient';

/*
 * Known answers. Parameters and log-likelihoods: the papers where they publish them (BG/NBD,
 * Pareto/NBD: Fader & Hardie; BG/BB: Fader, Hardie & Shang 2010), else the Python lifetimes
 * library (MBG/NBD). Spot values: lifetimes 0.11.3 at the parameters shown, printed by
 * scripts/lifetimes-known-values.py.
 */
const cdnow = groupHistories(readCdnowSummary().map((row) => ({ x: row.x, tx: row.tx, T: row.T })));

function donations(): GroupedHistories {
	const rows = fs.readFileSync(path.resolve(__dirname, '../../fixtures/donations/donations.csv'), 'utf8').trim().split(/\r?\n/).slice(1).map((line) => line.split(',').map(Number));
	const column = (k: number) => Float64Array.from(rows.map((row) => row[k]));
	return { x: column(0), tx: column(1), T: column(2), weight: column(3), customers: rows.reduce((sum, row) => sum + row[3], 0) };
}

const relativeGap = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

interface KnownFit {
	model: PurchaseModel;
	data: () => GroupedHistories;
	params: number[];
	logLikelihood: number;
	source: string;
}

const KNOWN_FITS: KnownFit[] = [
	{ model: PURCHASE_MODELS.bgnbd, data: () => cdnow, params: [0.2426, 4.4137, 0.793, 2.4262], logLikelihood: -9582.43, source: 'Fader, Hardie & Lee 2005' },
	{ model: PURCHASE_MODELS.mbgnbd, data: () => cdnow, params: [0.524838, 6.182988, 0.891356, 1.614], logLikelihood: -9582.1327, source: 'lifetimes ModifiedBetaGeoFitter' },
	{ model: PURCHASE_MODELS.paretonbd, data: () => cdnow, params: [0.5534, 10.5802, 0.6061, 11.6562], logLikelihood: -9594.98, source: 'Fader & Hardie 2005 note' },
	{ model: PURCHASE_MODELS.bgbb, data: donations, params: [1.204, 0.75, 0.657, 2.783], logLikelihood: -33225.6, source: 'Fader, Hardie & Shang 2010' },
];

describe.each(KNOWN_FITS)('$model.label fitted to its benchmark data ($source)', ({ model, data, params, logLikelihood }) => {
	const fit = fitPurchaseModel(model, data());

	it('finds the published parameters within 0.005 relative and the log-likelihood within 0.1', () => {
		expect(fit.converged).toBe(true);
		fit.params.forEach((value, k) => expect(relativeGap(value, params[k])).toBeLessThan(0.005));
		expect(Math.abs(fit.logLikelihood - logLikelihood)).toBeLessThan(0.1);
	});

	it('has standard errors from the curvature at the optimum', () => {
		const covariance = logParameterCovariance(model, data(), fit.params);
		expect(covariance).not.toBeNull();
		const errors = standardErrors(fit.params, covariance as number[][]);
		errors.forEach((se, k) => {
			expect(se).toBeGreaterThan(0);
			expect(se).toBeLessThan(fit.params[k]);
		});
	});
});

/** lifetimes' values at its own fit (scripts/lifetimes-known-values.py): [x, t_x, T] -> P(alive), E[Y(39)]. */
const CDNOW_SPOT_VALUES: Array<{ model: PurchaseModel; params: number[]; values: Array<[number[], number, number]>; newCustomer: number[] }> = [
	{
		model: PURCHASE_MODELS.bgnbd,
		params: [0.242593, 4.413532, 0.792886, 2.425752],
		values: [
			[[0, 0, 38.86], 1, 0.194781],
			[[1, 1.71, 38.86], 0.212227, 0.203251],
			[[2, 30.43, 38.86], 0.726609, 1.22591],
			[[26, 30.857, 31], 0.968852, 20.749129],
		],
		newCustomer: [0.053185, 0.53364, 1.444021],
	},
	{
		model: PURCHASE_MODELS.mbgnbd,
		params: [0.524838, 6.182988, 0.891356, 1.614],
		values: [
			[[0, 0, 38.86], 0.389716, 0.153954],
			[[1, 1.71, 38.86], 0.17082, 0.188789],
			[[2, 30.43, 38.86], 0.706126, 1.262671],
			[[26, 30.857, 31], 0.965481, 19.446597],
		],
		newCustomer: [0.053061, 0.535086, 1.41889],
	},
	{
		model: PURCHASE_MODELS.paretonbd,
		params: [0.553291, 10.577847, 0.60621, 11.667776],
		values: [
			[[0, 0, 38.86], 0.295095, 0.107061],
			[[1, 1.71, 38.86], 0.167872, 0.170981],
			[[2, 30.43, 38.86], 0.869119, 1.455116],
			[[26, 30.857, 31], 0.997871, 20.114834],
		],
		newCustomer: [0.051007, 0.531402, 1.473447],
	},
];

describe.each(CDNOW_SPOT_VALUES)('$model.label on CDNOW histories (weeks), as lifetimes computes them', ({ model, params, values, newCustomer }) => {
	it.each(values)('history %j: P(alive) %d, expected purchases in the next 39 weeks %d', ([x, tx, T], alive, expected) => {
		const h = { x, tx, T };
		const pAlive = model.probabilityAlive(params, h);
		expect(pAlive).toBeCloseTo(alive, 5);
		expect(model.expectedIfAlive(params, 39, h) * pAlive).toBeCloseTo(expected, 4);
	});

	it('expects 1, 13 and 52 weeks of a new customer to bring the reference numbers of repeat purchases', () => {
		[1, 13, 52].forEach((t, k) => expect(model.expectedNewCustomer(params, t)).toBeCloseTo(newCustomer[k], 5));
	});
});

describe('what the models say of a one-time buyer long silent', () => {
	const oneTimer = { x: 0, tx: 0, T: 38.86 };
	const fits = Object.fromEntries((['bgnbd', 'mbgnbd', 'paretonbd'] as const).map((name) => [name, fitPurchaseModel(PURCHASE_MODELS[name], cdnow).params]));

	it('BG/NBD holds them alive for certain; MBG/NBD and Pareto/NBD let them go', () => {
		expect(PURCHASE_MODELS.bgnbd.probabilityAlive(fits.bgnbd, oneTimer)).toBe(1);
		expect(PURCHASE_MODELS.mbgnbd.probabilityAlive(fits.mbgnbd, oneTimer)).toBeLessThan(0.5);
		expect(PURCHASE_MODELS.paretonbd.probabilityAlive(fits.paretonbd, oneTimer)).toBeLessThan(0.5);
	});

	it('gives a one-time buyer a lower P(alive) the longer they have been silent', () => {
		for (const name of ['mbgnbd', 'paretonbd'] as const) {
			const model = PURCHASE_MODELS[name];
			const alive = [5, 20, 40, 80].map((T) => model.probabilityAlive(fits[name], { x: 0, tx: 0, T }));
			alive.slice(1).forEach((p, k) => expect(p).toBeLessThan(alive[k]));
		}
	});
});

describe('Pareto/NBD chance of no purchase', () => {
	const params = [0.553291, 10.577847, 0.60621, 11.667776];
	// lifetimes' conditional_probability_of_n_purchases_up_to_time(0, 13, ...).
	it.each([
		[[0, 0, 38.86], 0.966561],
		[[1, 1.71, 38.86], 0.952124],
		[[2, 30.43, 38.86], 0.633091],
		[[26, 30.857, 31], 0.02447],
	])('history %j: P(no purchase in the next 13 weeks) %d', ([x, tx, T], expected) => {
		expect(PURCHASE_MODELS.paretonbd.probabilityNoPurchase(params, 13, { x, tx, T })).toBeCloseTo(expected, 5);
	});
});

describe('Pareto/NBD at extreme histories', () => {
	const params = [0.553291, 10.577847, 0.60621, 11.667776];
	const model = PURCHASE_MODELS.paretonbd;

	it.each([
		['a thousand repeat purchases', { x: 1000, tx: 38, T: 39 }],
		['a thousand purchases long ago', { x: 1000, tx: 5, T: 3000 }],
		['ten years of silence after one purchase', { x: 0, tx: 0, T: 520 }],
		['a purchase on the last day', { x: 3, tx: 39, T: 39 }],
	])('stays a probability for %s', (_label, h) => {
		const alive = model.probabilityAlive(params, h);
		const none = model.probabilityNoPurchase(params, 52, h);
		expect(alive).toBeGreaterThanOrEqual(0);
		expect(alive).toBeLessThanOrEqual(1);
		expect(none).toBeGreaterThanOrEqual(0);
		expect(none).toBeLessThanOrEqual(1);
		expect(Number.isFinite(model.expectedIfAlive(params, 52, h))).toBe(true);
		expect(Number.isFinite(model.likelihoodOn(groupHistories([h]))(params).value)).toBe(true);
	});

	// lifetimes (scipy's hyp2f1) at parameters far apart, where the series would need millions of
	// terms and the tail is integrated numerically instead: P(alive), P(no purchase in 90).
	it.each([
		[[0.55, 5000, 0.61, 0.01], [0, 0, 40], 0.0063212603, 0.99995921],
		[[0.55, 5000, 0.61, 0.01], [3, 20, 40], 0.65340596, 0.97341042],
		[[0.1, 0.05, 40, 4000], [0, 0, 40], 0.64583431, 0.94784662],
		[[0.1, 0.05, 40, 4000], [3, 20, 40], 0.58476851, 0.5052195],
	])('at parameters %j, history %j: P(alive) %d, P(no purchase in 90) %d', (extreme, [x, tx, T], alive, none) => {
		expect(model.probabilityAlive(extreme, { x, tx, T })).toBeCloseTo(alive, 7);
		expect(model.probabilityNoPurchase(extreme, 90, { x, tx, T })).toBeCloseTo(none, 7);
	});

	it('answers at once where the tail decays at rate r + s = 0.015 (lifetimes: 0.97719015 for no purchase in one day)', () => {
		// A quadrature that overflowed there once recursed without end.
		expect(model.probabilityNoPurchase([0.005, 0.01, 0.01, 30], 1, { x: 0, tx: 0, T: 0 })).toBeCloseTo(0.97719015, 7);
	});

	it('matches the likelihood integral computed by quadrature, where the closed form nearly cancels', () => {
		// One customer's likelihood, straight from the story: alive throughout, or gone at some
		// tau in (t_x, T], integrated numerically (Simpson on a fine grid) over the gamma mixtures.
		const [r, alpha, s, beta] = params;
		const h = { x: 4, tx: 30, T: 30.5 };
		const density = (tau: number) => s * Math.pow(beta, s) * Math.pow(beta + tau, -(s + 1)) * Math.pow(alpha / (alpha + tau), r) * Math.pow(alpha + tau, -h.x);
		const steps = 20_000;
		const width = (h.T - h.tx) / steps;
		let integral = 0;
		for (let k = 0; k <= steps; k++) integral += (k === 0 || k === steps ? 1 : k % 2 ? 4 : 2) * density(h.tx + k * width);
		integral *= width / 3;
		const survived = Math.pow(alpha / (alpha + h.T), r) * Math.pow(alpha + h.T, -h.x) * Math.pow(beta / (beta + h.T), s);
		const gammaRatio = [0, 1, 2, 3].reduce((product, k) => product * (r + k), 1);
		const byQuadrature = Math.log(gammaRatio * (survived + integral));
		expect(model.likelihoodOn(groupHistories([h]))(params).value).toBeCloseTo(byQuadrature, 9);
	});
});

describe("Pareto/NBD's gradient in closed form", () => {
	const model = PURCHASE_MODELS.paretonbd;
	const likelihood = model.likelihoodOn(cdnow);

	// Both orders of alpha and beta (the tail swaps them), near-equal ones (z near 0), and ones so
	// far apart that the tails are integrated numerically (z > 0.95).
	it.each([
		['at the CDNOW fit', [0.553291, 10.577847, 0.60621, 11.667776]],
		['with alpha far below beta', [0.3, 2, 0.4, 30]],
		['with alpha far above beta', [2, 30, 3, 1.5]],
		['with alpha and beta all but equal', [0.5, 10, 0.7, 10.000001]],
		['with alpha and beta far apart', [0.5, 0.05, 0.7, 400]],
	])('agrees with central differences of the likelihood %s', (_label, params) => {
		const { gradient } = likelihood(params);
		const numeric = centralDifferenceGradient((p) => likelihood(p).value, params, 1e-6);
		gradient?.forEach((slope, k) => expect(Math.abs(slope - numeric[k])).toBeLessThan(1e-4 * Math.max(1, Math.abs(numeric[k]))));
	});
});

describe('BG/BB on the donations data', () => {
	const params = [1.203522, 0.749716, 0.656718, 2.783442];
	const model = PURCHASE_MODELS.bgbb;
	// lifetimes: P(alive at opportunity n + 1) and E[X(n, n + 5)] for [x, t_x, n].
	it.each([
		[[0, 0, 6], 0.108133, 0.072863],
		[[3, 4, 6], 0.439594, 1.034572],
		[[6, 6, 6], 0.930434, 3.752544],
		[[1, 1, 6], 0.069462, 0.085696],
	])('history %j: P(alive) %d, %d donations expected in the next five years', ([x, tx, T], alive, expected) => {
		const h = { x, tx, T };
		const pAlive = model.probabilityAlive(params, h);
		expect(pAlive).toBeCloseTo(alive, 5);
		expect(model.expectedIfAlive(params, 5, h) * pAlive).toBeCloseTo(expected, 5);
	});

	it('says a donor gives nothing in the next years with the chance the stretched record has', () => {
		// Summed over every future pattern, the chances of giving in none of the next k years
		// and of giving at least once add up to one: check against the expected count's bounds.
		const h = { x: 3, tx: 4, T: 6 };
		const none = model.probabilityNoPurchase(params, 5, h);
		const expected = model.expectedIfAlive(params, 5, h) * model.probabilityAlive(params, h);
		expect(none).toBeGreaterThan(0);
		expect(1 - none).toBeLessThanOrEqual(expected + 1e-12);
		expect(1 - none).toBeGreaterThanOrEqual(expected / 5 - 1e-12);
	});
});
