import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { locales, procedurePath, siteStrings } from './helpers';

const widths = [
	{ name: 'phone', width: 375, height: 740 },
	{ name: 'desktop', width: 1280, height: 900 },
];
const schemes = ['light', 'dark'] as const;

/** Every kind of page in a language: its guides, two procedures, the translation status, a step a procedure lacks, an unknown address. */
const pagesIn = (path: string) => [`/${path}/`, procedurePath(path), `/${path}/store-integration/`, `/${path}/translation-status/`, `/${path}/amazon-api-key/step-not-found/`, `/${path}/nope/`];

/** The pages of no language, served when the browser names none: the language choosers at / and of a short link, the 404 of all languages. */
const neutralPages = ['/', '/go/amazon-api-key/verify/', '/nope/'];

/** The states of a procedure page, in languages with words to search for that match and that do not. */
const states = [
	{ path: 'zh-tw', found: '金鑰', notFound: '香蕉' },
	{ path: 'de', found: 'Schlüssel', notFound: 'Banane' },
];

/** Axe's findings on the page as it is now, each named with `what`: none expected. */
async function violations(page: Page, what: string) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.map((violation) => `${what} ${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`);
}

async function expectNoViolationsOn(page: Page, paths: string[]) {
	for (const path of paths) {
		await page.goto(path);
		expect(await violations(page, path)).toEqual([]);
	}
}

// Every kind of page and state in the system's light and dark scheme, at a phone's and a desktop's width.
for (const { name, width, height } of widths) {
	for (const scheme of schemes) {
		test.describe(`axe, ${scheme} scheme, ${name} width`, () => {
			test.use({ viewport: { width, height }, colorScheme: scheme });
			// Axe takes seconds per page on a busy machine.
			test.describe.configure({ timeout: 120_000 });

			// Every language where text is longest against the width; three (Chinese among them) elsewhere.
			for (const locale of name === 'phone' && scheme === 'light' ? locales : locales.filter(({ code }) => ['en', 'zh-TW', 'de'].includes(code))) {
				test(`${locale.code}: every kind of page`, async ({ page }) => {
					await expectNoViolationsOn(page, pagesIn(locale.path));
				});
			}

			// The choosers are for readers without JavaScript (with it they move on to the browser's language at once).
			test('language choosers and 404, for a browser without JavaScript that names no language', async ({ page }) => {
				// No page script runs (axe's own still can); Chromium always names a language, Playwright's own request sends the header empty, which the server reads as none.
				await page.route('**/*', async (route) => (route.request().resourceType() === 'script' ? route.abort() : route.fulfill({ response: await route.fetch({ headers: { ...route.request().headers(), 'accept-language': '' } }) })));
				for (const path of neutralPages) {
					await page.goto(path);
					// The page of no language, not one the server chose: those have the site's header.
					await expect(page.locator('.site-header')).toHaveCount(0);
					expect(await violations(page, path)).toEqual([]);
				}
			});

			for (const { path, found, notFound } of states) {
				test(`${path}: folds open, Admin labels in English, steps ticked, search, key check answer, language picker open`, async ({ page }) => {
					const strings = siteStrings(locales.find((locale) => locale.path === path)!.code);
					await page.goto(procedurePath(path));
					// Folds that open from a width are open there, their summaries hidden.
					for (const summary of await page.locator('details.fold > summary:visible').all()) await summary.click();
					await page.getByRole('radio', { name: 'English' }).check();
					for (const box of await page.locator('input[data-step-check]').all()) await box.check();
					await expect(page.locator('[data-progress-complete]')).toBeVisible();
					expect(await violations(page, 'folds open, ticked')).toEqual([]);

					await page.keyboard.press('/');
					await page.locator('dialog').getByRole('combobox').fill(found);
					await expect(page.locator('dialog').getByRole('option').first()).toBeVisible();
					await page.keyboard.press('ArrowDown');
					expect(await violations(page, `search "${found}"`)).toEqual([]);
					await page.locator('dialog').getByRole('combobox').fill(notFound);
					await expect(page.locator('dialog').getByRole('link', { name: strings.search!.browseAll! })).toBeVisible();
					expect(await violations(page, `search "${notFound}"`)).toEqual([]);
					await page.keyboard.press('Escape');

					await page.getByRole('button', { name: strings.keyCheck!.run! }).click();
					await expect(page.locator('[data-key-check-store]:visible')).toHaveCount(1);
					expect(await violations(page, 'key check')).toEqual([]);

					await page.locator('.language-picker summary').click();
					expect(await violations(page, 'language picker')).toEqual([]);
				});
			}
		});
	}
}

// The scheme the reader picks in the header, against the system's, stays on the next page.
for (const [system, chosen] of [
	['dark', 'light'],
	['light', 'dark'],
] as const) {
	test.describe(`axe with the ${chosen} scheme chosen on a ${system} system`, () => {
		test.use({ colorScheme: system });

		test('a procedure page, then the translation status', async ({ page }) => {
			await page.goto(procedurePath('zh-tw'));
			await page.getByRole('combobox', { name: siteStrings('zh-TW').colorScheme!.label! }).selectOption(chosen);
			expect(await violations(page, procedurePath('zh-tw'))).toEqual([]);
			await page.goto('/zh-tw/translation-status/');
			await expect(page.locator('html')).toHaveAttribute('data-scheme', chosen);
			expect(await violations(page, '/zh-tw/translation-status/')).toEqual([]);
		});
	});
}
