import { z } from 'zod';
import { PURCHASE_MODEL_NAMES, PurchaseModelName } from '../models/purchaseModel';
import { PURCHASE_MODELS } from '../models/purchaseModels';

/*
 * What Churn Risk's "Backtest the Models" put out on its second output, as the report reads it:
 * the split, the models' figures and the weekly tracking series. The item may have passed
 * through other nodes (a Set, a database), so every field is checked.
 */

const count = z.number().finite().nonnegative();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2025-04-01');

const trackingRowSchema = z
	.object({
		from: isoDate,
		to: isoDate,
		period: z.enum(['calibration', 'holdout']),
		actual: count,
	})
	.catchall(z.union([count, z.null(), z.string()]));

export const backtestModelSchema = z.object({
	model: z.string(),
	modelName: z.string(),
	chosen: z.boolean(),
	holdoutLogLikelihoodPerCustomer: z.number().nullable(),
	churnAuc: z.number().nullable(),
	brierScore: z.number().nullable(),
	repeatPurchasesMae: z.number().nullable(),
	predictedRepeatPurchases: z.number(),
	actualRepeatPurchases: z.number(),
});

export const backtestSummarySchema = z.object({
	calibrationDate: isoDate,
	analysisDate: isoDate,
	holdoutDays: z.number().int().positive(),
	customers: count,
	chosen: z.string().nullable(),
	reason: z.string(),
	tracking: z.array(trackingRowSchema).min(1, 'must have at least one week'),
	models: z.array(backtestModelSchema).default([]),
});

export type BacktestModelRow = z.infer<typeof backtestModelSchema>;

/** One model's line on the tracking chart: what it expected each week. */
export interface TrackedModel {
	name: string;
	label: string;
	chosen: boolean;
	expected: number[];
}

export interface BacktestView {
	calibrationDate: string;
	analysisDate: string;
	holdoutDays: number;
	customers: number;
	chosen: string | null;
	reason: string;
	/** One entry per week: its first and last day, and whether it lies in the held-out days. */
	weeks: Array<{ from: string; to: string; holdout: boolean }>;
	actual: number[];
	models: TrackedModel[];
	/** The models' figures on the held-out days. */
	comparison: BacktestModelRow[];
}

/** A series that came without its model row is labelled as Churn Risk labels the model. */
const labelOf = (name: string) => ((PURCHASE_MODEL_NAMES as readonly string[]).includes(name) ? PURCHASE_MODELS[name as PurchaseModelName].label : name);

const TRACKING_KEYS = new Set(['from', 'to', 'period', 'actual']);

/** The view of a backtest from its summary and model rows; the models' order follows the rows, else the series. */
export function backtestView(summary: z.infer<typeof backtestSummarySchema>): BacktestView {
	const comparison = summary.models;
	const names = [...new Set(summary.tracking.flatMap((row) => Object.keys(row).filter((key) => !TRACKING_KEYS.has(key) && typeof row[key] === 'number')))];
	const ordered = [...comparison.map((row) => row.modelName).filter((name) => names.includes(name)), ...names.filter((name) => !comparison.some((row) => row.modelName === name))];
	return {
		calibrationDate: summary.calibrationDate,
		analysisDate: summary.analysisDate,
		holdoutDays: summary.holdoutDays,
		customers: summary.customers,
		chosen: summary.chosen,
		reason: summary.reason,
		weeks: summary.tracking.map((row) => ({ from: row.from, to: row.to, holdout: row.period === 'holdout' })),
		actual: summary.tracking.map((row) => row.actual),
		models: ordered.map((name) => ({
			name,
			label: comparison.find((row) => row.modelName === name)?.model ?? labelOf(name),
			chosen: name === summary.chosen,
			expected: summary.tracking.map((row) => (typeof row[name] === 'number' ? (row[name] as number) : NaN)),
		})),
		comparison,
	};
}
