import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jsonText } from '../importer/write';
import { localeFile, readContent } from '../model/content';
import { localeByCode, sourceLocale } from '../model/locales';
import { compareWithPack, readLanguagePack } from '../translation/language-pack';

// npm run i18n:glossary -- <language-pack.csv> --lang <lang> [--write]
// Compares the glossary with a Magento language pack (the Admin's own translations); --write adds
// the labels the glossary lacks. It never changes a label a translator chose.
const { values, positionals } = parseArgs({ allowPositionals: true, options: { lang: { type: 'string' }, write: { type: 'boolean' } } });
const fail = (message: string): never => {
	console.error(`i18n:glossary: ${message}`);
	process.exit(2);
};
const locale = localeByCode(values.lang ?? '') ?? fail(`--lang must be one of the site's languages, not "${values.lang ?? ''}"`);
if (locale === sourceLocale) fail('English is the source: compare a translation');
const file = positionals[0] ?? fail('which language pack? npm run i18n:glossary -- path/to/de_DE.csv --lang de');
const root = process.cwd();
const { rows, problems } = readLanguagePack(readFileSync(file, 'utf8'));
for (const problem of problems) console.error(`${file}: ${problem}`);
const { content } = readContent(root);
const findings = compareWithPack(content, locale, rows);

for (const finding of findings) {
	if (finding.kind === 'missing') console.log(`${finding.id}: not in the glossary; the pack shows "${finding.proposed}" for "${finding.english}" (${finding.module})${values.write ? ': added' : ''}`);
	if (finding.kind === 'differs') console.log(`${finding.id}: the glossary says "${finding.ours}"; the pack shows ${finding.pack.map((entry) => `"${entry.translation}" (${entry.module})`).join(' or ')} for "${finding.english}"`);
	if (finding.kind === 'not-in-pack' && finding.ours !== undefined && finding.ours !== finding.english)
		console.log(`${finding.id}: the pack does not translate "${finding.english}", so this Admin shows it in English; the glossary says "${finding.ours}"`);
}
const same = findings.filter((finding) => finding.kind === 'same').length;
console.log(
	`\n${same} of ${findings.length} Commerce Admin labels agree with the pack; ${findings.filter((finding) => finding.kind === 'differs').length} differ, ${findings.filter((finding) => finding.kind === 'missing').length} missing, ${findings.filter((finding) => finding.kind === 'not-in-pack').length} not in the pack.`,
);
if (values.write) {
	const glossary = { ...content.words[locale.code].glossary };
	for (const finding of findings) if (finding.kind === 'missing') glossary[finding.id] = finding.proposed;
	writeFileSync(join(root, localeFile(locale.code, 'glossary')), jsonText(glossary));
}
process.exit(problems.length > 0 ? 1 : 0);
