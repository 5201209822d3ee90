import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { importTranslation, type TranslationImport } from '../../src/importer/translation';
import { loadContent } from '../../src/model/check';
import { stepsOf } from '../../src/model/procedure';
import { textEntries } from '../../src/model/texts';
import { copyOfProjectData, projectRoot } from '../helpers/project';
import { seedLocales } from '../helpers/seeds';
import { importedSampleGuide, sampleFile } from '../helpers/sample-guide';

const content = loadContent(projectRoot);
const seedFile = (locale: string) => `test/fixtures/seeds/${locale}.md`;
const localeFile = (locale: string, id = 'amazon-api-key') => `locales/${locale}/${id}.json`;

function importInto(id: string, locale: string, file: string, markdown = readFileSync(join(projectRoot, file), 'utf8'), project = content, withExisting = true): TranslationImport {
	const procedure = project.procedures.find((entry) => entry.id === id)!;
	return importTranslation({
		markdown,
		file,
		locale,
		procedure,
		english: project.words.en.procedures[id]!,
		englishGlossary: project.words.en.glossary,
		...(withExisting && { existing: project.words[locale as 'de'].procedures[id], existingOrigin: project.words[locale as 'de'].origins[id] }),
	});
}

/** A seed imported as if for the first time (no translation there yet). */
const importSeed = (locale: string, markdown?: string) => importInto('amazon-api-key', locale, seedFile(locale), markdown, content, false);
/** The keys of the findings of one kind. */
const findings = (result: TranslationImport, kind: string) => result.report.findings.filter((finding) => finding.kind === kind).map((finding) => finding.key);

