import type { TFunction } from 'i18next';
import { loadChecked } from '../model/check';
import type { Content, ProcedureEntry } from '../model/content';
import type { Problem } from '../model/problems';
import { buildProcedureView, type ProcedureView } from './procedure-view';
import { createTranslator } from './translator';

export interface SiteData {
	content: Content;
	/** The warnings the content check found (errors stop the build). */
	problems: Problem[];
	/** The site strings of a language. */
	t: (localeCode: string) => TFunction;
	/** A procedure as its page in a language shows it: built once per build, used by every page that needs it. */
	view: (procedure: ProcedureEntry, localeCode: string) => ProcedureView;
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
		const { content, problems } = loadChecked(process.cwd());
		const views = new Map<string, ProcedureView>();
		const view = (procedure: ProcedureEntry, code: string) => {
			const key = `${procedure.id} ${code}`;
			if (!views.has(key)) views.set(key, buildProcedureView(content, procedure, code));
			return views.get(key)!;
		};
		return { content, problems, t: await createTranslator(content), view };
	})();
	return siteData;
}
