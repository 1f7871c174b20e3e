import type { IDataObject } from 'n8n-workflow';
import { STAGE_LABELS, STAGE_LABELS_ZH, Stage } from '../../lib/lifecycle/stages';
import type { Language } from '../../lib/values/language';

/** A staged customer in one line, in the language of the node's reasons. */
export function stageInWords(c: IDataObject, language: Language): string {
	const stage = c.lifecycleStage as Stage;
	const risk = typeof c.churnProbability === 'number' ? Math.round(c.churnProbability * 100) : null;
	if (language === 'zh-CN') {
		return `客户 ${String(c.customerId)} 处于「${STAGE_LABELS_ZH[stage] ?? stage}」阶段：${String(c.stageReason)}${risk === null ? '' : `；流失概率 ${risk}%`}。`;
	}
	return `${String(c.customerId)} is in the ${STAGE_LABELS[stage] ?? stage} stage: ${String(c.stageReason)}${risk === null ? '' : `; churn probability ${risk}%`}.`;
}

export function stageFacts(c: IDataObject): IDataObject {
	const pick = ['customerId', 'lifecycleStage', 'stageReason', 'usualGapDays', 'recencyDays', 'orders', 'churnProbability', 'riskLevel', 'analysisDate'];
	return Object.fromEntries(pick.filter((key) => c[key] !== undefined).map((key) => [key, c[key]]));
}
