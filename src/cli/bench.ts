import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { writeDemoState } from '../store/demo-store';
import { benchSizes, formatBuildScale, measureBuildScale } from './build-scale';
import { weighFigureCss, weighFigures } from './figure-weight';
import { measureImportCost } from './import-cost';
import { compareKeyCheck, connections, median, warmUpSeconds, type LoadResult } from './key-check-load';
import { lighthouseSection } from './lighthouse-cost';
import { weighPages, type Weight } from './page-weight';
import { measureSearchCost } from './search-cost';
import { startSiteProcess } from './site-process';
import { measureWireWeight, type WireBytes } from './wire-weight';

// `npm run bench`: builds the site and prints what each page costs, loads the key check route,
// and measures what opening the search costs. Numbers, not assertions.
const jsBudget = 4 * 1024;
const root = process.cwd();

const started = performance.now();
const build = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8' });
const buildSeconds = (performance.now() - started) / 1000;
if (build.status !== 0) {
	console.error(build.stdout + build.stderr);
	process.exit(1);
}

// The build at scale: the real site and generated procedures, each in a scratch copy.
const scale = await measureBuildScale(root, benchSizes(process.env));
console.log(`${formatBuildScale(scale)}\n`);

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

// What a reader's browser receives: the server's compressed copies, and the response headers.
const wireBudget = 16 * 1024;
const wire = await measureWireWeight(root, ['/en/amazon-api-key/', '/zh-tw/amazon-api-key/', '/de/store-integration/']);
if (!wire) console.log('\nOn the wire at page load: not measured (no Chromium; set CHROMIUM_PATH)');
else {
	const column = Math.max(...wire.map((weight) => weight.path.length));
	console.log(`\nOn the wire at page load (\`npm start\`, Chromium, empty cache, Accept-Encoding with br): kB of bodies as sent (files), and of response headers\n`);
	console.log(`${'page'.padEnd(column)}  ${'HTML'.padStart(10)}  ${'CSS'.padStart(10)}  ${'JS'.padStart(10)}  ${'bodies'.padStart(6)}  ${'headers'.padStart(7)}`);
	for (const weight of wire) {
		const kinds = [weight.html, weight.css, weight.js];
		const sum = (part: (bytes: WireBytes) => number) => kinds.map(part).reduce((a, b) => a + b, 0);
		const bodies = sum((bytes) => bytes.body);
		const cells = kinds.map((bytes) => `${kB(bytes.body)} (${bytes.files})`.padStart(10));
		console.log(`${weight.path.padEnd(column)}  ${cells.join('  ')}  ${kB(bodies)}  ${kB(sum((bytes) => bytes.headers)).padStart(7)}  (bodies: budget ${wireBudget / 1024} kB ${bodies <= wireBudget ? 'within' : 'OVER'})`);
	}
}

// The drawn figures: inline HTML in their pages, their CSS in the one stylesheet.
const figures = weighFigures(
	join(root, 'dist/client'),
	pages.map((page) => page.path),
);
const byFigure = new Map<string, typeof figures>();
for (const figure of figures) {
	const name = `${figure.page.split('/')[2]} ${figure.step}`;
	byFigure.set(name, [...(byFigure.get(name) ?? []), figure]);
}
const bytes = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;
const figureColumn = Math.max(0, ...[...byFigure.keys()].map((name) => name.length));
console.log(`\nDrawn figures, inline in their page: bytes of HTML, and what each adds to its page's gzip (min–max over the languages)\n`);
console.log(`${'procedure, step'.padEnd(figureColumn)}  ${'HTML B'.padStart(10)}  ${'gzip B'.padStart(8)}`);
for (const [name, weights] of byFigure) console.log(`${name.padEnd(figureColumn)}  ${bytes(weights.map((weight) => weight.raw)).padStart(10)}  ${bytes(weights.map((weight) => weight.gzip)).padStart(8)}`);
const figureCss = weighFigureCss(join(root, 'dist/client'));
console.log(`Their CSS (in the one stylesheet every page loads): ${(figureCss.raw / 1024).toFixed(1)} kB raw, adds ${(figureCss.gzip / 1024).toFixed(1)} kB to its gzip`);

// What bringing in an Experience League page costs (the importer alone, no files written).
const imports = measureImportCost(root);
const importColumn = Math.max(...imports.map((cost) => cost.page.length));
console.log(`\nImport of an Experience League page (median of 20 runs)\n`);
for (const cost of imports) console.log(`${cost.page.padEnd(importColumn)}  ${String(cost.lines).padStart(4)} lines  ${cost.ms.toFixed(1).padStart(6)} ms`);

