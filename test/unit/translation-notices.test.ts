import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Procedure from '../../src/components/Procedure.astro';
import TranslationStatus from '../../src/components/TranslationStatus.astro';
import { translationStatus } from '../../src/translation/translation-status';
import { buildProcedureView } from '../../src/view/procedure-view';
import { copyOfProjectData, edit, projectRoot } from '../helpers/project';
import { loadSite, render } from '../helpers/site';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));
const scratch = () => {
	const root = copyOfProjectData();
	roots.push(root);
	return root;
};
const tsx = (cwd: string, script: string, ...args: string[]) => spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, script), ...args], { cwd, encoding: 'utf8' });

describe('what a reader sees of a translation’s state', () => {
	it('a changed English step: that step says its translation may be out of date, with what changed in the English', async () => {
		const root = scratch();
		edit(root, 'locales/en/amazon-api-key.json', 'Paste the copied key into [!UICONTROL Production Api key].', 'Paste the new key into [!UICONTROL Production Api key].');
		const { content, t } = await loadSite(root);
		const document = await render(Procedure, { view: buildProcedureView(content, content.procedures[0]!, 'de'), t: t('de') });
		const notes = [...document.querySelectorAll('li[data-step] .stale-note')].map((note) => note.closest('li[data-step]')!.getAttribute('data-step'));
		expect(notes).toEqual(['paste-key']);
		const note = document.querySelector('.stale-note')!;
		expect(note.querySelector('del')!.textContent).toBe('copied');
		expect(note.querySelector('ins')!.textContent).toBe('new');
		expect(note.querySelector('a')!.getAttribute('href')).toBe('/en/amazon-api-key/#paste-key');
	});

	it('machine text left: only the steps still machine-translated say so, and the top says parts are', async () => {
		const root = scratch();
		// German imported afresh from its machine-translated page: everything is the machine's…
		rmSync(join(root, 'locales/de/amazon-api-key.json'));
		rmSync(join(root, 'locales/de/amazon-api-key.origin.json'));
		expect(tsx(root, 'src/cli/i18n-import.ts', join(projectRoot, 'test/fixtures/seeds/de.md'), '--lang', 'de').status).toBe(0);
		// …then a translator post-edits the first step and records it.
		edit(root, 'locales/de/amazon-api-key.json', 'Anmelden bei [!DNL Commerce] Admin.', 'Melden Sie sich beim [!DNL Commerce]-Admin an.');
		expect(tsx(root, 'src/cli/i18n-confirm.ts', '--lang', 'de', '--edited').stdout).toContain('steps.log-in.text');
		const { content, t } = await loadSite(root);
		const document = await render(Procedure, { view: buildProcedureView(content, content.procedures[0]!, 'de'), t: t('de') });
		const machine = [...document.querySelectorAll('li[data-step]')].filter((step) => step.querySelector('.machine-note')).map((step) => step.getAttribute('data-step'));
		expect(machine).toEqual(['open-channel', 'sign-in', 'generate-key', 'return-to-channel', 'add-the-key', 'paste-key', 'save-config', 'verify']);
		// The top says so in a fold (one line on phones) whose summary says it too.
		expect(document.querySelector('details.notice > summary')!.textContent).toBe('Teilweise maschinell übersetzt');
		expect(document.querySelector('details.notice .translation-notice.machine-translated')).not.toBeNull();
		// The post-edited project has none.
		const site = await loadSite();
		const clean = await render(Procedure, { view: buildProcedureView(site.content, site.content.procedures[0]!, 'de'), t: site.t('de') });
		expect(clean.querySelector('.machine-note, .machine-translated, .stale-note')).toBeNull();
	});
});

describe('the translation status', () => {
	it('in German, with the word diff of a stale text, readable as cards on a phone (every cell labelled)', async () => {
		const root = scratch();
		edit(root, 'locales/en/store-integration.json', 'Click [!UICONTROL Connect].', 'Click [!UICONTROL Connect] and wait.');
		const { t } = await loadSite(root);
		const document = await render(TranslationStatus, { rows: translationStatus(root), t: t('de') });
		expect([...document.querySelectorAll('thead th')].map((cell) => cell.textContent)).toEqual(['Sprache', 'Übersetzt', 'Veraltet', 'Maschinell / nachbearbeitet / von Menschen', 'Letzte Änderung', 'Befunde']);
		expect(document.querySelector('tr[data-locale="de"] td[data-label="Veraltet"]')!.textContent).toBe('1');
		const stale = document.querySelector('[data-stale="de"] li')!;
		expect(stale.querySelector('a')!.textContent).toBe('store-integration steps.connect.text');
		expect(stale.querySelector('ins')!.textContent).toBe(' and wait');
	});

	it('npm run i18n:status fails loudly on a broken step schema instead of counting nothing', () => {
		const root = scratch();
		edit(root, 'content/procedures/amazon-api-key.yaml', 'blocks: [manual-path]', 'blocks: [manual-path');
		const result = tsx(root, 'src/cli/i18n-status.ts');
		expect(result.status).toBe(1);
		expect(result.stderr).toContain('content/procedures/amazon-api-key.yaml');
		expect(result.stderr).toContain('invalid YAML');
	});
});
