import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { weighPages, type Weight } from './page-weight';
import { measureSearchCost } from './search-cost';

// `npm run bench`: builds the site and prints what each page costs. Numbers, not assertions.
const jsBudget = 4 * 1024;
const root = process.cwd();

const started = performance.now();
const build = spawnSync('npx', ['astro', 'build'], { cwd: root, encoding: 'utf8' });
const buildSeconds = (performance.now() - started) / 1000;
if (build.status !== 0) {
	console.error(build.stdout + build.stderr);
	process.exit(1);
}

const kB = (bytes: number) => (bytes / 1024).toFixed(1).padStart(6);
const cell = (weight: Weight) => `${kB(weight.raw)} ${kB(weight.gzip)}`;
const pages = weighPages(join(root, 'dist/client'));
const width = Math.max(...pages.map((page) => page.path.length));

console.log(`Build: ${buildSeconds.toFixed(1)} s for ${pages.length} pages\n`);
console.log(`${''.padEnd(width)}  ${'HTML'.padStart(13)}  ${'JS at load'.padStart(13)}  ${'CSS'.padStart(13)}`);
console.log(`${'page'.padEnd(width)}  ${'kB raw   gzip'.padStart(13)}  ${'kB raw   gzip'.padStart(13)}  ${'kB raw   gzip'.padStart(13)}`);
for (const page of pages) console.log(`${page.path.padEnd(width)}  ${cell(page.html)}  ${cell(page.js)}  ${cell(page.css)}`);

const heaviest = pages.reduce((max, page) => (page.js.gzip > max.js.gzip ? page : max));
console.log(
	`\nMost JS at page load: ${heaviest.path} ${(heaviest.js.gzip / 1024).toFixed(2)} kB gzip in ${heaviest.jsFiles.length} files ` +
		`(budget ${jsBudget / 1024} kB: ${heaviest.js.gzip <= jsBudget ? 'within' : 'OVER'}; Starlight ships 3.8 kB with no islands)`,
);

// What the search costs when a reader opens it: none of it loads with the page.
const costs = await measureSearchCost(join(root, 'dist/client'), [
	{ path: '/en/amazon-api-key/', first: 'paste', next: 'Production Api key' },
	{ path: '/zh-tw/amazon-api-key/', first: '金鑰', next: 'Save Config' },
	{ path: '/de/', first: 'Schlüssel', next: 'Konfiguration speichern' },
	{ path: '/fr/amazon-api-key/', first: 'clé', next: 'Sauvegarder la configuration' },
]);
if (!costs) {
	console.log('\nSearch when opened: not measured (no Chromium; set CHROMIUM_PATH)');
} else {
	const column = Math.max(...costs.map((cost) => `${cost.path} "${cost.first}"`.length));
	console.log(`\nSearch when opened (Chromium, empty cache; our server sends files uncompressed)\n`);
	console.log(`${'page, first query'.padEnd(column)}  ${'JS on open'.padStart(13)}  ${'index'.padStart(6)}  ${'first results'.padStart(13)}  ${'next query'.padStart(10)}`);
	console.log(`${''.padEnd(column)}  ${'kB raw   gzip'.padStart(13)}  ${'kB'.padStart(6)}  ${'ms'.padStart(13)}  ${'ms'.padStart(10)}`);
	for (const cost of costs) {
		const name = `${cost.path} "${cost.first}"`;
		console.log(`${name.padEnd(column)}  ${cell(cost.js)}  ${kB(cost.index.raw)}  ${cost.firstMs.toFixed(0).padStart(13)}  ${cost.nextMs.toFixed(0).padStart(10)}`);
	}
	console.log('\nIndex files are stored gzipped by Pagefind. Times include our 120 ms debounce of typing.');
}
