import { expect, test, type Locator } from '@playwright/test';
import { procedurePath, stepIds } from './helpers';

/** What CSS puts before or after an element (`content`), as it would print. */
const generated = (locator: Locator, pseudo: '::before' | '::after') => locator.evaluate((element, which) => getComputedStyle(element, which).content, pseudo);

for (const path of ['de', 'zh-tw', 'en']) {
	test(`${path}: printed, a procedure is a checklist without header or controls, with its links' addresses`, async ({ page }) => {
		await page.goto(procedurePath(path));
		// Two steps ticked on screen print as ☑, the others as ☐.
		for (const id of ['log-in', 'open-channel']) await page.locator(`li[data-step="${id}"] input[data-step-check]`).check();
		await page.emulateMedia({ media: 'print' });

		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.locator('.site-footer')).toBeHidden();
		await expect(page.locator('.outline')).toBeHidden();
		const visibleButtons = await page.locator('button, input, select, summary').evaluateAll((elements) => elements.filter((element) => (element as HTMLElement).offsetParent !== null).length);
		expect(visibleButtons).toBe(0);

		// Every step with its number; folded text (the intro) prints open.
		for (const id of stepIds) await expect(page.locator(`li[data-step="${id}"] .step-number`)).toBeVisible();
		await expect(page.locator('details.intro p').first()).toBeVisible();
		await expect(page.locator('li[data-step="generate-key"] .figure')).toBeVisible();

		for (const id of stepIds) {
			const box = await generated(page.locator(`li[data-step="${id}"] .step-title label`), '::before');
			expect(box, id).toBe(['log-in', 'open-channel'].includes(id) ? '"☑"' : '"☐"');
		}

		// The account page (step 3) and the original page on Experience League say where they go.
		const external = page.locator('article a[href^="http"]');
		expect(await external.count()).toBeGreaterThanOrEqual(2);
		for (const link of await external.all()) expect(await generated(link, '::after')).toMatch(/^" \(" attr\(href\) "\)"$|^" \(https:/);
	});
}

test('printed, a callout and the notes of a step are on paper', async ({ page }) => {
	await page.goto('/de/store-integration/');
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('li[data-step="amazon-marketplace-country"] .callout')).toBeVisible();
	await expect(page.locator('nav.pager')).toBeHidden();
	await expect(page.locator('.procedure-meta time')).toBeVisible();
});
