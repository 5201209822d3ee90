import { getCollection } from 'astro:content';
import { loadLocales, type ProcedureEntry } from '../model/load-locales';
import { createTranslators, type Translator } from './translator';

export interface SiteData {
	procedures: ProcedureEntry[];
	translator: (localeCode: string) => Translator;
}

let siteData: Promise<SiteData> | undefined;

/**
 * The procedures and the checked locale texts, loaded once per build. Broken locale data throws
 * here, so the build stops with the list of problems instead of rendering a page.
 */
export function getSiteData(): Promise<SiteData> {
	// In `astro dev` reload every time, so edits to locale files show up at once.
	if (import.meta.env.DEV) siteData = undefined;
	siteData ??= (async () => {
		const procedures = (await getCollection('procedures')).map(({ id, data }) => ({ id, data }));
		const translator = await createTranslators(loadLocales(process.cwd(), procedures));
		return { procedures, translator };
	})();
	return siteData;
}
