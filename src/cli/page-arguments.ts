import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Says what is wrong with the command line, prefixed with the command's name, and exits 2. */
export const failWith =
	(command: string) =>
	(message: string): never => {
		console.error(`${command}: ${message}`);
		process.exit(2);
	};

/**
 * The Experience League pages a command was given: one page, or every page of a folder (by
 * name; TOC.md is the guide's table of contents, not a page).
 */
export function pagesOf(target: string, fail: (message: string) => never): string[] {
	if (!existsSync(target)) fail(`${target} does not exist`);
	if (!statSync(target).isDirectory()) return [target];
	return readdirSync(target)
		.filter((name) => name.endsWith('.md') && name !== 'TOC.md')
		.sort()
		.map((name) => join(target, name));
}
