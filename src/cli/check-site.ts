import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { HtmlValidate, type Message } from 'html-validate';
import { parseHTML } from 'linkedom';

/**
 * Quality gates on the built site (`dist/client`), run by `npm test` after the browser tests
 * have built it: every page is valid HTML (html-validate), and every internal link, asset and
 * `#anchor` resolves to a built file and an element with that id.
 */

const dist = join(process.cwd(), 'dist/client');
const site = new URL(process.env.SITE_URL ?? 'http://localhost:4321');

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return entry.name === 'pagefind' ? [] : htmlFiles(path);
		return entry.name.endsWith('.html') ? [path] : [];
	});
}

/** The built file a path names, as the server finds it. */
function fileOf(pathname: string): string | undefined {
	const path = join(dist, decodeURIComponent(pathname));
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
	},
});

const problems: string[] = [];
const ids = new Map<string, Set<string>>();
const pages = htmlFiles(dist);
const documents = new Map<string, Document>();
for (const file of pages) {
	const html = readFileSync(file, 'utf8');
	const report = await validator.validateString(html, relative(dist, file));
	for (const result of report.results) {
		for (const message of result.messages as Message[]) problems.push(`${relative(process.cwd(), file)}:${message.line}:${message.column} ${message.ruleId}: ${message.message}`);
	}
	const { document } = parseHTML(html);
	documents.set(file, document);
	ids.set(file, new Set([...document.querySelectorAll('[id]')].map((element) => element.id)));
}

let links = 0;
for (const [file, document] of documents) {
	const page = `/${relative(dist, file).replace(/index\.html$/, '')}`;
	const targets = [
		...[...document.querySelectorAll('a[href]')].map((element) => element.getAttribute('href')!),
		...[...document.querySelectorAll('link[href]')].map((element) => element.getAttribute('href')!),
		...[...document.querySelectorAll('img[src], script[src]')].map((element) => element.getAttribute('src')!),
	];
	for (const target of targets) {
		const url = new URL(target, new URL(page, site));
		if (url.origin !== site.origin) continue;
		links++;
		// A step's "continue" and copy controls fill in their target in the browser.
		if (target === '#') continue;
		const found = fileOf(url.pathname);
		if (!found) {
			problems.push(`${relative(process.cwd(), file)}: link to ${target}: no such page or file`);
			continue;
		}
		const anchor = decodeURIComponent(url.hash.slice(1));
		if (anchor && found.endsWith('.html') && !ids.get(found)?.has(anchor)) problems.push(`${relative(process.cwd(), file)}: link to ${target}: the page has no element with id "${anchor}"`);
	}
}

for (const problem of problems) console.log(problem);
console.log(`${pages.length} pages, ${links} internal links and files: ${problems.length === 0 ? 'all valid, all resolve' : `${problems.length} problems`}`);
process.exit(problems.length === 0 ? 0 : 1);
