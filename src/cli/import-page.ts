import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, dirname, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readContent, localeFile } from '../model/content';
import { sourceLocale } from '../model/locales';
import { importEnglish, type EnglishImport } from '../importer/english';
import { formatReport } from '../importer/report';
import { addControls, writeProcedure } from '../importer/write';
import { failWith, pagesOf } from './page-arguments';

// npm run import:page -- <page.md | folder> [--guide <id>] [--id <procedure-id>] [--revision <commit>] [--dry-run] [--json]
const { values, positionals } = parseArgs({
	allowPositionals: true,
	options: { guide: { type: 'string' }, id: { type: 'string' }, revision: { type: 'string' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
});
const root = process.cwd();
const fail = failWith('import:page');

const target = positionals[0] ?? fail('which page? npm run import:page -- <page.md | folder> [--guide <id>]');
const pages = pagesOf(target, fail);
if (values.id && pages.length > 1) fail('--id names one procedure: import a folder without it (each page gets its file name)');

const { content } = readContent(root);
const guides = Object.keys(content.guides);
const guide = values.guide ?? (guides.length === 1 ? guides[0]! : fail(`--guide must say which guide the pages belong to: ${guides.join(', ') || 'add one in content/guides/'}`));
if (!Object.hasOwn(content.guides, guide)) fail(`--guide ${guide}: there is no content/guides/${guide}.yaml`);

/** The page's last commit, when it is in a git checkout. */
function gitRevision(file: string): string | undefined {
	try {
		return execFileSync('git', ['log', '-1', '--format=%H', '--', basename(file)], { cwd: dirname(file), encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
	} catch {
		return undefined;
	}
}

let glossary = { ...content.words[sourceLocale.code].glossary };
const uiControls = { places: content.uiControls.places, controls: { ...content.uiControls.controls } };
const results: { file: string; outcome: string; written: string[]; result: EnglishImport }[] = [];
let failed = false;
for (const file of pages) {
	const markdown = readFileSync(file, 'utf8');
	const exlId = markdown.match(/^exl-id:\s*(\S+)/m)?.[1];
	const earlier = content.procedures.find((procedure) => exlId && procedure.data.source?.exlId === exlId);
	const id = earlier?.id ?? values.id ?? basename(file, '.md');
	if (earlier?.data.source?.english === 'own') {
		console.log(`${relative(root, file)}: not imported: the English text of ${earlier.id} is our own wording (source.english: own in content/procedures/${earlier.id}.yaml)`);
		continue;
	}
	const texts = earlier && content.words[sourceLocale.code].procedures[earlier.id];
	const result = importEnglish({
		markdown,
		file: relative(root, file),
		id,
		guide,
		revision: values.revision ?? gitRevision(file),
		earlier: earlier && texts ? { procedure: earlier, texts } : undefined,
		glossary,
		uiControls,
		knownPages: new Set([...Object.keys(content.guides[guide]!.pages), ...content.procedures.flatMap((procedure) => (procedure.data.source?.guide === guide ? [procedure.data.source.file] : []))]),
	});
	let written: string[] = [];
	let outcome: string;
	if (!result.isProcedure) outcome = 'skipped: not a procedure';
	else if (!result.procedure || !result.texts) {
		outcome = 'not written: the page has errors';
		failed = true;
	} else if (values['dry-run']) outcome = `would write ${localeFile(sourceLocale.code, id)} and content/procedures/${id}.yaml (dry run)`;
	else {
		written = [...writeProcedure(root, id, result.procedure, result.texts), ...addControls(root, result.newControls)];
		outcome = `wrote ${written.join(', ')}`;
	}
	// Later pages of a folder see the controls this one added.
	for (const control of result.newControls) {
		glossary = { ...glossary, [control.id]: control.label };
		uiControls.controls[control.id] = control.place;
	}
	results.push({ file: relative(root, file), outcome, written, result });
}

if (values.json) {
	console.log(
		JSON.stringify(
			results.map(({ file, outcome, written, result }) => ({ file, outcome, written, newControls: result.newControls, findings: result.report.findings, lines: result.report.lines })),
			null,
			2,
		),
	);
} else {
	for (const { file, outcome, result } of results) {
		const count = (severity: string) => result.report.findings.filter((finding) => finding.severity === severity).length;
		console.log(`${file}: ${outcome}`);
		for (const line of formatReport(result.report)) console.log(line);
		console.log(`  ${count('warning')} warnings, ${count('error')} errors, ${count('note')} notes\n`);
	}
}
process.exit(failed ? 1 : 0);
