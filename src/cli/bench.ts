import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { weighPages, type Weight } from './page-weight';

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