// The key check route under load against the yardstick, in interleaved rounds (key-check-load.ts).
const rounds = 3;
const seconds = 20;
const comparison = await compareKeyCheck(root, rounds, seconds);
const summary = (runs: readonly LoadResult[]) => ({
	rps: median(runs.map((run) => run.requestsPerSecond)),
	p99: median(runs.map((run) => run.p99)),
	failed: runs.reduce((sum, run) => sum + run.failed, 0),
	timeouts: runs.reduce((sum, run) => sum + run.timeouts, 0),
	cpu: median(runs.map((run) => run.cpuMsPerRequest)),
});
const yardstick = summary(comparison.minimal);
console.log(
	`\nKey check (POST /api/key-check/ → store on loopback), ${connections} connections, ${rounds} interleaved rounds of ${seconds} s after ${warmUpSeconds} s unmeasured, ` +
		`KEY_CHECK_RATE_LIMIT and KEY_CHECK_MAX_PENDING raised (one client here); medians. CPU/request: the server's processes (with ` +
		`a demo store it started), which other load on the machine changes less than requests/s and p99:\n`,
);
const kinds = [
	['demo', 'ours as npm start runs it (its demo store)'],
	['apart', 'ours, with a store started apart'],
	['minimal', 'minimal Node server, same call (yardstick)'],
] as const;
const labelWidth = Math.max(...kinds.map(([, label]) => label.length));
for (const [kind, label] of kinds) {
	const { rps, p99, failed, timeouts, cpu } = summary(comparison[kind]);
	const ratio = kind === 'minimal' ? '' : `  ${(rps / yardstick.rps).toFixed(2)}× its throughput, p99 ${(p99 / yardstick.p99).toFixed(2)}× (goal ≥ 0.7×, ≤ 1.5×), CPU ${(cpu / yardstick.cpu).toFixed(2)}×`;
	console.log(`  ${label.padEnd(labelWidth)}  ${rps.toFixed(0).padStart(6)} requests/s  p99 ${String(p99).padStart(5)} ms  ${cpu.toFixed(2)} ms CPU/request  ${failed} failed, ${timeouts} timeouts${ratio}`);
}

// One machine is one client: with the default limit nearly every check is refused.
const demoDir = mkdtempSync(join(tmpdir(), 'walkthrough-bench-'));
const demoFile = join(demoDir, 'demo-store.json');
await writeDemoState(demoFile, 'valid');
const site = await startSiteProcess(root, { DEMO_STORE_FILE: demoFile });
let limited: autocannon.Result;
try {
	limited = await autocannon({
		url: `${site.origin}/api/key-check/`,
		method: 'POST',
		headers: { Origin: site.origin, 'Sec-Fetch-Site': 'same-origin', 'Content-Type': 'application/json' },
		body: JSON.stringify({ procedure: 'amazon-api-key' }),
		connections,
		duration: 5,
	});
} finally {
	site.stop();
}
console.log(
	`\nWith the default rate limit (20 per client per minute), ${connections} connections for ${limited.duration.toFixed(0)} s: ` +
		`${limited['2xx']} answered, ${limited.statusCodeStats?.['429']?.count ?? 0} refused with 429, ${limited.errors} errors`,
);
rmSync(demoDir, { recursive: true, force: true });
// What the search costs when a reader opens it: none of it loads with the page.
const costs = await measureSearchCost(root, [
	{ path: '/en/amazon-api-key/', first: 'paste', next: 'Production Api key' },
	{ path: '/zh-tw/amazon-api-key/', first: '金鑰', next: 'Save Config' },
	{ path: '/de/', first: 'Schlüssel', next: 'Konfiguration speichern' },
	{ path: '/fr/amazon-api-key/', first: 'clé', next: 'Sauvegarder la configuration' },
]);
if (!costs) {
	console.log('\nSearch when opened: not measured (no Chromium; set CHROMIUM_PATH)');
} else {
	const column = Math.max(...costs.map((cost) => `${cost.path} "${cost.first}"`.length));
	console.log(`\nSearch when opened (Chromium, empty cache; sizes of the built files: the server sends brotli copies, a little smaller than gzip)\n`);
	console.log(`${'page, first query'.padEnd(column)}  ${'JS on open'.padStart(13)}  ${'index'.padStart(6)}  ${'first results'.padStart(13)}  ${'next query'.padStart(10)}`);
	console.log(`${''.padEnd(column)}  ${'kB raw   gzip'.padStart(13)}  ${'kB'.padStart(6)}  ${'ms'.padStart(13)}  ${'ms'.padStart(10)}`);
	for (const cost of costs) {
		const name = `${cost.path} "${cost.first}"`;
		console.log(`${name.padEnd(column)}  ${cell(cost.js)}  ${kB(cost.index.raw)}  ${cost.firstMs.toFixed(0).padStart(13)}  ${cost.nextMs.toFixed(0).padStart(10)}`);
	}
	console.log('\nIndex files are stored gzipped by Pagefind. Times include our 120 ms debounce of typing.');
}

const lighthouse = await lighthouseSection(root);

// What each section measured, as JSON beside the tables, to compare runs.
const results = { build: { seconds: buildSeconds, pages: pages.length, scale }, pages, wire: wire ?? null, figures, figureCss, imports, keyCheck: { comparison, limited }, search: costs ?? null, ...lighthouse };
writeFileSync(join(root, 'bench-results.json'), `${JSON.stringify(results, null, '\t')}\n`);
console.log('\nAll numbers: bench-results.json');
