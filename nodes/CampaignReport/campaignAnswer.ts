import type { IDataObject } from 'n8n-workflow';
import type { Language } from '../../lib/values/language';
import { WORDS } from '../../lib/words';

const rate = (x: unknown) => `${(Number(x) * 100).toFixed(1)}%`;
const points = (x: unknown) => `${Number(x) >= 0 ? '+' : ''}${(Number(x) * 100).toFixed(1)}`;
const amount = (x: unknown) => Number(x).toFixed(2);

/** The report's overall line in one sentence, in the report's language: the two groups, the uplift with its interval, the verdict, the money. */
export function campaignInWords(line: IDataObject, campaign: string, windowDays: number, language: Language): string {
	const compared = line.uplift !== null && line.uplift !== undefined;
	return WORDS[language].answers.campaign({
		campaign,
		windowDays,
		treatment: { customers: Number(line.treatmentCustomers), reactivated: Number(line.treatmentReactivated), rate: rate(line.treatmentRate) },
		control: { customers: Number(line.controlCustomers), reactivated: Number(line.controlReactivated), rate: rate(line.controlRate) },
		uplift: compared ? { points: points(line.uplift), low: points(line.upliftLow), high: points(line.upliftHigh), p: Number(line.pValue) < 0.001 ? '< 0.001' : `= ${Number(line.pValue).toFixed(3)}` } : null,
		verdict: String(line.verdict),
		revenue: typeof line.incrementalRevenue === 'number' ? { estimate: amount(line.incrementalRevenue), low: amount(line.incrementalRevenueLow), high: amount(line.incrementalRevenueHigh) } : null,
	});
}

export function campaignFacts(line: IDataObject): IDataObject {
	const pick = ['verdict', 'verdictCode', 'treatmentCustomers', 'treatmentReactivated', 'treatmentRate', 'controlCustomers', 'controlReactivated', 'controlRate', 'uplift', 'upliftLow', 'upliftHigh', 'pValue', 'incrementalRevenue', 'incrementalRevenueLow', 'incrementalRevenueHigh', 'incrementalProfit', 'roi'];
	return Object.fromEntries(pick.filter((key) => line[key] !== undefined).map((key) => [key, line[key]]));
}
