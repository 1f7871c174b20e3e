import { MIN_CUSTOMERS_FOR_POPULATION_GAP, populationGapDays } from '../customer/purchaseGap';
import { runToEnd, Steps } from '../math/steps';
import { z } from 'zod';
import { groupHistories } from './customerHistory';
import { fitPurchaseModelSteps, logParameterCovariance, standardErrors } from './fitPurchaseModel';
import { FittedPurchaseModel, namedParameters, PURCHASE_MODEL_NAMES, PurchaseModelName } from './purchaseModel';
import { PURCHASE_MODELS } from './purchaseModels';
import { modelInWords } from './modelInWords';
import { chooseModelSteps, ModelSelection, riskCalibrationSteps } from './modelChoice';
import { fixedLevelsNote, RISK_LEVELS, RiskCalibration, riskCalibrationInWords } from './riskLevels';
import { toModelTime } from './modelTime';
import { fitGammaGammaSteps, GammaGammaParams, populationMeanSpend, spendFrequencyCorrelation } from './gammaGamma';
import { RfmBreakpoints, rfmBreakpointsOf } from './rfm';
import { ModelCustomer, ModelCustomers } from './modelCustomers';

/**
 * The longest each model's fit may search: a well-posed fit of a million customers takes under
 * a second; one that runs this long has no clear optimum, and cadence scoring serves better
 * than keeping n8n busy.
 */
export const FIT_TIME_LIMIT_MS = 8_000;

export type { ModelCustomer } from './modelCustomers';
export type { FittedPurchaseModel } from './purchaseModel';

export type FrequencyBasis = 'orders' | 'purchaseDays';
export type MonetaryBasis = 'total' | 'average';

export interface FitSettings {
	penalizer: number;
	minCustomers: number;
	minRepeatCustomers: number;
	frequencyBasis: FrequencyBasis;
	monetaryBasis: MonetaryBasis;
	/** User-given RFM breakpoints; quintiles of this population otherwise. */
	rfmBreakpoints?: RfmBreakpoints;
	/** The purchase model to fit; Auto chooses one by a backtest on the last holdoutDays. */
	model: PurchaseModelName | 'auto';
	/** Auto's held-out days (the node's horizon). */
	holdoutDays: number;
	/** BG/BB: days between purchase opportunities. */
	periodDays: number;
	/** Set the risk levels from a backtest of the model (on the last holdoutDays), or leave them to fixed thresholds. */
	riskLevels: 'backtest' | 'thresholds';
}

/** Whether a fit backtests, and so reads each customer's purchase dates (a parse per customer). */
export function fitReadsPurchaseDays(settings: Pick<FitSettings, 'model' | 'riskLevels'>): boolean {
	return settings.model === 'auto' || settings.riskLevels === 'backtest';
}

/** A fitted model: everything needed to score one more customer later, as plain JSON. */
export interface ChurnModel {
	version: 2;
	method: PurchaseModelName | 'cadence';
	fittedAt: string;
	timeUnit: 'days';
	customers: number;
	repeatCustomers: number;
	purchaseModel: FittedPurchaseModel | null;
	/** What the fit says, in one sentence for people. */
	summary: string;
	/** How Auto chose the model; null when the user picked it. */
	selection: ModelSelection | null;
	/** The risk levels the backtest set; null where fixed thresholds apply. */
	riskCalibration: RiskCalibration | null;
	gammaGamma: { params: GammaGammaParams; logLikelihood: number; customers: number; spendFrequencyCorrelation: number } | null;
	populationGapDays: number;
	populationAvgOrderValue: number;
	rfm: { breakpoints: RfmBreakpoints; frequencyBasis: FrequencyBasis; monetaryBasis: MonetaryBasis };
	/** Plain-language notes on what was fitted and what fell back, for the user. */
	notes: string[];
}

