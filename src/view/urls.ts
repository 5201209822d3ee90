import { locales, sourceLocale, type Locale } from '../model/locales';

/** `/<lang>/` or `/<lang>/<rest>/`: every page URL ends in a slash. */
export function localePath(locale: Locale, ...segments: string[]): string {
	return `/${[locale.path, ...segments].join('/')}/`;
}

/** The language-neutral short link of a step, `/go/<procedure>/<step>/`: it opens in each reader's language. */
export const shortLinkPath = (procedureId: string, stepId: string) => `/go/${procedureId}/${stepId}/`;

export interface Alternate {
	hreflang: string;
	path: string;
}

/** `hreflang` alternates of one page in every language, plus `x-default` (the source language). */
export function alternatesOf(pathFor: (locale: Locale) => string): Alternate[] {
	return [...locales.map((locale) => ({ hreflang: locale.code, path: pathFor(locale) })), { hreflang: 'x-default', path: pathFor(sourceLocale) }];
}
