import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { lintLocales } from '../../src/translation/lint-locales';
import type { Problem } from '../../src/model/problems';
import { translationStatus } from '../../src/translation/translation-status';
import { seedLocales } from '../helpers/seeds';
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

	it('finds nothing at all: every translation is post-edited or by a person, up to date, in its termbase’s words', () => {
		expect(problems).toEqual([]);
	});
});

describe('i18n:check on the raw machine translations of the seeds', () => {
	// The seeds imported afresh: what a translator starts post-editing from.
	const raw = copyOfProjectData();
	for (const locale of seedLocales) {
		rmSync(join(raw, procedureFile(locale)));
		rmSync(join(raw, `locales/${locale}/amazon-api-key.origin.json`));
		const result = spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/i18n-import.ts'), join(projectRoot, `test/fixtures/seeds/${locale}.md`), '--lang', locale], { cwd: raw, encoding: 'utf8' });
		if (result.status !== 0) throw new Error(result.stdout + result.stderr);
	}
	const { problems } = lintLocales(raw);
	afterAll(() => rmSync(raw, { recursive: true, force: true }));
	const kinds = problems.filter((problem) => problem.severity === 'warning').map((problem) => `${problem.locale} ${problem.kind} ${problem.key}`);

	it('warns about the machine-translation damage in the texts', () => {
		expect(kinds).toContain('de spacing steps.sign-in.text'); // "Klick [!UICONTROL Sign in] , um …": the broken sentence
		expect(kinds).toContain('nl emphasis steps.verify.prompted-again'); // "_toevoegt en_"
		expect(kinds).toContain('de next-title next.link'); // "Integration weiter speichern"
		expect(kinds).toContain('it next-title next.link');
		expect(kinds).toContain('nl next-title next.link');
	});

	it('knows zh-TW, de and it were translated from an older English for log-in and generate-key: stale, the earlier text not known', () => {
		const stale = problems.filter((problem) => problem.kind === 'stale').map((problem) => `${problem.locale} ${problem.key}`);
		expect(stale.sort()).toEqual([
			'de steps.generate-key.create-key',
			'de steps.generate-key.image',
			'de steps.generate-key.text',
			'de steps.log-in.text',
			'it steps.generate-key.create-key',
			'it steps.generate-key.image',
			'it steps.generate-key.text',
			'it steps.log-in.text',
			'zh-TW steps.generate-key.create-key',
			'zh-TW steps.generate-key.image',
			'zh-TW steps.generate-key.text',
			'zh-TW steps.log-in.text',
		]);
		expect(problems.find((problem) => problem.key === 'steps.log-in.text' && problem.locale === 'de')!.message).toContain('translated from an older English text (not kept)');
	});

	it('breaks the termbase where machine translation named things three ways', () => {
		expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', kind: 'term', locale: 'de', message: expect.stringContaining('"Sales Kanal": the termbase (amazon-sales-channel) says "Amazon Sales Channel"') }));
		expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', kind: 'term', locale: 'zh-TW', message: expect.stringContaining('"密鑰"') }));
	});
});

