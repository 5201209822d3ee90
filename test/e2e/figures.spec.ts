import { expect, test, type Locator, type Page } from '@playwright/test';
import { glossary, locales } from './helpers';

// The drawn figures (src/components/Screen.astro). Baselines are in figures.spec.ts-snapshots/:
// after a deliberate change of a figure, look at the new pictures, then
// `E2E_PORT=… npx playwright test figures --update-snapshots` and commit them.
const figures = [
	{ name: 'open-channel', procedure: 'amazon-api-key', step: 'open-channel' },
	{ name: 'generate-key', procedure: 'amazon-api-key', step: 'generate-key' },
	{ name: 'save-config', procedure: 'amazon-api-key', step: 'save-config' },
	{ name: 'add-amazon-store', procedure: 'store-integration', step: 'add-amazon-store' },
];

const figureOf = (page: Page, step: string) => page.locator(`li[data-step="${step}"] figure.drawn`);

/** Elements of the figure that stick out of the drawn screen, or boxes of text that the text overflows. */
function overflows(figure: Locator) {
	return figure.evaluate((element) => {
		const screen = element.querySelector('.screen')!.getBoundingClientRect();
		const found: string[] = [];
		const name = (node: Element) => `${node.tagName.toLowerCase()}.${[...node.classList].join('.')} "${(node.textContent ?? '').trim().slice(0, 30)}"`;
		if (screen.right > document.documentElement.clientWidth) found.push(`the figure ends at ${screen.right}px, the window at ${document.documentElement.clientWidth}px`);
		for (const node of element.querySelectorAll('.screen *')) {
			const box = node.getBoundingClientRect();
			if (box.width === 0 && box.height === 0) continue;
			if (box.left < screen.left - 0.5 || box.right > screen.right + 0.5 || box.top < screen.top - 0.5 || box.bottom > screen.bottom + 0.5) found.push(`${name(node)} is outside the screen`);
			const style = getComputedStyle(node);
			// (A mark sits on its element's corner on purpose: the first check covers it.)
			const text = (node.textContent ?? '').trim() !== '';
			if (text && style.display !== 'inline' && !node.querySelector('.screen-mark') && node.scrollWidth > node.clientWidth + 1) found.push(`${name(node)} is wider than its box (${node.scrollWidth} > ${node.clientWidth})`);
		}
		return found;
	});
}

async function show(page: Page, path: string, step: string) {
	await page.goto(path);
	await page.evaluate(() => document.fonts.ready);
	const figure = figureOf(page, step);
	// Clear of the sticky header, so the picture is the figure alone.
	await figure.evaluate((element) => element.scrollIntoView({ block: 'center' }));
	return figure;
}

for (const lang of ['de', 'zh-tw']) {
	for (const width of [375, 1280]) {
		test.describe(`${lang} at ${width} px`, () => {
			test.use({ viewport: { width, height: 1400 } });
			for (const { name, procedure, step } of figures) {
				test(`${name} looks as its baseline, nothing outside its box`, async ({ page }) => {
					const figure = await show(page, `/${lang}/${procedure}/`, step);
					expect(await overflows(figure)).toEqual([]);
					await expect(figure).toHaveScreenshot(`${name}-${lang}-${width}.png`, { animations: 'disabled' });
				});
			}
		});
	}
}

test.describe('at 320 px, the narrowest phone', () => {
	test.use({ viewport: { width: 320, height: 1400 } });
	for (const locale of locales) {
		test(`${locale.code}: every figure fits, in both Admin languages`, async ({ page }) => {
			for (const { procedure, step } of figures) {
				const figure = await show(page, `/${locale.path}/${procedure}/`, step);
				expect(await overflows(figure), `${procedure} ${step}`).toEqual([]);
				if (locale.code === 'en') continue;
				// On a phone the choice is folded: open it as a reader would.
				await page.locator('details.admin-language summary').click();
				await page.locator('#admin-language-en').check();
				expect(await overflows(figure), `${procedure} ${step}, English Admin`).toEqual([]);
			}
		});
	}
});

test('the Admin-language choice switches the labels inside a figure too', async ({ page }) => {
	const figure = await show(page, '/de/amazon-api-key/', 'save-config');
	const save = figure.locator('.screen-actions [data-control="save-config"]');
	await expect(save).toHaveText(glossary('de')['save-config']!, { useInnerText: true });
	await page.getByRole('radio', { name: 'English' }).check();
	await expect(save).toHaveText('Save Config', { useInnerText: true });
	await expect(figure.locator('.screen-sidebar [data-control="stores"]')).toHaveText('Stores', { useInnerText: true });
});

test('a figure is one image named by its alt text, and its labels are selectable text', async ({ page }) => {
	const figure = await show(page, '/zh-tw/amazon-api-key/', 'save-config');
	await expect(figure.getByRole('img')).toHaveAccessibleName(/^管理員的 配置 頁面/);
	// Selectable text: the label reads as it is drawn.
	const selected = await figure.locator('.screen-nav-title').evaluate((element) => {
		const range = document.createRange();
		range.selectNodeContents(element);
		getSelection()!.removeAllRanges();
		getSelection()!.addRange(range);
		return getSelection()!.toString().trim();
	});
	expect(selected).toBe(glossary('zh-TW').services);
});

test('words drawn only in a figure find its step in the search', async ({ page }) => {
	await page.goto('/en/amazon-api-key/');
	await page.keyboard.press('/');
	await page.keyboard.type('a3f9c2');
	await expect(page.locator('[data-search-results]')).toHaveAttribute('aria-busy', 'false');
	await expect(page.getByRole('option').first()).toHaveAttribute('href', '/en/amazon-api-key/#generate-key');
});
