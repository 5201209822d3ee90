import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Weight } from './page-weight';

export interface FigureWeight {
	/** The page and the step the figure is in, e.g. `/de/amazon-api-key/` and `save-config`. */
	page: string;
	step: string;
	/** The figure's markup: raw bytes, and what it adds to its page's gzip (the page gzipped with and without it). */
	raw: number;
	gzip: number;
}

const drawnFigure = /<figure\b[^>]*\bclass="figure drawn"/g;

/** Every drawn figure of the built site's pages (`dist/client`, URL paths): inline HTML, so its cost is its share of its page. */
export function weighFigures(clientDir: string, pages: readonly string[]): FigureWeight[] {
	return pages.flatMap((page) => {
		const html = readFileSync(join(clientDir, page.endsWith('/') ? `${page}index.html` : page), 'utf8');
		const pageGzip = gzipSync(html).length;
		return [...html.matchAll(drawnFigure)].map((match) => {
			const start = match.index;
			const end = html.indexOf('</figure>', start) + '</figure>'.length;
			const step = [...html.slice(0, start).matchAll(/data-step="([^"]+)"/g)].pop()?.[1] ?? '';
			const without = html.slice(0, start) + html.slice(end);
			return { page, step, raw: Buffer.byteLength(html.slice(start, end)), gzip: pageGzip - gzipSync(without).length };
		});
	});
}

/** A stylesheet's rules split in two: those whose selectors `match` (inside @media and @container too), and the rest. */
export function partitionCss(css: string, match: (selector: string) => boolean): [matched: string, rest: string] {
	let matched = '';
	let rest = '';
	let at = 0;
	while (at < css.length) {
		const open = css.indexOf('{', at);
		if (open < 0) break;
		const prelude = css.slice(at, open).trim();
		// The block's end: the brace that closes this one, nested blocks included.
		let depth = 1;
		let close = open + 1;
		for (; close < css.length && depth > 0; close++) depth += css[close] === '{' ? 1 : css[close] === '}' ? -1 : 0;
		const body = css.slice(open + 1, close - 1);
		if (/^@(media|container|supports)\b/.test(prelude)) {
			const [inside, outside] = partitionCss(body, match);
			if (inside) matched += `${prelude}{${inside}}`;
			if (outside) rest += `${prelude}{${outside}}`;
		} else if (match(prelude)) matched += `${prelude}{${body}}`;
		else rest += `${prelude}{${body}}`;
		at = close;
	}
	return [matched, rest];
}

/** The figures' rules in the site's one stylesheet (every page loads it): raw, and what they add to its gzip. */
export function weighFigureCss(clientDir: string): Weight {
	const dir = join(clientDir, '_astro');
	const css = readdirSync(dir)
		.filter((name) => name.endsWith('.css'))
		.map((name) => readFileSync(join(dir, name), 'utf8'))
		.join('');
	const [figures, rest] = partitionCss(css, (selector) => /\.screen\b|\.screen-|\.drawn\b/.test(selector));
	return { raw: Buffer.byteLength(figures), gzip: gzipSync(css).length - gzipSync(rest).length };
}
