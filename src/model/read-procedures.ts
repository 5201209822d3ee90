import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZodError } from 'astro/zod';
import type { ProcedureEntry } from './load-locales';
import { procedureSchema } from './procedure';
import { parseYamlFile, type DataFile } from './data-file';
import { throwOnErrors, type Problem } from './problems';

export const proceduresDir = 'content/procedures';

/** Zod's findings as problems located in the file. */
export function zodProblems(error: ZodError, data: DataFile): Problem[] {
	return error.issues.map((issue) => ({
		severity: 'error',
		file: data.file,
		line: data.lineOf(issue.path),
		key: issue.path.join('.'),
		message: issue.message,
	}));
}

/**
 * The procedures as the content collection sees them, for code that runs outside Astro
 * (tests, command-line tools). Throws a DataError naming file and line of every problem.
 */
export function readProcedures(root: string): ProcedureEntry[] {
	const problems: Problem[] = [];
	const entries: ProcedureEntry[] = [];
	const files = readdirSync(join(root, proceduresDir)).filter((name) => name.endsWith('.yaml')).sort();
	for (const name of files) {
		const file = `${proceduresDir}/${name}`;
		const parsed = parseYamlFile(file, readFileSync(join(root, file), 'utf8'));
		if (!parsed.ok) {
			problems.push(...parsed.problems);
			continue;
		}
		const result = procedureSchema.safeParse(parsed.data.value);
		if (result.success) entries.push({ id: name.replace(/\.yaml$/, ''), data: result.data });
		else problems.push(...zodProblems(result.error, parsed.data));
	}
	throwOnErrors(problems);
	return entries;
}
