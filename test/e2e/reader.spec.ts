import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { procedurePath, siteStrings, stepIds } from './helpers';

const root = join(import.meta.dirname, '../..');
const tick = (page: Page, id: string) => page.locator(`li[data-step="${id}"] input[data-step-check]`);
const outlineEntry = (page: Page, id: string) => page.locator(`.outline [data-outline-step="${id}"]`);

test.describe('the outline of the steps', () => {
	test('on a wide screen stands beside the text, links every step and marks the ticked ones', async ({ page }) => {
		await page.setViewportSize({ width: 1280, height: 900 });
		await page.goto(procedurePath('de'));
		const outline = page.getByRole('navigation', { name: 'Schritte dieser Anleitung' });
		await expect(outline).toBeVisible();
		const text = (await page.locator('article h1').boundingBox())!;
		const side = (await outline.boundingBox())!;
		expect(side.x).toBeGreaterThan(text.x + text.width);
		await expect(outline.getByRole('link')).toHaveCount(stepIds.length);
		await tick(page, 'sign-in').check();
		await expect(outlineEntry(page, 'sign-in')).toHaveAttribute('data-done', '');
		await expect(outlineEntry(page, 'log-in')).not.toHaveAttribute('data-done', '');
		await expect(outlineEntry(page, 'sign-in').getByRole('link')).toHaveAccessibleName(/\(Erledigt\)$/);
		// Still there after scrolling to the last step.
		await page.locator('#verify').scrollIntoViewIfNeeded();
		await expect(outline).toBeInViewport();
		await outline.getByRole('link', { name: /^9 / }).click();
		await expect(page).toHaveURL(/#verify$/);
	});

	test('on a phone is a fold before the first step that says how far the reader is', async ({ page }) => {
		await page.setViewportSize({ width: 375, height: 740 });
		await page.goto(procedurePath('zh-tw'));
		const fold = page.locator('details.outline');
		const summary = fold.locator('summary');
		await expect(summary).toContainText('本指南的步驟');
		await expect(summary).toContainText('0/9');
		await expect(fold.getByRole('navigation')).toBeHidden();
		await tick(page, 'log-in').check();
		await expect(summary).toContainText('1/9');
		await summary.click();
		await expect(outlineEntry(page, 'log-in')).toHaveAttribute('data-done', '');
		await expect(fold.getByRole('navigation').getByRole('link')).toHaveCount(stepIds.length);
		// Two groups of steps: each under its section's name.
		await page.goto('/en/store-integration/');
		await page.locator('details.outline summary').click();
		await expect(page.locator('.outline-section')).toHaveText(['Add an Amazon store', 'Connect the store to Amazon Seller Central']);
	});

	test('without JavaScript still links every step', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		await page.goto(procedurePath('en'));
		await expect(page.getByRole('navigation', { name: 'Steps in this guide' }).getByRole('link')).toHaveCount(stepIds.length);
		await context.close();
	});
});

test('each page says when its text in that language last changed, and links the original on Experience League', async ({ page }) => {
	for (const [path, code, exlLang] of [
		['de', 'de', 'de'],
		['zh-tw', 'zh-TW', 'zh-Hant'],
		['en', 'en', 'en'],
	] as const) {
		await page.goto(procedurePath(path));
		const date = execFileSync('git', ['log', '-1', '--format=%cs', '--', `locales/${code}/amazon-api-key.json`], { cwd: root, encoding: 'utf8' }).trim();
		const time = page.locator('.procedure-meta time');
		await expect(time).toHaveAttribute('datetime', date || /^\d{4}-\d{2}-\d{2}$/);
		await expect(page.locator('.procedure-meta p').first()).toContainText(siteStrings(code).procedure!.updated!.replace('{{date}}', '').trim());
		const original = page.getByRole('link', { name: siteStrings(code).procedure!.original! });
		await expect(original).toHaveAttribute('href', `https://experienceleague.adobe.com/docs/commerce-channels/amazon/onboarding/amazon-verify-api-key.html?lang=${exlLang}`);
	}
});

test.describe('the color scheme', () => {
	test.use({ colorScheme: 'dark' });

	const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

	test('follows the system, and the reader’s choice is remembered and applied before the page is drawn', async ({ page }) => {
		await page.goto(procedurePath('de'));
		expect(await background(page)).toBe('rgb(23, 24, 28)');
		const picker = page.getByRole('combobox', { name: 'Farbschema' });
		await expect(picker).toHaveValue('system');
		await picker.selectOption('light');
		expect(await background(page)).toBe('rgb(255, 255, 255)');

		// On the next page the choice is there when the body is first parsed, before any module script.
		await page.addInitScript(() => {
			new MutationObserver((_, observer) => {
				if (!document.body) return;
				(window as unknown as { schemeAtBody: string | undefined }).schemeAtBody = document.documentElement.dataset.scheme;
				observer.disconnect();
			}).observe(document, { childList: true, subtree: true });
		});
		await page.goto(procedurePath('zh-tw'));
		expect(await page.evaluate(() => (window as unknown as { schemeAtBody: string | undefined }).schemeAtBody)).toBe('light');
		await expect(page.getByRole('combobox', { name: '色彩配置' })).toHaveValue('light');
		await page.getByRole('combobox', { name: '色彩配置' }).selectOption('system');
		expect(await background(page)).toBe('rgb(23, 24, 28)');
		await page.reload();
		expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBeUndefined();
	});

	test('without JavaScript the page follows the system and shows no picker', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: 'dark' });
		const page = await context.newPage();
		await page.goto(procedurePath('en'));
		expect(await background(page)).toBe('rgb(23, 24, 28)');
		await expect(page.getByRole('combobox', { name: 'Color scheme' })).toHaveCount(0);
		await context.close();
	});
});

