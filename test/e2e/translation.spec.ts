import { expect, test } from '@playwright/test';
import { locales, procedurePath, siteStrings } from './helpers';

test('the translation status page is in the reader’s language, linked from the footer, and fits a phone', async ({ page }) => {
	await page.setViewportSize({ width: 375, height: 740 });
	await page.goto(procedurePath('de'));
	await page
		.getByRole('contentinfo')
		.getByRole('link', { name: siteStrings('de').footer!.translationStatus! })
		.click();
	await expect(page).toHaveURL('/de/translation-status/');
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stand der Übersetzungen');
	await expect(page.locator('tbody tr')).toHaveCount(locales.length);
	// Every translation is up to date and reviewed: nothing stale, nothing left to the machine.
	const german = page.locator('tr[data-locale="de"]');
	await expect(german.locator('td[data-label="Veraltet"]')).toHaveText('0');
	await expect(german.locator('td[data-label="Übersetzt"]')).toHaveText(/^(\d+) \/ \1$/);
	await expect(german.locator('td[data-label^="Maschinell"]')).toHaveText(/^0 \/ \d+ \/ \d+$/);
	// On a phone the table becomes cards: nothing wider than the screen.
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
	await page.locator('.language-picker summary').click();
	await page.locator('.language-picker').getByRole('link', { name: 'Français' }).click();
	await expect(page).toHaveURL('/fr/translation-status/');
});

test('post-edited translations carry no machine-translation or stale notice', async ({ page }) => {
	for (const locale of locales) {
		await page.goto(procedurePath(locale.path));
		await expect(page.locator('.machine-translated, .machine-note, .stale-note')).toHaveCount(0);
	}
});
