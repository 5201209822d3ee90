import { test as base, expect, type Page } from '@playwright/test';
import { glossary, locales, procedurePath, siteStrings } from './helpers';

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The result-count texts and the no-results text of a language, as the reader sees them. */
function searchTexts(code: string) {
	const search = siteStrings(code).search as Record<string, string>;
	const counts = Object.entries(search)
		.filter(([key]) => key.startsWith('results_'))
		.map(([, text]) => escapeRegExp(text).replace('\\{\\{count\\}\\}', '\\d+'));
	return { count: new RegExp(`^(${counts.join('|')})$`), noResults: search.noResults!, browseAll: search.browseAll! };
}

/**
 * Every test runs under the server's Content-Security-Policy and fails on a violation (say,
 * Pagefind's WebAssembly being refused) or any script error.
 */
const test = base.extend<{ expectedErrors: RegExp | undefined; noProblems: void }>({
	expectedErrors: [undefined, { option: true }],
	noProblems: [
		async ({ page, expectedErrors }, use) => {
			const problems: string[] = [];
			page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
			page.on('console', (message) => {
				if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) problems.push(`console: ${message.text()}`);
			});
			await page.addInitScript(() => {
				document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective} ${event.blockedURI}`));
			});
			await use();
			expect(problems.filter((problem) => !expectedErrors?.test(problem))).toEqual([]);
		},
		{ auto: true },
	],
});

const dialog = (page: Page) => page.locator('dialog[data-search-dialog]');
// The search field (the header's color-scheme picker is a combobox too).
const combobox = (page: Page) => dialog(page).getByRole('combobox');
const status = (page: Page) => page.locator('[data-search-status]');
const hits = (page: Page) => dialog(page).getByRole('option');

/** Waits for the answer to what the search field holds (each key starts a search) and returns the hits' links. */
async function answer(page: Page, code: string): Promise<string[]> {
	await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
	const { count, noResults } = searchTexts(code);
	await expect(status(page)).toHaveText(new RegExp(`${count.source}|^${escapeRegExp(noResults)}$`));
	return hits(page).evaluateAll((options) => options.map((option) => option.getAttribute('href')!));
}

/** Opens the search with "/" and types `query` right away (while the search loads, on a fresh page). */
async function search(page: Page, code: string, query: string): Promise<string[]> {
	await page.keyboard.press('/');
	await page.keyboard.type(query);
	await expect(combobox(page)).toBeFocused();
	await expect(combobox(page)).toHaveValue(query);
	return answer(page, code);
}

const pasteKeyQueries: Record<string, string> = { en: 'paste', 'zh-TW': '貼', de: 'kopierten', it: 'incolla', fr: 'collez', nl: 'plak' };

for (const locale of locales) {
	test(`${locale.code}: a word of a step finds that step, in this language only, the words marked`, async ({ page }) => {
		// From the list of guides: the search is in the header of every page.
		await page.goto(`/${locale.path}/`);
		const found = await search(page, locale.code, pasteKeyQueries[locale.code]!);
		expect(found[0]).toBe(`${procedurePath(locale.path)}#paste-key`);
		for (const href of found) expect(href.startsWith(`/${locale.path}/`), href).toBe(true);
		await expect(status(page)).toHaveText(searchTexts(locale.code).count);
		await expect(hits(page).first().locator('mark').first()).toHaveText(new RegExp(pasteKeyQueries[locale.code]!, 'i'));
	});

	test(`${locale.code}: the English labels "Save Config" and "Production Api key" find their steps`, async ({ page }) => {
		await page.goto(procedurePath(locale.path));
		expect((await search(page, locale.code, 'Save Config'))[0]).toBe(`${procedurePath(locale.path)}#save-config`);
		await page.reload();
		expect((await search(page, locale.code, 'Production Api key'))[0]).toBe(`${procedurePath(locale.path)}#paste-key`);
	});
}

for (const locale of locales.filter(({ code }) => glossary(code)['save-config'] !== glossary('en')['save-config'])) {
	test(`${locale.code}: the label of the ${locale.code} Admin (glossary) finds its step`, async ({ page }) => {
		await page.goto(procedurePath(locale.path));
		const label = glossary(locale.code)['save-config']!;
		expect((await search(page, locale.code, label))[0]).toBe(`${procedurePath(locale.path)}#save-config`);
		expect(await hits(page).first().locator('mark').allTextContents()).toEqual(expect.arrayContaining(label.split(' ')));
	});
}

test('only the guides are indexed: not the header, buttons, progress panel, key check, Admin-language switch, notices or 404 page', async ({ page }) => {
	const site = siteStrings('en') as Record<string, Record<string, string>> & { siteTitle: string };
	const german = siteStrings('de');
	await page.goto(procedurePath('en'));
	await search(page, 'en', 'paste');
	for (const query of [
		site.siteTitle,
		site.languagePicker!.label!,
		site.stepLink!.copy!,
		site.progress!.reset!,
		site.adminLabels!.legend!,
		site.keyCheck!.title!,
		site.keyCheck!.intro!,
		site.notFound!.title!,
		site.chooser!.title!,
		'Screenshot not available',
	]) {
		await combobox(page).fill(query);
		expect(await answer(page, 'en'), query).toEqual([]);
	}
	// The German page is machine-translated and has stale steps: their notices are not content either.
	await page.goto(procedurePath('de'));
	await search(page, 'de', 'einfügen');
	for (const query of [german.translation!.machineTranslated!, german.translation!.staleStep!]) {
		await combobox(page).fill(query);
		expect(await answer(page, 'de'), query).toEqual([]);
	}
});

test('a German query on the Italian page finds nothing, says so in Italian and offers the guide list', async ({ page }) => {
	await page.goto(procedurePath('it'));
	expect(await search(page, 'it', 'Schlüssel einfügen')).toEqual([]);
	const { noResults, browseAll } = searchTexts('it');
	await expect(status(page)).toHaveText(noResults);
	await expect(combobox(page)).toHaveAttribute('aria-expanded', 'false');
	await expect(dialog(page).getByRole('link', { name: browseAll })).toHaveAttribute('href', '/it/');
});

test('Chinese: 金鑰 finds the steps that have the word, 香鑰 and 香蕉 find nothing', async ({ page }) => {
	await page.goto(procedurePath('zh-tw'));
	const found = await search(page, 'zh-TW', '金鑰');
	expect(found).toContain(`${procedurePath('zh-tw')}#generate-key`);
	expect(found).toContain(`${procedurePath('zh-tw')}#paste-key`);
	// Steps without the word are not listed, although Pagefind matches single characters.
	expect(found).not.toContain(`${procedurePath('zh-tw')}#log-in`);
	for (const mark of await dialog(page).locator('mark').allTextContents()) expect(mark).toBe('金鑰');

	for (const query of ['香鑰', '香蕉']) {
		await page.goto(procedurePath('zh-tw'));
		expect(await search(page, 'zh-TW', query), query).toEqual([]);
		await expect(status(page)).toHaveText(searchTexts('zh-TW').noResults);
	}
});

test('keyboard only: "/" opens, arrows choose, Enter lands on the highlighted step', async ({ page }) => {
	await page.goto(procedurePath('de'));
	await search(page, 'de', 'kopierten Schlüssel');
	await expect(combobox(page)).toHaveAttribute('aria-expanded', 'true');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowDown');
	await page.keyboard.press('ArrowUp');
	const first = hits(page).first();
	await expect(first).toHaveAttribute('aria-selected', 'true');
	await expect(combobox(page)).toHaveAttribute('aria-activedescendant', (await first.getAttribute('id'))!);
	await page.keyboard.press('Enter');

	await expect(page).toHaveURL(new RegExp(`${procedurePath('de')}#paste-key$`));
	await expect(dialog(page)).not.toBeVisible();
	await expect(page.locator('#paste-key')).toBeFocused();
	await expect(page.locator('#paste-key')).toBeInViewport();
	expect(await page.locator('li[data-step="paste-key"]').evaluate((step) => step.matches(':has(h3:target)') && getComputedStyle(step).boxShadow !== 'none')).toBe(true);
});

test('keyboard only: Ctrl+K opens from anywhere, Tab stays in the dialog, Escape closes back to the button', async ({ page }) => {
	await page.goto(procedurePath('fr'));
	// From a tick box too (where "/" would also work, as it types nothing there).
	await page.locator('input[data-step-check]').first().focus();
	await page.keyboard.press('Control+K');
	await expect(combobox(page)).toBeFocused();
	await page.keyboard.type('collez/');
	await expect(combobox(page)).toHaveValue('collez/');
	await expect(hits(page)).not.toHaveCount(0);
	// Input, close button: Tab goes round and round inside the dialog.
	for (let round = 0; round < 2; round++) {
		await page.keyboard.press('Tab');
		await expect(dialog(page).locator('[data-search-close]')).toBeFocused();
		await page.keyboard.press('Tab');
		await expect(combobox(page)).toBeFocused();
	}
	await page.keyboard.press('Escape');
	await expect(dialog(page)).not.toBeVisible();
	await expect(page.getByRole('button', { name: 'Rechercher' })).toBeFocused();
});

test('the button opens the search; the search loads only then', async ({ page }) => {
	const loaded: string[] = [];
	page.on('request', (request) => loaded.push(new URL(request.url()).pathname));
	await page.goto(procedurePath('nl'));
	await page.waitForLoadState('networkidle');
	expect(loaded.filter((path) => path.startsWith('/pagefind/') || path.includes('search-dialog'))).toEqual([]);
	await page.getByRole('button', { name: 'Zoeken' }).click();
	await expect(combobox(page)).toBeFocused();
	await expect.poll(() => loaded.some((path) => path === '/pagefind/pagefind.js')).toBe(true);
	expect(loaded.some((path) => /\/_astro\/search-dialog\.[\w-]+\.js$/.test(path))).toBe(true);
});

test('the Content-Security-Policy allows WebAssembly compilation, not eval', async ({ request }) => {
	const policy = (await request.get(procedurePath('en'))).headers()['content-security-policy']!;
	const scriptSrc = policy
		.split(';')
		.find((directive) => directive.trim().startsWith('script-src'))!
		.trim()
		.split(/\s+/);
	expect(scriptSrc).toEqual(['script-src', "'self'", "'wasm-unsafe-eval'"]);
});

test.describe('when the search cannot load', () => {
	// The browser reports the failed files, and the search what failed.
	test.use({ expectedErrors: /Failed to load resource|Failed to fetch dynamically imported module/ });

	for (const [what, files] of [
		['the dialog’s script', '**/_astro/search-dialog.*'],
		['Pagefind', '**/pagefind/**'],
	]) {
		test(`it says so when ${what} does not load`, async ({ page }) => {
			await page.route(files!, (route) => route.abort());
			await page.goto(procedurePath('it'));
			await page.keyboard.press('/');
			await page.keyboard.type('chiave');
			await expect(status(page)).toHaveText((siteStrings('it').search as Record<string, string>).unavailable!);
			await expect(hits(page)).toHaveCount(0);
		});
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the header shows no search control that could not work', async ({ page }) => {
		await page.goto(procedurePath('de'));
		await expect(page.getByRole('button', { name: 'Suchen' })).toHaveCount(0);
		await expect(page.getByRole('combobox')).toHaveCount(0);
		await page.keyboard.press('/');
		await expect(dialog(page)).not.toBeVisible();
	});
});

