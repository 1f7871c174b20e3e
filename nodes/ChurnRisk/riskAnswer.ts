import type { IDataObject } from 'n8n-workflow';
import { daysInWords, percentInWords } from '../shared/agentTool/answerWords';

/** How a risk level reads in a sentence about one customer. */
const STANDING: Record<string, string> = { critical: 'very likely to be lost', high: 'at risk', medium: 'slipping', low: 'likely to stay' };

/** A scored customer in one line, for an agent: the risk, the rhythm it rests on, what the model expects. */
export function riskInWords(c: IDataObject): string {
	if (c.churnProbability === null || c.churnProbability === undefined) return `${String(c.customerId)} has no order to score yet.`;
	const level = String(c.riskLevel);
	const gap = typeof c.avgDaysBetweenOrders === 'number' ? `usual gap ${daysInWords(Math.round(c.avgDaysBetweenOrders))}` : 'one purchase day so far, no usual gap yet';
	const segment = (c.rfm as IDataObject | null)?.segment;
	return [
		`${String(c.customerId)} is ${STANDING[level] ?? level}: ${percentInWords(c.churnProbability)} churn probability over the next ${daysInWords(c.horizonDays)} (${level} risk)`,
		`${gap}, last order ${daysInWords(c.recencyDays)} ago`,
		`expected orders in that time ${Number(c.expectedOrders).toFixed(2)}${c.expectedNextOrderAt ? `, next expected around ${String(c.expectedNextOrderAt)}` : ''}`,
		`predicted value ${Number(c.predictedClv).toFixed(2)}${segment ? `; RFM segment ${String(segment)}` : ''}`,
	].join('; ') + '.';
}

/** The figures the sentence rests on. */
export function riskFacts(c: IDataObject): IDataObject {
	const pick = ['customerId', 'riskLevel', 'churnProbability', 'pAlive', 'horizonDays', 'avgDaysBetweenOrders', 'recencyDays', 'orders', 'expectedOrders', 'expectedNextOrderAt', 'predictedClv', 'analysisDate'];
	const facts: IDataObject = Object.fromEntries(pick.filter((key) => c[key] !== undefined).map((key) => [key, c[key]]));
	const segment = (c.rfm as IDataObject | null)?.segment;
	if (segment) facts.rfmSegment = segment;
	return facts;
}
