import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { jsonText } from '../importer/write';
import { localeFile, readContent } from '../model/content';
import { localeByCode, sourceLocale } from '../model/locales';
import { originFile } from '../model/origin';
import { formatProblem } from '../model/problems';
import { lintLocales } from '../translation/lint-locales';
import { exportXliff, importXliff } from '../translation/xliff';

// npm run i18n:xliff -- export --lang <lang> [--out <file.xlf>]
// npm run i18n:xliff -- import <file.xlf> --lang <lang> [--dry-run]
const { values, positionals } = parseArgs({ allowPositionals: true, options: { lang: { type: 'string' }, out: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
const root = process.cwd();
const fail = (message: string): never => {
	console.error(`i18n:xliff: ${message}`);
	process.exit(2);
};
const [command, file] = positionals;
const locale = localeByCode(values.lang ?? '') ?? fail(`--lang must be one of the site's languages, not "${values.lang ?? ''}"`);
if (locale === sourceLocale) fail('English is the source: export a translation');
const { content, problems } = readContent(root);
if (problems.some((problem) => problem.severity === 'error'))
	fail(
		`the locale files have errors: run npm run i18n:check first\n${problems
			.filter((problem) => problem.severity === 'error')
			.map(formatProblem)
			.join('\n')}`,
	);

if (command === 'export') {
	const xml = exportXliff(content, locale);
	if (values.out) {
		writeFileSync(values.out, xml);
		console.log(`wrote ${values.out}`);
	} else process.stdout.write(xml);
} else if (command === 'import') {
	const xml = readFileSync(file ?? fail('which file? npm run i18n:xliff -- import <file.xlf> --lang <lang>'), 'utf8');
	const result = importXliff(content, locale, xml);
	if (result.problems.length > 0) {
		for (const problem of result.problems) console.error(`${file}: ${problem.where}: ${problem.message}`);
		fail('nothing written');
	}
	// The same checks as npm run i18n:check, on a copy with the new files in place.
	const scratch = mkdtempSync(join(tmpdir(), 'walkthroughs-xliff-'));
	try {
		for (const dir of ['content', 'locales']) cpSync(join(root, dir), join(scratch, dir), { recursive: true });
		for (const { procedureId, texts, origin } of result.files) {
			writeFileSync(join(scratch, localeFile(locale.code, procedureId)), jsonText(texts));
			writeFileSync(join(scratch, originFile(locale.code, procedureId)), jsonText(origin));
		}
		const errors = lintLocales(scratch).problems.filter((problem) => problem.severity === 'error' && problem.locale === locale.code);
		if (errors.length > 0) {
			for (const problem of errors) console.error(`${file}: ${problem.file.replace(/^locales\/[^/]+\/|\.json$/g, '').replace('.origin', '')} ${problem.key ?? ''}: ${problem.message}`);
			fail(`${errors.length} segment${errors.length === 1 ? '' : 's'} would not pass npm run i18n:check: nothing written`);
		}
	} finally {
		rmSync(scratch, { recursive: true, force: true });
	}
	if (values['dry-run']) console.log(`would write ${result.files.length} files; ${result.changed.length} strings changed (dry run)`);
	else {
		for (const { procedureId, texts, origin } of result.files) {
			writeFileSync(join(root, localeFile(locale.code, procedureId)), jsonText(texts));
			writeFileSync(join(root, originFile(locale.code, procedureId)), jsonText(origin));
		}
		console.log(`${result.changed.length} strings changed: ${result.changed.join(', ') || 'none'}`);
	}
} else {
	fail('export or import? npm run i18n:xliff -- export --lang de, npm run i18n:xliff -- import file.xlf --lang de');
}