test.describe('on the page of the hit', () => {
	for (const [path, code, query] of [
		['de', 'de', 'kopierten Schlüssel'],
		['zh-tw', 'zh-TW', '貼到'],
		['en', 'en', 'paste'],
	] as const) {
		test(`${code}: Enter on a hit in this page scrolls to the step and focuses it, from another step or the same one`, async ({ page }) => {
			for (const start of ['#log-in', '#paste-key', '']) {
				await page.goto(`${procedurePath(path)}${start}`);
				const found = await search(page, code, query);
				expect(found[0]).toBe(`${procedurePath(path)}#paste-key`);
				await page.keyboard.press('Enter');
				await expect(dialog(page)).not.toBeVisible();
				await expect(page.locator('#paste-key'), start).toBeFocused();
				await expect(page.locator('#paste-key')).toBeInViewport();
				await expect(page).toHaveURL(new RegExp(`${procedurePath(path)}#paste-key$`));
			}
		});
	}
});

for (const [path, code, query] of [
	['de', 'de', 'Schritt 7'],
	['fr', 'fr', 'étape 7'],
	['zh-tw', 'zh-TW', '步驟 7'],
	['en', 'en', 'Step 7'],
	['it', 'it', 'passaggio 7'],
	['nl', 'nl', 'stap 7'],
] as const) {
	test(`${code}: "${query}" finds step 7 of this page first, titled with its number`, async ({ page }) => {
		await page.goto(procedurePath(path));
		const found = await search(page, code, query);
		expect(found[0]).toBe(`${procedurePath(path)}#paste-key`);
		await expect(hits(page).first().locator('.search-hit-title')).toContainText('7');
	});
}

