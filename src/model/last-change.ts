import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The date (YYYY-MM-DD) of the last git commit that touched `path` (relative to `root`), or of
 * its last edit when it is not committed or not in a git checkout; undefined when there is no
 * such file.
 */
export function lastChangeOf(root: string, path: string): string | undefined {
	const file = join(root, path);
	if (!existsSync(file)) return undefined;
	try {
		const date = execFileSync('git', ['log', '-1', '--format=%cs', '--', path], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
		if (date) return date;
	} catch {
		// Not a git checkout (or no git): the file's own date.
	}
	return statSync(file).mtime.toISOString().slice(0, 10);
}
