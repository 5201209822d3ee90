import { expect, test } from '@playwright/test';
import { locales, procedurePath } from './helpers';

test('the translation status page, linked from the footer, shows the table', async ({ page }) => {
	await page.goto(procedurePath('nl'));
	await page.getByRole('contentinfo').getByRole('link', { name: 'Status van de vertalingen' }).click();
	await expect(page).toHaveURL(/\/translation-status\/$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Translation status');
	const rows = page.locator('tbody tr');
	await expect(rows).toHaveCount(locales.length);
	const german = page.locator('tr[data-locale="de"]');
	await expect(german.locator('td').nth(1)).toContainText('log-in: changed in 7fff4c4, translated from 2c753ec');
	await expect(german.locator('td').nth(1)).toContainText('generate-key');
	await expect(german.locator('td').nth(2)).toHaveText('yes (tm+mt, 0% human)');
	await expect(german.locator('td').nth(0)).toHaveText(/^(\d+) \/ \1$/);
	await expect(page.locator('tr[data-locale="fr"] td').nth(1)).toHaveText('—');
	await expect(page.locator('tr[data-locale="en"] td').nth(2)).toHaveText('no');
	await german.getByRole('link', { name: 'log-in' }).click();
	await expect(page).toHaveURL(new RegExp(`${procedurePath('de')}#log-in$`));
});

test('a stale step carries a notice in de but not in fr', async ({ page }) => {
	await page.goto(procedurePath('de'));
	const notices = page.locator('.stale-note');
	await expect(notices).toHaveCount(2);
	await expect(page.locator('li[data-step="log-in"] .stale-note')).toHaveText('Die Übersetzung dieses Schritts ist möglicherweise veraltet. Diesen Schritt auf Englisch lesen');
	await expect(page.locator('li[data-step="generate-key"] .stale-note')).toBeVisible();
	await page.locator('li[data-step="log-in"]').getByRole('link', { name: 'Diesen Schritt auf Englisch lesen' }).click();
	await expect(page).toHaveURL(new RegExp(`${procedurePath('en')}#log-in$`));

	await page.goto(procedurePath('fr'));
	await expect(page.locator('.stale-note')).toHaveCount(0);
});

test('a machine-translated page says so once, at the top; the English page does not', async ({ page }) => {
	await page.goto(procedurePath('it'));
	const notice = page.locator('.machine-translated');
	await expect(notice).toHaveCount(1);
	await expect(notice).toContainText('Questa pagina è stata tradotta automaticamente');
	await expect(notice.getByRole('link', { name: 'Leggi la versione inglese' })).toHaveAttribute('href', procedurePath('en'));
	await page.goto(procedurePath('en'));
	await expect(page.locator('.machine-translated')).toHaveCount(0);
});
