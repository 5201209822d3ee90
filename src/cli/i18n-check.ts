import { parseArgs } from 'node:util';
import { lintLocales } from '../translation/lint-locales';
import { formatProblem } from '../model/problems';

// npm run i18n:check [-- --json]: every finding in the locale files; exit status 1 on errors.
const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
const { problems } = lintLocales(process.cwd());
const errors = problems.filter((problem) => problem.severity === 'error').length;
const warnings = problems.length - errors;

if (values.json) {
	console.log(JSON.stringify({ errors, warnings, findings: problems }, null, 2));
} else {
	for (const problem of problems) console.log(formatProblem(problem));
	const files = new Set(problems.map((problem) => problem.file)).size;
	console.log(problems.length === 0 ? 'No problems in the locale files.' : `\n${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`);
}
process.exit(errors > 0 ? 1 : 0);
