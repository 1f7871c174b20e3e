import { areaUnderRoc } from '../math/auc';

// Bound once: where code runs in a vm context (Jest's), each Math.x in a hot loop is a slow global lookup.
const { floor, log, log1p, max, min } = Math;

export interface CalibrationBin {
	/** Mean predicted chance of no order in the held-out days, and the share who indeed did not order. */
	predicted: number;
	observed: number;
	customers: number;
}

/** How well chances of "no order in the held-out days" did against what the customers did. */
export interface HoldoutScores {
	/** Sum over customers of ln P(what they did), and the same per customer. */
	logLikelihood: number;
	logLikelihoodPerCustomer: number;
	/** Mean squared error of the chance against what happened. */
	brierScore: number;
	/** Area under the ROC curve of the chance for telling who did not order. */
	auc: number;
	/** Ten bins of customers by predicted chance, lowest first. */
	calibration: CalibrationBin[];
}

const clampProbability = (p: number) => min(1 - 1e-12, max(1e-12, p));

/** The scores of predicted chances of no order against who did not order, one per customer. */
export function holdoutScores(chances: Float64Array, churned: readonly boolean[]): HoldoutScores {
	const n = chances.length;
	let logLikelihood = 0;
	let squaredError = 0;
	for (let i = 0; i < n; i++) {
		const chance = clampProbability(chances[i]);
		logLikelihood += churned[i] ? log(chance) : log1p(-chance);
		squaredError += (chances[i] - (churned[i] ? 1 : 0)) ** 2;
	}
	return {
		logLikelihood,
		logLikelihoodPerCustomer: n ? logLikelihood / n : NaN,
		brierScore: n ? squaredError / n : NaN,
		auc: areaUnderRoc(chances, churned),
		calibration: calibrationBins(chances, churned),
	};
}

/** Ten bins of equal size by predicted chance: the calibration table. */
function calibrationBins(scores: Float64Array, churned: readonly boolean[]): CalibrationBin[] {
	const order = Array.from({ length: scores.length }, (_, i) => i).sort((i, j) => scores[i] - scores[j]);
	const bins: CalibrationBin[] = [];
	for (let b = 0; b < 10; b++) {
		const members = order.slice(floor((b * order.length) / 10), floor(((b + 1) * order.length) / 10));
		if (members.length === 0) continue;
		const predicted = members.reduce((sum, i) => sum + scores[i], 0) / members.length;
		const observed = members.filter((i) => churned[i]).length / members.length;
		bins.push({ predicted, observed, customers: members.length });
	}
	return bins;
}