describe.each(seedLocales)('importing the %s seed', (locale) => {
	const result = importSeed(locale);

	it('gives the machine text that the committed translation keeps beside each post-edited string', () => {
		expect(result.report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
		const origin = content.words[locale].origins['amazon-api-key']!;
		for (const [key, text] of textEntries(result.texts!)) expect(origin[key]?.machine, key).toBe(text);
		expect(Object.values(result.origin!).every((entry) => entry.state === 'machine')).toBe(true);
	});

	it('imported again over the post-edited translation, keeps every post-edited string and offers the machine text beside it', () => {
		const again = importInto('amazon-api-key', locale, seedFile(locale));
		expect(`${JSON.stringify(again.texts, null, 2)}\n`).toBe(readFileSync(join(projectRoot, localeFile(locale)), 'utf8'));
		expect(again.origin).toEqual(content.words[locale].origins['amazon-api-key']);
		const kept = again.report.findings.filter((finding) => finding.kind === 'kept');
		expect(kept.length).toBeGreaterThan(0);
		expect(kept[0]!.message).toContain('the new machine translation is');
	});

	it('accounts for every line of the page, and reports every finding on a line with words', () => {
		const lines = readFileSync(join(projectRoot, seedFile(locale)), 'utf8').split('\n');
		expect(result.report.lines).toHaveLength(lines.length);
		result.report.lines.forEach((fate, index) => {
			if (lines[index]!.trim() === '') expect(['blank', 'front-matter']).toContain(fate.kind);
			else expect(fate.kind, `line ${index + 1}: ${lines[index]}`).not.toBe('blank');
		});
		for (const finding of result.report.findings) expect(lines[finding.line - 1]!.trim(), finding.message).not.toBe('');
		// The nine steps each went to their own key.
		for (const step of stepsOf(content.procedures[0]!.data)) {
			expect(result.report.lines.some((fate) => fate.kind === 'text' && fate.keys.includes(`steps.${step.id}.text`))).toBe(true);
		}
	});
});

describe('the importer reports each known defect of the seeds (seed-defects)', () => {
	const results = Object.fromEntries(seedLocales.map((locale) => [locale, importSeed(locale)]));
	const steps = stepsOf(content.procedures[0]!.data);
	const stepNumbers = (result: TranslationImport, kind: string) => [...new Set(findings(result, kind).map((key) => steps.findIndex((step) => key?.startsWith(`steps.${step.id}.`)) + 1))].sort((a, b) => a - b);

	it('1. emphasis glued to text, in exactly the steps the defect list names', () => {
		expect(stepNumbers(results['zh-TW']!, 'glued-emphasis')).toEqual([2, 3, 4, 5, 6, 9]);
		expect(stepNumbers(results.de!, 'glued-emphasis')).toEqual([2, 3, 4, 5, 6, 9]);
		expect(stepNumbers(results.it!, 'glued-emphasis')).toEqual([3, 4, 5, 6]);
		expect(stepNumbers(results.fr!, 'glued-emphasis')).toEqual([3, 4, 5, 6]);
		expect(stepNumbers(results.nl!, 'glued-emphasis')).toEqual([2, 3, 4, 5, 6, 9]);
	});

	it('2. translated markup, and attribute blocks with entity quotes', () => {
		expect(findings(results.de!, 'translated-markup')).toEqual(['steps.sign-in.no-account']);
		for (const locale of ['zh-TW', 'de', 'it'] as const) {
			expect(results[locale]!.report.findings).toContainEqual(expect.objectContaining({ kind: 'entity', key: 'steps.sign-in.no-account', message: expect.stringContaining('&quot;') }));
		}
	});

	it('3. the garbled closing line in it, zh-TW, nl and de', () => {
		expect(findings(results.it!, 'garbled-closing')).toEqual(['next.link']);
		// The Chinese icon text and link text run into each other; a split a translator made is kept.
		expect(findings(results['zh-TW']!, 'garbled-closing')).toEqual([]);
		const procedure = content.procedures.find((entry) => entry.id === 'amazon-api-key')!;
		const split = importTranslation({
			markdown: readFileSync(join(projectRoot, seedFile('zh-TW')), 'utf8'),
			file: seedFile('zh-TW'),
			locale: 'zh-TW',
			procedure,
			english: content.words.en.procedures['amazon-api-key']!,
			englishGlossary: content.words.en.glossary,
			existing: { ...results['zh-TW']!.texts!, next: { icon: '下一個圖示', link: '繼續儲存整合' } },
		});
		expect(findings(split, 'garbled-closing')).toEqual(['next.icon']);
		expect(split.texts!.next).toEqual({ icon: '下一個圖示', link: '繼續儲存整合' });
		expect(findings(results.nl!, 'garbled-closing')).toEqual(['next.link']);
		expect(findings(results.de!, 'next-title')).toEqual(['next.link']);
		expect(findings(results.fr!, 'garbled-closing')).toEqual([]);
		expect(findings(results.fr!, 'next-title')).toEqual([]);
	});

	it('4. emphasis moved onto the wrong words in nl step 9', () => {
		expect(findings(results.nl!, 'emphasis')).toEqual(['steps.verify.prompted-again']);
	});

	it('5. the broken sentence of de step 3 (a space before the comma) and its bullets glued to labels', () => {
		expect(findings(results.de!, 'spacing')).toContain('steps.sign-in.text');
		expect(findings(results.de!, 'glued-emphasis')).toEqual(expect.arrayContaining(['steps.sign-in.signed-in', 'steps.sign-in.not-signed-in']));
	});

	it('6. spaces inside link brackets and around images in nl', () => {
		expect(findings(results.nl!, 'link-spacing')).toEqual(['intro.checked', 'steps.sign-in.no-account', 'steps.sign-in.no-account']);
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

describe('a seed that cannot be matched to the schema', () => {
	const markdown = readFileSync(join(projectRoot, seedFile('de')), 'utf8');

	it('a step too few: an error on the line of the steps, and no file', () => {
		const result = importSeed('de', markdown.replace(/^1\. Kehren Sie.*\n/m, ''));
		expect(result.texts).toBeUndefined();
		expect(result.report.findings).toContainEqual(
			expect.objectContaining({ severity: 'error', kind: 'structure', line: 22, message: expect.stringContaining('the page has 8 numbered steps, the English 9, so steps cannot be matched to their ids') }),
		);
	});

	it('a UI control that does not belong to its step', () => {
		const result = importSeed('de', markdown.replace('Kopierten Schlüssel einfügen für **[!UICONTROL Production Api key]**', 'Kopierten Schlüssel einfügen für **[!UICONTROL Save Config]**'));
		expect(result.texts).toBeUndefined();
		expect(result.report.findings).toContainEqual(expect.objectContaining({ severity: 'error', kind: 'ui-controls', key: 'steps.paste-key', line: 52 }));
	});

	it('a translation of another page (its exl-id): refused before anything is read', () => {
		const result = importSeed('de', markdown.replace('exl-id: 2257b64d-309d-4efd-ba79-6e0cdeed63cb', 'exl-id: 48637446-e36b-4d3a-913b-e05f1b83bc90'));
		expect(result.texts).toBeUndefined();
		expect(result.report.findings).toEqual([expect.objectContaining({ severity: 'error', kind: 'exl-id', line: 4, message: expect.stringContaining('is not a translation of amazon-api-key') })]);
	});

	it('a revision the schema does not list: kept, with a warning, not refused', () => {
		const result = importSeed('de', markdown.replace('2c753ec5f6f4cd509e61b4875e09e9a1a2577ee7', 'abcdef0123456789abcdef0123456789abcdef01'));
		expect(result.texts?.revision).toBe('abcdef0123456789abcdef0123456789abcdef01');
		expect(findings(result, 'revision')).toHaveLength(1);
	});
});

describe('Store integration: our own translations import to the committed files', () => {
	it.each(seedLocales)('%s', (locale) => {
		const file = `test/fixtures/exl/amazon-sales-channel/${locale}/store-integration.md`;
		const result = importInto('store-integration', locale, file);
		expect(result.report.findings.filter((finding) => finding.severity !== 'warning' || finding.kind !== 'revision')).toEqual([]);
		expect(`${JSON.stringify(result.texts, null, 2)}\n`).toBe(readFileSync(join(projectRoot, localeFile(locale, 'store-integration')), 'utf8'));
		expect(Object.values(result.origin!).every((entry) => entry.state === 'human')).toBe(true);
	});
});

describe('translations of the sample guide, with machine-translation defects', () => {
	const guide = importedSampleGuide();
	const importSample = (locale: string, dir: string, page: string) => importInto(page, locale, sampleFile(dir, page), readFileSync(join(projectRoot, sampleFile(dir, page)), 'utf8'), guide.content);
	const kinds = (result: TranslationImport) => result.report.findings.filter((finding) => finding.severity !== 'note').map((finding) => `${finding.line} ${finding.severity} ${finding.kind}`);

	it('a clean German translation imports with no repair, and names what the English names in every step', () => {
		const result = importSample('de', 'de-clean', 'listing-rule');
		expect(result.texts).toBeDefined();
		// The page repeats the English page's own habits (a menu path without markers, an image between steps); nothing else.
		expect(kinds(result)).toEqual(['16 warning menu-path', '36 warning structure', '40 warning emphasis-label']);
	});

	it('German: labels translated inside a menu path and in emphasis, emphasis glued to words, entities: repaired', () => {
		const result = importSample('de', 'de', 'listing-rule');
		expect(result.texts).toBeDefined();
		expect(kinds(result)).toEqual(
			expect.arrayContaining(['16 warning translated-label', '18 warning glued-emphasis', '20 warning glued-emphasis', '36 warning entity', '40 warning translated-label', '42 warning glued-emphasis', '48 warning entity']),
		);
		expect(result.texts!.steps!['open-amazon-sales-channel']!.text).toContain('{{amazon-sales-channel}}');
		expect(result.texts!.steps!['preview-changes']!.text).toContain('[!UICONTROL Listing Preview]');
		expect(result.texts!.steps!['preview-changes']!.text).not.toContain('Auflistungsvorschau');
	});

	it('Chinese: zero-width spaces and emphasis glued to CJK text: repaired, no stray character left', () => {
		const result = importSample('zh-TW', 'zh-TW', 'listing-rule');
		expect(result.texts).toBeDefined();
		const text = JSON.stringify(result.texts);
		expect(text).not.toMatch(/\u200b|&#x200B;|\*\*|(?<!\\)_\[/);
		expect(kinds(result).filter((kind) => kind.endsWith('entity')).length).toBeGreaterThanOrEqual(5);
	});

	it('a step added by the translation: refused, naming the line of every step', () => {
		const result = importSample('de', 'de', 'store-settings');
		expect(result.texts).toBeUndefined();
		expect(result.report.findings).toContainEqual(expect.objectContaining({ severity: 'error', kind: 'structure', line: 47, message: expect.stringContaining('the page has 5 numbered steps, the English 4') }));
		expect(result.report.findings.find((finding) => finding.kind === 'structure')!.message).toContain('steps at lines 47, 49, 51, 53, 55');
		// The refused steps are accounted for by that error, not reported line by line.
		expect(findings(result, 'not-imported')).toEqual([]);
	});

	it('machine-translation residue ({, ], 2}): refused on each line it is on', () => {
		const result = importSample('nl', 'nl', 'store-settings');
		expect(result.texts).toBeUndefined();
		expect(result.report.findings.filter((finding) => finding.kind === 'mt-residue').map((finding) => finding.line)).toEqual([26, 63, 67]);
	});

	it('Chinese store settings with a table, a badge and a nested list: imported', () => {
		const result = importSample('zh-TW', 'zh-TW', 'store-settings');
		expect(result.report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
		expect(Object.keys(result.texts!.sections!['order-settings']!)).toContain('cell-3-3-applies-new-orders');
	});
});

describe('npm run i18n:import', () => {
	let root = '';
	afterEach(() => rmSync(root, { recursive: true, force: true }));
	const run = (cwd: string, ...args: string[]) => spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/i18n-import.ts'), ...args], { cwd, encoding: 'utf8' });
	const markdown = readFileSync(join(projectRoot, seedFile('de')), 'utf8');

	it('leaves the locale file untouched when the import fails', () => {
		root = copyOfProjectData();
		const before = readFileSync(join(root, localeFile('de')), 'utf8');
		const broken = join(root, 'broken.md');
		writeFileSync(broken, markdown.replace(/^1\. Kehren Sie.*\n/m, ''));
		const result = run(root, broken, '--lang', 'de');
		expect(result.status).toBe(1);
		expect(result.stdout).toContain('not written: errors, locales/de/amazon-api-key.json is unchanged');
		expect(readFileSync(join(root, localeFile('de')), 'utf8')).toBe(before);
	});

	it('imports a folder: each page into the procedure its exl-id names, and says which pages it skipped', () => {
		root = copyOfProjectData();
		rmSync(join(root, localeFile('nl', 'store-integration')));
		const result = run(root, join(projectRoot, 'test/fixtures/exl/amazon-sales-channel/nl'), '--lang', 'nl');
		expect(result.status, result.stdout + result.stderr).toBe(0);
		expect(result.stdout).toContain('wrote locales/nl/store-integration.json');
		// All but the texts of the figure drawn in add-amazon-store: no page has them, a translator adds them.
		const committed = JSON.parse(readFileSync(join(projectRoot, localeFile('nl', 'store-integration')), 'utf8'));
		delete committed.steps['add-amazon-store'].screen;
		delete committed.steps['add-amazon-store'].form;
		expect(readFileSync(join(root, localeFile('nl', 'store-integration')), 'utf8')).toBe(`${JSON.stringify(committed, null, 2)}\n`);
		const skipped = run(root, join(projectRoot, 'test/fixtures/exl/sample-guide/nl'), '--lang', 'nl');
		expect(skipped.stdout).toContain('skipped: no procedure follows this page (exl-id 48637446-e36b-4d3a-913b-e05f1b83bc90)');
	});
});
