/**
 * The languages of the site. `code` is the BCP 47 tag used for `lang`, `hreflang`, i18next
 * and the locale folder name; `path` is the URL segment (always lower case).
 */
export type LocaleCode = 'en' | 'zh-TW' | 'de' | 'it' | 'fr' | 'nl';

export interface Locale {
	code: LocaleCode;
	path: string;
	/** The language's own name, shown in the language picker. */
	name: string;
	/** Experience League's `?lang=` value for this language. */
	exlLang: string;
}

export const locales = [
	{ code: 'en', path: 'en', name: 'English', exlLang: 'en' },
	{ code: 'zh-TW', path: 'zh-tw', name: '繁體中文', exlLang: 'zh-Hant' },
	{ code: 'de', path: 'de', name: 'Deutsch', exlLang: 'de' },
	{ code: 'it', path: 'it', name: 'Italiano', exlLang: 'it' },
	{ code: 'fr', path: 'fr', name: 'Français', exlLang: 'fr' },
	{ code: 'nl', path: 'nl', name: 'Nederlands', exlLang: 'nl' },
] as const satisfies readonly Locale[];

/** The source language: its texts are what translators translate from. */
export const sourceLocale = locales[0];

export function localeByPath(path: string | undefined): Locale | undefined {
	return locales.find((locale) => locale.path === path);
}

export function localeByCode(code: string): Locale | undefined {
	return locales.find((locale) => locale.code === code);
}
