import { clampProbability, logit } from './logOdds';
import { fitPenalizedLogistic, GaussianPrior, LogisticRow } from './penalizedLogistic';
import { ActionResponse, CellResponse, Estimate, RESPONSE_DIMENSIONS, RESPONSE_MODEL_KIND, ResponseDimension, ResponseFeatures, ResponseModel } from './responseModel';

/** One customer of one campaign, as measured: the group they were in and whether they ordered. */
export interface ResponseUnit {
	campaignId: string;
	action: string;
	group: 'treatment' | 'control';
	reactivated: boolean;
	/** The base rate Retention Action planned with (logged), when known. */
	baseRate: number | null;
	features: ResponseFeatures;
}

/**
 * How far the measured pieces may move from their centres a priori (log-odds): the base
 * calibration is the churn model's, so a shift of 1 (a factor e on the odds) is already large;
 * cells differ from their action by a factor of about 1.5 on the odds, seldom more.
 */
export const RESPONSE_PRIOR_SD = { baseShift: 1, cellBaseShift: 0.5, cellEffect: 0.4 } as const;

/** Fewer units than this for an action: nothing is measured for it (its planning prior stays). */
export const MIN_UNITS_PER_ACTION = 20;
/** Fewer units than this in a cell: the cell gets no terms of its own. */
export const MIN_UNITS_PER_CELL = 10;

/**
 * Fits the response of each action from measured campaigns: a logistic regression of "ordered in
 * the window" on the logged base rate (as an offset), a calibration shift, the treatment, and per
 * cell (stage, segment, value tier, cause) a base shift and an effect shift; every term has a
 * normal prior, the effect the action's planning prior. Cells with little data stay near their
 * action; an action with little data stays near its prior.
 */
export function fitResponseModel(units: readonly ResponseUnit[], priors: (action: string) => Estimate, windowDays: number, fittedAt: Date): ResponseModel {
	const byAction = new Map<string, ResponseUnit[]>();
	for (const unit of units) {
		const list = byAction.get(unit.action);
		if (list) list.push(unit);
		else byAction.set(unit.action, [unit]);
	}
	const actions: Record<string, ActionResponse> = {};
	for (const [action, list] of [...byAction].sort(([a], [b]) => (a < b ? -1 : 1))) {
		const treated = list.filter((u) => u.group === 'treatment');
		const controls = list.filter((u) => u.group === 'control');
		if (list.length < MIN_UNITS_PER_ACTION || treated.length === 0 || controls.length === 0) continue;
		actions[action] = fitAction(list, priors(action));
	}
	return {
		kind: RESPONSE_MODEL_KIND,
		version: 1,
		windowDays,
		fittedAt: fittedAt.toISOString(),
		campaigns: [...new Set(units.map((u) => u.campaignId))].sort(),
		units: units.length,
		actions,
	};
}

function fitAction(units: readonly ResponseUnit[], prior: Estimate): ActionResponse {
	const controls = units.filter((u) => u.group === 'control');
	// Units logged without a base rate are centred on the control group's rate.
	const fallbackOffset = logit(clampProbability((controls.filter((u) => u.reactivated).length + 0.5) / (controls.length + 1)));
	const cells: Array<{ dimension: ResponseDimension; value: string; base: number; effect: number }> = [];
	const priors: GaussianPrior[] = [
		{ mean: 0, sd: RESPONSE_PRIOR_SD.baseShift },
		{ mean: prior.mean, sd: prior.sd },
	];
	for (const dimension of RESPONSE_DIMENSIONS) {
		const counts = new Map<string, number>();
		for (const u of units) {
			const value = u.features[dimension];
			if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
		}
		for (const [value, n] of [...counts].sort(([a], [b]) => (a < b ? -1 : 1))) {
			if (n < MIN_UNITS_PER_CELL) continue;
			cells.push({ dimension, value, base: priors.length, effect: priors.length + 1 });
			priors.push({ mean: 0, sd: RESPONSE_PRIOR_SD.cellBaseShift }, { mean: 0, sd: RESPONSE_PRIOR_SD.cellEffect });
		}
	}
	const rows: LogisticRow[] = units.map((u) => {
		const treatedUnit = u.group === 'treatment';
		const features = treatedUnit ? [0, 1] : [0];
		for (const cell of cells) {
			if (u.features[cell.dimension] !== cell.value) continue;
			features.push(cell.base);
			if (treatedUnit) features.push(cell.effect);
		}
		return { features, offset: u.baseRate === null ? fallbackOffset : logit(u.baseRate), y: u.reactivated ? 1 : 0 };
	});
	const fit = fitPenalizedLogistic(rows, priors);
	const at = (j: number): Estimate => ({ mean: fit.coefficients[j], sd: fit.sd[j] });
	const inCell = (cell: (typeof cells)[number], group: ResponseUnit['group']) => units.filter((u) => u.group === group && u.features[cell.dimension] === cell.value).length;
	return {
		treated: units.length - controls.length,
		controls: controls.length,
		reactivatedTreated: units.filter((u) => u.group === 'treatment' && u.reactivated).length,
		reactivatedControls: controls.filter((u) => u.reactivated).length,
		baseShift: at(0),
		effect: at(1),
		prior,
		cells: cells.map((cell): CellResponse => ({ dimension: cell.dimension, value: cell.value, treated: inCell(cell, 'treatment'), controls: inCell(cell, 'control'), baseShift: at(cell.base), effect: at(cell.effect) })),
	};
}
