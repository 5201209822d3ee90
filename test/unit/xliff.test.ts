import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { afterEach, describe, expect, it } from 'vitest';
import { copyOfProjectData, edit, projectRoot } from '../helpers/project';
import { seedLocales } from '../helpers/seeds';

let root = '';
afterEach(() => {
	if (root) rmSync(root, { recursive: true, force: true });
	root = '';
});
const xliff = (cwd: string, ...args: string[]) => spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/i18n-xliff.ts'), ...args], { cwd, encoding: 'utf8' });
const localeFiles = (scratch: string, locale: string) =>
	Object.fromEntries(
		readdirSync(join(scratch, 'locales', locale))
			.sort()
			.map((name) => [name, readFileSync(join(scratch, 'locales', locale, name), 'utf8')]),
	);

describe('XLIFF 2.0 exchange with CAT tools', () => {
	it.each(seedLocales)('%s: export → import gives back the locale files byte for byte', (locale) => {
		root = copyOfProjectData();
		const before = localeFiles(root, locale);
		expect(xliff(root, 'export', '--lang', locale, '--out', join(root, 'out.xlf')).status).toBe(0);
		const result = xliff(root, 'import', join(root, 'out.xlf'), '--lang', locale);
		expect(result.status, result.stderr).toBe(0);
		expect(result.stdout).toContain('0 strings changed');
		expect(localeFiles(root, locale)).toEqual(before);
	});

	it('segments carry the English, the translation, its state, and notes for context', () => {
		const xml = xliff(projectRoot, 'export', '--lang', 'de').stdout;
		const document = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (name) => ['file', 'unit', 'note'].includes(name) }).parse(xml) as {
			xliff: {
				'@version': string;
				'@srcLang': string;
				'@trgLang': string;
				file: { '@id': string; unit: { '@id': string; notes?: { note: { '@category': string; '#text': string }[] }; segment: { '@state': string; '@subState': string; source: string; target: string } }[] }[];
			};
		};
		expect(document.xliff).toMatchObject({ '@version': '2.0', '@srcLang': 'en', '@trgLang': 'de' });
		expect(document.xliff.file.map((file) => file['@id'])).toEqual(['amazon-api-key', 'store-integration']);
		const unit = document.xliff.file[0]!.unit.find((candidate) => candidate['@id'] === 'steps.save-config.text')!;
		expect(unit.segment).toMatchObject({ '@state': 'reviewed', '@subState': 'walkthroughs:post-edited', source: 'Click [!UICONTROL Save Config]. You can now go back to Amazon Sales Channel.' });
		expect(unit.notes!.note.map((note) => note['#text'])).toContain('Step 8 of 9 (step id save-config)');
		const signIn = document.xliff.file[0]!.unit.find((candidate) => candidate['@id'] === 'steps.sign-in.signed-in')!;
		expect(signIn.notes!.note.find((note) => note['@category'] === 'format')!['#text']).toContain("These stay English in your language's product: API Portal, My Account.");
		const human = document.xliff.file[1]!.unit[0]!;
		expect(human.segment).toMatchObject({ '@state': 'final', '@subState': 'walkthroughs:human' });
	});

	it('a target edited in the CAT tool is imported, post-edited, translated from the English it showed; its machine text is kept', () => {
		root = copyOfProjectData();
		xliff(root, 'export', '--lang', 'nl', '--out', join(root, 'nl.xlf'));
		edit(root, 'nl.xlf', '<target>Klik op [!UICONTROL Save Config]. U kunt nu teruggaan naar Amazon Sales Channel.</target>', '<target>Klik op [!UICONTROL Save Config]. Daarna kunt u teruggaan naar Amazon Sales Channel.</target>');
		const result = xliff(root, 'import', join(root, 'nl.xlf'), '--lang', 'nl');
		expect(result.stdout).toContain('1 strings changed: steps.save-config.text');
		const texts = JSON.parse(readFileSync(join(root, 'locales/nl/amazon-api-key.json'), 'utf8')) as { steps: Record<string, Record<string, string>> };
		expect(texts.steps['save-config']!.text).toBe('Klik op [!UICONTROL Save Config]. Daarna kunt u teruggaan naar Amazon Sales Channel.');
		const origin = JSON.parse(readFileSync(join(root, 'locales/nl/amazon-api-key.origin.json'), 'utf8')) as Record<string, { state: string; machine?: string; source: string }>;
		const committed = JSON.parse(readFileSync(join(projectRoot, 'locales/nl/amazon-api-key.origin.json'), 'utf8')) as Record<string, { machine?: string }>;
		expect(origin['steps.save-config.text']).toMatchObject({ state: 'post-edited', source: 'Click [!UICONTROL Save Config]. You can now go back to Amazon Sales Channel.', machine: committed['steps.save-config.text']!.machine });
	});

	it('a broken segment is refused with its id, and nothing is written', () => {
		root = copyOfProjectData();
		xliff(root, 'export', '--lang', 'fr', '--out', join(root, 'fr.xlf'));
		const before = localeFiles(root, 'fr');
		edit(root, 'fr.xlf', '<target>Cliquez sur [!UICONTROL Save Config].', '<target>Cliquez sur **[!UICONTROL Save Config]**.');
		const result = xliff(root, 'import', join(root, 'fr.xlf'), '--lang', 'fr');
		expect(result.status).not.toBe(0);
		expect(result.stderr).toContain('amazon-api-key steps.save-config.text: "**" would show as text');
		expect(localeFiles(root, 'fr')).toEqual(before);
	});

	it('a unit the procedure does not have, or XML that is not XLIFF, is refused', () => {
		root = copyOfProjectData();
		xliff(root, 'export', '--lang', 'it', '--out', join(root, 'it.xlf'));
		edit(root, 'it.xlf', '<unit id="steps.save-config.text">', '<unit id="steps.save-configuration.text">');
		expect(xliff(root, 'import', join(root, 'it.xlf'), '--lang', 'it').stderr).toContain('amazon-api-key steps.save-configuration.text: no string of the procedure has this id');
		writeFileSync(join(root, 'broken.xlf'), '<xliff version="2.0"><file id="amazon-api-key"><unit id="title">');
		expect(xliff(root, 'import', join(root, 'broken.xlf'), '--lang', 'it').stderr).toContain('document: not well-formed XML');
	});
});
