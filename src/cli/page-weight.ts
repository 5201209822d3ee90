import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface Weight {
	raw: number;
	gzip: number;
}

export interface PageWeight {
	/** URL path of the page, e.g. `/de/amazon-api-key/`. */
	path: string;
	html: Weight;
	/** Every script the page loads at once: its module scripts and what they import. */
	js: Weight;
	css: Weight;
	jsFiles: string[];
}

export const weigh = (content: Buffer): Weight => ({ raw: content.length, gzip: gzipSync(content).length });
export const add = (a: Weight, b: Weight): Weight => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip });
export const none: Weight = { raw: 0, gzip: 0 };

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? htmlFiles(join(dir, entry.name)) : entry.name.endsWith('.html') ? [join(dir, entry.name)] : []));
}

/** Module scripts a page starts, and everything they import statically (what loads with the page). */
function scriptsAtLoad(clientDir: string, html: string): string[] {
	const found = new Set<string>();
	const visit = (url: string) => {
		if (found.has(url)) return;
		found.add(url);
		const code = readFileSync(join(clientDir, url), 'utf8');
		// Static imports in Vite's output: import"./a.js" and …from"./a.js"; dynamic import() loads later.
		for (const [, specifier] of code.matchAll(/(?:\bimport|\bfrom)\s*["']([^"']+\.js)["']/g)) {
			visit(new URL(specifier!, `http://site${url}`).pathname);
		}
	};
	for (const [, src] of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) visit(src!);
	return [...found];
}

/** HTML, JS and CSS of every page of the built site (`dist/client`), raw and gzipped per file. */
export function weighPages(clientDir: string): PageWeight[] {
	return htmlFiles(clientDir)
		.map((file) => {
			const html = readFileSync(file);
			const text = html.toString('utf8');
			if (/<script(?![^>]*\bsrc=)[^>]*>\s*\S/.test(text)) throw new Error(`${file} has an inline script`);
			const jsFiles = scriptsAtLoad(clientDir, text);
			const css = [...text.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(([, href]) => weigh(readFileSync(join(clientDir, href!))));
			const path = `/${relative(clientDir, file).replace(/index\.html$/, '')}`;
			return {
				path,
				html: weigh(html),
				js: jsFiles.map((url) => weigh(readFileSync(join(clientDir, url)))).reduce(add, none),
				css: css.reduce(add, none),
				jsFiles,
			};
		})
		.sort((a, b) => a.path.localeCompare(b.path));
}