test('excerpts and titles show only the labels the reader reads: as the Admin shows them, in German or in English', async ({ page }) => {
	await page.goto(procedurePath('de'));
	await search(page, 'de', 'Einstellungen');
	const excerpt = hits(page).first().locator('.search-hit-excerpt');
	await expect(excerpt).toContainText('Shops › Einstellungen › Konfiguration');
	await expect(excerpt).not.toContainText('Stores');

	await page.reload();
	await page.getByRole('radio', { name: 'English' }).check();
	await search(page, 'de', 'Settings');
	await expect(excerpt).toContainText('Stores › Settings › Configuration');
	await expect(excerpt).not.toContainText('Shops');
	await combobox(page).fill('Save Config');
	await answer(page, 'de');
	await expect(hits(page).first().locator('.search-hit-title')).toHaveText(/^Schritt 8: .*Save Config/);
	await expect(hits(page).first()).not.toContainText('Konfiguration speichern');
});

test('a hit’s title writes a menu path with ›, as the page does', async ({ page }) => {
	await page.goto('/en/');
	await search(page, 'en', 'sidebar');
	const titles = await hits(page).locator('.search-hit-title').allTextContents();
	expect(titles.some((title) => title.includes('Marketing › Channels › Amazon Sales Channel'))).toBe(true);
	for (const title of titles) expect(title).not.toContain(' > ');
});

