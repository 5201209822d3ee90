import type { APIRoute } from 'astro';
import { getSiteData } from '../view/site-data';
import { locales, type Locale } from '../model/locales';
import { alternatesOf, localePath } from '../view/urls';

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** Every page in every language, each with its hreflang alternates (Google's sitemap format). */
export const GET: APIRoute = async ({ site }) => {
	const { procedures } = (await getSiteData()).content;
	const pages: ((locale: Locale) => string)[] = [
		(locale) => localePath(locale),
		...procedures.map(
			({ id }) =>
				(locale: Locale) =>
					localePath(locale, id),
		),
	];
	const absolute = (path: string) => escape(new URL(path, site).href);
	const entries = pages.flatMap((pathFor) =>
		locales.map((locale) =>
			['  <url>', `    <loc>${absolute(pathFor(locale))}</loc>`, ...alternatesOf(pathFor).map(({ hreflang, path }) => `    <xhtml:link rel="alternate" hreflang="${hreflang}" href="${absolute(path)}"/>`), '  </url>'].join('\n'),
		),
	);
	const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">
${entries.join('\n')}
</urlset>
`;
	return new Response(xml, { headers: { 'Content-Type': 'application/xml; charset=utf-8' } });
};
