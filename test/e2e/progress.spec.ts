import { expect, test, type Page } from '@playwright/test';
import { procedurePath, stepIds } from './helpers';

const step = (page: Page, id: string) => page.locator(`li[data-step="${id}"]`);
const tick = (page: Page, id: string) => step(page, id).locator('input[data-step-check]');

test('ticks survive a reload and a change of language, with "n of 9" in each language', async ({ page }) => {
	await page.goto(procedurePath('de'));
	await expect(page.locator('[data-progress-status]')).toHaveText('Erledigte Schritte: 0 von 9');
	for (const id of ['log-in', 'open-channel', 'sign-in']) await tick(page, id).check();
	await expect(page.locator('[data-progress-status]')).toHaveText('Erledigte Schritte: 3 von 9');
	await expect(page.locator('[data-announcer]')).toHaveText('Erledigte Schritte: 3 von 9');

	await page.reload();
	await expect(page.locator('[data-progress-status]')).toHaveText('Erledigte Schritte: 3 von 9');
	for (const id of stepIds) await expect(tick(page, id)).toBeChecked({ checked: ['log-in', 'open-channel', 'sign-in'].includes(id) });
	const continueLink = page.getByRole('link', { name: 'Weiter bei Schritt 4' });
	await expect(continueLink).toHaveAttribute('href', '#generate-key');

	await page.locator('.language-picker summary').click();
	await page.getByRole('link', { name: 'Français' }).click();
	await expect(page).toHaveURL(new RegExp(procedurePath('fr')));
	await expect(page.locator('[data-progress-status]')).toHaveText('Étapes terminées : 3 sur 9');
	for (const id of stepIds) await expect(tick(page, id)).toBeChecked({ checked: ['log-in', 'open-channel', 'sign-in'].includes(id) });
	await page.getByRole('link', { name: 'Reprendre à l’étape 4' }).click();
	await expect(page).toHaveURL(/#generate-key$/);
});

test('ticking every step shows the completion and the next page; reset asks first', async ({ page }) => {
	await page.goto(procedurePath('en'));
	const complete = page.locator('[data-progress-complete]');
	await expect(complete).toBeHidden();
	for (const id of stepIds) await tick(page, id).check();
	await expect(complete).toBeVisible();
	await expect(complete.getByRole('link', { name: 'Continue to Store integration' })).toHaveAttribute('href', '/en/store-integration/');
	await expect(page.getByRole('link', { name: /^Continue at step/ })).toBeHidden();

	page.once('dialog', (dialog) => dialog.dismiss());
	await page.getByRole('button', { name: 'Reset progress' }).click();
	await expect(page.locator('[data-progress-status]')).toHaveText('Steps done: 9 of 9');

	page.once('dialog', (dialog) => {
		expect(dialog.message()).toBe('Remove all ticks from this guide?');
		void dialog.accept();
	});
	await page.getByRole('button', { name: 'Reset progress' }).click();
	await expect(page.locator('[data-progress-status]')).toHaveText('Steps done: 0 of 9');
	await page.reload();
	await expect(page.locator('input[data-step-check]:checked')).toHaveCount(0);
});

test('the tick boxes are checkboxes named by their step, usable with the keyboard', async ({ page }) => {
	await page.goto(procedurePath('it'));
	const box = page.getByRole('checkbox', { name: /^Passaggio 7 Incolla la chiave copiata nel campo Production Api key\.$/ });
	await box.focus();
	await page.keyboard.press('Space');
	await expect(box).toBeChecked();
	await expect(page.locator('[data-announcer]')).toHaveText('Passaggi completati: 1 di 9');
});

test('a deep link scrolls to the step, highlights it and moves focus to it', async ({ page }) => {
	await page.goto(`${procedurePath('nl')}#paste-key`);
	const target = step(page, 'paste-key');
	await expect(target.locator('h3')).toBeFocused();
	await expect(target).toBeInViewport();
	await expect(target).toHaveCSS('box-shadow', /rgb/);
	await expect(step(page, 'verify')).toHaveCSS('box-shadow', 'none');
});

test.describe('copy link', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

	test('puts the step’s language-neutral short link on the clipboard and says so', async ({ page, baseURL }) => {
		await page.goto(procedurePath('zh-tw'));
		const button = step(page, 'paste-key').getByRole('button', { name: '複製連結 (步驟 7)' });
		await button.click();
		expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseURL}/go/amazon-api-key/paste-key/`);
		await expect(button).toContainText('已複製連結');
		await expect(page.locator('[data-announcer]')).toHaveText('已複製連結。它會以每位讀者自己的語言開啟此步驟。');
	});
});

test('corrupted stored progress is ignored', async ({ page }) => {
	await page.addInitScript(() => localStorage.setItem('walkthroughs:progress:amazon-api-key', '{"done": oops'));
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(procedurePath('en'));
	await expect(page.locator('[data-progress-status]')).toHaveText('Steps done: 0 of 9');
	await tick(page, 'log-in').check();
	await expect(page.locator('[data-progress-status]')).toHaveText('Steps done: 1 of 9');
	expect(errors).toEqual([]);
});

test('with storage blocked, ticking still works and the page says it will not be kept', async ({ page }) => {
	await page.addInitScript(() => {
		Object.defineProperty(window, 'localStorage', {
			get() {
				throw new DOMException('The operation is insecure.', 'SecurityError');
			},
		});
	});
	const errors: string[] = [];
	page.on('pageerror', (error) => errors.push(error.message));
	await page.goto(procedurePath('fr'));
	await expect(page.locator('[data-progress-storage-off]')).toBeVisible();
	await tick(page, 'sign-in').check();
	await expect(page.locator('[data-progress-status]')).toHaveText('Étapes terminées : 1 sur 9');
	await page.getByRole('radio', { name: 'English' }).check();
	await expect(page.locator('[data-control="save-config"]').first()).toHaveText('Save Config', { useInnerText: true });
	expect(errors).toEqual([]);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the page is the whole procedure with no tick boxes or copy buttons that could not work', async ({ page }) => {
		await page.goto(procedurePath('de'));
		await expect(page.locator('li[data-step]')).toHaveCount(9);
		await expect(page.getByRole('checkbox')).toHaveCount(0);
		await expect(page.getByRole('button', { name: /Link kopieren/ })).toHaveCount(0);
		await expect(page.locator('[data-progress-panel]')).toBeHidden();
		await expect(page.getByRole('link', { name: 'Link zu Schritt 7' })).toHaveAttribute('href', '#paste-key');
	});

	test('a short link lists the step in every language', async ({ page }) => {
		await page.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'accept-language': '' } }));
		await page.goto('/go/amazon-api-key/paste-key/');
		await expect(page.getByRole('link', { name: 'Deutsch' })).toHaveAttribute('href', `${procedurePath('de')}#paste-key`);
		await expect(page.getByText('Schritt 7: Fügen Sie den kopierten Schlüssel in das Feld Production Api key ein.')).toBeVisible();
	});
});

test.describe('short links', () => {
	test.use({ locale: 'it-IT' });

	test('/go/… lands on the step in the reader’s language (server, by Accept-Language)', async ({ page }) => {
		await page.goto('/go/amazon-api-key/paste-key');
		await expect(page).toHaveURL(new RegExp(`${procedurePath('it')}#paste-key$`));
		await expect(step(page, 'paste-key').locator('h3')).toBeFocused();
	});

	test('/go/… lands on the step in the reader’s language (static host, by navigator.languages)', async ({ page }) => {
		await page.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'accept-language': '' } }));
		await page.goto('/go/amazon-api-key/save-config/');
		await expect(page).toHaveURL(new RegExp(`${procedurePath('it')}#save-config$`));
	});

	test('an unknown procedure gets the localized 404, an unknown step its procedure’s steps', async ({ page }) => {
		for (const [path, heading] of [
			['/go/no-such-guide/paste-key/', 'Pagina non trovata'],
			['/go/amazon-api-key/no-such-step', 'Passaggio non trovato'],
		]) {
			const response = await page.goto(path!);
			expect(response?.status(), path).toBe(404);
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading!);
		}
	});
});
