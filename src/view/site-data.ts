import type { TFunction } from 'i18next';
import { loadContent } from '../model/check';
import type { Content } from '../model/content';
import { createTranslator } from './translator';

export interface SiteData {
	content: Content;
	/** The site strings of a language. */
	t: (localeCode: string) => TFunction;
}

let siteData: Promise<SiteData> | undefined;

/**
 * The structure and the checked words, loaded once per build. Broken data throws here, so the
 * build stops with the list of problems instead of rendering a page.
 */
export function getSiteData(): Promise<SiteData> {
	// In `astro dev` reload every time, so edits to locale files show up at once.
	if (import.meta.env.DEV) siteData = undefined;
	siteData ??= (async () => {
		const content = loadContent(process.cwd());
		return { content, t: await createTranslator(content) };
	})();
	return siteData;
}
