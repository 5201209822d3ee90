import i18next, { type TFunction } from 'i18next';
import type { Content } from '../model/content';
import { locales, sourceLocale } from '../model/locales';

/**
 * The site's own strings (`locales/<lang>/site.json`) through one i18next instance for the build,
 * like Starlight's translation system. They are checked before they get here, so a missing key
 * is a bug: it throws instead of showing the key. Procedure texts and labels are typed data
 * (src/model/texts.ts) and do not go through i18next.
 */
export async function createTranslator(content: Content): Promise<(localeCode: string) => TFunction> {
	const instance = i18next.createInstance();
	await instance.init({
		resources: Object.fromEntries(locales.map((locale) => [locale.code, { site: content.words[locale.code].site }])),
		lng: sourceLocale.code,
		supportedLngs: locales.map((locale) => locale.code),
		load: 'currentOnly',
		fallbackLng: false,
		defaultNS: 'site',
		ns: ['site'],
		initAsync: false,
		returnEmptyString: false,
		// Astro escapes what it renders; escaping here too would show `&amp;`.
		interpolation: { escapeValue: false },
		parseMissingKeyHandler: (key) => {
			throw new Error(`No text for "${key}": the locale files were not checked against this key`);
		},
		missingInterpolationHandler: (text, match) => {
			throw new Error(`No value for ${match[0]} in "${text}"`);
		},
	});
	return (localeCode) => instance.getFixedT(localeCode, 'site');
}
