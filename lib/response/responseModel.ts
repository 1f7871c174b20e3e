import { z } from 'zod';
import { logistic, logit } from './logOdds';

/**
 * How customers respond to a retention action, on the log-odds scale: a customer who would order
 * within the response window with probability b anyway orders with probability
 * logistic(logit(b) + effect) when contacted. One effect on the log-odds gives each customer
 * their own uplift: small for customers who buy anyway (b near 1) and for long-gone ones (b near
 * 0), largest in between, the pattern Ascarza (2018) measured ("the riskiest are not the most
 * persuadable"). Campaign Report measures the effect per action, and per lifecycle stage, RFM
 * segment, value tier and cause within it; Retention Action plans with the measured effects,
 * else with the planning priors.
 */
export const RESPONSE_DIMENSIONS = ['stage', 'segment', 'valueTier', 'cause'] as const;
export type ResponseDimension = (typeof RESPONSE_DIMENSIONS)[number];
export type ResponseFeatures = Record<ResponseDimension, string | null>;

export interface Estimate {
	mean: number;
	/** Posterior standard deviation. */
	sd: number;
}

export interface CellResponse {
	dimension: ResponseDimension;
	value: string;
	treated: number;
	controls: number;
	/** Shift of the log-odds of ordering anyway for customers in the cell. */
	baseShift: Estimate;
	/** Shift of the action's effect for customers in the cell. */
	effect: Estimate;
}

export interface ActionResponse {
	treated: number;
	controls: number;
	reactivatedTreated: number;
	reactivatedControls: number;
	/** Calibration of the logged base rates: the log-odds shift that makes them match the control group. */
	baseShift: Estimate;
	/** The action's effect on the log-odds of ordering (before the cells' shifts). */
	effect: Estimate;
	/** The prior the effect was fitted with, so a planner with another prior can swap it. */
	prior: Estimate;
	cells: CellResponse[];
}

export const RESPONSE_MODEL_KIND = 'n8n-nodes-retention/response-model';

export interface ResponseModel {
	kind: typeof RESPONSE_MODEL_KIND;
	version: 1;
	/** Ordered within this many days after contact counts as a response. */
	windowDays: number;
	fittedAt: string;
	campaigns: string[];
	/** Customer-campaign pairs the fit learned from. */
	units: number;
	actions: Record<string, ActionResponse>;
}

const estimate = z.object({ mean: z.number().finite(), sd: z.number().finite().nonnegative() });
const schema = z.object({
	kind: z.literal(RESPONSE_MODEL_KIND),
	version: z.literal(1),
	windowDays: z.number().positive(),
	fittedAt: z.string(),
	campaigns: z.array(z.string()),
	units: z.number().int().nonnegative(),
	actions: z.record(
		z.object({
			treated: z.number().int().nonnegative(),
			controls: z.number().int().nonnegative(),
			reactivatedTreated: z.number().int().nonnegative(),
			reactivatedControls: z.number().int().nonnegative(),
			baseShift: estimate,
			effect: estimate,
			prior: estimate,
			cells: z.array(z.object({ dimension: z.enum(RESPONSE_DIMENSIONS), value: z.string(), treated: z.number().int(), controls: z.number().int(), baseShift: estimate, effect: estimate })),
		}),
	),
});

/** A response model as Campaign Report wrote it (an item, or its JSON text); the error says what is wrong. */
export function parseResponseModel(value: unknown): ResponseModel {
	const json = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
	const parsed = schema.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`This is not a response model written by Campaign Report: ${issue.path.join('.') || 'the item'} ${issue.message.toLowerCase()}`);
	}
	return parsed.data as ResponseModel;
}

/** Combines two independent normal pieces of evidence about one number (precision-weighted). */
export function combine(a: Estimate, b: Estimate): Estimate {
	const wa = 1 / (a.sd * a.sd);
	const wb = 1 / (b.sd * b.sd);
	return { mean: (a.mean * wa + b.mean * wb) / (wa + wb), sd: Math.sqrt(1 / (wa + wb)) };
}

/**
 * The measured effect with the fit's prior swapped for another: the data's own evidence is the
 * posterior divided by the prior it was fitted with (normal approximations throughout). When the
 * data added nothing, the new prior comes back unchanged.
 */
export function withPrior(measured: Estimate, fittedPrior: Estimate, prior: Estimate): Estimate {
	const posteriorPrecision = 1 / (measured.sd * measured.sd);
	const priorPrecision = 1 / (fittedPrior.sd * fittedPrior.sd);
	const dataPrecision = posteriorPrecision - priorPrecision;
	if (!(dataPrecision > 1e-9)) return prior;
	const dataMean = (measured.mean * posteriorPrecision - fittedPrior.mean * priorPrecision) / dataPrecision;
	return combine({ mean: dataMean, sd: Math.sqrt(1 / dataPrecision) }, prior);
}

export interface PredictedResponse {
	/** P(order in the window | not contacted), after the measured calibration. */
	baseRate: number;
	/** P(order in the window | contacted). */
	treatedRate: number;
	/** treatedRate - baseRate. */
	uplift: number;
	/** The uplift at the effect's 90% upper bound: what exploring bets on. */
	optimisticUplift: number;
	/** Where the effect came from, and on how many customers it was measured. */
	source: 'prior' | 'measured';
	measuredOn: number;
}

/** z of the one-sided 90% bound. */
const Z90 = 1.2815515655446004;

/**
 * One customer's response to one action: their base rate b (from the churn model), shifted by
 * what the measured model learned about the base and the effect for customers like them.
 */
export function predictResponse(model: ResponseModel | null, action: string, features: ResponseFeatures, baseRate: number, prior: Estimate): PredictedResponse {
	const measured = model?.actions[action];
	let baseLogOdds = logit(baseRate);
	let effect = prior;
	if (measured) {
		baseLogOdds += measured.baseShift.mean;
		effect = withPrior(measured.effect, measured.prior, prior);
		let variance = effect.sd * effect.sd;
		let mean = effect.mean;
		for (const cell of measured.cells) {
			if (features[cell.dimension] !== cell.value) continue;
			baseLogOdds += cell.baseShift.mean;
			mean += cell.effect.mean;
			variance += cell.effect.sd * cell.effect.sd;
		}
		effect = { mean, sd: Math.sqrt(variance) };
	}
	const base = logistic(baseLogOdds);
	const treated = logistic(baseLogOdds + effect.mean);
	return {
		baseRate: base,
		treatedRate: treated,
		uplift: treated - base,
		optimisticUplift: logistic(baseLogOdds + effect.mean + Z90 * effect.sd) - base,
		source: measured ? 'measured' : 'prior',
		measuredOn: measured ? measured.treated + measured.controls : 0,
	};
}
