import { runToEnd, Steps } from './steps';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { abs, max } = Math;

/**
 * Unconstrained minimisation by BFGS with a backtracking (Armijo) line search, for the models'
 * smooth likelihoods over log-parameters. Small and dependency-free: the models have four
 * parameters at most, so the dense inverse-Hessian update costs nothing.
 */
export interface Objective {
	/** Value and gradient at x; a non-finite value tells the line search to step back. */
	(x: number[]): { value: number; gradient: number[] };
}

export interface MinimiseOptions {
	maxIterations?: number;
	/**
	 * Date.now() after which the search stops, unconverged: an objective with no clear optimum
	 * (a base without drop-out structure, a huge penalizer) must not hold n8n for a minute.
	 */
	deadline?: number;
	/** Converged when the largest gradient component is below this. */
	gradientTolerance?: number;
	/** Curvature already learnt (e.g. on a sample of the data); the identity otherwise. */
	initialInverseHessian?: number[][];
}

export interface MinimiseResult {
	x: number[];
	value: number;
	gradient: number[];
	iterations: number;
	converged: boolean;
	/** Why it stopped, in words. */
	message: string;
	/** The final inverse Hessian approximation, to warm-start a related minimisation. */
	inverseHessian: number[][];
}

const dot = (u: number[], v: number[]) => u.reduce((s, ui, i) => s + ui * v[i], 0);
const maxAbs = (v: number[]) => v.reduce((m, vi) => max(m, abs(vi)), 0);

export function minimiseBfgs(f: Objective, start: number[], options: MinimiseOptions = {}): MinimiseResult {
	return runToEnd(bfgsSteps(f, start, options));
}

/** The minimisation as steps, one objective evaluation each (see steps.ts). */
export function* bfgsSteps(f: Objective, start: number[], options: MinimiseOptions = {}): Steps<MinimiseResult> {
	const maxIterations = options.maxIterations ?? 500;
	const gtol = options.gradientTolerance ?? 1e-7;
	const n = start.length;
	let x = [...start];
	let { value, gradient } = f(x);
	let H: number[][] = options.initialInverseHessian?.map((row) => [...row]) ?? identity(n);
	const result = (iterations: number, converged: boolean, message: string): MinimiseResult => ({ x, value, gradient, iterations, converged, message, inverseHessian: H });
	if (!Number.isFinite(value)) return result(0, false, 'the objective is not finite at the starting point');
	for (let iteration = 1; iteration <= maxIterations; iteration++) {
		if (maxAbs(gradient) < gtol) return result(iteration - 1, true, 'gradient below tolerance');
		if (options.deadline !== undefined && Date.now() >= options.deadline) return result(iteration - 1, false, 'time limit reached');
		let direction = H.map((row) => -dot(row, gradient));
		let slope = dot(direction, gradient);
		if (!(slope < 0)) {
			// Not a descent direction (curvature information went stale): restart from steepest descent.
			H = identity(n);
			direction = gradient.map((g) => -g);
			slope = dot(direction, gradient);
		}
		let step = 1;
		let next: { value: number; gradient: number[] } | undefined;
		let xNext: number[] = x;
		for (let tries = 0; tries < 60; tries++) {
			xNext = x.map((xi, i) => xi + step * direction[i]);
			const candidate = f(xNext);
			yield;
			const sufficientDecrease = candidate.value <= value + 1e-4 * step * slope;
			// Next to the optimum, a sum over a million customers rounds in its last digits and no
			// step "decreases" it: a point within rounding of the value whose gradient is below the
			// tolerance is the answer, not a reason to keep halving the step.
			const convergedWithinRounding = maxAbs(candidate.gradient) < gtol && candidate.value <= value + 1e-13 * max(1, abs(value));
			if (Number.isFinite(candidate.value) && (sufficientDecrease || convergedWithinRounding) && candidate.gradient.every(Number.isFinite)) {
				next = candidate;
				break;
			}
			step *= 0.5;
		}
		if (!next) {
			const converged = maxAbs(gradient) < gtol * 100;
			return result(iteration, converged, converged ? 'no further progress possible at this precision' : 'the line search could not improve the objective');
		}
		const s = xNext.map((xi, i) => xi - x[i]);
		const y = next.gradient.map((gi, i) => gi - gradient[i]);
		const sy = dot(s, y);
		const improvement = value - next.value;
		x = xNext;
		value = next.value;
		gradient = next.gradient;
		if (sy > 1e-12) {
			const Hy = H.map((row) => dot(row, y));
			const yHy = dot(y, Hy);
			const rho = 1 / sy;
			H = H.map((row, i) => row.map((hij, j) => hij - rho * (Hy[i] * s[j] + s[i] * Hy[j]) + (rho * rho * yHy + rho) * s[i] * s[j]));
		}
		if (improvement >= 0 && improvement < 1e-15 * max(1, abs(value)) && maxAbs(gradient) < gtol * 100) {
			return result(iteration, true, 'objective no longer changes');
		}
	}
	return result(maxIterations, maxAbs(gradient) < gtol, 'iteration limit reached');
}

function identity(n: number): number[][] {
	return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
}

/**
 * Minimises from several starting points and keeps the best result, preferring converged ones.
 * Stops early once a second start converges to the same value: two agreeing starts are enough
 * evidence that the optimum is found.
 */
export function* fromStartsSteps(f: Objective, starts: number[][], options: MinimiseOptions = {}): Steps<MinimiseResult | undefined> {
	let best: MinimiseResult | undefined;
	for (let s = 0; s < starts.length; s++) {
		const result = yield* bfgsSteps(f, starts[s], options);
		if (!Number.isFinite(result.value)) continue;
		const agrees = best !== undefined && best.converged && result.converged && abs(result.value - best.value) < 1e-9;
		if (!best || (result.converged && !best.converged) || (result.converged === best.converged && result.value < best.value - 1e-12)) best = result;
		if (agrees) break;
	}
	return best;
}
