import type { IDataObject } from 'n8n-workflow';
import type { Stage } from '../../lib/lifecycle/stages';
import type { Language } from '../../lib/values/language';
import { WORDS } from '../../lib/words';

/** A staged customer in one line, in the language of the node's reasons. */
export function stageInWords(c: IDataObject, language: Language): string {
	const words = WORDS[language];
	return words.answers.stage({
		customerId: String(c.customerId),
		stage: words.stages[c.lifecycleStage as Stage] ?? String(c.lifecycleStage),
		reason: String(c.stageReason),
		churnPercent: typeof c.churnProbability === 'number' ? Math.round(c.churnProbability * 100) : null,
	});
}

export function stageFacts(c: IDataObject): IDataObject {
	const pick = ['customerId', 'lifecycleStage', 'stageReason', 'usualGapDays', 'recencyDays', 'orders', 'churnProbability', 'riskLevel', 'analysisDate'];
	return Object.fromEntries(pick.filter((key) => c[key] !== undefined).map((key) => [key, c[key]]));
}
