import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateProcedures } from './generate-procedures';
import { processTree } from './proc';

export interface BuildCost {
	procedures: number;
	pages: number;
	wallSeconds: number;
	/** User and system CPU of the build and every process it started. */
	cpuSeconds: number;
	/** The most memory the build's whole process tree held at once (resident, sampled every 50 ms). */
	peakMiB: number;
	distMiB: number;
	/** The search index per language (its index chunks and fragments). */
	indexKiB: Record<string, number>;
	/** Astro's own time for each route, summed over its pages. */
	routes: Record<string, number>;
}

const pageSize = 4096;

/** Resident memory of `pid` and everything it started, from /proc. */
function treeRss(pid: number): number {
	let total = 0;
	for (const id of processTree(pid)) {
		try {
			total += Number(readFileSync(`/proc/${id}/statm`, 'utf8').split(' ')[1]) * pageSize;
		} catch {
			// The process ended while we looked.
		}
	}
	return total;
}

function sizeOf(path: string): number {
	const stats = statSync(path);
	return stats.isDirectory() ? readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0) : stats.size;
}

function countPages(dir: string): number {
	return readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => sum + (entry.isDirectory() ? countPages(join(dir, entry.name)) : entry.name.endsWith('.html') ? 1 : 0), 0);
}

/** A scratch copy of the project that `astro build` can run in. */
export function scratchProject(root: string): string {
	const scratch = mkdtempSync(join(tmpdir(), 'walkthroughs-scale-'));
	for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'locales', 'public']) cpSync(join(root, entry), join(scratch, entry), { recursive: true });
	symlinkSync(join(root, 'node_modules'), join(scratch, 'node_modules'));
	return scratch;
}

/** Builds a copy of the project with `procedures` generated procedures more, and measures it. */
export async function measureBuild(root: string, procedures: number): Promise<BuildCost> {
	const scratch = scratchProject(root);
	try {
		generateProcedures(scratch, procedures);
		// bash's `time` counts the CPU of every process the build started and waited for.
		const child = spawn('bash', ['-c', 'TIMEFORMAT="%R %U %S"; time (node_modules/.bin/astro build && node_modules/.bin/tsx src/cli/search-index.ts)'], { cwd: scratch });
		let output = '';
		let peak = 0;
		child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
		const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 50);
		const started = performance.now();
		const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
		clearInterval(sampler);
		if (code !== 0) throw new Error(`astro build failed with ${procedures} generated procedures:\n${output.slice(-3000)}`);
		const [wall, user, system] = output.trim().split('\n').pop()!.split(' ').map(Number);
		const routes: Record<string, number> = {};
		for (const [, route, ms] of output.matchAll(/(\/[^\s]*?)(?:\/[^/\s]+)?\/index\.html \(\+(\d+)ms\)/g)) routes[route!] = (routes[route!] ?? 0) + Number(ms);
		const client = join(scratch, 'dist/client');
		const index = join(client, 'pagefind');
		const indexKiB: Record<string, number> = {};
		for (const dir of ['index', 'fragment']) {
			if (!existsSync(join(index, dir))) continue;
			for (const file of readdirSync(join(index, dir))) {
				const lang = file.split('_')[0]!;
				indexKiB[lang] = (indexKiB[lang] ?? 0) + statSync(join(index, dir, file)).size / 1024;
			}
		}
		return {
			procedures,
			pages: countPages(client),
			wallSeconds: wall ?? (performance.now() - started) / 1000,
			cpuSeconds: (user ?? 0) + (system ?? 0),
			peakMiB: peak / 1024 / 1024,
			distMiB: sizeOf(join(scratch, 'dist')) / 1024 / 1024,
			indexKiB,
			routes,
		};
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}
