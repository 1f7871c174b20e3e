import type { IDataObject } from 'n8n-workflow';
import type { Language } from '../../lib/values/language';

const rate = (x: unknown) => `${(Number(x) * 100).toFixed(1)}%`;
const points = (x: unknown) => `${Number(x) >= 0 ? '+' : ''}${(Number(x) * 100).toFixed(1)}`;
const pValue = (p: unknown) => (Number(p) < 0.001 ? '< 0.001' : `= ${Number(p).toFixed(3)}`);
const amount = (x: unknown) => Number(x).toFixed(2);

/** The report's overall line in one sentence, in the report's language: the two groups, the uplift with its interval, the verdict, the money. */
export function campaignInWords(line: IDataObject, campaign: string, windowDays: number, language: Language): string {
	const compared = line.uplift !== null && line.uplift !== undefined;
	const revenue = typeof line.incrementalRevenue === 'number' ? line.incrementalRevenue : null;
	if (language === 'zh-CN') {
		return [
			`${campaign ? `活动 ${campaign}` : '全部活动'}：触达的 ${String(line.treatmentCustomers)} 位客户中 ${String(line.treatmentReactivated)} 位（${rate(line.treatmentRate)}）在 ${windowDays} 天内下单，对照组 ${String(line.controlCustomers)} 位中 ${String(line.controlReactivated)} 位（${rate(line.controlRate)}）`,
			compared ? `提升 ${points(line.uplift)} 个百分点（95% 区间 ${points(line.upliftLow)} 至 ${points(line.upliftHigh)}），p ${pValue(line.pValue)}` : '',
			String(line.verdict),
			revenue !== null ? `增量收入 ${amount(revenue)}（${amount(line.incrementalRevenueLow)} 至 ${amount(line.incrementalRevenueHigh)}）` : '',
		].filter(Boolean).join('；') + '。';
	}
	return [
		`${campaign ? `Campaign ${campaign}` : 'All campaigns'}: ${String(line.treatmentReactivated)} of ${String(line.treatmentCustomers)} contacted customers (${rate(line.treatmentRate)}) ordered within ${windowDays} days, against ${String(line.controlReactivated)} of ${String(line.controlCustomers)} (${rate(line.controlRate)}) in the control group`,
		compared ? `uplift ${points(line.uplift)} points (95% interval ${points(line.upliftLow)} to ${points(line.upliftHigh)}), p ${pValue(line.pValue)}` : '',
		String(line.verdict),
		revenue !== null ? `incremental revenue ${amount(revenue)} (${amount(line.incrementalRevenueLow)} to ${amount(line.incrementalRevenueHigh)})` : '',
	].filter(Boolean).join('; ') + '.';
}

export function campaignFacts(line: IDataObject): IDataObject {
	const pick = ['verdict', 'verdictCode', 'treatmentCustomers', 'treatmentReactivated', 'treatmentRate', 'controlCustomers', 'controlReactivated', 'controlRate', 'uplift', 'upliftLow', 'upliftHigh', 'pValue', 'incrementalRevenue', 'incrementalRevenueLow', 'incrementalRevenueHigh', 'incrementalProfit', 'roi'];
	return Object.fromEntries(pick.filter((key) => line[key] !== undefined).map((key) => [key, line[key]]));
}