/** The F of RFM: orders, or purchase days (repeat purchase days + 1). */
export function rfmFrequency(orders: number, repeatPurchases: number, basis: FrequencyBasis): number {
	return basis === 'orders' ? orders : repeatPurchases + 1;
}

/** The M of RFM: total spend, or the average order. */
export function rfmMonetary(totalSpend: number, avgOrderValue: number, basis: MonetaryBasis): number {
	return basis === 'total' ? totalSpend : avgOrderValue;
}

function rfmBreakpointsOfBuyers(customers: ModelCustomers, buyers: Int32Array, settings: FitSettings): RfmBreakpoints {
	const x = customers.measure('x', buyers);
	const avgOrderValue = customers.measure('avgOrderValue', buyers);
	return rfmBreakpointsOf({
		recencyDays: customers.measure('recencyDays', buyers),
		frequency: customers.measure('orders', buyers).map((orders, j) => rfmFrequency(orders, x[j], settings.frequencyBasis)),
		monetary: customers.measure('totalSpend', buyers).map((total, j) => rfmMonetary(total, avgOrderValue[j], settings.monetaryBasis)),
	});
}

/** The usual gap taken when too few customers bought twice to know the shop's own. */
const DEFAULT_POPULATION_GAP_DAYS = 30;

/**
 * Parameters outside this range mean the data barely constrain the model (a fit that runs there is
 * set aside) or a saved model was edited (it is refused): at 1e-300 or 1e300 every customer's
 * score overflows or collapses to 0.
 */
const PARAMETER_RANGE = { min: 1e-6, max: 1e6 } as const;
const inRange = (v: number) => Number.isFinite(v) && v >= PARAMETER_RANGE.min && v <= PARAMETER_RANGE.max;

export function fitChurnModel(customers: ModelCustomer[] | ModelCustomers, settings: FitSettings, fittedAt: Date): ChurnModel {
	return runToEnd(fitChurnModelSteps(customers instanceof ModelCustomers ? customers : ModelCustomers.of(customers), settings, fittedAt));
}

