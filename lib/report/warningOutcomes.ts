import { readCustomerRecord } from '../customer/customerRecord';
import { TimeZone } from '../values/timeZone';
import { OrderEvent } from './campaignOutcomes';
import { ScoredOutcome } from './warningAccuracy';

export interface WarningSettings {
	horizonDays: number;
	flaggedLevels: ReadonlySet<string>;
	zone: TimeZone;
	/** Today, as a day number: outcomes whose horizon has not passed yet are not known. */
	today: number;
}

/**
 * Whether a customer an earlier run scored did leave: no order in the horizon after that run's
 * analysis date. `pending` when the horizon has not passed yet.
 */
export function scoredOutcomeOf(record: Record<string, unknown>, orders: ReadonlyArray<OrderEvent>, s: WarningSettings): { outcome: ScoredOutcome } | { pending: true } | { error: string } {
	// The record's own analysis date is required below, so the fallback day is never used.
	const read = readCustomerRecord(record, { analysisDay: s.today, zone: s.zone });
	if ('error' in read) return read;
	const { customerId, churnProbability: probability, ownAnalysisDay: analysisDay, riskLevel } = read.record;
	if (probability === null) return { error: `(customer ${customerId}) has no churnProbability between 0 and 1: give the items of a Churn Risk run` };
	if (analysisDay === null) return { error: `(customer ${customerId}) has no analysisDate (YYYY-MM-DD): the day the scores were as of` };
	if (analysisDay + s.horizonDays > s.today) return { pending: true };
	const ordered = orders.some((o) => {
		const day = s.zone.localDayNumber(o.at);
		return day > analysisDay && day <= analysisDay + s.horizonDays && o.amount >= 0;
	});
	return { outcome: { churnProbability: probability, flagged: riskLevel !== null && s.flaggedLevels.has(riskLevel), churned: !ordered } };
}
