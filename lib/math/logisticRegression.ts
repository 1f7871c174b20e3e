import { CholeskyDecomposition, Matrix } from './matrix';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs, exp, log1p, max, sqrt } = Math;

/**
 * L2-regularised logistic regression, fitted by Newton's method (iteratively reweighted least
 * squares) on standardised features. Written here rather than taken from ml-logistic-regression,
 * which runs plain gradient descent with a fixed learning rate and no penalty: its answer depends
 * on the step count and it has no intercept left unpenalised. With a few dozen features the
 * Hessian is a few dozen squared, so each Newton step is one pass over the rows and one Cholesky
 * solve, and a fit converges in under ten steps to the exact penalised optimum (the same objective
 * as scikit-learn's LogisticRegression with C = 1 / l2 on standardised features, which the tests
 * hold it to).
 */
export interface LogisticModel {
	intercept: number;
	/** Per feature, on the standardised scale: the change in log-odds per standard deviation. */
	weights: number[];
	/** The mean and standard deviation each feature was standardised with (1 for a constant one). */
	means: number[];
	scales: number[];
	iterations: number;
	converged: boolean;
}

export interface LogisticOptions {
	/** lambda of the penalty (lambda / 2) * |w|^2 on the standardised weights, not the intercept. */
	l2?: number;
	/** How many times each row counts (customers per grouped history). */
	weights?: ArrayLike<number>;
	maxIterations?: number;
	tolerance?: number;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + exp(-z)) : exp(z) / (1 + exp(z)));
/** ln(1 + e^z) without overflow. */
const softplus = (z: number) => (z > 0 ? z + log1p(exp(-z)) : log1p(exp(z)));

/** Fits P(y = 1 | x) = sigmoid(intercept + w . standardised x). Rows are feature vectors of equal length. */
export function fitLogistic(rows: ArrayLike<number>[], y: ArrayLike<boolean | number>, options: LogisticOptions = {}): LogisticModel {
	const n = rows.length;
	const k = n ? rows[0].length : 0;
	const l2 = options.l2 ?? 1;
	const rowWeight = (i: number) => (options.weights ? options.weights[i] : 1);
	let total = 0;
	const means = new Array<number>(k).fill(0);
	for (let i = 0; i < n; i++) {
		total += rowWeight(i);
		for (let j = 0; j < k; j++) means[j] += rowWeight(i) * rows[i][j];
	}
	for (let j = 0; j < k; j++) means[j] /= total;
	const scales = new Array<number>(k).fill(0);
	for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) scales[j] += rowWeight(i) * (rows[i][j] - means[j]) ** 2;
	for (let j = 0; j < k; j++) scales[j] = sqrt(scales[j] / total) || 1;
	const z = rows.map((row) => Float64Array.from({ length: k }, (_, j) => (row[j] - means[j]) / scales[j]));
	const target = Float64Array.from({ length: n }, (_, i) => (y[i] ? 1 : 0));

	// Parameters: [intercept, w_1..w_k]; the intercept is not penalised.
	let beta = new Float64Array(k + 1);
	const objective = (b: Float64Array) => {
		let value = 0;
		for (let i = 0; i < n; i++) {
			let eta = b[0];
			for (let j = 0; j < k; j++) eta += b[j + 1] * z[i][j];
			value += rowWeight(i) * (softplus(eta) - target[i] * eta);
		}
		for (let j = 1; j <= k; j++) value += 0.5 * l2 * b[j] * b[j];
		return value;
	};
	let current = objective(beta);
	const maxIterations = options.maxIterations ?? 50;
	const tolerance = options.tolerance ?? 1e-10;
	for (let iteration = 1; iteration <= maxIterations; iteration++) {
		const gradient = new Float64Array(k + 1);
		// The Hessian's upper triangle in a flat array (row a, column b at a * size + b), then mirrored.
		const size = k + 1;
		const h = new Float64Array(size * size);
		const row = new Float64Array(size);
		row[0] = 1;
		for (let i = 0; i < n; i++) {
			const zi = z[i];
			let eta = beta[0];
			for (let j = 0; j < k; j++) {
				eta += beta[j + 1] * zi[j];
				row[j + 1] = zi[j];
			}
			const p = sigmoid(eta);
			const w = rowWeight(i);
			const residual = w * (p - target[i]);
			const curvature = w * p * (1 - p);
			for (let a = 0; a < size; a++) {
				gradient[a] += residual * row[a];
				const scaled = curvature * row[a];
				for (let b = a; b < size; b++) h[a * size + b] += scaled * row[b];
			}
		}
		for (let a = 1; a < size; a++) {
			gradient[a] += l2 * beta[a];
			h[a * size + a] += l2;
		}
		const hessian = new Matrix(size, size);
		for (let a = 0; a < size; a++) for (let b = a; b < size; b++) {
			hessian.set(a, b, h[a * size + b]);
			hessian.set(b, a, h[a * size + b]);
		}
		const cholesky = new CholeskyDecomposition(hessian);
		if (!cholesky.isPositiveDefinite()) return { intercept: beta[0], weights: Array.from(beta.subarray(1)), means, scales, iterations: iteration, converged: false };
		const step = cholesky.solve(Matrix.columnVector(Array.from(gradient))).to1DArray();
		// Newton's step, halved while it does not lower the objective (it nearly always does at once).
		let scale = 1;
		let next = beta;
		let value = current;
		for (let halvings = 0; halvings < 30; halvings++) {
			next = Float64Array.from({ length: k + 1 }, (_, j) => beta[j] - scale * step[j]);
			value = objective(next);
			if (value <= current) break;
			scale /= 2;
		}
		const largest = max(...step.map((s) => abs(s * scale)));
		beta = next;
		current = value;
		if (largest < tolerance) return { intercept: beta[0], weights: Array.from(beta.subarray(1)), means, scales, iterations: iteration, converged: true };
	}
	return { intercept: beta[0], weights: Array.from(beta.subarray(1)), means, scales, iterations: maxIterations, converged: false };
}

/** Each feature's share of the log-odds against the average customer: weight * standardised value. */
export function logisticContributions(model: LogisticModel, x: ArrayLike<number>): number[] {
	return model.weights.map((w, j) => (w * (x[j] - model.means[j])) / model.scales[j]);
}

export function logisticProbability(model: LogisticModel, x: ArrayLike<number>): number {
	return sigmoid(model.intercept + logisticContributions(model, x).reduce((a, b) => a + b, 0));
}
