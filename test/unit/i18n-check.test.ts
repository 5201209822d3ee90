import { spawnSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lintLocales } from '../../src/translation/lint-locales';
import type { Problem } from '../../src/model/problems';
import { copyOfProjectData, edit, lineOf, projectRoot, readJson } from '../helpers/project';

const procedureFile = (locale: string) => `locales/${locale}/amazon-api-key.json`;
let root = '';
afterEach(() => {
	if (root) rmSync(root, { recursive: true, force: true });
	root = '';
});

/** The findings of `npm run i18n:check` after `mutate` changed a scratch copy of the project's data. */
function findingsAfter(mutate: (scratch: string) => void): Problem[] {
	root = copyOfProjectData();
	mutate(root);
	return lintLocales(root).problems;
}

describe('i18n:check on the project’s locale files', () => {
	const { problems } = lintLocales(projectRoot);

	it('finds no errors', () => {
		expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
	});

	it('warns that zh-TW, de and it are stale for log-in and generate-key, and fr and nl are not', () => {
		const stale = problems.filter((problem) => problem.kind === 'stale').map((problem) => `${problem.locale} ${problem.key}`);
		expect(stale.sort()).toEqual(['de steps.generate-key', 'de steps.log-in', 'it steps.generate-key', 'it steps.log-in', 'zh-TW steps.generate-key', 'zh-TW steps.log-in']);
		const line = lineOf(projectRoot, procedureFile('de'), '"log-in"');
		expect(problems).toContainEqual(expect.objectContaining({ file: procedureFile('de'), line, key: 'steps.log-in', severity: 'warning', message: expect.stringContaining('changed this step in 7fff4c4, after 2c753ec') }));
	});

	it('warns about the machine-translation damage that is still in the texts', () => {
		const kinds = problems.filter((problem) => problem.severity === 'warning' && problem.kind !== 'stale').map((problem) => `${problem.locale} ${problem.kind} ${problem.key}`);
		expect(kinds).toContain('de spacing steps.sign-in.text'); // "Klick [!UICONTROL Sign in] , um …": the broken sentence
		expect(kinds).toContain('nl emphasis steps.verify.prompted-again'); // "_toevoegt en_"
		expect(kinds).toContain('de next-title next.link'); // "Integration weiter speichern"
		expect(kinds).toContain('it next-title next.link');
		expect(kinds).toContain('nl next-title next.link');
	});
});

