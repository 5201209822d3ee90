import { parseArgs } from 'node:util';
import { shortCommit } from '../model/staleness';
import { translationStatus } from '../translation/translation-status';

// npm run i18n:status [-- --json]: the translation status table (also on /translation-status/).
const { values } = parseArgs({ options: { json: { type: 'boolean' } } });
const rows = translationStatus(process.cwd());

if (values.json) {
	console.log(JSON.stringify(rows.map(({ locale, findings, ...row }) => ({ locale: locale.code, ...row, errors: findings.filter((f) => f.severity === 'error').length, warnings: findings.filter((f) => f.severity === 'warning').length })), null, 2));
} else {
	const table = rows.map((row) => [
		row.locale.code,
		`${row.translated}/${row.total}`,
		row.stale.length === 0 ? '–' : `${row.stale.map((stale) => stale.stepId).join(', ')} (changed in ${[...new Set(row.stale.map((stale) => shortCommit(stale.changedIn)))].join(', ')}; translated from ${[...new Set(row.stale.map((stale) => shortCommit(stale.revision)))].join(', ')})`,
		row.machineTranslation ? `${row.machineTranslation.workflowType}, ${row.machineTranslation.htDegree} human` : '–',
		row.lastChange ?? '?',
		`${row.findings.filter((f) => f.severity === 'error').length} errors, ${row.findings.filter((f) => f.severity === 'warning').length} warnings`,
	]);
	const header = ['language', 'translated', 'stale steps', 'machine translation', 'last change', 'npm run i18n:check'];
	const widths = header.map((title, column) => Math.max(title.length, ...table.map((row) => row[column]!.length)));
	for (const row of [header, ...table]) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd());
}
