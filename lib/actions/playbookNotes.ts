import { Language } from '../values/language';
import { WORDS } from '../words';
import type { PlaybookRule } from './playbook';

/** A rule's note in the language of the run: the built-in rules' translated, a user's own as written. */
export function ruleNote(rule: PlaybookRule, language: Language): string {
	return WORDS[language].playbookNotes[rule.note] ?? rule.note;
}
