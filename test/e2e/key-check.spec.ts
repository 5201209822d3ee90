import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readDemoState, writeDemoState } from '../../src/store/demo-store';
import { demoStore, procedurePath, siteStrings, stepIds } from './helpers';

// The site asks one demo store (playwright.config.ts) and these tests switch it: one at a time.
test.describe.configure({ mode: 'serial' });

const result = (page: Page, status: string) => page.locator(`[data-key-check-result="${status}"]`);
const shownResults = (page: Page) => page.locator('[data-key-check-result]:visible');
const tickOf = (page: Page, id: string) => page.locator(`li[data-step="${id}"] input[data-step-check]`);
const verifyTick = (page: Page) => tickOf(page, 'verify');
const storeNote = (page: Page) => page.locator('[data-key-check-store]:visible');
const demoHost = new URL(demoStore.url).host;
/** A translated text with its {{values}} as "anything". */
const pattern = (text: string) => new RegExp(text.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{\{\w+\}\}/g, '.+'));

for (const [path, code] of [
	['de', 'de'],
	['zh-tw', 'zh-TW'],
] as const) {
	test(`${code}: "Check my key now" shows each status in the page language`, async ({ page }) => {
		const strings = siteStrings(code).keyCheck!;
		const outcomes = [
			['missing', 'missing', strings.missing!],
			['invalid', 'invalid', strings.invalid!],
			['expired', 'expired', strings.expired!],
			['error', 'unreachable', strings.unreachable!],
			['slow', 'timeout', strings.timeout!],
			['valid', 'valid', strings.valid!],
		] as const;
		await page.goto(procedurePath(path));
		const button = page.getByRole('button', { name: strings.run! });
		for (const [state, status, text] of outcomes) {
			await writeDemoState(demoStore.file, state);
			await button.click();
			await expect(result(page, status), state).toBeVisible();
			await expect(shownResults(page)).toHaveCount(1);
			await expect(result(page, status).locator('p').first()).toHaveText(pattern(`${text} ${status === 'missing' || state === 'error' || state === 'slow' ? strings.checked : strings.keyEnding}`), { useInnerText: true });
			await expect(page.locator('[data-announcer]')).toHaveText(pattern(text));
		}
		const { keyHint } = await readDemoState(demoStore.file);
		await expect(result(page, 'valid')).toContainText(keyHint);
		await expect(verifyTick(page)).toBeChecked();
	});

	test(`${code}: each failed status lists every step to do again, in order; the panel names the demo store it asked`, async ({ page }) => {
		const strings = siteStrings(code);
		const stepNumber = (number: number) => strings.procedure!.stepNumber!.replace('{{number}}', String(number));
		await page.goto(procedurePath(path));
		const button = page.getByRole('button', { name: strings.keyCheck!.run! });
		for (const state of ['missing', 'invalid', 'expired'] as const) {
			await writeDemoState(demoStore.file, state);
			await button.click();
			const links = result(page, state).getByRole('link');
			await expect(links, state).toHaveText([stepNumber(4), stepNumber(7), stepNumber(8)]);
			expect(await links.evaluateAll((found) => found.map((link) => link.getAttribute('href')))).toEqual(['#generate-key', '#paste-key', '#save-config']);
			await expect(storeNote(page)).toHaveText(strings.keyCheck!.demoStore!.replace('{{host}}', demoHost));
		}
		// When the store is in trouble, the panel says how to check in the Admin instead.
		for (const [state, status] of [
			['error', 'unreachable'],
			['slow', 'timeout'],
		] as const) {
			await writeDemoState(demoStore.file, state);
			await button.click();
			await expect(result(page, status)).toContainText(strings.keyCheck!.checkInAdmin!.replace('{{number}}', '9'));
			await expect(storeNote(page)).toContainText(demoHost);
		}
	});
}

test('a valid key ticks every step up to the confirmed one; a later failed check unticks it and the steps to do again', async ({ page }) => {
	await writeDemoState(demoStore.file, 'valid');
	await page.goto(procedurePath('de'));
	const button = page.getByRole('button', { name: 'Schlüssel jetzt prüfen' });
	await button.click();
	await expect(result(page, 'valid')).toContainText('Die Schritte 1 bis 9 sind erledigt.');
	for (const id of stepIds) await expect(tickOf(page, id), id).toBeChecked();
	await expect(page.locator('[data-progress-status]')).toHaveText('Erledigte Schritte: 9 von 9');
	await expect(page.locator('[data-progress-complete]')).toBeVisible();

	await writeDemoState(demoStore.file, 'invalid');
	await button.click();
	await expect(result(page, 'invalid')).toBeVisible();
	const redo = ['generate-key', 'paste-key', 'save-config', 'verify'];
	for (const id of stepIds) await expect(tickOf(page, id), id).toBeChecked({ checked: !redo.includes(id) });
	await expect(page.locator('[data-progress-status]')).toHaveText('Erledigte Schritte: 5 von 9');
	await expect(page.getByRole('link', { name: 'Weiter bei Schritt 4' })).toHaveAttribute('href', '#generate-key');
	// Kept, like any tick.
	await page.reload();
	await expect(verifyTick(page)).not.toBeChecked();
	await expect(tickOf(page, 'log-in')).toBeChecked();
});

