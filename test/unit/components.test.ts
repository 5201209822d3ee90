import { beforeAll, describe, expect, it } from 'vitest';
import Inline from '../../src/components/Inline.astro';
import MenuPath from '../../src/components/MenuPath.astro';
import Procedure from '../../src/components/Procedure.astro';
import UiLabel from '../../src/components/UiLabel.astro';
import type { Inline as InlineNode } from '../../src/model/markup';
import { locales } from '../../src/model/locales';
import { stepsOf } from '../../src/model/procedure';
import { buildProcedureView, parseText } from '../../src/view/procedure-view';
import { projectRoot, readJson } from '../helpers/project';
import { loadSite, render, visibleText } from '../helpers/site';

const { content, t } = await loadSite();
const { procedures } = content;
const procedure = procedures.find((entry) => entry.id === 'amazon-api-key')!;
const glossary = (code: string) => readJson(projectRoot, `locales/${code}/glossary.json`) as Record<string, string>;
/** A text of amazon-api-key as the view has it: parsed, each label resolved to its control. */
const parse = (text: string): InlineNode[] => parseText(content, procedure, text, { kind: 'intro' });

describe('UiLabel', () => {
	it('renders one English span when the Admin shows the same label in both languages', async () => {
		const document = await render(UiLabel, { label: { id: 'channels', local: 'Channels', en: 'Channels' } });
		const label = document.querySelector('.ui-label')!;
		expect(label.getAttribute('data-control')).toBe('channels');
		expect(label.getAttribute('lang')).toBe('en');
		expect(label.children).toHaveLength(0);
		expect(label.textContent).toBe('Channels');
	});

	it('renders both labels, the local one titled with the English label, when they differ', async () => {
		const document = await render(UiLabel, { label: { id: 'save-config', local: 'Konfiguration speichern', en: 'Save Config' } });
		expect(document.querySelector('.ui-label-local')!.getAttribute('title')).toBe('Save Config');
		expect(document.querySelector('.ui-label-local')!.textContent).toBe('Konfiguration speichern');
		expect(document.querySelector('.ui-label-en')!.getAttribute('lang')).toBe('en');
		expect(document.querySelector('.ui-label-en')!.textContent).toBe('Save Config');
	});

	it('keeps the two labels apart in the HTML text (the search index reads it), with a space no one sees', async () => {
		const document = await render(UiLabel, { label: { id: 'save-config', local: 'Konfiguration speichern', en: 'Save Config' } });
		const label = document.querySelector('.ui-label')!;
		expect(label.textContent).toBe('Konfiguration speichern Save Config');
		expect(visibleText(label, 'local')).toBe('Konfiguration speichern');
		expect(visibleText(label, 'en')).toBe('Save Config');
	});
});

describe('MenuPath', () => {
	it('joins the labels with a visual separator that screen readers hear as a pause', async () => {
		const labels = ['stores', 'settings', 'configuration'].map((id) => ({ id, local: glossary('fr')[id]!, en: glossary('en')[id]! }));
		const document = await render(MenuPath, { labels });
		const path = document.querySelector('.menu-path')!;
		expect(visibleText(path)).toBe('MagasinsParamètresConfiguration');
		expect(path.querySelectorAll('[aria-hidden="true"]')).toHaveLength(2);
		// The arrow keeps to the item before it (no-break space) and the path may wrap after it.
		expect(path.textContent).toBe('Magasins Stores\u00a0› , Paramètres Settings\u00a0› , Configuration');
		expect([...path.querySelectorAll('.sr-only')].every((pause) => pause.hasAttribute('data-pagefind-ignore'))).toBe(true);
	});
});

