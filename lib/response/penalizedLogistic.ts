import { CholeskyDecomposition, Matrix } from '../math/matrix';
import { logistic } from './logOdds';

/**
 * Logistic regression with a Gaussian prior on each coefficient (a ridge penalty centred on
 * the prior mean) and a known offset per row: the maximum a posteriori fit by Newton's method,
 * with standard errors from the curvature at the optimum (the Laplace approximation).
 *
 * Written here rather than taken from ml-logistic-regression, which has neither offsets nor
 * per-coefficient priors; the linear algebra is ml-matrix's.
 */
export interface LogisticRow {
	/** Indexes of the coefficients whose feature is 1 in this row (every feature is 0 or 1). */
	features: readonly number[];
	/** Added to the linear predictor as is (e.g. the log-odds a model already predicts). */
	offset: number;
	/** 1 when the event happened. */
	y: 0 | 1;
}

export interface GaussianPrior {
	mean: number;
	sd: number;
}

export interface LogisticFit {
	coefficients: number[];
	/** Posterior standard deviation of each coefficient. */
	sd: number[];
	iterations: number;
	converged: boolean;
}

export function fitPenalizedLogistic(rows: readonly LogisticRow[], priors: readonly GaussianPrior[], maxIterations = 50): LogisticFit {
	const k = priors.length;
	const beta = priors.map((p) => p.mean);
	let converged = false;
	let iterations = 0;
	let curvature = Matrix.zeros(k, k);
	for (; iterations < maxIterations && !converged; iterations++) {
		// Gradient of the log posterior, and its curvature (the negative Hessian: prior precision plus the data's information).
		const gradient = priors.map((p, j) => -(beta[j] - p.mean) / (p.sd * p.sd));
		const information = new Float64Array(k * k);
		for (let j = 0; j < k; j++) information[j * k + j] = 1 / (priors[j].sd * priors[j].sd);
		for (const row of rows) {
			let eta = row.offset;
			for (const j of row.features) eta += beta[j];
			const p = logistic(eta);
			const w = p * (1 - p);
			const residual = row.y - p;
			for (const j of row.features) {
				gradient[j] += residual;
				for (const l of row.features) information[j * k + l] += w;
			}
		}
		curvature = new Matrix(Array.from({ length: k }, (_, j) => Array.from(information.subarray(j * k, (j + 1) * k))));
		const step = new CholeskyDecomposition(curvature).solve(Matrix.columnVector(gradient)).to1DArray();
		// Damped when a full step would overshoot far (near-separated cells).
		const largest = Math.max(...step.map(Math.abs));
		const scale = largest > 5 ? 5 / largest : 1;
		for (let j = 0; j < k; j++) beta[j] += scale * step[j];
		converged = scale === 1 && largest < 1e-9;
	}
	const covariance = new CholeskyDecomposition(curvature).solve(Matrix.eye(k, k));
	return { coefficients: beta, sd: beta.map((_, j) => Math.sqrt(Math.max(0, covariance.get(j, j)))), iterations, converged };
}
