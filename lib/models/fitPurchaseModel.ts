import { coarseToFineSteps, sampleWeights } from '../math/coarseToFine';
import { centralDifferenceGradient } from '../math/numericGradient';
import { runToEnd, Steps } from '../math/steps';
import { Matrix, inverse } from '../math/matrix';
import { float64Of } from '../values/typedCopies';
import type { GroupedHistories } from './customerHistory';
import { logParameterObjective } from './logParameterObjective';
import type { LogLikelihood, PurchaseModel } from './purchaseModel';

export interface PurchaseModelFit {
	params: number[];
	/** Summed log-likelihood at the fitted parameters (without the penalty). */
	logLikelihood: number;
	customers: number;
	converged: boolean;
	iterations: number;
	message: string;
}

export interface FitOptions {
	/** L2 penalty on the parameters, as the Python lifetimes library applies it: lambda * sum(params^2). */
	penalizer?: number;
	/** Starting points (natural parameters); the model's own otherwise. */
	starts?: number[][];
	/** Stop searching, unconverged, after this many milliseconds. */
	timeLimitMs?: number;
}

/** Below this many distinct histories the search runs on all of them directly. */
const SAMPLE_FROM_GROUPS = 40_000;
const SAMPLE_GROUPS = 20_000;

/** A weighted sample of about `groups` histories standing for all (see sampleWeights). */
export function sampledGroups(data: GroupedHistories, groups = SAMPLE_GROUPS): GroupedHistories {
	const weights = sampleWeights(data.weight, groups / data.x.length);
	const kept: number[] = [];
	let customers = 0;
	for (let i = 0; i < data.x.length; i++) {
		if (weights[i] > 0) {
			kept.push(i);
			customers += weights[i];
		}
	}
	const pick = (column: Float64Array) => float64Of(kept, (i) => column[i]);
	return { x: pick(data.x), tx: pick(data.tx), T: pick(data.T), weight: pick(weights), customers };
}

/** The likelihood with its gradient: the model's own, else by central differences. */
export function withGradient(likelihood: (params: number[]) => LogLikelihood): (params: number[]) => Required<LogLikelihood> {
	return (params) => {
		const at = likelihood(params);
		return { value: at.value, gradient: at.gradient ?? centralDifferenceGradient((p) => likelihood(p).value, params) };
	};
}

/**
 * Maximum likelihood by BFGS over log-parameters from the model's starting points (on a sample
 * first when there are many distinct histories, see coarseToFineSteps); the best converged
 * optimum wins. The objective is the mean negative log-likelihood plus the optional penalty, so
 * tolerances do not depend on the number of customers.
 */
export function fitPurchaseModel(model: PurchaseModel, data: GroupedHistories, options: FitOptions = {}): PurchaseModelFit {
	return runToEnd(fitPurchaseModelSteps(model, data, options));
}

/** The fit as steps, to run cooperatively (see steps.ts). */
export function* fitPurchaseModelSteps(model: PurchaseModel, data: GroupedHistories, options: FitOptions = {}): Steps<PurchaseModelFit> {
	const penalizer = options.penalizer ?? 0;
	const objectiveOn = (groups: GroupedHistories) => logParameterObjective(groups.customers, penalizer, withGradient(model.likelihoodOn(groups)));
	const likelihood = model.likelihoodOn(data);
	const sample = data.x.length >= SAMPLE_FROM_GROUPS ? sampledGroups(data) : undefined;
	const starts = options.starts ?? model.starts(data);
	const best = yield* coarseToFineSteps(
		logParameterObjective(data.customers, penalizer, withGradient(likelihood)),
		sample && objectiveOn(sample),
		starts.map((p) => p.map(Math.log)),
		{ maxIterations: 1000, gradientTolerance: 1e-8, deadline: options.timeLimitMs === undefined ? undefined : Date.now() + options.timeLimitMs },
	);
	if (!best) {
		return { params: starts[0], logLikelihood: -Infinity, customers: data.customers, converged: false, iterations: 0, message: 'the likelihood could not be evaluated from any starting point' };
	}
	const params = best.x.map(Math.exp);
	return { params, logLikelihood: likelihood(params).value, customers: data.customers, converged: best.converged, iterations: best.iterations, message: best.message };
}

/**
 * The parameters' covariance from the observed information: the inverse of minus the Hessian of
 * the summed log-likelihood at the optimum, taken over log-parameters (where the likelihood is
 * closer to quadratic, so the normal approximation and intervals built on it behave better) by
 * central differences of the gradient. Null when the Hessian is not negative definite (a flat
 * or boundary optimum, where no standard error means anything).
 */
export function logParameterCovariance(model: PurchaseModel, data: GroupedHistories, params: number[]): number[][] | null {
	const likelihood = withGradient(model.likelihoodOn(data));
	const gradientInLogs = (logs: number[]) => {
		const natural = logs.map(Math.exp);
		return likelihood(natural).gradient.map((g, k) => g * natural[k]);
	};
	const logs = params.map(Math.log);
	const n = logs.length;
	const step = 1e-4;
	const hessian = Matrix.zeros(n, n);
	for (let j = 0; j < n; j++) {
		const up = [...logs];
		const down = [...logs];
		up[j] += step;
		down[j] -= step;
		const gUp = gradientInLogs(up);
		const gDown = gradientInLogs(down);
		for (let i = 0; i < n; i++) hessian.set(i, j, (gUp[i] - gDown[i]) / (2 * step));
	}
	// Symmetrise: the two halves differ by the differencing error only.
	const information = Matrix.zeros(n, n);
	for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) information.set(i, j, -(hessian.get(i, j) + hessian.get(j, i)) / 2);
	try {
		const covariance = inverse(information).to2DArray();
		const positive = covariance.every((row, i) => Number.isFinite(row[i]) && row[i] > 0 && row.every(Number.isFinite));
		return positive ? covariance : null;
	} catch {
		return null;
	}
}

/** Standard errors of the natural parameters (delta method from the log-parameter covariance: se(p) = p * se(ln p)). */
export function standardErrors(params: number[], logCovariance: number[][]): number[] {
	return params.map((p, k) => p * Math.sqrt(logCovariance[k][k]));
}