for (const colorScheme of ['light', 'dark'] as const) {
	test.describe(`in the ${colorScheme} scheme`, () => {
		test.use({ colorScheme });

		test('the words found are marked with a background that reads well', async ({ page }) => {
			await page.goto(procedurePath('de'));
			await search(page, 'de', 'Schlüssel');
			const mark = hits(page).first().locator('mark').first();
			const contrast = await mark.evaluate((element) => {
				const channels = (color: string) =>
					color
						.match(/[\d.]+/g)!
						.slice(0, 3)
						.map(Number);
				const luminance = (color: string) => {
					const [r, g, b] = channels(color).map((value) => {
						const c = value / 255;
						return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
					});
					return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
				};
				const style = getComputedStyle(element);
				const dialogBackground = getComputedStyle(element.closest('dialog')!).backgroundColor;
				const [text, background] = [luminance(style.color), luminance(style.backgroundColor)];
				return {
					transparent: /rgba\(.*, 0\)|transparent/.test(style.backgroundColor),
					differs: style.backgroundColor !== dialogBackground,
					ratio: (Math.max(text, background) + 0.05) / (Math.min(text, background) + 0.05),
				};
			});
			expect(contrast.transparent).toBe(false);
			expect(contrast.differs).toBe(true);
			expect(contrast.ratio).toBeGreaterThanOrEqual(4.5);
		});
	});
}
