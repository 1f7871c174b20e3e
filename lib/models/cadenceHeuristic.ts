import { ownGapDays } from '../customer/purchaseGap';
import { DAYS_PER_MONTH } from './clv';

/**
 * The fallback when the data cannot support BG/NBD: compare the time since the last order with
 * the customer's usual gap between orders (their own when they have at least two gaps, else the
 * population's median gap). A customer counts as fully active until one usual gap has passed,
 * then P(active) falls by a factor e with every further gap: exp(-max(0, recency - gap) / gap).
 * While active they are taken to buy once per gap.
 */
export interface CadenceInput {
	recencyDays: number;
	/** Distinct purchase days - 1. */
	repeatPurchases: number;
	/** The customer's mean days between purchase days, when known. */
	ownGapDays: number | null;
	avgOrderValue: number;
}

export interface CadenceScores {
	pAlive: number;
	gapDays: number;
	expectedOrders: number;
	probabilityNoOrder: number;
	medianDaysToNextOrder: number;
	predictedClv: number;
}

export function usualGap(input: CadenceInput, populationGapDays: number): number {
	return Math.max(1, ownGapDays(input.repeatPurchases, input.ownGapDays) ?? populationGapDays);
}

export function cadenceScores(
	input: CadenceInput,
	populationGapDays: number,
	horizonDays: number,
	clvMonths: number,
	monthlyDiscountRate: number,
): CadenceScores {
	const gap = usualGap(input, populationGapDays);
	const pAlive = Math.exp(-Math.max(0, input.recencyDays - gap) / gap);
	let predictedClv = 0;
	for (let i = 1; i <= clvMonths; i++) predictedClv += (pAlive * (DAYS_PER_MONTH / gap) * input.avgOrderValue) / Math.pow(1 + monthlyDiscountRate, i);
	return {
		pAlive,
		gapDays: gap,
		expectedOrders: (pAlive * horizonDays) / gap,
		probabilityNoOrder: 1 - pAlive * -Math.expm1(-horizonDays / gap),
		medianDaysToNextOrder: gap * Math.LN2,
		predictedClv,
	};
}