test.describe('the language picker', () => {
	const picker = (page: Page) => page.locator('details.language-picker');

	test('closes on Escape (focus back on its button), on a click elsewhere and when Tab leaves it', async ({ page }) => {
		await page.goto(procedurePath('de'));
		const summary = picker(page).locator('summary');
		await summary.click();
		await expect(picker(page)).toHaveAttribute('open', '');
		await page.keyboard.press('Escape');
		await expect(picker(page)).not.toHaveAttribute('open', '');
		await expect(summary).toBeFocused();

		await summary.click();
		await page.locator('article h1').click();
		await expect(picker(page)).not.toHaveAttribute('open', '');

		await summary.focus();
		await page.keyboard.press('Enter');
		await expect(picker(page)).toHaveAttribute('open', '');
		// Six languages, then out of the picker.
		for (let link = 0; link < 7; link++) await page.keyboard.press('Tab');
		await expect(picker(page)).not.toHaveAttribute('open', '');
	});

	test('with an old #step in the address, keeps the step being read', async ({ page }) => {
		await page.goto(`${procedurePath('zh-tw')}#paste-key`);
		// Read on to step 6, its title just below the header.
		await page.locator('#add-the-key').evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
		await page.mouse.wheel(0, 20);
		await page.waitForTimeout(200);
		const box = (await picker(page).locator('summary').boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		const deutsch = (await page.getByRole('link', { name: 'Deutsch' }).boundingBox())!;
		await page.mouse.click(deutsch.x + deutsch.width / 2, deutsch.y + deutsch.height / 2);
		await expect(page).toHaveURL(new RegExp(`${procedurePath('de')}#add-the-key$`));
	});
});

test.describe('copy link', () => {
	test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
	const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

	for (const [path, code] of [
		['de', 'de'],
		['zh-tw', 'zh-TW'],
		['en', 'en'],
	] as const) {
		test(`${code}: copies the language-neutral /go/ link and says so; the link to this language is one step away`, async ({ page, baseURL }) => {
			const strings = siteStrings(code).stepLink!;
			const language = { de: 'Deutsch', 'zh-TW': '繁體中文', en: 'English' }[code];
			await page.goto(procedurePath(path));
			const button = page.locator('li[data-step="paste-key"] button[data-copy-link]');
			await expect(button).toHaveAttribute('title', strings.copyTitle!);
			await button.click();
			expect(await clipboard(page)).toBe(`${baseURL}/go/amazon-api-key/paste-key/`);
			const note = page.locator('li[data-step="paste-key"] [data-copy-note]');
			await expect(note).toContainText(strings.copiedNeutral!);
			await expect(page.locator('[data-announcer]')).toHaveText(strings.copiedNeutral!);
			await note.getByRole('button', { name: strings.copyLocal!.replace('{{language}}', language) }).click();
			expect(await clipboard(page)).toBe(`${baseURL}${procedurePath(path)}#paste-key`);
			await expect(note).toContainText(strings.copiedLocal!.replace('{{language}}', language));
		});
	}

	test('a step selected and copied as text is the step’s own words, without the buttons’ and links’ words', async ({ page }) => {
		await page.goto(procedurePath('en'));
		const step = page.locator('li[data-step="open-channel"]');
		await step.evaluate((element) => {
			const range = document.createRange();
			range.selectNodeContents(element);
			getSelection()!.removeAllRanges();
			getSelection()!.addRange(range);
		});
		await page.keyboard.press('Control+C');
		const text = await clipboard(page);
		expect(text).toContain('On the Admin sidebar, go to Marketing');
		for (const junk of ['(Step 2)', 'Link to step 2', 'Copy link', '#']) expect(text).not.toContain(junk);
		// Selecting the title's words did not tick the step.
		await expect(step.locator('input[data-step-check]')).not.toBeChecked();
	});
});

test.describe('a /go/ link to a step the guide does not have', () => {
	test.use({ locale: 'it-IT' });

	test('shows that guide’s steps to choose from, in the reader’s language, with status 404', async ({ page }) => {
		const response = await page.goto('/go/amazon-api-key/old-step-id/');
		expect(response?.status()).toBe(404);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(siteStrings('it').goNotFound!.title!);
		const choices = page.locator('.step-choices a');
		await expect(choices).toHaveCount(stepIds.length);
		await expect(choices.nth(6)).toHaveAttribute('href', `${procedurePath('it')}#paste-key`);
		await choices.nth(6).click();
		await expect(page.locator('#paste-key')).toBeFocused();
	});

	test('on a static host, the 404 page sends the reader on to those steps', async ({ page }) => {
		const notFound = readFileSync(join(root, 'dist/client/404.html'), 'utf8');
		await page.route('**/go/amazon-api-key/old-step-id/', (route) => route.fulfill({ status: 404, contentType: 'text/html', body: notFound }));
		await page.goto('/go/amazon-api-key/old-step-id/');
		await expect(page).toHaveURL(/\/it\/amazon-api-key\/step-not-found\/$/);
		await expect(page.locator('.step-choices a')).toHaveCount(stepIds.length);
	});
});
