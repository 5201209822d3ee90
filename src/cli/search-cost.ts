import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Page } from '@playwright/test';
import { launchChromium } from './chromium';
import { add, none, weigh, type Weight } from './page-weight';
import { startSiteProcess } from './site-process';

export interface SearchQuery {
	/** The page the search is opened on. */
	path: string;
	first: string;
	next: string;
}

export interface SearchCost extends SearchQuery {
	/** Scripts fetched from opening the search to the first results: the dialog and pagefind.js. */
	js: Weight;
	/** The index files fetched: WebAssembly, metadata, index chunk, fragments (Pagefind stores them gzipped). */
	index: Weight;
	/** From the "/" key to the first results on screen: loading all that, Pagefind's work and our 120 ms debounce. */
	firstMs: number;
	/** The same for the next query, with everything loaded. */
	nextMs: number;
}

/** Types `query` into the open search and waits for its first result; returns the milliseconds since `started`. */
async function answer(page: Page, query: string, started: number): Promise<number> {
	await page.locator('#search-input').fill(query);
	await page.locator('[data-search-results][aria-busy="false"]').waitFor({ state: 'attached' });
	await page.getByRole('option').first().waitFor();
	return performance.now() - started;
}

/**
 * Opens the search on each page of the built site of project `root` in Chromium (a fresh page
 * each, cache empty), runs two queries and weighs the files the browser fetched, by their size in
 * dist/client, raw and gzipped (the server sends brotli, a little smaller than gzip; Pagefind's
 * index files as Pagefind stored them, gzipped). Undefined when there is no Chromium.
 */
export async function measureSearchCost(root: string, queries: SearchQuery[]): Promise<SearchCost[] | undefined> {
	const browser = await launchChromium();
	if (!browser) return undefined;
	const clientDir = join(root, 'dist/client');
	const site = await startSiteProcess(root);
	const { origin } = site;
	try {
		const costs: SearchCost[] = [];
		for (const query of queries) {
			const page = await browser.newPage();
			await page.goto(origin + query.path, { waitUntil: 'networkidle' });
			const fetched = new Set<string>();
			page.on('request', (request) => fetched.add(new URL(request.url()).pathname));
			const opened = performance.now();
			await page.keyboard.press('/');
			const firstMs = await answer(page, query.first, opened);
			const files = [...fetched].map((path) => ({ path, weight: weigh(readFileSync(join(clientDir, path))) }));
			const sum = (scripts: boolean) =>
				files
					.filter(({ path }) => path.endsWith('.js') === scripts)
					.map(({ weight }) => weight)
					.reduce(add, none);
			costs.push({ ...query, js: sum(true), index: sum(false), firstMs, nextMs: await answer(page, query.next, performance.now()) });
			await page.close();
		}
		return costs;
	} finally {
		await browser.close();
		site.stop();
	}
}