describe('i18n:check finds, with file, line and key', () => {
	it('a key not translated yet (shown in English)', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), /,\n\s*"prompted-again": "[^"]*"/, ''));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'untranslated', severity: 'warning', locale: 'de', key: 'steps.verify.prompted-again', line: lineOf(root, procedureFile('de'), '"verify"') }));
	});

	it('an extra key', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('fr'), '"icon": "Icône suivante",', '"icon": "Icône suivante",\n    "tooltip": "Suivant",'));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'extra-key', severity: 'error', key: 'next.tooltip', line: lineOf(root, procedureFile('fr'), '"tooltip"') }));
	});

	it('an extra step (one the step schema does not have) is an error', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), '"steps": {', '"steps": {\n    "save-key": { "text": "Speichern." },'));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'extra-key', severity: 'error', key: 'steps.save-key.text', message: 'the step schema has no step "save-key"', line: lineOf(root, procedureFile('de'), '"save-key"') }));
	});

	it('a dropped UI control', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), 'Klick [!UICONTROL Save Config]. Sie können', 'Klick hier. Sie können'));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'ui-controls', severity: 'error', key: 'steps.save-config', message: expect.stringContaining('does not name [!UICONTROL Save Config]') }));
	});

	it('an added UI control', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('fr'), 'Collez la clé copiée pour [!UICONTROL Production Api key].', 'Collez la clé copiée pour [!UICONTROL Production Api key] et cliquez sur [!UICONTROL Save Config].'));
		expect(problems).toContainEqual(
			expect.objectContaining({ kind: 'ui-controls', key: 'steps.paste-key.text', line: lineOf(root, procedureFile('fr'), 'Collez la clé'), message: expect.stringContaining('names [!UICONTROL Save Config], which the step schema does not list for step "paste-key"') }),
		);
	});

	it('a renamed UI control', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('nl'), 'voor [!UICONTROL Production Api key] .', 'voor [!UICONTROL Production API Key] .'));
		const kinds = problems.filter((problem) => problem.key?.startsWith('steps.paste-key')).map((problem) => problem.kind);
		expect(kinds).toEqual(expect.arrayContaining(['unknown-control', 'ui-controls']));
	});

	it.each([
		['the localized label', 'Klick Konfiguration speichern. Sie können', 'Konfiguration speichern'],
		['the English label', 'Klick Save Config. Sie können', 'Save Config'],
	])('a UI label typed out by hand (%s)', (_name, text, label) => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), 'Klick [!UICONTROL Save Config]. Sie können', text));
		expect(problems).toContainEqual(
			expect.objectContaining({ kind: 'typed-label', severity: 'error', key: 'steps.save-config.text', message: `UI label "${label}" typed out by hand: write [!UICONTROL Save Config] so it follows the glossary and the Admin-language switch` }),
		);
	});

	it('a product name translated', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), 'Anmelden bei [!DNL Commerce] Admin.', 'Anmelden bei [!DNL Handel] Admin.'));
		const messages = problems.filter((problem) => problem.kind === 'product-name').map((problem) => `${problem.key}: ${problem.message}`);
		expect(messages).toEqual([
			'steps.log-in.text: [!DNL Commerce] is missing (the English text has it 1×); product names are never translated',
			'steps.log-in.text: [!DNL Handel] is not in the English text: product names are never translated',
		]);
	});

	it('a product name dropped', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('zh-TW'), '登入[!DNL Commerce]管理員。', '登入管理員。'));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'product-name', locale: 'zh-TW', key: 'steps.log-in.text', line: lineOf(root, procedureFile('zh-TW'), '登入管理員') }));
	});

	it('a placeholder that differs from the English text', () => {
		const problems = findingsAfter((scratch) => {
			edit(scratch, procedureFile('it'), 'Nella barra laterale [!UICONTROL Admin], vai a {{channel}}.', 'Nella barra laterale [!UICONTROL Admin], vai a Marketing.');
			edit(scratch, 'locales/it/site.json', '"Passaggio {{number}}"', '"Passaggio"');
		});
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'placeholder', severity: 'error', key: 'steps.open-channel.text', message: '{{channel}} is missing: the English text has it' }));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'placeholder', severity: 'warning', file: 'locales/it/site.json', key: 'procedure.stepNumber', message: '{{number}} is missing: the English text has it' }));
	});

	it('unbalanced emphasis', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('fr'), 'ce processus _Ajouter et vérifier_.', 'ce processus _Ajouter et vérifier.'));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'markup', key: 'steps.verify.prompted-again', message: expect.stringContaining('emphasis "_" is never closed') }));
	});

	it('emphasis around a UI label glued to CJK text', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('zh-TW'), '"在[!UICONTROL Admin]側欄上，前往{{channel}}。"', '"在_[!UICONTROL Admin]_側欄上，前往{{channel}}。"'));
		expect(problems).toContainEqual(
			expect.objectContaining({ kind: 'markup', key: 'steps.open-channel.text', message: 'emphasis around a UI label, glued to CJK text (Markdown would not render it): remove the _; the label gets its style from the marker' }),
		);
	});

	it.each([
		['an attribute block', '(account-login) und registrieren', '(account-login){target=\\"_blank\\"} und registrieren', 'attribute block {target="_blank"} would show as text'],
		['a translated attribute block', '(account-login) und registrieren', '(account-login){Zielgruppe=\\"_blank\\"} und registrieren', 'attribute block {Zielgruppe="_blank"} would show as text'],
		['a leftover &#x200B;', 'Klick [!UICONTROL Save Config].', 'Klick&#x200B;[!UICONTROL Save Config].', 'HTML entity &#x200B; would show as text'],
		['a leftover &quot;', 'Klick [!UICONTROL Save Config].', 'Klick &quot;[!UICONTROL Save Config]&quot;.', 'HTML entity &quot; would show as text'],
		['bold', 'Klick [!UICONTROL Save Config].', 'Klick **[!UICONTROL Save Config]**.', '"**" would show as text'],
	])('markup that will not render: %s', (_name, from, to, message) => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), from, to));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'markup', severity: 'error', locale: 'de', message: expect.stringContaining(message) }));
	});

	it('a glossary entry missing for a language', () => {
		const problems = findingsAfter((scratch) => edit(scratch, 'locales/nl/glossary.json', /,\n\s*"save-config": "[^"]*"/, ''));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'missing-label', severity: 'warning', file: 'locales/nl/glossary.json', message: expect.stringContaining('"save-config"') }));
	});

	it('staleness when a revision changes more steps', () => {
		const problems = findingsAfter((scratch) => edit(scratch, 'content/procedures/amazon-api-key.yaml', 'changedSteps: [log-in, generate-key]', 'changedSteps: [log-in, generate-key, paste-key]'));
		expect(problems.filter((problem) => problem.kind === 'stale' && problem.key === 'steps.paste-key').map((problem) => problem.locale).sort()).toEqual(['de', 'it', 'zh-TW']);
	});
});

describe('npm run i18n:check', () => {
	const check = (cwd: string, ...args: string[]) => spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/i18n-check.ts'), ...args], { cwd, encoding: 'utf8' });

	it('exits 0 with warnings only, and prints JSON with --json', () => {
		const result = check(projectRoot, '--json');
		expect(result.status).toBe(0);
		const report = JSON.parse(result.stdout) as { errors: number; warnings: number; findings: Problem[] };
		expect(report.errors).toBe(0);
		expect(report.findings.length).toBe(report.warnings);
		expect(report.findings[0]).toMatchObject({ file: expect.stringMatching(/^locales\//), line: expect.any(Number), kind: expect.any(String) });
	});

	it('exits 1 on errors and names file, line, locale and key', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('de'), 'Klick [!UICONTROL Save Config].', 'Klick **[!UICONTROL Save Config]**.');
		writeFileSync(join(root, 'locales/fr/site.json'), JSON.stringify(readJson(root, 'locales/fr/site.json')).replace('"siteTitle"', '"siteTitle":1,"x"'));
		const result = check(root);
		expect(result.status).toBe(1);
		expect(result.stdout).toContain(`${procedureFile('de')}:${lineOf(root, procedureFile('de'), 'Klick **')} error [de] steps.save-config.text: "**" would show as text`);
		expect(result.stdout).toMatch(/errors?, \d+ warnings? in \d+ files?/);
	});
});
