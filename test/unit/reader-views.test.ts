import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Procedure from '../../src/components/Procedure.astro';
import { lastChangeOf } from '../../src/model/last-change';
import { localeByCode, locales } from '../../src/model/locales';
import { outlineOf } from '../../src/view/outline';
import { formatDate, procedureUpdated } from '../../src/view/page-dates';
import { buildProcedureView } from '../../src/view/procedure-view';
import { toIndexText } from '../../src/view/text-context';
import { projectRoot } from '../helpers/project';
import { loadSite, render } from '../helpers/site';

const { content, t } = await loadSite();
const procedure = (id: string) => content.procedures.find((entry) => entry.id === id)!;
const renderIn = (code: string, id = 'amazon-api-key') => render(Procedure, { view: buildProcedureView(content, procedure(id), code), t: t(code), updated: '2025-03-04' });

describe('the outline of the steps', () => {
	it('groups the steps by section, in reading order', () => {
		const view = buildProcedureView(content, procedure('store-integration'), 'de');
		const groups = outlineOf(view);
		expect(groups.map((group) => group.heading?.id)).toEqual(['add-store', 'connect-seller-central']);
		expect(groups.flatMap((group) => group.steps.map((step) => step.id))).toEqual(view.steps.map((step) => step.id));
		expect(groups[1]!.heading!.text).toBe('Shop mit Amazon Seller Central verbinden');
	});

	it('is rendered before the first step, a link per step, with section names only for more than one section', async () => {
		const single = await renderIn('zh-TW');
		expect([...single.querySelectorAll('.outline [data-outline-step] a')].map((link) => link.getAttribute('href'))).toEqual(buildProcedureView(content, procedure('amazon-api-key'), 'zh-TW').steps.map((step) => `#${step.id}`));
		expect(single.querySelectorAll('.outline-section')).toHaveLength(0);
		expect(single.querySelector('details.outline')!.getAttribute('data-pagefind-ignore')).toBe('all');
		const two = await renderIn('en', 'store-integration');
		expect(two.querySelectorAll('.outline-section')).toHaveLength(2);
	});
});

describe('a step’s heading', () => {
	it('is the label of its tick box, with the step’s words in the index by a copy no one sees', async () => {
		const document = await renderIn('de');
		const step = document.querySelector('li[data-step="save-config"]')!;
		const label = step.querySelector('h3 label')!;
		expect(label.getAttribute('for')).toBe('tick-save-config');
		expect(step.querySelector('input#tick-save-config[data-step-check]')).not.toBeNull();
		const indexCopy = step.querySelector('h3 > span[hidden]')!;
		expect(indexCopy.textContent).toBe('Schritt 8 Klicken Sie auf Konfiguration speichern Save Config. Sie können jetzt zu Amazon Sales Channel zurückkehren.');
		// The links beside the title are left out of a selection; the copy button copies the short link.
		expect(step.querySelector('button[data-copy-link]')!.getAttribute('data-copy-link')).toBe('/go/amazon-api-key/save-config/');
	});

	it('writes both variants of a menu path’s labels for the index', () => {
		const view = buildProcedureView(content, procedure('amazon-api-key'), 'fr');
		const step = view.steps.find((candidate) => candidate.id === 'add-the-key')!;
		expect(
			toIndexText(
				step.blocks.flatMap((block) => (block.type === 'paragraph' ? block.text.nodes : [])),
				view.context,
			),
		).toContain('Magasins Stores › Paramètres Settings › Configuration,');
	});
});

describe('the key check’s answers and the progress', () => {
	it.each(locales.map((locale) => locale.code))('%s: a valid key marks the steps up to the confirmed one done; a failed one the steps to redo', async (code) => {
		const document = await renderIn(code);
		const ids = buildProcedureView(content, procedure('amazon-api-key'), code).steps.map((step) => step.id);
		expect(document.querySelector('[data-key-check-result="valid"]')!.getAttribute('data-done')).toBe(ids.join(' '));
		for (const status of ['missing', 'invalid', 'expired']) {
			expect(document.querySelector(`[data-key-check-result="${status}"]`)!.getAttribute('data-redo')).toBe('generate-key paste-key save-config verify');
		}
		for (const status of ['unreachable', 'timeout']) expect(document.querySelector(`[data-key-check-result="${status}"]`)!.textContent).toContain(t(code)('keyCheck.checkInAdmin', { number: 9 }));
		expect([...document.querySelectorAll('[data-key-check-store]')].map((note) => note.getAttribute('data-key-check-store'))).toEqual(['real', 'demo']);
		expect(document.querySelector('[data-key-check-store="demo"] [data-slot="host"]')).not.toBeNull();
	});

	it('lists the steps to redo in step order whatever order the schema names them in', async () => {
		const data = { ...procedure('amazon-api-key').data, keyCheck: { confirms: 'verify', recovery: { missing: ['save-config', 'generate-key', 'paste-key'] } } };
		const view = buildProcedureView(content, { id: 'amazon-api-key', data }, 'en');
		expect(view.keyCheck!.recovery.missing!.map((step) => step.number)).toEqual([4, 7, 8]);
	});
});

describe('last updated and the original page', () => {
	it('dates a language’s text by its locale file’s last commit, the English one’s where it has none', () => {
		const german = procedureUpdated(projectRoot, 'amazon-api-key', localeByCode('de')!);
		expect(german).toBe(execFileSync('git', ['log', '-1', '--format=%cs', '--', 'locales/de/amazon-api-key.json'], { cwd: projectRoot, encoding: 'utf8' }).trim() || german);
		expect(german).toMatch(/^\d{4}-\d{2}-\d{2}$/);
		expect(lastChangeOf(projectRoot, 'locales/de/no-such-procedure.json')).toBeUndefined();
	});

	it('takes a file’s own date outside a git checkout', () => {
		const dir = mkdtempSync(join(tmpdir(), 'last-change-'));
		writeFileSync(join(dir, 'file.json'), '{}');
		expect(lastChangeOf(dir, 'file.json')).toBe(new Date().toISOString().slice(0, 10));
	});

	it('writes the date as the language does', () => {
		expect(formatDate('2025-03-04', localeByCode('de')!)).toBe('4. März 2025');
		expect(formatDate('2025-03-04', localeByCode('zh-TW')!)).toBe('2025年3月4日');
		expect(formatDate('2025-03-04', localeByCode('en')!)).toBe('March 4, 2025');
	});

	it('shows both at the end of the page, with the original in the reader’s language on Experience League', async () => {
		const document = await renderIn('it');
		expect(document.querySelector('.procedure-meta time')!.getAttribute('datetime')).toBe('2025-03-04');
		expect(document.querySelector('.procedure-meta p')!.textContent).toBe('Ultimo aggiornamento: 4 marzo 2025');
		expect(document.querySelector('.procedure-meta a.original')!.getAttribute('href')).toBe('https://experienceleague.adobe.com/docs/commerce-channels/amazon/onboarding/amazon-verify-api-key.html?lang=it');
	});
});
