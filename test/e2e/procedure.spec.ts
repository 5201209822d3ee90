import { expect, test, type Locator, type Page } from '@playwright/test';
import { glossary, locales, procedurePath, stepIds, uiLabelCountOfSource } from './helpers';

async function clickWhereItIs(page: Page, locator: Locator) {
	const box = (await locator.boundingBox())!;
	await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** Each visible UI label on the page with its control id. */
async function visibleLabels(page: Page) {
	return page.locator('.ui-label').evaluateAll((labels) => labels.map((label) => ({ id: label.getAttribute('data-control')!, text: (label as HTMLElement).innerText })));
}

for (const locale of locales) {
	test.describe(`${locale.code} procedure page`, () => {
		test('renders the nine steps with the same ids, in the page language', async ({ page }) => {
			const failed: string[] = [];
			page.on('response', (response) => {
				if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
			});
			await page.goto(procedurePath(locale.path));
			await expect(page.locator('html')).toHaveAttribute('lang', locale.code);
			expect(await page.locator('li[data-step]').evaluateAll((steps) => steps.map((step) => step.getAttribute('data-step')))).toEqual(stepIds);
			expect(await page.locator('li[data-step] h3').evaluateAll((headings) => headings.map((heading) => heading.id))).toEqual(stepIds);
			await expect(page.locator('link[rel="alternate"][hreflang]')).toHaveCount(locales.length + 1);
			await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${procedurePath(locale.path)}$`));
			expect(failed, 'no request fails (no broken image, script or stylesheet)').toEqual([]);
		});

		test('shows every UI label as the glossary says', async ({ page }) => {
			await page.goto(procedurePath(locale.path));
			const labels = await visibleLabels(page);
			// Every UI label of the source document is on the page (the seeds have 26 in their steps).
			expect(labels.length).toBe(uiLabelCountOfSource);
			const expected = glossary(locale.code);
			for (const label of labels) expect(label.text, label.id).toBe(expected[label.id]);
		});
	});
}

test('the Admin-language switch changes every label at once and is remembered', async ({ page }) => {
	const german = glossary('de');
	const english = glossary('en');
	await page.goto(procedurePath('de'));
	await page.getByRole('radio', { name: 'English' }).check();
	for (const label of await visibleLabels(page)) expect(label.text, label.id).toBe(english[label.id]);

	await page.reload();
	await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
	for (const label of await visibleLabels(page)) expect(label.text, label.id).toBe(english[label.id]);

	// "My Admin is in English" holds in every language of the guide.
	await page.goto(procedurePath('fr'));
	await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();

	await page.goto(procedurePath('de'));
	await page.getByRole('radio', { name: 'Deutsch' }).check();
	for (const label of await visibleLabels(page)) expect(label.text, label.id).toBe(german[label.id]);
	await page.goto(procedurePath('fr'));
	await expect(page.getByRole('radio', { name: 'Français' })).toBeChecked();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the Admin-language switch still switches the labels', async ({ page }) => {
		await page.goto(procedurePath('zh-tw'));
		await expect(page.getByRole('radio', { name: '繁體中文' })).toBeChecked();
		await expect(page.locator('[data-control="save-config"]').first()).toHaveText('Save Config', { useInnerText: true });
		await expect(page.locator('[data-control="stores"]').first()).toHaveText('商店', { useInnerText: true });
		await page.getByRole('radio', { name: 'English' }).check();
		for (const label of await visibleLabels(page)) expect(label.text, label.id).toBe(glossary('en')[label.id]);
	});
});

test('the language picker keeps the step in the address', async ({ page }) => {
	await page.goto(`${procedurePath('de')}#paste-key`);
	// With the mouse where the (sticky) picker is: a locator click could scroll the page first.
	await clickWhereItIs(page, page.getByText('Sprache:'));
	await clickWhereItIs(page, page.getByRole('link', { name: 'Français' }));
	await expect(page).toHaveURL(new RegExp(`${procedurePath('fr')}#paste-key$`));
	await expect(page.locator('#paste-key')).toBeInViewport();
});

test('the language picker keeps the step being read when the address has none', async ({ page }) => {
	await page.goto(procedurePath('it'));
	await page.locator('#add-the-key').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
	// Click with the mouse where the (sticky) picker is: a locator click would scroll the page first.
	await clickWhereItIs(page, page.locator('.language-picker summary'));
	await clickWhereItIs(page, page.getByRole('link', { name: 'Nederlands' }));
	await expect(page).toHaveURL(new RegExp(`${procedurePath('nl')}#add-the-key$`));
});

test('each step has an anchor link to itself', async ({ page }) => {
	await page.goto(procedurePath('en'));
	await page.getByRole('link', { name: 'Link to step 7' }).click();
	await expect(page).toHaveURL(/#paste-key$/);
	await expect(page.locator('li[data-step="paste-key"]')).toHaveCSS('border-top-color', /.+/);
});

test('the two procedures read as a sequence: next and previous, in the reader’s language', async ({ page }) => {
	await page.goto(procedurePath('de'));
	await page.locator('nav.pager').getByRole('link').click();
	await expect(page).toHaveURL('/de/store-integration/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Shop-Integration');
	// Two procedures, each counting its steps from 1; the second one's steps stand under its own heading.
	await expect(page.getByRole('heading', { level: 2, name: 'Shop mit Amazon Seller Central verbinden' })).toBeVisible();
	await expect(page.locator('li[data-step="sign-in"] .step-number')).toHaveText('Schritt 2');
	// Amazon Seller Central's "Sign in" has its own label, not the Commerce Admin's.
	await expect(page.locator('li[data-step="sign-in"] .ui-label-local')).toHaveText('Anmelden');
	await page
		.locator('nav.pager')
		.getByRole('link', { name: /Amazon-API-Schlüssel/ })
		.click();
	await expect(page).toHaveURL(procedurePath('de'));
});

test('a link to a section of the next procedure lands on it', async ({ page }) => {
	await page.goto('/fr/store-integration/#connect-seller-central');
	await expect(page.locator('#connect-seller-central')).toBeInViewport();
});