describe('i18n:check finds, with file, line and key', () => {
	it('a key not translated yet (shown in English)', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), /,\n\s*"prompted-again": "[^"]*"/, ''));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'untranslated', severity: 'warning', locale: 'de', key: 'steps.verify.prompted-again', line: lineOf(root, procedureFile('de'), '"verify"') }));
	});

	it('an extra key', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('fr'), '"icon": "Suivant",', '"icon": "Suivant",\n    "tooltip": "Suivant",'));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'extra-key', severity: 'error', key: 'next.tooltip', line: lineOf(root, procedureFile('fr'), '"tooltip"') }));
	});

	it('an extra step (one the step schema does not have) is an error', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), '"steps": {', '"steps": {\n    "save-key": { "text": "Speichern." },'));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'extra-key', severity: 'error', key: 'steps.save-key.text', message: 'the step schema has no step "save-key"', line: lineOf(root, procedureFile('de'), '"save-key"') }));
	});

	it('a dropped UI control', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), 'Klicken Sie auf [!UICONTROL Save Config]. Sie können', 'Klicken Sie hier. Sie können'));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'ui-controls', severity: 'error', key: 'steps.save-config', message: expect.stringContaining('does not name [!UICONTROL Save Config]') }));
	});

	it('an added UI control', () => {
		const problems = findingsAfter((scratch) =>
			edit(scratch, procedureFile('fr'), 'Collez la clé copiée dans le champ [!UICONTROL Production Api key].', 'Collez la clé copiée dans le champ [!UICONTROL Production Api key] et cliquez sur [!UICONTROL Save Config].'),
		);
		expect(problems).toContainEqual(
			expect.objectContaining({
				kind: 'ui-controls',
				key: 'steps.paste-key.text',
				line: lineOf(root, procedureFile('fr'), 'Collez la clé'),
				message: expect.stringContaining('names [!UICONTROL Save Config], which the step schema does not list for step "paste-key"'),
			}),
		);
	});

	it('a renamed UI control', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('nl'), 'het veld [!UICONTROL Production Api key].', 'het veld [!UICONTROL Production API Key].'));
		const kinds = problems.filter((problem) => problem.key?.startsWith('steps.paste-key')).map((problem) => problem.kind);
		expect(kinds).toEqual(expect.arrayContaining(['unknown-control', 'ui-controls']));
	});

	it.each([
		['the localized label', 'Klick Konfiguration speichern. Sie können', 'Konfiguration speichern'],
		['the English label', 'Klick Save Config. Sie können', 'Save Config'],
	])('a UI label typed out by hand (%s)', (_name, text, label) => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), 'Klicken Sie auf [!UICONTROL Save Config]. Sie können', text));
		expect(problems).toContainEqual(
			expect.objectContaining({
				kind: 'typed-label',
				severity: 'error',
				key: 'steps.save-config.text',
				message: `UI label "${label}" typed out by hand: write [!UICONTROL Save Config] so it follows the glossary and the Admin-language switch`,
			}),
		);
	});

	it('a product name translated', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), 'Melden Sie sich beim [!DNL Commerce]-Admin an.', 'Melden Sie sich beim [!DNL Handel]-Admin an.'));
		const messages = problems.filter((problem) => problem.kind === 'product-name').map((problem) => `${problem.key}: ${problem.message}`);
		expect(messages).toEqual([
			'steps.log-in.text: [!DNL Commerce] is missing (the English text has it 1×); product names are never translated',
			'steps.log-in.text: [!DNL Handel] is not in the English text: product names are never translated',
		]);
	});

	it('a product name dropped', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('zh-TW'), '登入 [!DNL Commerce] 管理員。', '登入管理員。'));
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
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('fr'), 'la procédure _Ajouter et vérifier_.', 'la procédure _Ajouter et vérifier.'));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'markup', key: 'steps.verify.prompted-again', message: expect.stringContaining('emphasis "_" is never closed') }));
	});

	it('emphasis around a UI label glued to CJK text', () => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('zh-TW'), '"在 [!UICONTROL Admin] 側邊欄中，前往 {{channel}}。"', '"在_[!UICONTROL Admin]_側邊欄中，前往 {{channel}}。"'));
		expect(problems).toContainEqual(
			expect.objectContaining({ kind: 'markup', key: 'steps.open-channel.text', message: 'emphasis around a UI label, glued to CJK text (Markdown would not render it): remove the _; the label gets its style from the marker' }),
		);
	});

	it.each([
		['an attribute block', '(account-login) auf', '(account-login){target=\\"_blank\\"} auf', 'attribute block {target="_blank"} would show as text'],
		['a translated attribute block', '(account-login) auf', '(account-login){Zielgruppe=\\"_blank\\"} auf', 'attribute block {Zielgruppe="_blank"} would show as text'],
		['a leftover &#x200B;', 'Klicken Sie auf [!UICONTROL Save Config].', 'Klicken Sie auf&#x200B;[!UICONTROL Save Config].', 'HTML entity &#x200B; would show as text'],
		['a leftover &quot;', 'Klicken Sie auf [!UICONTROL Save Config].', 'Klicken Sie auf &quot;[!UICONTROL Save Config]&quot;.', 'HTML entity &quot; would show as text'],
		['bold', 'Klicken Sie auf [!UICONTROL Save Config].', 'Klicken Sie auf **[!UICONTROL Save Config]**.', '"**" would show as text'],
	])('markup that will not render: %s', (_name, from, to, message) => {
		const problems = findingsAfter((scratch) => edit(scratch, procedureFile('de'), from, to));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'markup', severity: 'error', locale: 'de', message: expect.stringContaining(message) }));
	});

	it('a glossary entry missing for a language', () => {
		const problems = findingsAfter((scratch) => edit(scratch, 'locales/nl/glossary.json', /,\n\s*"save-config": "[^"]*"/, ''));
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'missing-label', severity: 'warning', file: 'locales/nl/glossary.json', message: expect.stringContaining('"save-config"') }));
	});
});

