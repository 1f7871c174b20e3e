import { z } from 'zod';
import { settingsError } from '../shared/settingsError';
import { churnRiskProperties, DEFAULT_RISK_THRESHOLDS } from './ChurnRiskDescription';
import type { FitSettings } from '../../lib/models/churnModel';
import type { ScoringSettings } from '../../lib/models/churnScoring';
import type { RiskThresholds } from '../../lib/models/riskLevels';
import { parseBreakpoints } from '../../lib/models/rfm';
import { PURCHASE_MODEL_NAMES } from '../../lib/models/purchaseModel';

export const churnRiskOptionsSchema = z.object({
	clvMonths: z.number().int('CLV Horizon must be a whole number of months').min(1).max(120, 'CLV Horizon is at most 120 months').default(12),
	frequencyBasis: z.enum(['orders', 'purchaseDays']).default('orders'),
	segmentSummary: z.boolean().default(false),
	minCustomers: z.number().int().min(2, 'Minimum Customers to Fit must be at least 2').default(20),
	minRepeatCustomers: z.number().int().min(1, 'Minimum Repeat Customers to Fit must be at least 1').default(10),
	monetaryBasis: z.enum(['total', 'average']).default('total'),
	monthlyDiscountRate: z.number().min(0).max(1, 'Monthly Discount Rate is a fraction: 0.01 means 1%').default(0.01),
	penalizer: z.number().min(0, 'Penalizer cannot be negative').max(100, 'Penalizer is at most 100 (0.001 to 0.1 is usual)').default(0),
	riskThresholds: z.string().default(DEFAULT_RISK_THRESHOLDS),
	saveModel: z.boolean().default(true),
});

export const MAX_HORIZON_DAYS = 3650;

export interface ChurnRiskSettings {
	scoring: ScoringSettings;
	fit: FitSettings;
	segmentSummary: boolean;
	saveModel: boolean;
}

function riskThresholds(text: string): RiskThresholds {
	const values = text.split(/[,;\s]+/).filter(Boolean).map(Number);
	const ok = values.length === 3 && values.every((v) => v >= 0 && v <= 1) && values[0] < values[1] && values[1] < values[2];
	if (!ok) throw new Error(`Risk Level Thresholds needs three rising probabilities between 0 and 1, like "${DEFAULT_RISK_THRESHOLDS}"; got "${text}"`);
	return { medium: values[0], high: values[1], critical: values[2] };
}

/** Reads and checks the node's settings; throws with what to change when one makes no sense. */
export function readChurnRiskSettings(raw: {
	options: unknown;
	model: string;
	periodDays: number;
	horizonDays: number;
	churnDefinition: string;
	riskLevels: string;
	rfmScoring: string;
	thresholds: { recency: string; frequency: string; monetary: string };
}): ChurnRiskSettings {
	const parsed = churnRiskOptionsSchema.safeParse(raw.options ?? {});
	if (!parsed.success) throw settingsError(parsed.error);
	const o = parsed.data;
	// Ten years: beyond that no purchase model says anything, and the expectations' series lose precision.
	if (!(raw.horizonDays >= 1 && raw.horizonDays <= MAX_HORIZON_DAYS)) throw new Error(`Horizon (Days) must be from 1 to ${MAX_HORIZON_DAYS} days; got ${raw.horizonDays}`);
	const model = raw.model === 'auto' ? 'auto' : PURCHASE_MODEL_NAMES.find((name) => name === raw.model);
	if (!model) throw new Error(`Purchase Model must be auto or one of ${PURCHASE_MODEL_NAMES.join(', ')}; got "${raw.model}"`);
	if (raw.riskLevels !== 'backtest' && raw.riskLevels !== 'thresholds') throw new Error(`Risk Levels must be backtest or thresholds; got "${raw.riskLevels}"`);
	if (!(Number.isInteger(raw.periodDays) && raw.periodDays >= 1 && raw.periodDays <= 366)) throw new Error(`Purchase Chance Every (Days) must be a whole number of days from 1 to 366; got ${raw.periodDays}`);
	return {
		scoring: {
			horizonDays: raw.horizonDays,
			churnDefinition: raw.churnDefinition === 'notAlive' ? 'notAlive' : 'noOrderInHorizon',
			riskLevels: raw.riskLevels,
			riskThresholds: riskThresholds(o.riskThresholds),
			clvMonths: o.clvMonths,
			monthlyDiscountRate: o.monthlyDiscountRate,
		},
		fit: {
			model,
			holdoutDays: raw.horizonDays,
			periodDays: raw.periodDays,
			riskLevels: raw.riskLevels,
			penalizer: o.penalizer,
			minCustomers: o.minCustomers,
			minRepeatCustomers: o.minRepeatCustomers,
			frequencyBasis: o.frequencyBasis,
			monetaryBasis: o.monetaryBasis,
			rfmBreakpoints:
				raw.rfmScoring === 'thresholds'
					? {
							recency: parseBreakpoints(raw.thresholds.recency, 'recency'),
							frequency: parseBreakpoints(raw.thresholds.frequency, 'frequency'),
							monetary: parseBreakpoints(raw.thresholds.monetary, 'monetary'),
						}
					: undefined,
		},
		segmentSummary: o.segmentSummary,
		saveModel: o.saveModel,
	};
}

/**
 * The settings of a Churn Risk node left as the editor sets it up: what the other nodes' agent
 * tools score with when they fit a model themselves.
 */
export function defaultChurnRiskSettings(): ChurnRiskSettings {
	const editorDefault = (name: string) => churnRiskProperties.find((p) => p.name === name)?.default;
	return readChurnRiskSettings({
		options: {},
		model: editorDefault('purchaseModel') as string,
		periodDays: editorDefault('periodDays') as number,
		horizonDays: editorDefault('horizonDays') as number,
		churnDefinition: editorDefault('churnDefinition') as string,
		riskLevels: editorDefault('riskLevels') as string,
		rfmScoring: editorDefault('rfmScoring') as string,
		thresholds: { recency: '', frequency: '', monetary: '' },
	});
}
