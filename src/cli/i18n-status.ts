import { parseArgs } from 'node:util';
import { formatProblem } from '../model/problems';
import { formatDiff } from '../model/word-diff';
import { lintLocales } from '../translation/lint-locales';
import { translationStatus } from '../translation/translation-status';

// npm run i18n:status [-- --json]: the translation status table (also on /<lang>/translation-status/).
const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
const lint = lintLocales(process.cwd());
const rows = translationStatus(process.cwd(), lint);
// Broken data makes the table meaningless: say so, loudly, and fail.
const errors = lint.problems.filter((problem) => problem.severity === 'error');

if (values.json) {
	console.log(
		JSON.stringify(
			{
				errors: errors.length,
				languages: rows.map(({ locale, findings, ...row }) => ({ locale: locale.code, ...row, errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length })),
			},
			null,
			2,
		),
	);
} else {
	if (errors.length > 0) {
		console.error(`The data is broken (${errors.length} error${errors.length === 1 ? '' : 's'}); the table below counts only what could be read:`);
		for (const problem of errors) console.error(`  ${formatProblem(problem)}`);
		console.error('');
	}
	const table = rows.map((row) => [
		row.locale.code,
		`${row.translated}/${row.total}`,
		String(row.stale.length),
		`${row.states.machine} / ${row.states.postEdited} / ${row.states.human}`,
		row.lastChange ?? '?',
		`${row.findings.filter((f) => f.severity === 'error').length} errors, ${row.findings.filter((f) => f.severity === 'warning').length} warnings`,
	]);
	const header = ['language', 'translated', 'stale', 'machine / post-edited / human', 'last change', 'npm run i18n:check'];
	const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => row[column]!.length)));
	for (const row of [header, ...table])
		console.log(
			row
				.map((cell, column) => cell.padEnd(widths[column]!))
				.join('  ')
				.trimEnd(),
		);
	for (const row of rows.filter((candidate) => candidate.stale.length > 0)) {
		console.log(`\n${row.locale.code}: stale strings (the English before and after: [-removed-] {+added+})`);
		for (const stale of row.stale) console.log(`  ${stale.procedureId} ${stale.key}: ${stale.diff ? formatDiff(stale.diff) : `(translated from an older English) ${stale.english}`}`);
	}
}
process.exit(errors.length > 0 ? 1 : 0);
