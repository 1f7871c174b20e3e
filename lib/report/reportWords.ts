import { isAction, isChannel } from '../actions/actionCatalog';
import { Cause, CAUSES } from '../actions/causes';
import { VALUE_TIERS, ValueTier } from '../actions/valueTier';
import { ALL_STAGES, Stage } from '../lifecycle/stages';
import { Language } from '../values/language';
import { RfmSegment } from '../models/rfm';
import { WORDS } from '../words';
import { Dimension, Verdict } from './campaignEvaluation';

// A campaign evaluation's lines in the reader's language: dimensions, values, verdicts (the words are lib/words').

const isCause = (value: string): value is Cause => (CAUSES as readonly string[]).includes(value);
const STAGE_BY_LABEL = new Map(ALL_STAGES.map((stage) => [WORDS.en.stages[stage], stage]));

export function segmentName(value: string, language: Language): string {
	return WORDS[language].rfmSegments[value as RfmSegment] ?? value;
}

/** A stage given by its key (atRisk) or its English label (At Risk). */
export function stageName(value: string, language: Language): string {
	const stage = value in WORDS.en.stages ? (value as Stage) : STAGE_BY_LABEL.get(value);
	return stage ? WORDS[language].stages[stage] : value;
}

export function causeName(value: string, language: Language): string {
	return isCause(value) ? WORDS[language].causes[value] : value;
}

function actionName(value: string, language: Language): string {
	return isAction(value) ? WORDS[language].actions[value] : value;
}

/** A line's value as a reader would name it: "Discount coupon", not discountCoupon. */
export function valueName(dimension: Dimension, value: string, language: Language): string {
	switch (dimension) {
		case 'overall':
		case 'campaign':
			return WORDS[language].report.overall[value] ?? value;
		case 'action':
			return actionName(value, language);
		case 'cause':
			return causeName(value, language);
		case 'segment':
			return segmentName(value, language);
		case 'channel':
			return isChannel(value) ? WORDS[language].channels[value] : value;
		case 'stage':
			return stageName(value, language);
		case 'valueTier':
			return (VALUE_TIERS as readonly string[]).includes(value) ? WORDS[language].valueTiers[value as ValueTier] : value;
		case 'causeAction': {
			const [cause, action] = value.split(' × ');
			return `${causeName(cause, language)} × ${actionName(action, language)}`;
		}
		default:
			return value;
	}
}

export function dimensionName(dimension: Dimension, language: Language): string {
	return WORDS[language].report.dimensions[dimension];
}

/** Which control customers a line compares with, in words: its own (same action, cause...) or all. */
export function controlBasisText(basis: 'same' | 'all', dimension: Dimension, language: Language): string {
	return WORDS[language].report.controlBasis(basis, dimensionName(dimension, language));
}

/** The test behind a line's p-value and interval, in words. */
export function methodText(language: Language): string {
	return WORDS[language].report.method;
}

export function verdictText(verdict: Verdict, language: Language): string {
	return WORDS[language].report.verdict(verdict);
}

/** The churn alert, from its figures, in the reader's language. */
export function churnAlertText(rate: number, range: { low: number; high: number }, periods: number, periodDays: number, language: Language): string {
	const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
	return WORDS[language].report.churnAlert(pct(rate), rate > range.high, pct(range.low), pct(range.high), periods, periodDays);
}