describe('stale strings follow the English by themselves', () => {
	const english = 'locales/en/amazon-api-key.json';
	const reword = (scratch: string) => edit(scratch, english, 'Paste the copied key into [!UICONTROL Production Api key].', 'Paste the new key into the [!UICONTROL Production Api key] field.');
	const staleOf = (problems: Problem[]) =>
		problems
			.filter((problem) => problem.kind === 'stale')
			.map((problem) => `${problem.locale} ${problem.key}`)
			.sort();

	it('changing one English text flags exactly that string stale in all five languages, with a word diff', () => {
		const problems = findingsAfter(reword);
		expect(staleOf(problems)).toEqual(seedLocales.map((locale) => `${locale} steps.paste-key.text`).sort());
		expect(problems.find((problem) => problem.kind === 'stale')!.message).toContain('Paste the [-copied-]{+new+} key into {+the +}[!UICONTROL Production Api key]{+ field+}.');
	});

	it('editing the translation clears it (and asks to record the edit); i18n:confirm records it', () => {
		const problems = findingsAfter((scratch) => {
			reword(scratch);
			edit(scratch, procedureFile('de'), 'Fügen Sie den kopierten Schlüssel in das Feld', 'Fügen Sie den neuen Schlüssel in das Feld');
		});
		expect(staleOf(problems)).not.toContain('de steps.paste-key.text');
		expect(problems).toContainEqual(expect.objectContaining({ kind: 'edited', locale: 'de', key: 'steps.paste-key.text', severity: 'warning' }));
		const confirm = spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/i18n-confirm.ts'), '--lang', 'de', '--edited'], { cwd: root, encoding: 'utf8' });
		expect(confirm.stdout).toContain('amazon-api-key steps.paste-key.text');
		const after = lintLocales(root).problems.filter((problem) => problem.locale === 'de');
		expect(after).toEqual([]);
	});

	it('confirming a translation unchanged with one command clears it', () => {
		const problems = findingsAfter((scratch) => {
			reword(scratch);
			spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/i18n-confirm.ts'), '--lang', 'fr', 'steps.paste-key.text'], { cwd: scratch, encoding: 'utf8' });
		});
		expect(staleOf(problems)).toEqual(['de', 'it', 'nl', 'zh-TW'].map((locale) => `${locale} steps.paste-key.text`).sort());
	});

	it('changing a file-wide field never clears it', () => {
		const problems = findingsAfter((scratch) => {
			reword(scratch);
			edit(scratch, procedureFile('nl'), '7fff4c463551089fb64f2d5bf7bf23f272ce4663', '9999999999999999999999999999999999999999');
		});
		expect(staleOf(problems)).toContain('nl steps.paste-key.text');
	});

	it('a step left in English (all nine) is untranslated: the check warns, the status counts it', () => {
		const englishTexts = readJson(projectRoot, english) as { steps: Record<string, Record<string, string>> };
		const problems = findingsAfter((scratch) => {
			const file = join(scratch, procedureFile('de'));
			const german = JSON.parse(readFileSync(file, 'utf8')) as { steps: Record<string, Record<string, string>> };
			for (const [id, texts] of Object.entries(englishTexts.steps)) german.steps[id]!.text = texts.text!;
			writeFileSync(file, `${JSON.stringify(german, null, 2)}\n`);
		});
		expect(problems.filter((problem) => problem.kind === 'untranslated' && problem.locale === 'de').map((problem) => problem.key)).toEqual(Object.keys(englishTexts.steps).map((id) => `steps.${id}.text`));
		const german = translationStatus(root).find((row) => row.locale.code === 'de')!;
		const full = translationStatus(projectRoot).find((row) => row.locale.code === 'de')!;
		expect(german.translated).toBe(full.translated - 9);
	});
});

describe('the termbase', () => {
	it('a variant the language avoids is an error; the English term without the language’s word a warning', () => {
		const problems = findingsAfter((scratch) => {
			edit(scratch, procedureFile('de'), 'Melden Sie sich beim [!DNL Commerce]-Admin an.', 'Melden Sie sich beim [!DNL Commerce]-Administrator an.');
			edit(scratch, procedureFile('fr'), 'afficher les clés API existantes et générer une nouvelle clé API', 'afficher les codes existants et en générer un nouveau');
		});
		expect(problems).toContainEqual(expect.objectContaining({ severity: 'error', kind: 'term', locale: 'de', key: 'steps.log-in.text', message: '"Administrator": the termbase (admin) says "Admin"' }));
		expect(problems).toContainEqual(expect.objectContaining({ severity: 'warning', kind: 'term', locale: 'fr', key: 'steps.generate-key.text', message: 'the English says "API key"; the termbase\'s word for it is "clé API"' }));
	});
});

describe('npm run i18n:check', () => {
	const check = (cwd: string, ...args: string[]) => spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/i18n-check.ts'), ...args], { cwd, encoding: 'utf8' });

	it('exits 0 with warnings only, and prints JSON with --json', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('it'), 'Fai clic su [!UICONTROL Save Config].', 'Fai clic su [!UICONTROL Save Config] .');
		const result = check(root, '--json');
		expect(result.status).toBe(0);
		const report = JSON.parse(result.stdout) as { errors: number; warnings: number; findings: Problem[] };
		expect(report.errors).toBe(0);
		expect(report.findings.length).toBe(report.warnings);
		expect(report.findings[0]).toMatchObject({ file: expect.stringMatching(/^locales\//), line: expect.any(Number), kind: expect.any(String) });
	});

	it('exits 1 on errors and names file, line, locale and key', () => {
		root = copyOfProjectData();
		edit(root, procedureFile('de'), 'Klicken Sie auf [!UICONTROL Save Config].', 'Klicken Sie auf **[!UICONTROL Save Config]**.');
		writeFileSync(join(root, 'locales/fr/site.json'), JSON.stringify(readJson(root, 'locales/fr/site.json')).replace('"siteTitle"', '"siteTitle":1,"x"'));
		const result = check(root);
		expect(result.status).toBe(1);
		expect(result.stdout).toContain(`${procedureFile('de')}:${lineOf(root, procedureFile('de'), 'auf **')} error [de] steps.save-config.text: "**" would show as text`);
		expect(result.stdout).toMatch(/errors?, \d+ warnings? in \d+ files?/);
	});
});
