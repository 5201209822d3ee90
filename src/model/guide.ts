import { z } from 'astro/zod';

/**
 * An Experience League guide (`content/guides/<id>.yaml`): where its pages are on the web, so a
 * link to a page we have not brought in goes to the original in the reader's language.
 */
export const guideSchema = z
	.object({
		title: z.string().min(1),
		/** The guide's base address; a page's address is this plus its path and `.html`. */
		url: z.string().url().endsWith('/'),
		/** Page file → its path under `url` (Experience League files pages by the guide's TOC). */
		pages: z.record(z.string().regex(/^[\w.-]+\.md$/), z.string().regex(/^[\w/.-]+$/)).default({}),
	})
	.strict();

export type Guide = z.infer<typeof guideSchema>;

export const guidesDir = 'content/guides';

/** The English page on Experience League; `exlLang` chooses the language it opens in. */
export function guidePageUrl(guide: Guide, file: string, exlLang: string, anchor?: string): string {
	const path = guide.pages[file] ?? file.replace(/\.md$/, '');
	const url = new URL(`${path}.html`, guide.url);
	url.searchParams.set('lang', exlLang);
	if (anchor) url.hash = anchor;
	return url.href;
}
