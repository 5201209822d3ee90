import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { scratchProject } from '../../src/cli/build-cost';
import { loadContent } from '../../src/model/check';
import { DataError, type Problem } from '../../src/model/problems';

export const projectRoot = join(import.meta.dirname, '../..');

/** A scratch copy of the project's data (content/ and locales/) to break on purpose. */
export function copyOfProjectData(): string {
	const root = mkdtempSync(join(tmpdir(), 'walkthrough-data-'));
	for (const dir of ['content', 'locales']) cpSync(join(projectRoot, dir), join(root, dir), { recursive: true });
	return root;
}

/** A scratch copy of the project that `astro build` can run in. */
export const copyOfProject = () => scratchProject(projectRoot);

/** Runs `astro build` in `root` (a copy of the project), with `env` on top of this process's. */
export const build = (root: string, env: Record<string, string> = {}) => spawnSync(join(projectRoot, 'node_modules/.bin/astro'), ['build'], { cwd: root, encoding: 'utf8', timeout: 120_000, env: { ...process.env, ...env } });

/** Rewrites one file of a scratch copy; fails the test if `from` is not in the file. */
export function edit(root: string, file: string, from: string | RegExp, to: string): void {
	const path = join(root, file);
	const text = readFileSync(path, 'utf8');
	const changed = text.replace(from, to);
	if (changed === text) throw new Error(`${file} does not contain ${String(from)}`);
	writeFileSync(path, changed);
}

/** 1-based number of the `occurrence`-th line of `file` that contains `needle`. */
export function lineOf(root: string, file: string, needle: string, occurrence = 1): number {
	const numbers = readFileSync(join(root, file), 'utf8')
		.split('\n')
		.flatMap((line, index) => (line.includes(needle) ? [index + 1] : []));
	const line = numbers[occurrence - 1];
	if (line === undefined) throw new Error(`${file} has no ${occurrence}. line with ${needle}`);
	return line;
}

export function readJson(root: string, file: string): Record<string, unknown> {
	return JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
}

/** The errors `read` (loadContent by default) throws for a scratch copy; the test fails if it does not throw. */
export function problemsOf(scratch: string, read: (root: string) => unknown = loadContent): Problem[] {
	try {
		read(scratch);
	} catch (error) {
		if (error instanceof DataError) return error.problems.filter((problem) => problem.severity === 'error');
		throw error;
	}
	throw new Error(`${read.name} accepted broken data`);
}
