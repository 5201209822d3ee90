import { readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { importTranslation, type TranslationImport } from '../importer/translation';
import { formatReport } from '../importer/report';
import { jsonText } from '../importer/write';
import { localeFile, readContent } from '../model/content';
import { originFile } from '../model/origin';
import { localeByCode, sourceLocale } from '../model/locales';
import { failWith, pagesOf } from './page-arguments';

// npm run i18n:import -- <page.md | folder> --lang <lang> [--procedure <id>] [--dry-run] [--json]
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { lang: { type: 'string' }, procedure: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
});
const root = process.cwd();
const fail = failWith('i18n:import');

const target = positionals[0] ?? fail('which page? npm run i18n:import -- <page.md | folder> --lang <lang>');
const locale = localeByCode(values.lang ?? '') ?? fail(`--lang must be one of the site's languages, not "${values.lang ?? ''}"`);
if (locale === sourceLocale) fail(`${sourceLocale.code} is the source language: import English pages with npm run import:page`);
const pages = pagesOf(target, fail);

const { content } = readContent(root);
const results: { file: string; outcome: string; result?: TranslationImport }[] = [];
let failed = false;
for (const file of pages) {
	const markdown = readFileSync(file, 'utf8');
	const exlId = markdown.match(/^exl-id:\s*(\S+)/m)?.[1];
	// The page says which procedure it translates (exl-id); --procedure only checks it.
	const procedure = values.procedure ? content.procedures.find((entry) => entry.id === values.procedure) : content.procedures.find((entry) => exlId && entry.data.source?.exlId === exlId);
	if (!procedure) {
		const outcome = values.procedure ? `--procedure ${values.procedure}: no such procedure` : `skipped: no procedure follows this page (exl-id ${exlId ?? 'missing'}); import the English page first`;
		results.push({ file: relative(root, file), outcome });
		if (values.procedure || pages.length === 1) failed = true;
		continue;
	}
	const english = content.words[sourceLocale.code].procedures[procedure.id];
	if (!english) fail(`${localeFile(sourceLocale.code, procedure.id)} is missing or broken: run npm run i18n:check`);
	const result = importTranslation({
		markdown,
		file: relative(root, file),
		locale: locale.code,
		procedure,
		english: english!,
		englishGlossary: content.words[sourceLocale.code].glossary,
		existing: content.words[locale.code].procedures[procedure.id],
		existingOrigin: content.words[locale.code].origins[procedure.id],
	});
	const output = localeFile(locale.code, procedure.id);
	let outcome: string;
	if (!result.texts || !result.origin) {
		outcome = `not written: errors, ${output} is unchanged`;
		failed = true;
	} else if (values['dry-run']) outcome = `would write ${output} (dry run)`;
	else {
		writeFileSync(join(root, output), jsonText(result.texts));
		writeFileSync(join(root, originFile(locale.code, procedure.id)), jsonText(result.origin));
		outcome = `wrote ${output} and ${originFile(locale.code, procedure.id)}`;
	}
	results.push({ file: relative(root, file), outcome, result });
}

if (values.json) {
	console.log(
		JSON.stringify(
			results.map(({ file, outcome, result }) => ({ file, outcome, findings: result?.report.findings ?? [], lines: result?.report.lines ?? [] })),
			null,
			2,
		),
	);
} else {
	for (const { file, outcome, result } of results) {
		console.log(`${file}: ${outcome}`);
		if (!result) continue;
		for (const line of formatReport(result.report)) console.log(line);
		const count = (severity: string) => result.report.findings.filter((finding) => finding.severity === severity).length;
		console.log(`  ${count('warning')} warnings, ${count('error')} errors\n`);
	}
}
process.exit(failed ? 1 : 0);
