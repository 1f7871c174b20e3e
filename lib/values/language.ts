/** The languages messages and reports are written in. */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** How each language is offered in the editor (n8n lists options alphabetically). */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', 'zh-CN': 'Simplified Chinese (简体中文)' };
