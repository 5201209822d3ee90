import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { parseHTML } from 'linkedom';

export interface SiteCheck {
	pages: number;
	/** Internal links, assets and anchors followed. */
	links: number;
	/** One line each: the page (relative to the site's directory), where, and what is wrong. */
	problems: string[];
}

/** The HTML pages under `dir`; not Pagefind's files, nor compressed copies beside a page (`.html.br`). */
function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

/** The built file a path names, as the server finds it. */
function fileOf(dir: string, pathname: string): string | undefined {
	const path = join(dir, decodeURIComponent(pathname));
	const file = pathname.endsWith('/') || !extname(pathname) ? join(path, 'index.html') : path;
	return existsSync(file) && statSync(file).isFile() ? file : undefined;
}

const validator = new HtmlValidate({
	extends: ['html-validate:recommended'],
	rules: {
		// Astro writes attributes as it likes; the content, not the formatting, is checked.
		'attribute-boolean-style': 'off',
		'attribute-empty-style': 'off',
		'void-style': 'off',
		'no-trailing-whitespace': 'off',
		'long-title': 'off',
		// The search's results are a listbox of links with excerpts (the ARIA combobox pattern), which <select> cannot hold.
		'prefer-native-element': ['error', { exclude: ['listbox'] }],
	},
});

const linkTargets = (document: Document) => [
	...[...document.querySelectorAll('a[href], link[href]')].map((element) => element.getAttribute('href')!),
	...[...document.querySelectorAll('img[src], script[src]')].map((element) => element.getAttribute('src')!),
];

/**
 * Checks the built site in `dir` (e.g. dist/client): every page is valid HTML (html-validate),
 * and every link, asset and `#anchor` on `site`'s origin resolves to a file in `dir` and, for a
 * page, an element with that id.
 */
export async function checkSite(dir: string, site: URL): Promise<SiteCheck> {
	const problems: string[] = [];
	const documents = new Map<string, Document>();
	for (const file of htmlFiles(dir)) {
		const html = readFileSync(file, 'utf8');
		const name = relative(dir, file);
		const report = await validator.validateString(html, name);
		for (const message of report.results.flatMap((result) => result.messages)) problems.push(`${name}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
		documents.set(file, parseHTML(html).document);
	}

	let links = 0;
	for (const [file, document] of documents) {
		const name = relative(dir, file);
		const page = new URL(`/${name.replace(/index\.html$/, '')}`, site);
		for (const target of linkTargets(document)) {
			const url = new URL(target, page);
			if (url.origin !== site.origin) continue;
			links++;
			// A step's "continue" and copy controls fill in their target in the browser.
			if (target === '#') continue;
			const found = fileOf(dir, url.pathname);
			if (!found) {
				problems.push(`${name}: link to ${target}: no such page or file`);
				continue;
			}
			const anchor = decodeURIComponent(url.hash.slice(1));
			if (anchor && documents.has(found) && !documents.get(found)!.getElementById(anchor)) problems.push(`${name}: link to ${target}: the page has no element with id "${anchor}"`);
		}
	}
	return { pages: documents.size, links, problems };
}
