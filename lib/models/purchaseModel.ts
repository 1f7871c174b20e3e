import type { GroupedHistories, History } from './customerHistory';

/** The buy-till-you-die models the nodes can fit. */
export const PURCHASE_MODEL_NAMES = ['bgnbd', 'mbgnbd', 'paretonbd', 'bgbb'] as const;
export type PurchaseModelName = (typeof PURCHASE_MODEL_NAMES)[number];

export interface LogLikelihood {
	/** Summed over the histories, each counted `weight` times. */
	value: number;
	/** With respect to the natural parameters, in parameterNames' order; omitted when the model has none in closed form. */
	gradient?: number[];
}

/**
 * One customer-base model (MODELS.md), as every caller sees it: how to fit it and what it says of
 * a customer. Parameters are positive numbers in `parameterNames`' order. Time is whatever unit
 * the histories use: days for the continuous models; purchase opportunities for a discrete one,
 * where x is the number of opportunities with a purchase after the first, tx the opportunity of
 * the last and T the opportunities since the first.
 */
export interface PurchaseModel {
	readonly name: PurchaseModelName;
	/** As people know it: "BG/NBD". */
	readonly label: string;
	readonly parameterNames: readonly string[];
	/** Whether time counts whole purchase opportunities (BG/BB) rather than running continuously. */
	readonly discrete: boolean;
	/** The log-likelihood over these histories, with whatever depends on the data alone prepared once. */
	likelihoodOn(data: GroupedHistories): (params: number[]) => LogLikelihood;
	/** A few starting points spread over plausible shapes, scaled to the data's purchase rate. */
	starts(data: GroupedHistories): number[][];
	/** P(still active at T | history). */
	probabilityAlive(params: number[], h: History): number;
	/** Expected purchases in (T, T + t] of a customer known to be active at T. */
	expectedIfAlive(params: number[], t: number, h: History): number;
	/** P(no purchase in (T, T + t] | history); `alive` is P(alive) when the caller has it. */
	probabilityNoPurchase(params: number[], t: number, h: History, alive?: number): number;
	/** Expected repeat purchases in the first t after a customer's first purchase (the tracking plot's curve). */
	expectedNewCustomer(params: number[], t: number): number;
	/** Median time to the next purchase of a customer who stays active; NaN when the model cannot tell. */
	medianTimeToNextPurchase(params: number[], h: History): number;
}


/** A fitted purchase model as a saved model holds it. */
export interface FittedPurchaseModel {
	name: PurchaseModelName;
	params: Record<string, number>;
	logLikelihood: number;
	iterations: number;
	/** Of each parameter, from the curvature at the optimum; null when the optimum is too flat to say. */
	standardErrors: Record<string, number> | null;
	/** Covariance of the log-parameters, for the intervals of each customer's figures. */
	logCovariance: number[][] | null;
	/** Days per purchase opportunity (BG/BB); null for the continuous-time models, which count days. */
	periodDays: number | null;
}

/** Parameters as a named object (for JSON and for people), in the model's order. */
export function namedParameters(model: Pick<PurchaseModel, 'parameterNames'>, params: number[]): Record<string, number> {
	return Object.fromEntries(model.parameterNames.map((name, k) => [name, params[k]]));
}

export function parameterList(model: Pick<PurchaseModel, 'parameterNames'>, named: Record<string, number>): number[] {
	return model.parameterNames.map((name) => named[name]);
}
