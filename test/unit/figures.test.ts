import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import Figure from '../../src/components/Figure.astro';
import { loadContent } from '../../src/model/check';
import { readProcedures } from '../../src/model/content';
import { locales, sourceLocale } from '../../src/model/locales';
import { figuresOf, type DrawnFigure } from '../../src/model/procedure';
import { readScreen } from '../../src/model/screen';
import { textAt } from '../../src/model/texts';
import { isEnglishOnly } from '../../src/model/ui-controls';
import { buildProcedureView, type BlockView } from '../../src/view/procedure-view';
import { toPlainText } from '../../src/view/text-context';
import { copyOfProjectData, edit, lineOf, problemsOf } from '../helpers/project';
import { loadSite, render, visibleText } from '../helpers/site';

const { content } = await loadSite();

/** Every drawn figure of the site: its procedure, its step and the figure. */
const drawn = content.procedures.flatMap((procedure) => figuresOf(procedure.data).flatMap(({ figure, scope }) => ('screen' in figure && scope.kind === 'step' ? [{ procedure, step: scope.id, figure: figure as DrawnFigure }] : [])));

/** The figure of a step as the page view has it, rendered on its own. */
async function renderFigure(procedureId: string, stepId: string, code: string) {
	const procedure = content.procedures.find((entry) => entry.id === procedureId)!;
	const view = buildProcedureView(content, procedure, code);
	const block = view.steps.find((step) => step.id === stepId)!.blocks.find((candidate): candidate is Extract<BlockView, { type: 'figure' }> => candidate.type === 'figure')!;
	const document = await render(Figure, { ...block, context: view.context, pendingText: '' });
	return { document, view, block };
}

it('the site has the four drawn figures the issue asks for', () => {
	expect(drawn.map(({ procedure, step }) => `${procedure.id} ${step}`)).toEqual(['amazon-api-key open-channel', 'amazon-api-key generate-key', 'amazon-api-key save-config', 'store-integration add-amazon-store']);
});

