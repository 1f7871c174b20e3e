import type { IDataObject } from 'n8n-workflow';
import type { RiskLevel } from '../../lib/models/riskLevels';
import type { RfmSegment } from '../../lib/models/rfm';
import type { Language } from '../../lib/values/language';
import { WORDS } from '../../lib/words';

/** A scored customer in one line, for an agent: the risk, the rhythm it rests on, what the model expects. */
export function riskInWords(c: IDataObject, language: Language): string {
	const scored = typeof c.churnProbability === 'number';
	return WORDS[language].answers.risk({
		customerId: String(c.customerId),
		risk: scored
			? {
					level: c.riskLevel as RiskLevel,
					churnPercent: Math.round((c.churnProbability as number) * 100),
					horizonDays: Number(c.horizonDays),
					usualGapDays: typeof c.avgDaysBetweenOrders === 'number' ? Math.round(c.avgDaysBetweenOrders) : null,
					recencyDays: Number(c.recencyDays),
					expectedOrders: Number(c.expectedOrders).toFixed(2),
					nextOrder: c.expectedNextOrderAt ? String(c.expectedNextOrderAt) : null,
					predictedValue: Number(c.predictedClv).toFixed(2),
					segment: ((c.rfm as IDataObject | null)?.segment as RfmSegment | undefined) ?? null,
				}
			: null,
	});
}

/** The figures the sentence rests on. */
export function riskFacts(c: IDataObject): IDataObject {
	const pick = ['customerId', 'riskLevel', 'churnProbability', 'pAlive', 'horizonDays', 'avgDaysBetweenOrders', 'recencyDays', 'orders', 'expectedOrders', 'expectedNextOrderAt', 'predictedClv', 'analysisDate'];
	const facts: IDataObject = Object.fromEntries(pick.filter((key) => c[key] !== undefined).map((key) => [key, c[key]]));
	const segment = (c.rfm as IDataObject | null)?.segment;
	if (segment) facts.rfmSegment = segment;
	return facts;
}
