/**
 * Histories in days (x repeat purchase days, t_x and T in days) as a model counts time: days for
 * the continuous models, purchase opportunities of `periodDays` days for a discrete one (BG/BB).
 * An opportunity holds at most one purchase, so x is capped at the opportunities elapsed by
 * the last purchase; the first purchase opens opportunity 0.
 */
export interface DayColumns {
	x: Float64Array;
	tx: Float64Array;
	T: Float64Array;
}

export function toModelTime(days: DayColumns, periodDays: number | null): DayColumns {
	if (periodDays === null) return days;
	const n = days.x.length;
	const out = { x: new Float64Array(n), tx: new Float64Array(n), T: new Float64Array(n) };
	for (let i = 0; i < n; i++) {
		const h = opportunitiesOf({ x: days.x[i], tx: days.tx[i], T: days.T[i] }, periodDays);
		out.x[i] = h.x;
		out.tx[i] = h.tx;
		out.T[i] = h.T;
	}
	return out;
}

export function opportunitiesOf(h: { x: number; tx: number; T: number }, periodDays: number): { x: number; tx: number; T: number } {
	const T = Math.floor(h.T / periodDays);
	const tx = Math.min(T, Math.floor(h.tx / periodDays));
	return { x: Math.min(h.x, tx), tx: h.x > 0 ? tx : 0, T };
}

/** A span of days in the model's time (whole opportunities for a discrete model). */
export function spanInModelTime(days: number, periodDays: number | null): number {
	return periodDays === null ? days : Math.round(days / periodDays);
}
