/** The risk levels, least to most. */
export const RISK_LEVELS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** churnProbability at or above which the level is medium, high, critical; null: no customer is. */
export interface RiskThresholds {
	medium: number | null;
	high: number | null;
	critical: number | null;
}

export function riskLevel(churnProbability: number, t: RiskThresholds): RiskLevel {
	const reaches = (threshold: number | null) => threshold !== null && churnProbability >= threshold;
	return reaches(t.critical) ? 'critical' : reaches(t.high) ? 'high' : reaches(t.medium) ? 'medium' : 'low';
}

/**
 * Each level above low, by the customer's chance of ordering in the horizon measured against the
 * shop's own average: medium orders less often than the average customer, high at under half
 * the average rate, critical at under a quarter. Relative, because what alarms depends on the
 * shop: in a tea shop where most customers buy twice a year, no order in 90 days is the usual
 * case (most of the base sits above a fixed 90%), and only a chance far below the shop's own
 * norm says a customer is slipping away.
 */
const SHARE_OF_AVERAGE_ORDER_RATE: Record<Exclude<RiskLevel, 'low'>, number> = { medium: 1, high: 1 / 2, critical: 1 / 4 };

/** Below these the observed rates are too noisy to set levels by. */
export const MIN_BACKTEST_CUSTOMERS = 200;
export const MIN_BACKTEST_BUYERS = 20;

export interface RiskBand {
	level: RiskLevel;
	/** The churnProbability range of the level: from (inclusive) to the next level's start; from is null when no customer is in the level. */
	from: number | null;
	to: number | null;
	/** Customers of the backtest in the band, and the share of them who did not order in the held-out days. */
	customers: number;
	observedChurn: number | null;
}

/** Risk levels set from how customers did in the days a backtest held out. */
export interface RiskCalibration {
	/** The held-out days: the thresholds hold for churn probabilities over this many days. */
	holdoutDays: number;
	/** Customers of the backtest, and the share of them who did not order in the held-out days. */
	customers: number;
	averageChurn: number;
	thresholds: RiskThresholds;
	bands: RiskBand[];
}

/** Customers next to each other by predicted chance, with how many of them ordered. */
interface Block {
	/** Lowest and highest predicted chance in the block. */
	low: number;
	high: number;
	customers: number;
	buyers: number;
}

/**
 * Customers sorted by predicted chance of no order, pooled into blocks whose observed order
 * rate never rises with the chance (pool adjacent violators, Barlow et al. 1972). The blocks
 * start from bins of minBin customers so that a handful of customers cannot set a level.
 */
function monotoneBlocks(order: Int32Array, scores: ArrayLike<number>, churned: ArrayLike<boolean>, minBin: number): Block[] {
	const blocks: Block[] = [];
	let i = 0;
	while (i < order.length) {
		const block: Block = { low: scores[order[i]], high: scores[order[i]], customers: 0, buyers: 0 };
		// A bin ends after minBin customers, never between equal chances, and never leaves fewer than minBin behind.
		while (i < order.length && (block.customers < minBin || scores[order[i]] === block.high || order.length - i < minBin)) {
			const k = order[i++];
			block.high = scores[k];
			block.customers++;
			if (!churned[k]) block.buyers++;
		}
		blocks.push(block);
		// Higher chance of no order with a higher order rate is a violation: pool.
		while (blocks.length > 1) {
			const last = blocks[blocks.length - 1];
			const before = blocks[blocks.length - 2];
			if (last.buyers / last.customers < before.buyers / before.customers) break;
			blocks.splice(blocks.length - 2, 2, { low: before.low, high: last.high, customers: before.customers + last.customers, buyers: before.buyers + last.buyers });
		}
	}
	return blocks;
}

/**
 * The thresholds from a backtest of the chosen model: scores are each held-out customer's
 * predicted chance of no order in the held-out days, churned whether they indeed did not
 * order. A level starts midway between the last block still above its share of the average
 * order rate and the first block below it; a share no block falls below leaves that level empty.
 * Null when the backtest is too small to tell.
 */
export function riskCalibration(scores: ArrayLike<number>, churned: ArrayLike<boolean>, holdoutDays: number): RiskCalibration | null {
	const n = scores.length;
	let churners = 0;
	for (let i = 0; i < n; i++) if (churned[i]) churners++;
	if (n < MIN_BACKTEST_CUSTOMERS || n - churners < MIN_BACKTEST_BUYERS) return null;
	const order = Int32Array.from({ length: n }, (_, i) => i).sort((i, j) => scores[i] - scores[j]);
	const averageOrderRate = (n - churners) / n;
	const blocks = monotoneBlocks(order, scores, churned, Math.max(50, Math.ceil(n / 100)));
	const start = (share: number): number | null => {
		const at = blocks.findIndex((b) => b.buyers / b.customers < share * averageOrderRate);
		if (at < 0) return null;
		return at === 0 ? 0 : (blocks[at - 1].high + blocks[at].low) / 2;
	};
	const thresholds: RiskThresholds = { medium: start(SHARE_OF_AVERAGE_ORDER_RATE.medium), high: start(SHARE_OF_AVERAGE_ORDER_RATE.high), critical: start(SHARE_OF_AVERAGE_ORDER_RATE.critical) };
	const bands: RiskBand[] = RISK_LEVELS.map((level, k) => {
		const from = level === 'low' ? 0 : thresholds[level];
		const to = RISK_LEVELS.slice(k + 1).map((next) => thresholds[next as Exclude<RiskLevel, 'low'>]).find((t) => t !== null) ?? null;
		// A level whose start is the next one's (two shares crossed in one block) holds nobody.
		const empty = from === null || from === to;
		return { level, from: empty ? null : from, to: empty ? null : to, customers: 0, observedChurn: null };
	});
	const churnedIn = [0, 0, 0, 0];
	for (let i = 0; i < n; i++) {
		const k = RISK_LEVELS.indexOf(riskLevel(scores[i], thresholds));
		bands[k].customers++;
		if (churned[i]) churnedIn[k]++;
	}
	bands.forEach((band, k) => (band.observedChurn = band.customers ? churnedIn[k] / band.customers : null));
	return { holdoutDays, customers: n, averageChurn: churners / n, thresholds, bands };
}

const FIXED_LEVELS = 'Risk levels follow the fixed thresholds, as ';

/** Why the fixed thresholds stand in for the backtest's, in a sentence. */
export const fixedLevelsNote = (why: string): string => `${FIXED_LEVELS}${why}.`;

export const isFixedLevelsNote = (note: string): boolean => note.startsWith(FIXED_LEVELS);

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The levels a backtest set, in a sentence for the people who act on them. */
export function riskCalibrationInWords(c: RiskCalibration): string {
	const levels = c.bands
		.filter((band) => band.level !== 'low')
		.map((band) =>
			band.from === null
				? `${band.level}: nobody (no customers ordered that rarely)`
				: `${band.level} from a churn probability of ${band.from.toFixed(2)} (${percent(band.observedChurn ?? 0)} of them did not order)`,
		);
	return (
		`Risk levels set by the backtest: of ${c.customers} customers, ${percent(c.averageChurn)} did not order in the ${c.holdoutDays} held-out days; ` +
		`medium orders less often than that average, high at under half its rate, critical at under a quarter. ${levels.join('; ')}.`
	);
}
