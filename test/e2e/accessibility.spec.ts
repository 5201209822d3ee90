import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { locales, procedurePath } from './helpers';

const widths = [
	{ name: 'phone', width: 375, height: 740 },
	{ name: 'desktop', width: 1280, height: 900 },
];

for (const { name, width, height } of widths) {
	test.describe(`axe at ${name} width`, () => {
		test.use({ viewport: { width, height } });

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
				await page.getByRole('combobox').fill(query);
				await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
				if (query === '金鑰') {
					await expect(page.getByRole('option')).not.toHaveCount(0);
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
			await page.getByRole('radio', { name: 'English' }).check();
			for (const box of await page.locator('input[data-step-check]').all()) await box.check();
			await expect(page.locator('[data-progress-complete]')).toBeVisible();
			await page.locator('.language-picker summary').click();
			expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
			await page.goto('/de/nope/');
			expect((await new AxeBuilder({ page }).analyze()).violations.map((violation) => violation.id)).toEqual([]);
		});
	});
}
