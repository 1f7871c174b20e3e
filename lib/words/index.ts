import type { Language } from '../values/language';
import { CHINESE } from './chinese';
import { ENGLISH } from './english';
import type { Words } from './words';

/** The words of each language the nodes write in. */
export const WORDS: Record<Language, Words> = { en: ENGLISH, 'zh-CN': CHINESE };

/** The {zhe} placeholder's value, which Chinese messages use for a discount. */
export { zheText } from './chinese';
export type { ReachProblem, LapseLimit, StageReasonWords, SuppressionWords, MessageTemplate, MessageAction, Placeholder, Words } from './words';
