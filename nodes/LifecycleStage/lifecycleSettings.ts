import { z } from 'zod';
import { settingsError } from '../shared/settingsError';
import { lifecycleStageProperties } from './LifecycleStageDescription';
import type { StageSettings } from '../../lib/lifecycle/stageRules';
import { LANGUAGES } from '../../lib/values/language';

export const lifecycleOptionsSchema = z
	.object({
		atRiskGaps: z.number().positive().default(2),
		atRiskProbability: z.number().min(0).max(1).default(0.5),
		churnedGaps: z.number().positive().default(4),
		churnedProbability: z.number().min(0).max(1).default(0.8),
		explorationMaxOrders: z.number().int().min(1).default(2),
		atRiskDays: z.number().positive().default(90),
		churnedDays: z.number().positive().default(180),
		loyalMinOrders: z.number().int().min(2).default(5),
		maxInactiveDays: z.number().min(0).default(365),
		onboardingDays: z.number().min(0).default(30),
		reasonLanguage: z.enum(LANGUAGES).default('en'),
		reactivatedWindowDays: z.number().min(0, 'Reactivated Within must be 0 (automatic) or more days').default(0),
		trendThreshold: z.number().min(0).max(2).default(0.5),
	})
	.refine((o) => o.churnedGaps > o.atRiskGaps, 'Churned After (Usual Gaps) must be more than At Risk After (Usual Gaps)')
	.refine((o) => o.churnedDays > o.atRiskDays, 'Fixed Band: Churned After must be more days than Fixed Band: At Risk After')
	.refine((o) => o.churnedProbability > o.atRiskProbability, 'Churned Probability must be higher than At Risk Probability');

/** The settings of a Lifecycle Stage node left as the editor sets it up: Retention Action's agent tool places stages with them. */
export function defaultStageSettings(): StageSettings {
	const editorDefault = (name: string) => lifecycleStageProperties.find((p) => p.name === name)?.default;
	return readStageSettings({}, editorDefault('stageModel') as StageSettings['model'], editorDefault('riskSignal') as string);
}

export function readStageSettings(options: unknown, model: StageSettings['model'], riskSignal: string): StageSettings {
	const parsed = lifecycleOptionsSchema.safeParse(options ?? {});
	if (!parsed.success) throw settingsError(parsed.error);
	const { reasonLanguage, ...thresholds } = parsed.data;
	return { ...thresholds, model, useChurnProbability: riskSignal === 'churnProbability', language: reasonLanguage };
}
