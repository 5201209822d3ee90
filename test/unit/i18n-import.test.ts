import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importLocale, type ImportResult } from '../../src/importer/import-locale';
import { readProcedures } from '../../src/model/read-procedures';
import { copyOfProjectData, projectRoot, readJson } from '../helpers/project';
import { seedLocales } from '../helpers/seeds';

const [procedure] = readProcedures(projectRoot);
const seedFile = (locale: string) => `test/fixtures/seeds/${locale}.md`;
const localeFile = (locale: string) => `locales/${locale}/amazon-api-key.json`;

function importSeed(locale: string, markdown = readFileSync(join(projectRoot, seedFile(locale)), 'utf8'), existing: Record<string, unknown> | undefined = readJson(projectRoot, localeFile(locale))): ImportResult {
	return importLocale({
		markdown,
		file: seedFile(locale),
		locale,
		procedure: procedure!,
		english: readJson(projectRoot, localeFile('en')),
		englishGlossary: readJson(projectRoot, 'locales/en/glossary.json') as Record<string, string>,
		existing,
	});
}

/** "kind key" of each finding, to compare with the known defects of the seeds. */
const findings = (result: ImportResult, kind: string) => result.findings.filter((finding) => finding.kind === kind).map((finding) => finding.key);

describe.each(seedLocales)('importing the %s seed', (locale) => {
	const result = importSeed(locale);

	it('reproduces the committed locale file byte for byte', () => {
		expect(result.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
		expect(`${JSON.stringify(result.data, null, 2)}\n`).toBe(readFileSync(join(projectRoot, localeFile(locale)), 'utf8'));
	});

	it('reports every finding with the seed file and line', () => {
		const lines = readFileSync(join(projectRoot, seedFile(locale)), 'utf8').split('\n');
		for (const finding of result.findings) {
			expect(finding.file).toBe(seedFile(locale));
			expect(finding.line, finding.message).toBeGreaterThan(0);
			expect(lines[finding.line! - 1]!.trim(), finding.message).not.toBe('');
		}
	});
});

describe('the importer reports each known defect of the seeds (../shared/reference/seed-defects.md)', () => {
	const results = Object.fromEntries(seedLocales.map((locale) => [locale, importSeed(locale)]));
	const stepNumbers = (result: ImportResult, kind: string) =>
		[...new Set(findings(result, kind).map((key) => procedure!.data.steps.findIndex((step) => key?.startsWith(`steps.${step.id}.`)) + 1))].sort((a, b) => a - b);

	it('1. emphasis glued to text, in exactly the steps the defect list names', () => {
		expect(stepNumbers(results['zh-TW']!, 'glued-emphasis')).toEqual([2, 3, 4, 5, 6, 9]);
		expect(stepNumbers(results.de!, 'glued-emphasis')).toEqual([2, 3, 4, 5, 6, 9]);
		expect(stepNumbers(results.it!, 'glued-emphasis')).toEqual([3, 4, 5, 6]);
		expect(stepNumbers(results.fr!, 'glued-emphasis')).toEqual([3, 4, 5, 6]);
		expect(stepNumbers(results.nl!, 'glued-emphasis')).toEqual([2, 3, 4, 5, 6, 9]);
	});

	it('2. translated markup, and attribute blocks with entity quotes', () => {
		expect(findings(results.de!, 'translated-markup')).toEqual(['steps.sign-in.branches.no-account']);
		for (const locale of ['zh-TW', 'de', 'it'] as const) {
			expect(results[locale]!.findings).toContainEqual(expect.objectContaining({ kind: 'entity', key: 'steps.sign-in.branches.no-account', message: expect.stringContaining('&quot;') }));
		}
	});

	it('3. the garbled closing line in it, zh-TW, nl and de', () => {
		expect(findings(results.it!, 'garbled-closing')).toEqual(['next.link']);
		expect(findings(results['zh-TW']!, 'garbled-closing')).toEqual(['next.icon']);
		expect(findings(results.nl!, 'garbled-closing')).toEqual(['next.link']);
		expect(findings(results.de!, 'next-title')).toEqual(['next.link']);
		expect(findings(results.fr!, 'garbled-closing')).toEqual([]);
		expect(findings(results.fr!, 'next-title')).toEqual([]);
	});

	it('4. emphasis moved onto the wrong words in nl step 9', () => {
		expect(findings(results.nl!, 'emphasis')).toEqual(['steps.verify.notes.prompted-again']);
	});

	it('5. the broken sentence of de step 3 (a space before the comma) and its bullets glued to labels', () => {
		expect(findings(results.de!, 'spacing')).toContain('steps.sign-in.text');
		expect(findings(results.de!, 'glued-emphasis')).toEqual(expect.arrayContaining(['steps.sign-in.branches.signed-in', 'steps.sign-in.branches.not-signed-in']));
	});

	it('6. spaces inside link brackets and around images in nl', () => {
		expect(findings(results.nl!, 'link-spacing')).toEqual(['steps.sign-in.branches.no-account', 'steps.sign-in.branches.no-account', 'intro.checked']);
		expect(findings(results.nl!, 'image-spacing')).toEqual(['steps.open-channel.image', 'steps.generate-key.image', 'steps.save-config.image']);
	});

	it('7. zh-TW, de and it translated from the older revision: log-in and generate-key are stale', () => {
		for (const locale of ['zh-TW', 'de', 'it'] as const) expect(findings(results[locale]!, 'stale')).toEqual(['steps.log-in', 'steps.generate-key']);
		for (const locale of ['fr', 'nl'] as const) expect(findings(results[locale]!, 'stale')).toEqual([]);
	});

	it('8. every step names the same UI controls in all five files', () => {
		for (const locale of seedLocales) expect(findings(results[locale]!, 'ui-controls')).toEqual([]);
	});
});

describe('an import that cannot be mapped', () => {
	const markdown = readFileSync(join(projectRoot, seedFile('de')), 'utf8');

	it('a step too few: an error and no file', () => {
		const result = importSeed('de', markdown.replace(/^1\. Kehren Sie.*\n/m, ''));
		expect(result.data).toBeUndefined();
		expect(result.findings).toContainEqual(expect.objectContaining({ severity: 'error', kind: 'structure', message: 'the page has 8 numbered steps, the step schema 9: steps cannot be matched to their ids' }));
	});

	it('a UI control that does not belong to its step', () => {
		const result = importSeed('de', markdown.replace('Kopierten Schlüssel einfügen für **[!UICONTROL Production Api key]**', 'Kopierten Schlüssel einfügen für **[!UICONTROL Save Config]**'));
		expect(result.data).toBeUndefined();
		expect(result.findings).toContainEqual(expect.objectContaining({ severity: 'error', kind: 'ui-controls', key: 'steps.paste-key', line: 52 }));
	});

	describe('npm run i18n:import', () => {
		let root = '';
		afterEach(() => rmSync(root, { recursive: true, force: true }));
		const run = (cwd: string, ...args: string[]) => spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/i18n-import.ts'), ...args], { cwd, encoding: 'utf8' });

		it('leaves the locale file untouched when the import fails', () => {
			root = copyOfProjectData();
			const before = readFileSync(join(root, localeFile('de')), 'utf8');
			const broken = join(root, 'broken.md');
			writeFileSync(broken, markdown.replace(/^1\. Kehren Sie.*\n/m, ''));
			const result = run(root, broken, '--lang', 'de');
			expect(result.status).toBe(1);
			expect(result.stdout).toContain('not written: 1 error, locales/de/amazon-api-key.json is unchanged');
			expect(readFileSync(join(root, localeFile('de')), 'utf8')).toBe(before);
		});

		it('writes the locale file when it can, and reports the defects', () => {
			root = copyOfProjectData();
			rmSync(join(root, localeFile('nl')));
			const result = run(root, join(projectRoot, seedFile('nl')), '--lang', 'nl');
			expect(result.status).toBe(0);
			expect(result.stdout).toContain('wrote locales/nl/amazon-api-key.json');
			expect(result.stdout).toMatch(/nl\.md:\d+ warning \[nl\] steps\.verify\.notes\.prompted-again: emphasis ends in the short word "en"/);
			expect(readFileSync(join(root, localeFile('nl')), 'utf8')).toBe(readFileSync(join(projectRoot, localeFile('nl')), 'utf8'));
		});
	});
});
