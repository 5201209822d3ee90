import i18next, { type TFunction } from 'i18next';
import { locales, sourceLocale } from '../model/locales';
import type { Resources } from '../model/load-locales';

export interface Translator {
	/** Site strings (`locales/<lang>/site.json`), with i18next interpolation and plurals. */
	t: TFunction;
	/** Raw text of a procedure key, markup left as written (parse it with parseMarkup). */
	text(procedureId: string, key: string): string;
	/** Keys of an object in a procedure's English file, in order (e.g. the intro paragraphs). */
	keys(procedureId: string, key: string): string[];
	/** The label a UI control has in this language's glossary. */
	label(controlId: string): string;
	/** A metadata field of a procedure file (`revision`, `workflowType`, `htDegree`), if set. */
	meta(procedureId: string, key: string): string | undefined;
}

/**
 * One i18next instance for the build, like Starlight's translation system. Locale data is
 * checked before it gets here, so a missing key is a bug: it throws instead of showing the key.
 */
export async function createTranslators(resources: Resources): Promise<(localeCode: string) => Translator> {
	const instance = i18next.createInstance();
	await instance.init({
		resources,
		lng: sourceLocale.code,
		supportedLngs: locales.map((locale) => locale.code),
		load: 'currentOnly',
		fallbackLng: false,
		defaultNS: 'site',
		ns: Object.keys(resources[sourceLocale.code] ?? {}),
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

	return (localeCode) => {
		const procedureT = (procedureId: string) => instance.getFixedT(localeCode, procedureId);
		return {
			t: instance.getFixedT(localeCode, 'site'),
			text: (procedureId, key) => procedureT(procedureId)(key, { skipInterpolation: true }) as string,
			keys: (procedureId, key) => {
				const value = instance.getResource(sourceLocale.code, procedureId, key) as unknown;
				return typeof value === 'object' && value !== null ? Object.keys(value) : [];
			},
			label: (controlId) => instance.getFixedT(localeCode, 'glossary')(controlId) as string,
			meta: (procedureId, key) => {
				const value = instance.getResource(localeCode, procedureId, key) as unknown;
				return typeof value === 'string' ? value : undefined;
			},
		};
	};
}
