/**
 * How well an earlier churn warning held: each customer's score from a past run against whether
 * they actually left (no order in the window after that run's analysis date).
 */
export interface ScoredOutcome {
	churnProbability: number;
	/** The warning raised: the customer was flagged (e.g. risk level high or critical). */
	flagged: boolean;
	churned: boolean;
}

export interface CalibrationBin {
	customers: number;
	meanPredicted: number;
	observedRate: number;
}

export interface WarningAccuracy {
	customers: number;
	churned: number;
	flagged: number;
	/** Of the flagged, the share who did leave (precision). */
	flaggedWhoLeft: number | null;
	/** Of those who left, the share flagged beforehand (recall). */
	leaversFlaggedEarly: number | null;
	/** Area under the ROC curve: the chance a leaver scored above a stayer (ties count half). */
	auc: number | null;
	calibration: CalibrationBin[];
}

/** AUC by the rank-sum (Mann-Whitney) identity, with tied scores given their average rank. */
export function areaUnderRoc(outcomes: ReadonlyArray<{ churnProbability: number; churned: boolean }>): number | null {
	const positives = outcomes.filter((o) => o.churned).length;
	const negatives = outcomes.length - positives;
	if (positives === 0 || negatives === 0) return null;
	const sorted = [...outcomes].sort((a, b) => a.churnProbability - b.churnProbability);
	let rankSum = 0;
	for (let i = 0; i < sorted.length; ) {
		let j = i;
		while (j + 1 < sorted.length && sorted[j + 1].churnProbability === sorted[i].churnProbability) j++;
		const averageRank = (i + j) / 2 + 1;
		for (let k = i; k <= j; k++) if (sorted[k].churned) rankSum += averageRank;
		i = j + 1;
	}
	return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Customers in `bins` groups of (nearly) equal size by predicted probability, lowest first. */
export function calibrationByQuantile(outcomes: ReadonlyArray<{ churnProbability: number; churned: boolean }>, bins = 10): CalibrationBin[] {
	const sorted = [...outcomes].sort((a, b) => a.churnProbability - b.churnProbability);
	const result: CalibrationBin[] = [];
	for (let b = 0; b < bins; b++) {
		const slice = sorted.slice(Math.round((b * sorted.length) / bins), Math.round(((b + 1) * sorted.length) / bins));
		if (slice.length === 0) continue;
		result.push({
			customers: slice.length,
			meanPredicted: slice.reduce((s, o) => s + o.churnProbability, 0) / slice.length,
			observedRate: slice.filter((o) => o.churned).length / slice.length,
		});
	}
	return result;
}

export function warningAccuracy(outcomes: ReadonlyArray<ScoredOutcome>): WarningAccuracy {
	const churned = outcomes.filter((o) => o.churned).length;
	const flagged = outcomes.filter((o) => o.flagged).length;
	const hits = outcomes.filter((o) => o.flagged && o.churned).length;
	return {
		customers: outcomes.length,
		churned,
		flagged,
		flaggedWhoLeft: flagged ? hits / flagged : null,
		leaversFlaggedEarly: churned ? hits / churned : null,
		auc: areaUnderRoc(outcomes),
		calibration: calibrationByQuantile(outcomes),
	};
}
