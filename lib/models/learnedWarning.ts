import type { PurchaseDays } from '../customer/purchaseDays';
import type { EngagementEvent } from '../engagement/engagementEvent';
import { fitLogistic, LogisticModel, logisticProbability } from '../math/logisticRegression';
import type { Steps } from '../math/steps';
import { groupHistories, History } from './customerHistory';
import { fitPurchaseModelSteps } from './fitPurchaseModel';
import { holdoutScores, HoldoutScores } from './holdoutScores';
import type { PurchaseModel } from './purchaseModel';
import { FeatureSettings, warningFeatures } from './warningFeatures';

/**
 * A churn warning learnt from the shop's own history: a logistic regression of "no order in the
 * next H days" on what the customer's orders and events said H days earlier (WARNING_FEATURES),
 * the purchase model's own churn probability among them. Judged as the purchase models are, on
 * days it never saw: it learns at trainCut = analysis - 2H from the H days after (to testCut =
 * analysis - H), then predicts the H days after testCut from what customers looked like then; the
 * purchase model is scored on the same customers and days, fitted on the history to testCut.
 */
export interface LearnedWarningOptions {
	analysisDay: number;
	holdoutDays: number;
	/** The purchase model whose churn probability is a feature and which the warning must beat. */
	purchaseModel: PurchaseModel;
	penalizer: number;
	timeLimitMs: number;
	features: FeatureSettings;
	/** The logistic regression's L2 penalty on standardised weights. */
	l2?: number;
}

export interface LearnedWarningBacktest {
	trainCut: number;
	testCut: number;
	trainCustomers: number;
	testCustomers: number;
	/** Learnt at trainCut, judged at testCut. */
	warning: LogisticModel;
	learned: HoldoutScores;
	purchaseModel: HoldoutScores;
	/** Learnt at testCut on the days after it, to score customers at the analysis day. */
	final: LogisticModel;
}

/** Customers as of one day: features, whether they went without an order in the next H days, and who they are. */
interface Snapshot {
	rows: Float64Array[];
	churned: boolean[];
	purchaseModelChurn: Float64Array;
}

/** The purchase model fitted on the history to `day`, and each customer's features and outcome as of it. */
function* snapshotSteps(purchases: PurchaseDays, events: ReadonlyArray<readonly EngagementEvent[]>, day: number, o: LearnedWarningOptions): Steps<Snapshot | null> {
	const { starts, days } = purchases;
	const customers: number[] = [];
	const histories: History[] = [];
	for (let k = 0; k + 1 < starts.length; k++) {
		const from = starts[k];
		if (starts[k + 1] === from || days[from] > day) continue;
		let last = days[from];
		let x = 0;
		for (let j = from + 1; j < starts[k + 1] && days[j] <= day; j++) {
			x++;
			last = days[j];
		}
		customers.push(k);
		histories.push({ x, tx: last - days[from], T: day - days[from] });
	}
	if (customers.length === 0) return null;
	const grouped = groupHistories(histories);
	const fit = yield* fitPurchaseModelSteps(o.purchaseModel, grouped, { penalizer: o.penalizer, timeLimitMs: o.timeLimitMs });
	if (!fit.converged) return null;
	const rows: Float64Array[] = [];
	const churned: boolean[] = [];
	const purchaseModelChurn = new Float64Array(customers.length);
	customers.forEach((k, i) => {
		const p = o.purchaseModel.probabilityNoPurchase(fit.params, o.holdoutDays, histories[i]);
		purchaseModelChurn[i] = p;
		const own = days.subarray(starts[k], starts[k + 1]);
		rows.push(warningFeatures({ purchaseDays: own, events: events[k] ?? [] }, day, p, o.features) as Float64Array);
		let ordered = false;
		for (const d of own) if (d > day && d <= day + o.holdoutDays) ordered = true;
		churned.push(!ordered);
	});
	return { rows, churned, purchaseModelChurn };
}

/** Learns the warning and judges it against the purchase model on the held-out days; null when either cut has no customers or no fit. */
export function* learnedWarningBacktestSteps(purchases: PurchaseDays, events: ReadonlyArray<readonly EngagementEvent[]>, o: LearnedWarningOptions): Steps<LearnedWarningBacktest | null> {
	const testCut = o.analysisDay - o.holdoutDays;
	const trainCut = testCut - o.holdoutDays;
	const train = yield* snapshotSteps(purchases, events, trainCut, o);
	const test = train && (yield* snapshotSteps(purchases, events, testCut, o));
	if (!train || !test) return null;
	const l2 = o.l2 ?? 1;
	const warning = fitLogistic(train.rows, train.churned, { l2 });
	yield;
	const learnedChances = Float64Array.from({ length: test.rows.length }, (_, i) => logisticProbability(warning, test.rows[i]));
	const final = fitLogistic(test.rows, test.churned, { l2 });
	return {
		trainCut,
		testCut,
		trainCustomers: train.rows.length,
		testCustomers: test.rows.length,
		warning,
		learned: holdoutScores(learnedChances, test.churned),
		purchaseModel: holdoutScores(test.purchaseModelChurn, test.churned),
		final,
	};
}

/**
 * The AUC a learnt warning must add to the purchase model's before it is used. Learnt on the
 * shop's own days it recalibrates the purchase model's probabilities a little even where events
 * say nothing (on the simulated shop without a signal: held-out log-likelihood -0.264 against
 * -0.276, AUC 0.909 against 0.908), which is no reason to trade a model people can read for one
 * they cannot; where events show customers leaving before their orders stop, it adds 0.04-0.05.
 */
export const LEARNED_AUC_MARGIN = 0.01;

/** Whether the learnt warning predicted the held-out days better: by AUC, by the margin, and no worse by log-likelihood. */
export function learnedWarningWins(b: LearnedWarningBacktest): boolean {
	return b.learned.auc >= b.purchaseModel.auc + LEARNED_AUC_MARGIN && b.learned.logLikelihood >= b.purchaseModel.logLikelihood;
}
