import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProcedures } from './generate-procedures';
import { processTree } from './proc';

export interface PhaseCost {
	/** The command, one part of `npm run build`. */
	command: string;
	wallSeconds: number;
	/** User and system CPU of the command and every process it started. */
	cpuSeconds: number;
	/** The most memory the command's whole process tree held at once (resident, sampled every 50 ms). */
	peakMiB: number;
}

export interface RouteCost {
	pages: number;
	/** Astro's own time for the route's pages, summed. */
	ms: number;
}

export interface BuildCost {
	procedures: number;
	pages: number;
	wallSeconds: number;
	cpuSeconds: number;
	peakMiB: number;
	/** Each command of `npm run build`, in order. */
	phases: PhaseCost[];
	distMiB: number;
	/** The search index per language (its index chunks and fragments). */
	indexKiB: Record<string, number>;
	/** Per Astro route (its source file): pages and time. */
	routes: Record<string, RouteCost>;
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
/** Runs one command in `dir` and measures it (bash's `time` counts the CPU of everything it started). */
async function measureCommand(dir: string, command: string): Promise<PhaseCost & { output: string }> {
	const child = spawn('bash', ['-c', `TIMEFORMAT="%R %U %S"; time (${command})`], { cwd: dir, env: { ...process.env, PATH: `${join(dir, 'node_modules/.bin')}:${process.env.PATH}` } });
	let output = '';
	let peak = 0;
	child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
	child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
	const sampler = setInterval(() => (peak = Math.max(peak, treeRss(child.pid!))), 50);
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	clearInterval(sampler);
	if (code !== 0) throw new Error(`${command} failed:\n${output.slice(-3000)}`);
	const [wall = 0, user = 0, system = 0] = output.trim().split('\n').pop()!.split(' ').map(Number);
	return { command, wallSeconds: wall, cpuSeconds: user + system, peakMiB: peak / 1024 / 1024, output };
}

/** Astro's time per route, from its build log: `▶ src/pages/…` heads the pages of a route, `└─ /path (+12ms)` each page. */
export function routeCosts(log: string): Record<string, RouteCost> {
	const routes: Record<string, RouteCost> = {};
	let route = '';
	for (const line of log.split('\n')) {
		const head = line.match(/▶ (src\/pages\/\S+)/);
		if (head) route = head[1]!;
		const page = line.match(/[├└]─ \S+ \(\+(\d+(?:\.\d+)?)(m?s)\)/);
		if (page && route) {
			const cost = (routes[route] ??= { pages: 0, ms: 0 });
			cost.pages++;
			cost.ms += Number(page[1]) * (page[2] === 's' ? 1000 : 1);
		}
	}
	return routes;
}

/** The commands `npm run build` runs, in order (its script, split at `&&`). */
function buildCommands(root: string): string[] {
	const { scripts } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { build: string } };
	return scripts.build.split('&&').map((command) => command.trim());
}

/** Builds a copy of the project with `procedures` generated procedures more (0: the real site), and measures each part of the build. */
export async function measureBuild(root: string, procedures: number): Promise<BuildCost> {
	const scratch = scratchProject(root);
	try {
		generateProcedures(scratch, procedures);
		const phases: PhaseCost[] = [];
		const routes: Record<string, RouteCost> = {};
		for (const command of buildCommands(scratch)) {
			const { output, ...phase } = await measureCommand(scratch, command);
			phases.push(phase);
			Object.assign(routes, routeCosts(output));
		}
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
			wallSeconds: phases.reduce((sum, phase) => sum + phase.wallSeconds, 0),
			cpuSeconds: phases.reduce((sum, phase) => sum + phase.cpuSeconds, 0),
			peakMiB: Math.max(...phases.map((phase) => phase.peakMiB)),
			phases,
			distMiB: sizeOf(join(scratch, 'dist')) / 1024 / 1024,
			indexKiB,
			routes,
		};
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
}
