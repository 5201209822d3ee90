import { readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent, loadContent } from '../../src/model/check';
import { readContent } from '../../src/model/content';
import { formatProblem, type Problem } from '../../src/model/problems';
import { buildProcedureView } from '../../src/view/procedure-view';
import { copyOfProjectData, edit, lineOf, problemsOf, projectRoot } from '../helpers/project';

/** Everything reading and checking the scratch copy finds, warnings too. */
function findingsOf(scratch: string): Problem[] {
	const { content, problems } = readContent(scratch);
	return [...problems, ...checkContent(content)];
}

describe('loadContent on the project data', () => {
	it('accepts it with neither errors nor warnings', () => {
		expect(findingsOf(projectRoot).map(formatProblem)).toEqual([]);
		const content = loadContent(projectRoot);
		expect(Object.keys(content.words)).toEqual(['en', 'zh-TW', 'de', 'it', 'fr', 'nl']);
		expect(Object.keys(content.words.de.procedures)).toContain('amazon-api-key');
	});
});

describe('loadContent stops on bad data and says file, line, locale and key', () => {
	let root: string;
	afterEach(() => rmSync(root, { recursive: true, force: true }));
	const procedureFile = (locale: string) => `locales/${locale}/amazon-api-key.json`;

	it('invalid JSON: the line and column of the syntax error', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('de'), '"text": "Fügen Sie den kopierten Schlüssel in das Feld [!UICONTROL Production Api key] ein."', '"text": "Fügen Sie den kopierten Schlüssel in das Feld [!UICONTROL Production Api key] ein.",');
		const line = lineOf(root, procedureFile('de'), 'Fügen Sie den kopierten Schlüssel');
		const [problem] = problemsOf(root);
		expect(problem).toMatchObject({ file: procedureFile('de'), locale: 'de', line: line + 1 });
		expect(formatProblem(problem!)).toMatch(/^locales\/de\/amazon-api-key\.json:\d+:\d+ error \[de\]: invalid JSON: a key in double quotes is expected/);
	});

	it('a missing English step text is an error', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('en'), /"paste-key": \{\n\s*"text": "[^"]*"\n\s*\}/, '"paste-key": {}');
		expect(problemsOf(root)).toContainEqual({
			severity: 'error',
			file: procedureFile('en'),
			line: lineOf(root, procedureFile('en'), '"paste-key"'),
			locale: 'en',
			key: 'steps.paste-key.text',
			message: 'missing',
			kind: 'missing-key',
		});
	});

	it('a step text not translated yet is a warning, and the page shows the English text marked as English', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('fr'), /"paste-key": \{\n\s*"text": "[^"]*"\n\s*\}/, '"paste-key": {}');
		expect(findingsOf(root)).toContainEqual(expect.objectContaining({ severity: 'warning', kind: 'untranslated', locale: 'fr', key: 'steps.paste-key.text', line: lineOf(root, procedureFile('fr'), '"paste-key"') }));
		const content = loadContent(root);
		const view = buildProcedureView(content, content.procedures[0]!, 'fr');
		const step = view.steps.find((candidate) => candidate.id === 'paste-key')!;
		expect(step.text.lang).toBe('en');
		expect(step.title).toBe('Paste the copied key into Production Api key.');
		expect(view.steps.find((candidate) => candidate.id === 'save-config')!.text.lang).toBeUndefined();
	});

	it('a procedure with no translation file yet is shown in English, with a notice', () => {
		root = copyOfProjectData();
		unlinkSync(join(root, procedureFile('nl')));
		expect(findingsOf(root)).toContainEqual(expect.objectContaining({ severity: 'warning', kind: 'untranslated', file: procedureFile('nl'), locale: 'nl' }));
		const content = loadContent(root);
		const view = buildProcedureView(content, content.procedures[0]!, 'nl');
		expect(view.untranslated).toBe(true);
		expect(view.steps.every((step) => step.text.lang === 'en')).toBe(true);
	});

	it('a UI label that is not in the glossary', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('nl'), 'Klik op [!UICONTROL Save Config]', 'Klik op [!UICONTROL Save Konfig]');
		expect(problemsOf(root)).toContainEqual(
			expect.objectContaining({
				file: procedureFile('nl'),
				line: lineOf(root, procedureFile('nl'), 'Save Konfig'),
				locale: 'nl',
				key: 'steps.save-config.text',
				message: expect.stringContaining('unknown UI control [!UICONTROL Save Konfig]'),
			}),
		);
	});

	it('a glossary without a label for a UI control (a warning: the English label is shown), or with an unknown control id', () => {
		root = copyOfProjectData();
		edit(root, 'locales/it/glossary.json', '  "save-config": "Salva configurazione",\n', '  "save-configuration": "Salva configurazione",\n');
		expect(findingsOf(root)).toContainEqual(expect.objectContaining({ severity: 'warning', kind: 'missing-label', file: 'locales/it/glossary.json', message: expect.stringContaining('no label for "save-config" (Save Config)') }));
		const problems = problemsOf(root);
		expect(problems).toContainEqual(
			expect.objectContaining({
				file: 'locales/it/glossary.json',
				line: lineOf(root, 'locales/it/glossary.json', 'save-configuration'),
				key: 'save-configuration',
				message: expect.stringContaining('unknown UI control id'),
			}),
		);
	});

	it('a step schema naming a UI control id that the English glossary lacks', () => {
		root = copyOfProjectData();
		edit(root, 'content/procedures/amazon-api-key.yaml', 'controls: [production-api-key]', 'controls: [production-api-key, test-mode]');
		expect(problemsOf(root)).toContainEqual(expect.objectContaining({ file: 'content/procedures/amazon-api-key.yaml', message: expect.stringContaining('unknown UI control id "test-mode"') }));
	});

	it('an unknown menu path, and a menu path of another step', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('de'), 'Admin] zu {{channel}}', 'Admin] zu {{kanal}}');
		edit(root, procedureFile('de'), 'zu {{configuration}}', 'zu {{channel}}');
		const messages = problemsOf(root).map((problem) => `${problem.key}: ${problem.message}`);
		expect(messages).toContain('steps.open-channel.text: unknown menu path {{kanal}}: the procedure has {{channel}}, {{configuration}}');
		expect(messages).toContain('steps.add-the-key.manual-path: menu path {{channel}} does not belong to step "add-the-key"');
	});

	it('a link to an unknown link id', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('zh-TW'), '(account-login)', '(https://account.magento.com/)');
		expect(problemsOf(root)).toContainEqual(expect.objectContaining({ locale: 'zh-TW', key: 'steps.sign-in.no-account', message: expect.stringContaining('links name a link id of the procedure') }));
	});

	it('markup that would show as stray characters', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('it'), 'Fai clic su [!UICONTROL Save Config].', 'Fai clic su&#x200B;**[!UICONTROL Save Config]**.');
		edit(root, procedureFile('it'), '(account-login) e registrati', '(account-login){target=&quot;_blank&quot;} e registrati');
		const messages = problemsOf(root).map((problem) => problem.message);
		expect(messages).toContain('HTML entity &#x200B; would show as text: type the character itself (at character 12)');
		expect(messages.some((message) => message.startsWith('"**" would show as text'))).toBe(true);
		expect(messages.some((message) => message.startsWith('attribute block {target=&quot;_blank&quot;} would show as text'))).toBe(true);
	});

	it('an empty text and a duplicated key', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('nl'), /"title": "[^"]*"/, '"title": " "');
		edit(root, 'locales/nl/site.json', '"skipLink": "Naar de inhoud",', '"skipLink": "Naar de inhoud",\n  "skipLink": "Ga naar de inhoud",');
		const problems = problemsOf(root);
		expect(problems).toContainEqual(expect.objectContaining({ file: 'locales/nl/site.json', line: 4, message: expect.stringContaining('the key "skipLink" appears twice') }));
		edit(root, 'locales/nl/site.json', '\n  "skipLink": "Ga naar de inhoud",', '');
		expect(problemsOf(root)).toContainEqual(expect.objectContaining({ file: procedureFile('nl'), key: 'title', message: 'is empty' }));
	});

	it('a missing locale file', () => {
		root = copyOfProjectData();
		unlinkSync(join(root, 'locales/fr/glossary.json'));
		expect(problemsOf(root)).toContainEqual(expect.objectContaining({ file: 'locales/fr/glossary.json', locale: 'fr', message: 'the file is missing' }));
	});

	it('a site string with a placeholder the English text does not have', () => {
		root = copyOfProjectData();
		edit(root, 'locales/de/site.json', '"Schritt {{number}}"', '"Schritt {{nummer}}"');
		expect(problemsOf(root)).toContainEqual(expect.objectContaining({ file: 'locales/de/site.json', key: 'procedure.stepNumber', message: 'unknown placeholder {{nummer}}: the English text has {{number}}' }));
	});

	it('plural forms: each language needs the forms its grammar uses, no more', () => {
		root = copyOfProjectData();
		const plural = (one: string, other: string) => `"siteTitle": "x",\n  "results_one": "${one}",\n  "results_other": "${other}",`;
		edit(root, 'locales/en/site.json', /"siteTitle": "[^"]*",/, plural('{{count}} result', '{{count}} results'));
		edit(root, 'locales/de/site.json', /"siteTitle": "[^"]*",/, '"siteTitle": "x",\n  "results_other": "{{count}} Treffer",');
		edit(root, 'locales/zh-TW/site.json', /"siteTitle": "[^"]*",/, '"siteTitle": "x",\n  "results_other": "{{count}} 個結果",');
		edit(root, 'locales/fr/site.json', /"siteTitle": "[^"]*",/, plural('{{count}} résultat', '{{count}} résultats'));
		const problems = problemsOf(root);
		const missing = problems.filter((problem) => problem.key?.startsWith('results')).map((problem) => `${problem.locale} ${problem.key}: ${problem.message}`);
		// German needs "one" too; Chinese has only "other"; French has both; Italian and Dutch have neither.
		expect(missing.sort()).toEqual(['de results_one: missing', 'it results_one: missing', 'it results_other: missing', 'nl results_one: missing', 'nl results_other: missing']);
	});

	it('a revision that the step schema does not list is a fact of the translation, not a problem', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('de'), '2c753ec5f6f4cd509e61b4875e09e9a1a2577ee7', '0000000000000000000000000000000000000000');
		expect(findingsOf(root)).toEqual([]);
	});

	it('lists every problem at once, not only the first', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('de'), 'Klicken Sie auf [!UICONTROL Save Config]', 'Klicken Sie auf [!UICONTROL Sichern]');
		writeFileSync(join(root, 'locales/fr/site.json'), '{ "siteTitle": ');
		const problems = problemsOf(root);
		expect(new Set(problems.map((problem) => problem.file))).toEqual(new Set([procedureFile('de'), 'locales/fr/site.json']));
	});

	it('a file that is not UTF-8 (saved as Windows-1252) names the line of the first bad byte', () => {
		root = copyOfProjectData();
		const file = procedureFile('de');
		const line = lineOf(root, file, 'ü');
		writeFileSync(join(root, file), Buffer.from(readFileSync(join(root, file), 'utf8'), 'latin1'));
		expect(problemsOf(root)).toContainEqual(expect.objectContaining({ file, locale: 'de', kind: 'encoding', line, message: expect.stringContaining('not valid UTF-8') }));
	});

	it('a byte order mark is named as such and ignored', () => {
		root = copyOfProjectData();
		const file = 'locales/it/site.json';
		writeFileSync(join(root, file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(join(root, file))]));
		expect(findingsOf(root)).toEqual([expect.objectContaining({ severity: 'warning', kind: 'bom', file, line: 1, message: expect.stringContaining('byte order mark (BOM)') })]);
	});

	it('i18next nesting $t(…) in a site text', () => {
		root = copyOfProjectData();
		edit(root, 'locales/nl/site.json', /"title": "Handleidingen"/, '"title": "$t(procedures.title)"');
		edit(root, 'locales/de/site.json', /"siteTitle": "[^"]*"/, '"siteTitle": "$t(nope.nope)"');
		const problems = problemsOf(root);
		expect(problems).toContainEqual(expect.objectContaining({ locale: 'nl', key: 'procedures.title', kind: 'nesting' }));
		expect(problems).toContainEqual(expect.objectContaining({ locale: 'de', key: 'siteTitle', kind: 'nesting', line: lineOf(root, 'locales/de/site.json', '$t(nope.nope)') }));
	});

	it('ids that name properties of every JavaScript object ("constructor") are unknown ids, not crashes', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('de'), '(account-login)', '(constructor)');
		edit(root, procedureFile('de'), 'Admin] zu {{channel}}', 'Admin] zu {{constructor}}');
		edit(root, 'locales/fr/glossary.json', '"admin": ', '"constructor": "x",\n  "admin": ');
		const messages = problemsOf(root).map((problem) => `${problem.locale} ${problem.key}: ${problem.message}`);
		expect(messages).toContain('de steps.sign-in.no-account: unknown link (constructor): the procedure has (store-integration), (account-login)');
		expect(messages).toContain('de steps.open-channel.text: unknown menu path {{constructor}}: the procedure has {{channel}}, {{configuration}}');
		expect(messages).toContain('fr constructor: unknown UI control id: locales/en/glossary.json has no such control');
	});

	it('HTML entities and tags in site texts and glossary labels', () => {
		root = copyOfProjectData();
		edit(root, 'locales/fr/site.json', /"siteTitle": "[^"]*"/, '"siteTitle": "Guides &amp; astuces"');
		edit(root, 'locales/it/glossary.json', '"Salva configurazione"', '"<b>Salva</b> configurazione"');
		edit(root, 'locales/de/glossary.json', '"Konfiguration speichern"', '"[!UICONTROL Konfiguration speichern]"');
		const messages = problemsOf(root).map((problem) => `${problem.locale} ${problem.key}: ${problem.message}`);
		expect(messages).toContain('fr siteTitle: HTML entity &amp; would show as text: type the character itself');
		expect(messages).toContain('it save-config: HTML tags are not allowed: they would show as text');
		expect(messages).toContain('de save-config: a label is plain text: "[!UICONTROL Konfiguration speichern]" has markup characters');
	});

	it('a label of the English-only Commerce account site in another glossary', () => {
		root = copyOfProjectData();
		edit(root, 'locales/de/glossary.json', '"admin": ', '"copy": "Kopie",\n  "admin": ');
		expect(problemsOf(root)).toContainEqual(expect.objectContaining({ locale: 'de', key: 'copy', message: expect.stringContaining('lives on the Commerce account site, which is English only') }));
	});

	it('a text far longer than any sentence is a warning', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('it'), /"description": "[^"]*"/, `"description": "${'parola '.repeat(400)}"`);
		expect(findingsOf(root)).toContainEqual(expect.objectContaining({ severity: 'warning', kind: 'length', locale: 'it', key: 'description' }));
	});
});