test('a store that is not the demo store is named by its host alone', async ({ page }) => {
	await page.route('**/api/key-check/', (route) => route.fulfill({ json: { status: 'valid', checkedAt: new Date().toISOString(), keyHint: 'Q7xz', expiresAt: null, nextStep: null, store: { host: 'shop.example.com', demo: false } } }));
	await page.goto(procedurePath('zh-tw'));
	await page.getByRole('button', { name: '立即檢查我的金鑰' }).click();
	await expect(storeNote(page)).toHaveText('回應來自 shop.example.com 的商店。');
});

test('an answer without the key hint (a reader the server does not trust with it) says when it checked, not "ending in"', async ({ page }) => {
	const checkedAt = '2026-05-04T09:12:44.000Z';
	const time = await page.evaluate((iso) => new Date(iso).toLocaleString('en', { timeStyle: 'medium' }), checkedAt);
	for (const [status, sentence] of [
		['valid', 'The store accepts your key, so steps 1 to 9 are done.'],
		['invalid', 'The store rejects the key.'],
	] as const) {
		await page.route('**/api/key-check/', (route) => route.fulfill({ json: { status, checkedAt, keyHint: null, expiresAt: null, nextStep: null, store: { host: 'shop.example.com', demo: false } } }));
		await page.goto(procedurePath('en'));
		await page.getByRole('button', { name: 'Check my key now' }).click();
		await expect(result(page, status).locator('p').first()).toHaveText(`${sentence} Checked at ${time}.`, { useInnerText: true });
		await page.unroute('**/api/key-check/');
	}
});

