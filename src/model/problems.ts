/** One thing wrong (or worth a look) in a data file, located as precisely as we can. */
export interface Problem {
	severity: 'error' | 'warning';
	/** Path relative to the project root, e.g. `locales/de/amazon-api-key.json`. */
	file: string;
	line?: number;
	column?: number;
	locale?: string;
	/** The key or step the problem is about, e.g. `steps.paste-key.text`. */
	key?: string;
	message: string;
	/** What kind of problem, for tools that read `--json` (e.g. `stale`, `markup`, `ui-controls`). */
	kind?: string;
}

export function formatProblem(problem: Problem): string {
	const where = [problem.file, problem.line, problem.column].filter((part) => part !== undefined).join(':');
	const what = [problem.locale && `[${problem.locale}]`, problem.key].filter(Boolean).join(' ');
	return `${where} ${problem.severity}${what ? ` ${what}` : ''}: ${problem.message}`;
}

/** Thrown when data the site is built from is broken: the build stops and says where. */
export class DataError extends Error {
	constructor(readonly problems: Problem[]) {
		const errors = problems.filter((problem) => problem.severity === 'error');
		super(`${errors.length} problem${errors.length === 1 ? '' : 's'} in the site's data:\n` + errors.map((problem) => `  ${formatProblem(problem)}`).join('\n'));
		this.name = 'DataError';
	}
}

/** Throws a DataError when any problem is an error. */
export function throwOnErrors(problems: Problem[]): void {
	if (problems.some((problem) => problem.severity === 'error')) throw new DataError(problems);
}
