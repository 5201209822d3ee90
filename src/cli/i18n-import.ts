import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { importLocale } from '../importer/import-locale';
import { localeByCode, sourceLocale } from '../model/locales';
import { readProcedures } from '../model/read-procedures';
import { formatProblem } from '../model/problems';

// npm run i18n:import -- <file.md> --lang <lang> [--procedure <id>] [--dry-run] [--json]
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { lang: { type: 'string' }, procedure: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
});
const root = process.cwd();
const fail = (message: string): never => {
	console.error(`i18n:import: ${message}`);
	process.exit(2);
};

const markdownFile = positionals[0] ?? fail('which file? npm run i18n:import -- <file.md> --lang <lang>');
const locale = localeByCode(values.lang ?? '') ?? fail(`--lang must be one of the site's languages, not "${values.lang ?? ''}"`);
if (locale === sourceLocale) fail(`${sourceLocale.code} is the source language: it is written here, not imported`);
const procedures = readProcedures(root);
const procedure =
	procedures.find((entry) => entry.id === (values.procedure ?? (procedures.length === 1 ? procedures[0]!.id : ''))) ??
	fail(`--procedure must be one of ${procedures.map((entry) => entry.id).join(', ')}`);

const readJson = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as Record<string, unknown>;
const target = `locales/${locale.code}/${procedure.id}.json`;
const result = importLocale({
	markdown: readFileSync(markdownFile, 'utf8'),
	file: relative(root, markdownFile),
	locale: locale.code,
	procedure,
	english: readJson(`locales/${sourceLocale.code}/${procedure.id}.json`),
	englishGlossary: readJson(`locales/${sourceLocale.code}/glossary.json`) as Record<string, string>,
	existing: existsSync(join(root, target)) ? readJson(target) : undefined,
});

const errors = result.findings.filter((finding) => finding.severity === 'error').length;
const outcome = !result.data ? `not written: ${errors} error${errors === 1 ? '' : 's'}, ${target} is unchanged` : values['dry-run'] ? `would write ${target} (dry run)` : `wrote ${target}`;
if (result.data && !values['dry-run']) writeFileSync(join(root, target), `${JSON.stringify(result.data, null, 2)}\n`);

if (values.json) console.log(JSON.stringify({ file: target, written: Boolean(result.data) && !values['dry-run'], findings: result.findings }, null, 2));
else {
	for (const finding of result.findings) console.log(formatProblem(finding));
	console.log(`\n${result.findings.length - errors} warnings, ${errors} errors; ${outcome}`);
}
process.exit(result.data ? 0 : 1);
