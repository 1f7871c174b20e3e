/**
 * The area under the ROC curve of `scores` for telling `positive` cases from the rest: the
 * chance that a random positive scores above a random negative, ties counting half (the
 * Mann-Whitney statistic from average ranks). NaN when either class is empty. Written here: the
 * statistics libraries the package uses have no ROC, and this is one sort and a pass.
 */
export function areaUnderRoc(scores: ArrayLike<number>, positive: ArrayLike<boolean>, weights?: ArrayLike<number>): number {
	const n = scores.length;
	const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => scores[i] - scores[j]);
	const weight = (i: number) => (weights ? weights[i] : 1);
	let positives = 0;
	let negatives = 0;
	for (let i = 0; i < n; i++) {
		if (positive[i]) positives += weight(i);
		else negatives += weight(i);
	}
	if (positives === 0 || negatives === 0) return NaN;
	// Sum over positives of (negatives scored below + half the negatives tied).
	let below = 0;
	let wins = 0;
	for (let start = 0; start < n; ) {
		let end = start;
		let tiedPositives = 0;
		let tiedNegatives = 0;
		while (end < n && scores[order[end]] === scores[order[start]]) {
			const i = order[end];
			if (positive[i]) tiedPositives += weight(i);
			else tiedNegatives += weight(i);
			end++;
		}
		wins += tiedPositives * (below + tiedNegatives / 2);
		below += tiedNegatives;
		start = end;
	}
	return wins / (positives * negatives);
}
