import { measureBuild, type BuildCost } from './build-cost';

/** The sizes `npm run bench` builds: the real site, and 100 and 1,000 generated procedures (BENCH_PROCEDURES overrides, e.g. `100`). */
export function benchSizes(env: NodeJS.ProcessEnv): number[] {
	const listed = env.BENCH_PROCEDURES?.split(',').map((value) => Number(value.trim()));
	if (listed?.some((value) => !Number.isInteger(value) || value < 0)) throw new Error(`BENCH_PROCEDURES: a comma-separated list of procedure counts, e.g. 100,1000 (got "${env.BENCH_PROCEDURES}")`);
	return [0, ...(listed ?? [100, 1000])];
}

export interface BuildScale {
	builds: BuildCost[];
	/** Wall time per page more, between the two largest builds. */
	marginalMsPerPage?: number;
	goals: { procedures: number; wallSeconds: number; peakMiB: number; marginalMsPerPage: number };
}

const goals = { procedures: 1000, wallSeconds: 60, peakMiB: 1024, marginalMsPerPage: 10 };

/** Builds each size one after the other (they would share the two cores) and compares them. */
export async function measureBuildScale(root: string, sizes: readonly number[]): Promise<BuildScale> {
	const builds: BuildCost[] = [];
	for (const procedures of sizes) builds.push(await measureBuild(root, procedures));
	const [smaller, larger] = builds.slice(-2);
	const marginal = smaller && larger && larger.pages > smaller.pages ? ((larger.wallSeconds - smaller.wallSeconds) * 1000) / (larger.pages - smaller.pages) : undefined;
	return { builds, ...(marginal !== undefined && { marginalMsPerPage: marginal }), goals };
}

const fixed = (value: number, digits = 1) => value.toFixed(digits);

/** The table `npm run bench` prints. */
export function formatBuildScale({ builds, marginalMsPerPage, goals: goal }: BuildScale): string {
	const name = (build: BuildCost) => (build.procedures === 0 ? 'real site' : `+${build.procedures} procedures`);
	const lines = [
		'Build (npm run build in a scratch copy; generated procedures are copies of Store integration in all six languages)',
		'',
		`${'build'.padEnd(18)} ${'pages'.padStart(6)} ${'wall s'.padStart(7)} ${'CPU s'.padStart(7)} ${'peak MiB'.padStart(9)} ${'dist MiB'.padStart(9)} ${'ms/page'.padStart(8)}`,
	];
	for (const build of builds) {
		lines.push(
			`${name(build).padEnd(18)} ${String(build.pages).padStart(6)} ${fixed(build.wallSeconds).padStart(7)} ${fixed(build.cpuSeconds).padStart(7)} ${fixed(build.peakMiB, 0).padStart(9)} ${fixed(build.distMiB).padStart(9)} ${fixed((build.wallSeconds * 1000) / build.pages).padStart(8)}`,
		);
		for (const phase of build.phases) lines.push(`  ${phase.command.padEnd(40)} ${fixed(phase.wallSeconds).padStart(7)} s wall ${fixed(phase.cpuSeconds).padStart(7)} s CPU ${fixed(phase.peakMiB, 0).padStart(6)} MiB peak`);
	}
	// Time per page of each route at each size: a route whose time per page grows with the size grows faster than linearly.
	const routes = [...new Set(builds.flatMap((build) => Object.keys(build.routes)))];
	const width = Math.max(...routes.map((route) => route.length));
	lines.push('', `Astro's time per page, by route (ms): ${builds.map(name).join(' | ')}`);
	for (const route of routes) {
		const cells = builds.map((build) => {
			const cost = build.routes[route];
			return cost ? `${fixed(cost.ms / cost.pages)} ×${cost.pages}` : '–';
		});
		lines.push(`  ${route.padEnd(width)}  ${cells.map((cell) => cell.padStart(14)).join('  ')}`);
	}
	const languages = [...new Set(builds.flatMap((build) => Object.keys(build.indexKiB)))];
	lines.push('', `Search index per language (kB): ${builds.map(name).join(' | ')}`);
	for (const language of languages) lines.push(`  ${language.padEnd(6)} ${builds.map((build) => fixed(build.indexKiB[language] ?? 0, 0).padStart(10)).join('  ')}`);
	if (marginalMsPerPage !== undefined) lines.push('', `Marginal cost between the two largest builds: ${fixed(marginalMsPerPage)} ms per page (goal ≤ ${goal.marginalMsPerPage})`);
	const target = builds.find((build) => build.procedures === goal.procedures);
	if (target) {
		const met = (ok: boolean) => (ok ? 'met' : 'NOT met');
		lines.push(
			`Goal at ${goal.procedures} procedures × 6 languages: ≤ ${goal.wallSeconds} s (${fixed(target.wallSeconds)} s: ${met(target.wallSeconds <= goal.wallSeconds)}), ` +
				`≤ ${goal.peakMiB} MiB peak (${fixed(target.peakMiB, 0)} MiB: ${met(target.peakMiB <= goal.peakMiB)})`,
		);
	}
	return lines.join('\n');
}