/** The fit as steps: the node runs it cooperatively so n8n stays responsive and can cancel it. */
export function* fitChurnModelSteps(customers: ModelCustomers, settings: FitSettings, fittedAt: Date): Steps<ChurnModel> {
	const notes: string[] = [];
	const buyers = customers.where((k, i) => k.orders[i] > 0);
	const repeat = customers.where((k, i) => k.x[i] > 0, buyers);
	const x = customers.measure('x', repeat);
	const tx = customers.measure('tx', repeat);
	const populationGap = populationGapDays(Array.from({ length: x.length }, (_, j) => ({ repeatPurchases: x[j], meanGapDays: tx[j] / x[j] })));
	const populationGapDaysOrDefault = populationGap ?? DEFAULT_POPULATION_GAP_DAYS;
	if (populationGap === null) {
		notes.push(`Fewer than ${MIN_CUSTOMERS_FOR_POPULATION_GAP} customers bought on two different days, so the usual gap between orders is taken as ${DEFAULT_POPULATION_GAP_DAYS} days.`);
	}
	const orderValues = customers.measure('avgOrderValue', buyers).filter((v) => Number.isFinite(v));
	const populationAvgOrderValue = orderValues.length ? orderValues.reduce((s, v) => s + v, 0) / orderValues.length : 0;

	const breakpoints = settings.rfmBreakpoints ?? rfmBreakpointsOfBuyers(customers, buyers, settings);

	let purchaseModel: FittedPurchaseModel | null = null;
	let selection: ModelSelection | null = null;
	let calibration: RiskCalibration | null = null;
	let modelName: PurchaseModelName = settings.model === 'auto' ? 'bgnbd' : settings.model;
	const enoughToFit = buyers.length >= settings.minCustomers && repeat.length >= settings.minRepeatCustomers;
	const choiceSettings = { penalizer: settings.penalizer, holdoutDays: settings.holdoutDays, timeLimitMs: FIT_TIME_LIMIT_MS };
	if (settings.model === 'auto' && enoughToFit) {
		const choice = yield* chooseModelSteps(customers, buyers, choiceSettings);
		if (choice) {
			selection = choice.selection;
			modelName = selection.chosen;
			if (settings.riskLevels === 'backtest') calibration = choice.riskCalibration;
		} else notes.push('Auto could fit none of the models to choose from: BG/NBD is tried on the whole history.');
	}
	let riskLevelsNote: string | null = null;
	if (settings.riskLevels === 'backtest' && enoughToFit && !calibration) {
		const calibrated = selection?.rule === 'backtest' ? { why: `the backtest had too few customers or buyers in the held-out ${settings.holdoutDays} days to set levels by` } : yield* riskCalibrationSteps(customers, PURCHASE_MODELS[modelName], choiceSettings);
		if ('calibration' in calibrated) calibration = calibrated.calibration;
		else riskLevelsNote = fixedLevelsNote(calibrated.why);
	}
	const notesBefore = notes.length;
	const model = PURCHASE_MODELS[modelName];
	const label = model.label;
	if (buyers.length < settings.minCustomers) {
		notes.push(`Only ${buyers.length} customers with orders (at least ${settings.minCustomers} are needed to fit ${label}): scored by purchase cadence instead.`);
	} else if (repeat.length < settings.minRepeatCustomers) {
		notes.push(`Only ${repeat.length} customers bought again (at least ${settings.minRepeatCustomers} are needed to learn how customers drop out): scored by purchase cadence instead.`);
	} else {
		const periodDays = model.discrete ? settings.periodDays : null;
		const days = { x: customers.measure('x', buyers), tx: customers.measure('tx', buyers), T: customers.measure('T', buyers) };
		const histories = groupHistories(toModelTime(days, periodDays));
		const fit = yield* fitPurchaseModelSteps(model, histories, { penalizer: settings.penalizer, timeLimitMs: FIT_TIME_LIMIT_MS });
		const sane = fit.params.every(inRange);
		if (!fit.converged && fit.message === 'time limit reached') {
			notes.push(`The ${label} fit found no clear optimum within ${FIT_TIME_LIMIT_MS / 1000} s (the data show little drop-out structure, or the Penalizer is large): scored by purchase cadence instead.`);
		} else if (!fit.converged) notes.push(`The ${label} fit did not converge (${fit.message}): scored by purchase cadence instead. A small Penalizer (e.g. 0.001) often helps.`);
		else if (!sane) notes.push(`The ${label} fit ran to extreme parameters (the data barely constrain the model): scored by purchase cadence instead. A small Penalizer (e.g. 0.001) often helps.`);
		else {
			const logCovariance = settings.penalizer === 0 ? logParameterCovariance(model, histories, fit.params) : null;
			purchaseModel = {
				name: model.name,
				params: namedParameters(model, fit.params),
				logLikelihood: fit.logLikelihood,
				iterations: fit.iterations,
				standardErrors: logCovariance ? namedParameters(model, standardErrors(fit.params, logCovariance)) : null,
				logCovariance,
				periodDays,
			};
			notes.push(modelInWords(purchaseModel, buyers.length, repeat.length));
			if (selection) notes.push(selection.reason);
			if (calibration) notes.push(riskCalibrationInWords(calibration));
			else if (riskLevelsNote) notes.push(riskLevelsNote);
		}
	}

	let gammaGamma: ChurnModel['gammaGamma'] = null;
	const spenders = customers.where((k, i) => k.m[i] > 0, repeat);
	if (purchaseModel && spenders.length >= settings.minRepeatCustomers) {
		const spend = { x: customers.measure('x', spenders), m: customers.measure('m', spenders) };
		const fit = yield* fitGammaGammaSteps(spend, { penalizer: settings.penalizer, timeLimitMs: FIT_TIME_LIMIT_MS });
		const correlation = spendFrequencyCorrelation(spend);
		if (fit.converged && Number.isFinite(populationMeanSpend(fit.params)) && [fit.params.p, fit.params.q, fit.params.gamma].every(inRange)) {
			gammaGamma = { params: fit.params, logLikelihood: fit.logLikelihood, customers: fit.customers, spendFrequencyCorrelation: correlation };
			notes.push(`A repeat order is worth about ${populationMeanSpend(fit.params).toFixed(2)} on average (Gamma-Gamma: p=${fit.params.p.toFixed(3)}, q=${fit.params.q.toFixed(3)}, gamma=${fit.params.gamma.toFixed(3)}).`);
			if (Math.abs(correlation) > 0.3) notes.push(`Spend and purchase frequency are correlated (${correlation.toFixed(2)}); the Gamma-Gamma model assumes they are not, so treat CLV with care.`);
		} else notes.push("The Gamma-Gamma spend model could not be fitted; CLV uses each customer's own average order value.");
	}

	return {
		version: 2,
		method: purchaseModel ? purchaseModel.name : 'cadence',
		fittedAt: fittedAt.toISOString(),
		timeUnit: 'days',
		customers: buyers.length,
		repeatCustomers: repeat.length,
		purchaseModel,
		summary: notes[notesBefore] ?? '',
		selection,
		riskCalibration: purchaseModel ? calibration : null,
		gammaGamma,
		populationGapDays: populationGapDaysOrDefault,
		populationAvgOrderValue,
		rfm: { breakpoints, frequencyBasis: settings.frequencyBasis, monetaryBasis: settings.monetaryBasis },
		notes,
	};
}