describe('Inline', () => {
	const view = buildProcedureView(content, procedure, 'de');

	it('renders labels from the glossary, names untranslated, code, emphasis and links', async () => {
		const document = await render(Inline, {
			nodes: parse('Klick [!UICONTROL Save Config] in [!DNL Commerce], tippe `Amazon Sales Channel`, _dann_ [hier](account-login).'),
			context: view.context,
			newTabText: 'öffnet in einem neuen Tab',
		});
		expect(visibleText(document.body)).toBe('Klick Konfiguration speichern in Commerce, tippe Amazon Sales Channel, dann hier.');
		expect(document.querySelector('[translate="no"]')!.textContent).toBe('Commerce');
		expect(document.querySelector('em')!.textContent).toBe('dann');
		const link = document.querySelector('a')!;
		expect(link.getAttribute('href')).toBe('https://account.magento.com/customer/account/login/');
		expect(link.getAttribute('target')).toBe('_blank');
		expect(link.getAttribute('rel')).toBe('noopener');
		expect(link.querySelector('.sr-only')!.textContent).toBe(' (öffnet in einem neuen Tab)');
	});

	it('sends a link to a page of the guide to our procedure for it, in the reader’s language', async () => {
		const document = await render(Inline, { nodes: parse('[Store integration](store-integration)'), context: buildProcedureView(content, procedure, 'zh-TW').context, newTabText: '' });
		expect(document.querySelector('a')!.getAttribute('href')).toBe('/zh-tw/store-integration/');
	});

	it('sends a link to a page of the guide we do not have to Experience League, in the reader’s language', () => {
		const storeIntegration = procedures.find((entry) => entry.id === 'store-integration')!;
		expect(buildProcedureView(content, storeIntegration, 'zh-TW').context.link('ob-create-listing-rule').href).toBe('https://experienceleague.adobe.com/docs/commerce-channels/amazon/onboarding/ob-create-listing-rule.html?lang=zh-Hant');
	});
});

describe.each(locales.map((locale) => locale.code))('Procedure in %s', (code) => {
	let document: Document;
	let steps: Element[];
	beforeAll(async () => {
		document = await render(Procedure, { view: buildProcedureView(content, procedure, code), t: t(code) });
		steps = [...document.querySelectorAll('li[data-step]')];
	});

	it('renders the nine steps with their stable ids and numbers', () => {
		expect(steps.map((step) => step.getAttribute('data-step'))).toEqual(stepsOf(procedure.data).map((step) => step.id));
		expect(steps.map((step) => step.querySelector('h3')!.id)).toEqual(stepsOf(procedure.data).map((step) => step.id));
		expect(steps.map((step) => step.querySelector(`a[href="#${step.getAttribute('data-step')}"]`))).not.toContain(null);
	});

	it('names in each step exactly the UI controls the schema lists, labelled from the glossary', () => {
		const local = glossary(code);
		const english = glossary('en');
		stepsOf(procedure.data).forEach((schemaStep, index) => {
			const labels = [...steps[index]!.querySelectorAll('.ui-label')];
			expect([...new Set(labels.map((label) => label.getAttribute('data-control')))].sort(), schemaStep.id).toEqual([...schemaStep.controls].sort());
			for (const label of labels) {
				const id = label.getAttribute('data-control')!;
				expect(visibleText(label, 'local')).toBe(local[id] ?? english[id]);
				expect(visibleText(label, 'en')).toBe(english[id]);
			}
		});
	});

	it('shows the three cases of step 3 and the notes of step 9', () => {
		expect(steps[2]!.querySelectorAll('.list > li')).toHaveLength(3);
		expect(steps[8]!.querySelectorAll(':scope > p')).toHaveLength(2);
	});

	it('draws the screens of steps 2, 4 and 8 (no screenshot, no placeholder)', () => {
		expect(document.querySelectorAll('img, figure.pending')).toHaveLength(0);
		const withFigure = steps.flatMap((step, index) => (step.querySelector('figure.drawn .screen[role="img"]') ? [index + 1] : []));
		expect(withFigure).toEqual([2, 4, 8]);
	});

	it('leaks no source markup into what the reader sees', () => {
		const text = visibleText(document.body);
		for (const leak of ['[!UICONTROL', '[!DNL', '{target', '{Zielgruppe', '&#x200B;', '&quot;', '&#39;', '**', '_', '\u200b', '{{', '](']) {
			expect(text, leak).not.toContain(leak);
		}
	});

	it('ends with the link to the next procedure, Store integration, in the reader’s language', () => {
		const next = document.querySelector('.next a')!;
		expect(next.getAttribute('href')).toBe(`/${locales.find((l) => l.code === code)!.path}/store-integration/`);
		expect(next.getAttribute('rel')).toBe('next');
		expect(next.textContent!.trim()).not.toBe('');
		expect(document.querySelector('.previous')).toBeNull();
	});

	it(`${code === 'en' ? 'hides' : 'offers'} the Admin-language switch`, () => {
		expect(document.querySelector('.admin-language fieldset') !== null).toBe(code !== 'en');
	});
});
