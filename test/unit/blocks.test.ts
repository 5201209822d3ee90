import { beforeAll, describe, expect, it } from 'vitest';
import Procedure from '../../src/components/Procedure.astro';
import { createTranslator } from '../../src/view/translator';
import { buildProcedureView } from '../../src/view/procedure-view';
import { render, visibleText } from '../helpers/site';
import { importedSampleGuide } from '../helpers/sample-guide';

// Pages of the sample guide hold every construct; imported, they render through the same components.
const guide = importedSampleGuide();
const t = await createTranslator(guide.content);
const renderPage = (id: string, code: string) => {
	const procedure = guide.content.procedures.find((entry) => entry.id === id)!;
	return render(Procedure, { view: buildProcedureView(guide.content, procedure, code), t: t(code) });
};

describe('store-settings (three procedures on one page), in German', () => {
	let document: Document;
	beforeAll(async () => {
		document = await renderPage('store-settings', 'de');
	});

	it('each section is a heading with its anchor, ### one level down; steps are a level below their section', () => {
		expect([...document.querySelectorAll('h2, h3')].filter((heading) => !heading.classList.contains('step-title') && heading.id !== 'progress-title').map((heading) => `${heading.tagName} ${heading.id}`)).toEqual([
			'H2 listing-settings',
			'H2 order-settings',
			'H3 orders-imported-before-change',
			'H2 store-integration-settings',
		]);
		expect(document.querySelector('#order-settings-save-config')!.tagName).toBe('H3');
		// Each procedure counts its steps from 1; the progress counts all of them.
		expect([...document.querySelectorAll('li[data-step] .step-number')].map((number) => number.textContent)).toEqual([
			'Schritt 1',
			'Schritt 2',
			'Schritt 3',
			'Schritt 4',
			'Schritt 1',
			'Schritt 2',
			'Schritt 3',
			'Schritt 4',
			'Schritt 1',
			'Schritt 2',
			'Schritt 3',
		]);
		expect(document.querySelector('step-progress')!.getAttribute('data-texts')).toContain('von 11');
	});

	it('a callout is an aside named by its localized kind', () => {
		const important = document.querySelector('aside.callout-important')!;
		expect(important.getAttribute('aria-label')).toBe('Wichtig');
		expect(important.querySelector('.callout-title')!.textContent).toBe('Wichtig');
	});

	it('a table: a header row, lines split at <br>, a list inside a cell, in a region that scrolls on its own', () => {
		const region = document.querySelector('.table-scroll')!;
		expect(region.getAttribute('role')).toBe('region');
		expect(region.getAttribute('tabindex')).toBe('0');
		expect([...region.querySelectorAll('th')].map((cell) => cell.textContent!.trim())).toEqual(['Field', 'Default', 'What it does']);
		const rows = [...region.querySelectorAll('tbody tr')];
		expect(rows).toHaveLength(4);
		expect(rows[1]!.querySelectorAll('td')[2]!.querySelectorAll('p')).toHaveLength(2);
		expect(rows[2]!.querySelectorAll('td')[2]!.querySelectorAll('ul > li')).toHaveLength(2);
	});

	it('a numbered list inside a step, a badge with its tooltip for screen readers, an external link in a new tab', () => {
		expect(document.querySelectorAll('li[data-step="expand-listing-settings"] ol.list > li')).toHaveLength(2);
		const badge = document.querySelector('.badge')!;
		expect(badge.getAttribute('data-kind')).toBe('informative');
		expect(badge.getAttribute('title')).toBe('Available in version 4.5 and later');
		expect(badge.textContent).toBe('Beta (Available in version 4.5 and later)');
		expect(document.querySelector('a[href="https://sellercentral.amazon.com/"]')!.getAttribute('target')).toBe('_blank');
	});

	it('is not translated: says so, and every text is marked as English', () => {
		expect(document.querySelector('.translation-notice.untranslated')).not.toBeNull();
		expect(document.querySelector('li[data-step] .step-text')!.getAttribute('lang')).toBe('en');
		expect(document.querySelector('aside.callout p:not(.callout-title)')!.getAttribute('lang')).toBe('en');
	});
});

describe('listing-rule (steps with no section), in English', () => {
	let document: Document;
	beforeAll(async () => {
		document = await renderPage('listing-rule', 'en');
	});

	it('steps straight after the intro get level-2 titles; the figure between steps is in step 4', () => {
		expect(document.querySelector('#conditions')!.tagName).toBe('H2');
		expect(document.querySelector('li[data-step="conditions"] figure.pending')).not.toBeNull();
	});

	it('an option list keeps each option’s own paragraph under it', () => {
		const options = [...document.querySelectorAll('li[data-step="conditions"] ul.list > li')];
		expect(options.map((option) => option.querySelector('.ui-label')!.textContent)).toEqual(['All Products', 'Products Matching Conditions']);
		expect(options.map((option) => option.querySelector('p')!.textContent)).toEqual(["Every enabled product of the store's website can be listed.", 'A product can be listed only if it meets all of the conditions that you add.']);
	});

	it('an icon we have no image of shows its words; a link to a page we do not have goes to Experience League', () => {
		expect(document.querySelector('.inline-icon.missing')!.textContent).toBe('Edit icon');
		expect(document.querySelector('a[href*="pricing-overview"]')!.getAttribute('href')).toBe('https://experienceleague.adobe.com/docs/commerce-channels/sample/pricing-overview.html?lang=en');
		expect(document.querySelector('a[href*="store-settings"]')!.getAttribute('href')).toBe('/en/store-settings/#order-settings');
	});

	it('leaks no markup, and the tip after the steps stays last', () => {
		const text = visibleText(document.body);
		for (const leak of ['[!UICONTROL', '[!DNL', '[!BADGE', '{', '**', '](', '\\']) expect(text, leak).not.toContain(leak);
		expect(document.querySelector('article > step-progress > aside.callout-tip:last-child')).not.toBeNull();
	});
});

describe('connect-seller-account: two "Sign in" buttons, each from its own place', () => {
	it('names each step’s control by its own id, and both show the label "Sign in"', async () => {
		const document = await renderPage('connect-seller-account', 'en');
		const commerce = document.querySelector('li[data-step="sign-in"] .ui-label')!;
		const seller = document.querySelector('li[data-step="authorize-sign-in"] .ui-label')!;
		expect([commerce.getAttribute('data-control'), seller.getAttribute('data-control')]).toEqual(['sign-in', 'amazon-seller-central-sign-in']);
		expect([commerce.textContent, seller.textContent]).toEqual(['Sign in', 'Sign in']);
	});
});