/** Breakpoints nobody reaches are Infinity, which JSON cannot hold: null stands in for them. */
const breakpointList = (unreached: number) =>
	z
		.array(z.number().nullable())
		.length(4)
		.transform((list) => list.map((b) => (b === null ? unreached : b)));

const positive = z.number().positive().finite();
const parameter = z
	.number()
	.finite()
	.refine(inRange, { message: `must be from ${PARAMETER_RANGE.min} to ${PARAMETER_RANGE.max}` });

const gammaGammaSchema = z
	.object({
		// q <= 1 is a population whose mean spend is infinite (p * gamma / (q - 1)).
		params: z.object({ p: parameter, q: parameter.refine((q) => q > 1, { message: 'must be more than 1 (the mean spend p * gamma / (q - 1) is infinite otherwise)' }), gamma: parameter }),
		logLikelihood: z.number(),
		customers: z.number(),
		spendFrequencyCorrelation: z.number(),
	})
	.nullable();

const rfmSchema = z.object({
	breakpoints: z.object({ recency: breakpointList(-Infinity), frequency: breakpointList(Infinity), monetary: breakpointList(Infinity) }),
	frequencyBasis: z.enum(['orders', 'purchaseDays']),
	monetaryBasis: z.enum(['total', 'average']),
});

const fittedPurchaseModelSchema = z
	.object({
		name: z.enum(PURCHASE_MODEL_NAMES),
		params: z.record(z.string(), parameter),
		logLikelihood: z.number(),
		iterations: z.number(),
		standardErrors: z.record(z.string(), z.number()).nullable(),
		logCovariance: z.array(z.array(z.number().finite())).nullable(),
		periodDays: positive.nullable(),
	})
	.superRefine((fitted, context) => {
		const model = PURCHASE_MODELS[fitted.name];
		const missing = model.parameterNames.filter((name) => !(name in fitted.params));
		if (missing.length) context.addIssue({ code: 'custom', path: ['params'], message: `must have ${model.label}'s parameters ${model.parameterNames.join(', ')} (missing ${missing.join(', ')})` });
		if (model.discrete !== (fitted.periodDays !== null)) context.addIssue({ code: 'custom', path: ['periodDays'], message: model.discrete ? 'must be the days between purchase opportunities' : 'must be null for a model in continuous time' });
		const size = model.parameterNames.length;
		if (fitted.logCovariance && !(fitted.logCovariance.length === size && fitted.logCovariance.every((row) => row.length === size))) {
			context.addIssue({ code: 'custom', path: ['logCovariance'], message: `must be ${size} by ${size}` });
		}
	});

