/**
 * What a customer is worth if won back, and how likely they are to order anyway: the two
 * numbers from the churn model that the win-back economics start from.
 */
export interface ChurnOutlook {
	pAlive: number | null;
	churnProbability: number;
	/** Expected orders over horizonDays if still active (Churn Risk's expectedOrdersIfActive). */
	expectedOrdersIfActive: number | null;
	expectedOrders: number | null;
	horizonDays: number | null;
	/** Mean days between the customer's purchase days, when they have two or more. */
	avgGapDays: number | null;
	orderValue: number;
}

/** The horizon assumed for records scored elsewhere that do not say theirs (Churn Risk's default). */
export const DEFAULT_HORIZON_DAYS = 90;

/**
 * Expected orders over the horizon if the customer is active again. Churn Risk writes it; for a
 * record scored elsewhere: expected orders over P(alive), else one order per usual gap, else one.
 */
export function ordersIfActive(c: ChurnOutlook): { orders: number; horizonDays: number } {
	const horizonDays = c.horizonDays ?? DEFAULT_HORIZON_DAYS;
	if (c.expectedOrdersIfActive !== null) return { orders: c.expectedOrdersIfActive, horizonDays };
	if (c.expectedOrders !== null && c.pAlive !== null && c.pAlive >= 0.01) return { orders: c.expectedOrders / c.pAlive, horizonDays };
	if (c.avgGapDays !== null && c.avgGapDays > 0) return { orders: horizonDays / c.avgGapDays, horizonDays };
	return { orders: 1, horizonDays };
}

/**
 * The margin a customer brings over the horizon if won back: expected orders while active x
 * order value x margin. Not weighted by P(alive): that belongs in the response, and counting it
 * here too would value the lapsed regulars a win-back is for at almost nothing.
 */
export function valueIfWonBack(c: ChurnOutlook, margin: number): number {
	return Math.max(0, ordersIfActive(c).orders * c.orderValue * margin);
}

/**
 * P(at least one order in the next `windowDays` | not contacted). With P(alive) and the orders
 * if active: alive x (1 - e^(-rate x window)), a Poisson rate while active (slightly above
 * BG/NBD's own, which spreads the rate over customers). Without them, the churn probability over
 * the horizon is read as a constant hazard: 1 - churn^(window / horizon).
 */
export function baseRateInWindow(c: ChurnOutlook, windowDays: number): number {
	const horizonDays = c.horizonDays ?? DEFAULT_HORIZON_DAYS;
	if (c.pAlive !== null && (c.expectedOrdersIfActive !== null || c.expectedOrders !== null)) {
		const { orders } = ordersIfActive(c);
		return c.pAlive * -Math.expm1((-orders * windowDays) / horizonDays);
	}
	return 1 - Math.pow(Math.min(1, Math.max(0, c.churnProbability)), windowDays / horizonDays);
}
