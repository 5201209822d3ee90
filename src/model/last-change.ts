import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Per checkout: each committed file's path (relative to it) and the date of its last commit. */
const histories = new Map<string, Map<string, string> | undefined>();

/**
 * One `git log` for all files, read once per process (a build asks for thousands of pages):
 * newest commits come first, so a file's first date is its last change.
 */
function historyOf(root: string): Map<string, string> | undefined {
	if (histories.has(root)) return histories.get(root);
	let history: Map<string, string> | undefined;
	try {
		const log = execFileSync('git', ['log', '--format=%x00%cs', '--name-only', '--relative', '--', '.'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
		history = new Map();
		for (const commit of log.split('\u0000').slice(1)) {
			const [date = '', ...files] = commit.split('\n').filter(Boolean);
			for (const file of files) if (!history.has(file)) history.set(file, date);
		}
	} catch {
		// Not a git checkout (or no git): files are dated by their own dates.
	}
	histories.set(root, history);
	return history;
}

/**
 * The date (YYYY-MM-DD) of the last git commit that touched `path` (a file or a folder, relative
 * to `root`), or of its last edit when it is not committed or not in a git checkout; undefined
 * when there is no such file.
 */
export function lastChangeOf(root: string, path: string): string | undefined {
	const file = join(root, path);
	if (!existsSync(file)) return undefined;
	const history = historyOf(root);
	let latest: string | undefined;
	for (const [committed, date] of history ?? []) {
		if ((committed === path || committed.startsWith(`${path}/`)) && (!latest || date > latest)) latest = date;
	}
	return latest ?? statSync(file).mtime.toISOString().slice(0, 10);
}
