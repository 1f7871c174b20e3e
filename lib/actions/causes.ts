/**
 * The causes Retention Action tells apart and the facts behind them, as codes: what the cause
 * rules decide (churnCause.ts) and the words of each language describe (lib/words).
 */
export const CAUSES = ['priceSensitive', 'poorExperience', 'competition', 'fadingEngagement', 'neglected', 'newUnconvinced', 'unknown', 'notAtRisk'] as const;
export type Cause = (typeof CAUSES)[number];

/** One fact behind a cause, in numbers, written out in the reader's language by describeEvidence. */
export type Evidence =
	| { kind: 'given'; text: string }
	| { kind: 'complaints'; count: number }
	| { kind: 'returns'; share: number }
	| { kind: 'satisfaction'; score: number }
	| { kind: 'openTickets'; count: number }
	| { kind: 'detractor'; score: number }
	| { kind: 'badReviews'; rating: number | null; sentiment: number | null }
	| { kind: 'fewerVisits'; recent: number; usual: number }
	| { kind: 'promotions'; count: number; of: number; share: number }
	| { kind: 'promotionThenSilence'; days: number; gap: number }
	| { kind: 'oneOrder'; days: number }
	| { kind: 'abruptStop'; orders: number; gap: number; days: number }
	| { kind: 'orderTrend'; value: number }
	| { kind: 'spendTrend'; value: number }
	| { kind: 'longGap'; last: number; gap: number }
	| { kind: 'lastContacted'; days: number }
	| { kind: 'notAtRisk'; days: number | null; gap: number | null }
	| { kind: 'noSign' };
