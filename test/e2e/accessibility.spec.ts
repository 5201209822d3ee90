import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { locales, procedurePath } from './helpers';

const widths = [
	{ name: 'phone', width: 375, height: 740 },
	{ name: 'desktop', width: 1280, height: 900 },
];

/** Axe's findings on the page as it is now: none expected. */
async function violations(page: Page, what: string) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations.map((violation) => `${what} ${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`);
}

// Every test in the light scheme at a phone's and a desktop's width, and the main ones again dark.
for (const { name, width, height } of widths) {
	test.describe(`axe at ${name} width`, () => {
		test.use({ viewport: { width, height } });
		// Axe takes seconds per page on a busy machine.
		test.describe.configure({ timeout: 120_000 });

		for (const locale of locales) {
			test(`${locale.code}: procedure pages and procedure list`, async ({ page }) => {
				for (const path of [procedurePath(locale.path), `/${locale.path}/store-integration/`, `/${locale.path}/`, `/${locale.path}/translation-status/`]) {
					await page.goto(path);
					const results = await new AxeBuilder({ page }).analyze();
					expect(results.violations.map((violation) => `${path} ${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
				}
			});
		}

		test('search dialog with results (one chosen) and with none', async ({ page }) => {
			await page.goto(procedurePath('zh-tw'));
			await page.keyboard.press('/');
			for (const query of ['金鑰', '香蕉']) {
				await page.locator('dialog').getByRole('combobox').fill(query);
				await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
				if (query === '金鑰') {
					await expect(page.locator('dialog').getByRole('option')).not.toHaveCount(0);
					await page.keyboard.press('ArrowDown');
				} else {
					await expect(page.getByRole('link', { name: '查看所有指南' })).toBeVisible();
				}
				const results = await new AxeBuilder({ page }).analyze();
				expect(results.violations.map((violation) => `${query} ${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
			}
		});

		test('language picker open, Admin labels in English, steps ticked, 404', async ({ page }) => {
			await page.goto(procedurePath('zh-tw'));
			// On a phone the choice is folded; open it as a reader would.
			if (width < 640) await page.locator('details.admin-language summary').click();
			await page.getByRole('radio', { name: 'English' }).check();
			for (const box of await page.locator('input[data-step-check]').all()) await box.check();
			// Narrower than the outline beside the text, the progress is in the outline's fold.
			if (width < 1056) await page.locator('details.outline summary').click();
			await expect(page.locator('[data-progress-complete]')).toBeVisible();
			await page.locator('.language-picker summary').click();
			expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
			await page.goto('/de/nope/');
			expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
		});
	});
}

for (const { name, width, height } of widths) {
	test.describe(`axe in the dark scheme at ${name} width`, () => {
		test.use({ viewport: { width, height }, colorScheme: 'dark' });
		test.describe.configure({ timeout: 120_000 });

		for (const path of ['de', 'zh-tw', 'en']) {
			test(`${path}: every kind of page`, async ({ page }) => {
				for (const url of [procedurePath(path), `/${path}/store-integration/`, `/${path}/`, `/${path}/amazon-api-key/step-not-found/`, `/${path}/nope/`]) {
					await page.goto(url);
					expect(await violations(page, url)).toEqual([]);
				}
			});
		}

		test('folds open, steps ticked, a search with results, the key check’s answer', async ({ page }) => {
			await page.goto(procedurePath('de'));
			for (const summary of await page.locator('details.fold > summary:visible').all()) await summary.click();
			for (const box of await page.locator('input[data-step-check]').all()) await box.check();
			expect(await violations(page, 'folds open, ticked')).toEqual([]);
			await page.keyboard.press('/');
			await page.locator('dialog').getByRole('combobox').fill('Schlüssel');
			await expect(page.locator('dialog').getByRole('option').first()).toBeVisible();
			await page.keyboard.press('ArrowDown');
			expect(await violations(page, 'search')).toEqual([]);
			await page.keyboard.press('Escape');
			await page.getByRole('button', { name: 'Schlüssel jetzt prüfen' }).click();
			await expect(page.locator('[data-key-check-store]:visible')).toHaveCount(1);
			expect(await violations(page, 'key check')).toEqual([]);
		});
	});
}

test.describe('axe with the light scheme chosen on a dark system', () => {
	test.use({ colorScheme: 'dark' });

	test('the procedure page', async ({ page }) => {
		await page.goto(procedurePath('zh-tw'));
		await page.getByRole('combobox', { name: '色彩配置' }).selectOption('light');
		expect(await violations(page, 'light on dark')).toEqual([]);
	});
});