const probability = z.number().min(0).max(1);
const riskCalibrationSchema = z
	.object({
		holdoutDays: positive,
		customers: z.number().int().nonnegative(),
		averageChurn: probability,
		thresholds: z.object({ medium: probability.nullable(), high: probability.nullable(), critical: probability.nullable() }),
		bands: z.array(z.object({ level: z.enum(RISK_LEVELS), from: probability.nullable(), to: probability.nullable(), customers: z.number().int().nonnegative(), observedChurn: probability.nullable() })),
	})
	.refine(({ thresholds: t }) => [t.medium, t.high, t.critical].every((v, k, all) => v === null || all.slice(k + 1).every((later) => later === null || later >= v)), {
		message: 'must have rising thresholds',
		path: ['thresholds'],
	}) as z.ZodType<RiskCalibration>;

export const churnModelSchema = z.object({
	version: z.literal(2),
	method: z.enum([...PURCHASE_MODEL_NAMES, 'cadence']),
	fittedAt: z.string(),
	timeUnit: z.literal('days'),
	customers: z.number().int().nonnegative(),
	repeatCustomers: z.number().int().nonnegative(),
	purchaseModel: fittedPurchaseModelSchema.nullable(),
	summary: z.string(),
	// Kept for people; scoring never reads it.
	selection: z.unknown().nullable().default(null) as z.ZodType<ModelSelection | null>,
	riskCalibration: riskCalibrationSchema.nullable().default(null),
	gammaGamma: gammaGammaSchema,
	populationGapDays: positive,
	populationAvgOrderValue: z.number().finite(),
	rfm: rfmSchema,
	notes: z.array(z.string()),
});

/** A model saved before the choice of models: BG/NBD's parameters under `bgnbd`. */
const churnModelVersion1Schema = z
	.object({
		version: z.literal(1),
		method: z.enum(['bgnbd', 'cadence']),
		bgnbd: z.object({ params: z.object({ r: parameter, alpha: parameter, a: parameter, b: parameter }), logLikelihood: z.number(), iterations: z.number() }).nullable(),
	})
	.merge(churnModelSchema.omit({ version: true, method: true, purchaseModel: true, summary: true, selection: true, riskCalibration: true }))
	.transform(({ bgnbd, ...rest }): ChurnModel => ({
		...rest,
		version: 2,
		purchaseModel: bgnbd && { name: 'bgnbd', params: { ...bgnbd.params }, logLikelihood: bgnbd.logLikelihood, iterations: bgnbd.iterations, standardErrors: null, logCovariance: null, periodDays: null },
		summary: rest.notes.find((note) => note.startsWith('BG/NBD learnt')) ?? rest.notes[0] ?? '',
		selection: null,
		riskCalibration: null,
	}));

/** Reads a model saved earlier (JSON text or object); says what is wrong with a bad one. */
export function parseChurnModel(value: unknown): ChurnModel {
	let data = value;
	if (typeof value === 'string') {
		try {
			data = JSON.parse(value);
		} catch (error) {
			throw new Error(`The model JSON cannot be parsed: ${(error as Error).message}`);
		}
	}
	const schema = typeof data === 'object' && data !== null && (data as { version?: unknown }).version === 1 ? churnModelVersion1Schema : churnModelSchema;
	const parsed = schema.safeParse(data);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new Error(`This is not a model saved by Churn Risk: ${issue.path.join('.') || 'the value'} ${issue.message.toLowerCase()}`);
	}
	return parsed.data as ChurnModel;
}