test('missing links to the steps that create, paste and save a key; so does invalid', async ({ page }) => {
	await writeDemoState(demoStore.file, 'invalid');
	await page.goto(procedurePath('en'));
	const button = page.getByRole('button', { name: 'Check my key now' });
	await button.click();
	const invalidLinks = result(page, 'invalid').getByRole('link');
	await expect(invalidLinks).toHaveText(['Step 4', 'Step 7', 'Step 8']);
	expect(await invalidLinks.evaluateAll((links) => links.map((link) => link.getAttribute('href')))).toEqual(['#generate-key', '#paste-key', '#save-config']);

	await writeDemoState(demoStore.file, 'missing');
	await button.click();
	await expect(result(page, 'missing')).toContainText('No key is saved in the store configuration.');
	await result(page, 'missing').getByRole('link', { name: 'Step 4' }).click();
	await expect(page).toHaveURL(/#generate-key$/);
	await expect(page.locator('#generate-key')).toBeFocused();
	await expect(verifyTick(page)).not.toBeChecked();
});

test('switching the demo store to valid on its page turns verify ticked, and offers the next page', async ({ page, context }) => {
	await writeDemoState(demoStore.file, 'missing');
	await page.goto(procedurePath('fr'));
	const button = page.getByRole('button', { name: 'Vérifier ma clé maintenant' });
	await button.click();
	await expect(result(page, 'missing')).toBeVisible();
	await expect(verifyTick(page)).not.toBeChecked();

	const store = await context.newPage();
	await store.goto(`${demoStore.url}/`);
	await store.getByRole('button', { name: 'valid', exact: true }).click();
	await expect(store.getByText('Now: valid.')).toBeVisible();
	await store.close();

	await button.click();
	await expect(result(page, 'valid')).toContainText('Le magasin accepte votre clé : les étapes 1 à 9 sont terminées.');
	await expect(verifyTick(page)).toBeChecked();
	await expect(page.locator('[data-progress-status]')).toHaveText('Étapes terminées : 9 sur 9');
	await expect(result(page, 'valid').getByRole('link')).toHaveAttribute('href', '/fr/store-integration/');
	await page.reload();
	await expect(verifyTick(page)).toBeChecked();
});

test('watch mode picks up the key saved in the meantime, then stops by itself', async ({ page }) => {
	await writeDemoState(demoStore.file, 'missing');
	await page.goto(procedurePath('nl'));
	const watch = page.getByRole('button', { name: 'Blijven controleren' });
	await watch.click();
	await expect(watch).toHaveAttribute('aria-pressed', 'true');
	await expect(page.getByText(/Controleert vanzelf opnieuw/)).toBeVisible();
	await expect(result(page, 'missing')).toBeVisible();

	// The merchant saves the key in the Admin; the next re-check (2 s later) finds it.
	await writeDemoState(demoStore.file, 'valid');
	await expect(verifyTick(page)).toBeChecked({ timeout: 15_000 });
	await expect(result(page, 'valid')).toBeVisible();
	await expect(watch).toHaveAttribute('aria-pressed', 'false');
	await expect(page.getByText(/Controleert vanzelf opnieuw/)).toBeHidden();
});

test('watch mode stops when pressed again (with the keyboard) and when the page goes to the background', async ({ page }) => {
	await writeDemoState(demoStore.file, 'missing');
	await page.goto(procedurePath('it'));
	const watch = page.getByRole('button', { name: 'Continua a verificare' });
	await watch.focus();
	await page.keyboard.press('Enter');
	await expect(watch).toHaveAttribute('aria-pressed', 'true');
	await expect(result(page, 'missing')).toBeVisible();
	await page.keyboard.press('Space');
	await expect(watch).toHaveAttribute('aria-pressed', 'false');
	await expect(page.getByText(/Verifica di nuovo da sola/)).toBeHidden();

	await page.keyboard.press('Enter');
	await expect(watch).toHaveAttribute('aria-pressed', 'true');
	await page.evaluate(() => {
		Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
		document.dispatchEvent(new Event('visibilitychange'));
	});
	await expect(watch).toHaveAttribute('aria-pressed', 'false');
	await expect(page.locator('[data-key-check-stopped]')).toBeVisible();
	await expect(page.locator('[data-key-check-stopped]')).toHaveText('La verifica automatica si è fermata. Premi «Continua a verificare» per ricominciare.');
	await expect(page.locator('[data-announcer]')).toContainText('La verifica automatica si è fermata.');
});

test('"Try again" after a store error keeps the focus in the panel when the answer changes', async ({ page }) => {
	await writeDemoState(demoStore.file, 'error');
	await page.goto(procedurePath('en'));
	await page.getByRole('button', { name: 'Check my key now' }).click();
	const retry = result(page, 'unreachable').getByRole('button', { name: 'Try again' });
	await expect(retry).toBeVisible();
	await expect(result(page, 'unreachable')).toContainText('Your key may be fine.');
	await writeDemoState(demoStore.file, 'valid');
	await retry.focus();
	await page.keyboard.press('Enter');
	await expect(result(page, 'valid')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Check my key now' })).toBeFocused();
});

test('when our server cannot be asked at all, or refuses for too many checks, the panel says what to do', async ({ page }) => {
	await page.goto(procedurePath('de'));
	const button = page.getByRole('button', { name: 'Schlüssel jetzt prüfen' });
	await page.route('**/api/key-check/', (route) => route.abort('connectionrefused'));
	await button.click();
	await expect(result(page, 'failed')).toContainText('Die Prüfung kann hier nicht ausgeführt werden.');
	await page.unroute('**/api/key-check/');
	await page.route('**/api/key-check/', (route) => route.fulfill({ status: 429, headers: { 'Retry-After': '3' }, json: { error: 'rate-limited', message: '' } }));
	await button.click();
	await expect(result(page, 'rate-limited')).toContainText('Zu viele Prüfungen in kurzer Zeit.');
});

test('axe finds no violation with a result shown and watch mode on', async ({ page }) => {
	await writeDemoState(demoStore.file, 'expired');
	await page.goto(procedurePath('zh-tw'));
	await page.getByRole('button', { name: '立即檢查我的金鑰' }).click();
	await expect(result(page, 'expired')).toBeVisible();
	await page.getByRole('button', { name: '持續檢查' }).click();
	await expect(page.getByRole('button', { name: '持續檢查' })).toHaveAttribute('aria-pressed', 'true');
	const results = await new AxeBuilder({ page }).include('li[data-step="verify"]').analyze();
	expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target).join(', ')}`)).toEqual([]);
	await page.getByRole('button', { name: '持續檢查' }).click();
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('no button that could not work; the link at the top leads to the verify step', async ({ page }) => {
		await page.goto(procedurePath('de'));
		await expect(page.getByRole('button', { name: 'Schlüssel jetzt prüfen' })).toHaveCount(0);
		await expect(page.locator('[data-key-check-panel]')).toBeHidden();
		await page.getByRole('link', { name: 'Schlüssel schon gespeichert? In Schritt 9 prüfen' }).click();
		await expect(page).toHaveURL(/#verify$/);
		await expect(page.locator('li[data-step="verify"]')).toContainText('Wenn Sie Amazon Sales Channel erneut öffnen');
	});
});