describe.each(drawn.map(({ procedure, step, figure }) => [`${procedure.id} ${step}`, procedure.id, step, figure] as const))('the figure of %s', (_name, procedureId, stepId, figure) => {
	const shown = [...new Set(readScreen(figure.screen).controls.map((control) => control.id))];

	describe.each(locales.map((locale) => locale.code))('in %s', (code) => {
		const glossary = content.words[code].glossary;
		const english = content.words[sourceLocale.code].glossary;

		it.each(['local', 'en'] as const)('shows each UI control with its glossary label when the Admin is %s', async (admin) => {
			const { document } = await renderFigure(procedureId, stepId, code);
			for (const id of shown) {
				const labels = [...document.querySelectorAll(`.screen [data-control="${id}"]`)];
				expect(labels.length, id).toBeGreaterThan(0);
				const expected = admin === 'en' || isEnglishOnly(content.uiControls, id) || !Object.hasOwn(glossary, id) ? english[id] : glossary[id];
				for (const label of labels) expect(visibleText(label, admin), `${code} ${id}`).toBe(expected);
			}
		});

		it('is one image to assistive technology, named by its alt text, with the caption under it', async () => {
			const { document, view, block } = await renderFigure(procedureId, stepId, code);
			const texts = content.words[code].procedures[procedureId]!;
			const screen = document.querySelector('figure.drawn > .screen')!;
			expect(screen.getAttribute('role')).toBe('img');
			// The alt text is this language's, its labels as the glossary says (no markup left).
			const alt = screen.getAttribute('aria-label')!;
			expect(block.alt.lang).toBeUndefined();
			expect(alt).toBe(toPlainText(block.alt.nodes, view.context));
			expect(alt).not.toMatch(/\[!|\]|\{\{/);
			expect(textAt(texts, `steps.${stepId}.${figure.figure}`)!.length).toBeGreaterThan(60);
			expect(visibleText(document.querySelector('figure.drawn > figcaption')!)).toBe(textAt(texts, `steps.${stepId}.${figure.caption!}`));
		});
	});

	it('marks what the step acts on, numbered when it acts on several', async () => {
		const { document } = await renderFigure(procedureId, stepId, 'de');
		const acted = [...document.querySelectorAll('.screen-acts')];
		expect(acted).toHaveLength(figure.screen.acts.length);
		const marks = acted.map((element) => element.querySelector(':scope > .screen-mark')!);
		for (const mark of marks) expect(mark.getAttribute('aria-hidden')).toBe('true');
		if (figure.screen.acts.length > 1) expect(marks.map((mark) => mark.textContent)).toEqual(figure.screen.acts.map((_, index) => String(index + 1)));
		else expect(marks[0]!.querySelector('svg')).not.toBeNull();
	});

	it('names no .ui-label (those are the labels a step’s text names) and shows no placeholder', async () => {
		const { document } = await renderFigure(procedureId, stepId, 'fr');
		expect(document.querySelectorAll('.ui-label, .pending, img')).toHaveLength(0);
	});
});

it('the API Portal shows the sample description and key from the locale file', async () => {
	const { document } = await renderFigure('amazon-api-key', 'generate-key', 'zh-TW');
	const text = visibleText(document.querySelector('.screen')!);
	expect(text).toContain('Amazon Sales Channel');
	expect(document.querySelector('.screen-table code')!.textContent).toBe('a3f9c2…7e41');
});

it('the configuration page shows the Admin’s labels in German and English, both in its text for the search', async () => {
	const { document } = await renderFigure('amazon-api-key', 'save-config', 'de');
	const save = document.querySelector('.screen-actions [data-control="save-config"]')!;
	expect(save.textContent).toBe('Konfiguration speichern Save Config');
	expect(document.querySelector('.screen-sidebar .current [data-control="stores"] .ui-label-local')!.textContent).toBe('Shops');
	expect(document.querySelector('.screen-nav-item.current [data-control="magento-services"]')).not.toBeNull();
	expect(document.querySelector('.screen-field .screen-secret')).not.toBeNull();
});

describe('a broken drawn screen is reported with its file and line', () => {
	let root: string;
	afterEach(() => rmSync(root, { recursive: true, force: true }));
	const file = 'content/procedures/amazon-api-key.yaml';

	it.each([
		// [name, from, to, message, the line reported]
		['acts names what the screen does not have', '                  acts: sign-in', '                  acts: sign-out', '"sign-out" is not on the screen', '                  acts: sign-out'],
		['acts names one element twice', 'acts: [key-name, add-new, copy]', 'acts: [key-name, add-new, add-new]', '"add-new" is named twice in acts', 'acts: [key-name, add-new, add-new]'],
		['a sidebar on a web site', '                  kind: site', '                  kind: site\n                  sidebar: [3]', 'only the Commerce Admin has a sidebar (kind: admin)', 'sidebar: [3]'],
		[
			'an unknown element',
			'                    - tabs: [1, api-portal, 2]',
			'                    - tab: [1, api-portal, 2]',
			'an element of a screen is one of text, lines, heading, button, field, checkbox, tabs, section, dialog, row, table',
			'- tab: [1, api-portal, 2]',
		],
		['a label that is neither an id nor a text', '                  title: configuration', '                  title: Configuration', 'use lower-case letters, digits and hyphens', 'title: Configuration'],
		[
			'an image and a screen at once',
			'              - figure: screen\n                caption: image\n                screen:\n                  kind: site',
			'              - figure: screen\n                caption: image\n                src: add-key.png\n                screen:\n                  kind: site',
			'a figure is an image (src) or a drawn screen (screen), not both',
			'src: add-key.png',
		],
	] as const)('%s', (_name, from, to, message, needle) => {
		root = copyOfProjectData();
		edit(root, file, from, to);
		const line = lineOf(root, file, needle);
		expect(problemsOf(root, readProcedures)).toContainEqual(expect.objectContaining({ file, line, message: expect.stringContaining(message) }));
	});

	it('a UI control the glossary does not have', () => {
		root = copyOfProjectData();
		edit(root, file, '                  sidebar: [7, stores, 1]', '                  sidebar: [7, shops, 1]');
		expect(problemsOf(root, loadContent)).toContainEqual(expect.objectContaining({ file, line: lineOf(root, file, 'sidebar: [7, shops, 1]'), message: 'unknown UI control id "shops": locales/en/glossary.json has no label for it' }));
	});

	it('controls of two places on one screen (Commerce Admin’s and Seller Central’s "Sign in")', () => {
		root = copyOfProjectData();
		edit(root, file, '{ button: sign-in, primary: true }', '{ button: amazon-seller-central-sign-in, primary: true }');
		edit(root, file, 'acts: sign-in', 'acts: amazon-seller-central-sign-in');
		expect(problemsOf(root, loadContent)).toContainEqual(
			expect.objectContaining({
				file,
				line: lineOf(root, file, 'amazon-seller-central-sign-in, primary'),
				message: expect.stringContaining('a screen shows one place: "marketing" lives in Commerce Admin, "amazon-seller-central-sign-in" in Amazon Seller Central'),
			}),
		);
	});

	it('the words of a screen are texts of its step: missing in English is an error', () => {
		root = copyOfProjectData();
		edit(root, 'locales/en/amazon-api-key.json', /\n\s*"sample-key": "[^"]*"/, '');
		edit(root, 'locales/en/amazon-api-key.json', '"key-name": "[!DNL Amazon Sales Channel]",', '"key-name": "[!DNL Amazon Sales Channel]"');
		expect(problemsOf(root, loadContent)).toContainEqual(expect.objectContaining({ file: 'locales/en/amazon-api-key.json', key: 'steps.generate-key.sample-key', message: 'missing' }));
	});
});
