import { minimumDetectableUplift } from '../math/samplePower';

/**
 * Whether a campaign's control group can show the uplift the plan expects, said before sending:
 * the smallest uplift these group sizes detect (5% two-sided, 80% power) at the expected base
 * rate, and the control share that would detect the expected uplift.
 */
export interface ControlPower {
	treated: number;
	controls: number;
	/** Mean P(order) of the treated customers had they not been contacted. */
	expectedBaseRate: number;
	/** Mean uplift the plan expects of its treated customers. */
	expectedUplift: number;
	/** The smallest uplift these groups detect; null without a control group. */
	detectableUplift: number | null;
	/** The smallest control share (of the selected customers) that detects the expected uplift; null when none up to half does. */
	suggestedControlShare: number | null;
}

const SHARES = Array.from({ length: 50 }, (_, i) => (i + 1) / 100);

export function controlPower(treatedBaseRates: readonly number[], treatedUplifts: readonly number[], controls: number): ControlPower {
	const treated = treatedBaseRates.length;
	const mean = (values: readonly number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0);
	const base = mean(treatedBaseRates);
	const uplift = mean(treatedUplifts);
	const detectable = controls > 0 && treated > 0 ? minimumDetectableUplift(treated, controls, base) : Infinity;
	const selected = treated + controls;
	const suggested = uplift > 0 ? (SHARES.find((share) => minimumDetectableUplift(Math.round(selected * (1 - share)), Math.round(selected * share), base) <= uplift) ?? null) : null;
	return {
		treated,
		controls,
		expectedBaseRate: base,
		expectedUplift: uplift,
		detectableUplift: Number.isFinite(detectable) ? detectable : null,
		suggestedControlShare: suggested,
	};
}
