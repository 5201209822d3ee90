import { expect, test, type Page } from '@playwright/test';
import { locales, procedurePath } from './helpers';

/** Every kind of page the site has, in a language (its path segment). */
const pagesIn = (path: string) => [`/${path}/`, procedurePath(path), `/${path}/store-integration/`, `/${path}/amazon-api-key/step-not-found/`, `/${path}/no-such-page/`];
const neutralPages = ['/', '/go/amazon-api-key/add-the-key/', '/go/amazon-api-key/no-such-step/', '/no-such-page/', '/translation-status/'];

/**
 * Elements that stick out past the right edge of the window (the page would scroll sideways),
 * leaving out what sits in a box that scrolls or clips by itself (a wide table), and what no
 * one sees (screen-reader text, closed folds).
 */
function overflowing(page: Page) {
	return page.evaluate(() => {
		const width = document.documentElement.clientWidth;
		const clipped = (element: Element) => {
			for (let at = element.parentElement; at && at !== document.body; at = at.parentElement) {
				if (['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(at).overflowX)) return true;
			}
			return false;
		};
		const wide = [...document.body.querySelectorAll('*')].filter((element) => {
			const box = element.getBoundingClientRect();
			return box.width > 0 && box.right > width + 0.5 && !clipped(element);
		});
		return { scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5).map((element) => `${element.tagName.toLowerCase()}.${element.className} (${Math.round(element.getBoundingClientRect().right)} px)`) };
	});
}

for (const width of [320, 375, 1280]) {
	test.describe(`at ${width} px`, () => {
		test.use({ viewport: { width, height: 800 } });

		test('no page is wider than the window, in any language, and the site title shows whole', async ({ page }) => {
			test.setTimeout(90_000);
			for (const path of [...locales.flatMap((locale) => pagesIn(locale.path)), ...neutralPages]) {
				await page.goto(path);
				const found = await overflowing(page);
				expect(found.wide, path).toEqual([]);
				expect(found.scrollWidth, path).toBeLessThanOrEqual(found.width);
				const title = page.locator('.site-title');
				if ((await title.count()) > 0) {
					expect(await title.evaluate((element) => element.scrollWidth <= element.clientWidth && getComputedStyle(element).textOverflow !== 'ellipsis'), path).toBe(true);
				}
			}
		});
	});
}

test.describe('on a phone', () => {
	test.use({ viewport: { width: 375, height: 740 } });

	for (const path of ['de', 'zh-tw', 'en', 'fr', 'it', 'nl']) {
		test(`${path}: the first step, its title whole, is on the first screen`, async ({ page }) => {
			for (const procedure of ['amazon-api-key', 'store-integration']) {
				await page.goto(`/${path}/${procedure}/`);
				const title = page.locator('li[data-step] .step-title').first();
				const box = (await title.boundingBox())!;
				expect(box.y + box.height, `${procedure}: bottom of step 1's title`).toBeLessThanOrEqual(740);
			}
		});
	}

	// (The notices fold the same way; no page of ours has machine-translated text now: the unit
	// tests render one from a fixture.)
	test('the Admin-language choice and the intro fold, and open on a tap', async ({ page }) => {
		await page.goto(procedurePath('de'));
		const admin = page.locator('details.admin-language');
		await expect(admin.locator('summary')).toHaveText('Admin-Beschriftungen: Deutsch', { useInnerText: true });
		await expect(page.getByRole('radio', { name: 'English' })).toBeHidden();
		await admin.locator('summary').click();
		await page.getByRole('radio', { name: 'English' }).check();
		await expect(admin.locator('summary')).toHaveText('Admin-Beschriftungen: English', { useInnerText: true });
		await expect(page.locator('[data-control="save-config"]').first()).toHaveText('Save Config', { useInnerText: true });

		const intro = page.locator('details.intro');
		await expect(intro.locator('p').first()).toBeHidden();
		await intro.locator('summary').click();
		await expect(intro.locator('p').first()).toBeVisible();
	});

	test('after a deep link the header is at the top and the step is below it, not under it', async ({ page }) => {
		for (const path of ['de', 'zh-tw', 'en']) {
			await page.goto(`${procedurePath(path)}#save-config`);
			const header = (await page.locator('.site-header').boundingBox())!;
			expect(header.y, path).toBe(0);
			await expect(page.getByRole('button', { name: /Suchen|搜尋|Search/ })).toBeInViewport();
			const title = (await page.locator('#save-config').boundingBox())!;
			expect(title.y, path).toBeGreaterThanOrEqual(header.y + header.height);
			expect(title.y + title.height, path).toBeLessThanOrEqual(740);
			// Scrolled further, the header stays.
			await page.mouse.wheel(0, 1500);
			await expect(page.locator('.site-header')).toBeInViewport();
			expect((await page.locator('.site-header').boundingBox())!.y).toBe(0);
		}
	});
});

for (const [path, stepNumber] of [
	['de', 'Schritt 2'],
	['zh-tw', '步驟 2'],
	['en', 'Step 2'],
] as const) {
	test.describe(`${path}: each step's heading row`, () => {
		test.use({ viewport: { width: 375, height: 740 } });

		test('is the label of its tick box, a target at least 44 px high, on one row with the box', async ({ page }) => {
			await page.goto(procedurePath(path));
			const steps = page.locator('li[data-step]');
			for (let index = 0; index < (await steps.count()); index++) {
				const step = steps.nth(index);
				const label = step.locator('.step-title label');
				const box = (await label.boundingBox())!;
				const tick = (await step.locator('input[data-step-check]').boundingBox())!;
				expect(box.height, `step ${index + 1}`).toBeGreaterThanOrEqual(44);
				expect(await label.evaluate((element) => (element as HTMLLabelElement).control?.matches('input[data-step-check]'))).toBe(true);
				// The box sits on the label's first line, not on a line of its own.
				expect(tick.y, `step ${index + 1}`).toBeGreaterThanOrEqual(box.y);
				expect(tick.y + tick.height, `step ${index + 1}`).toBeLessThanOrEqual(box.y + box.height);
				expect(tick.x, `step ${index + 1}`).toBeLessThan(box.x + 40);
			}
			// A tap on the step's words ticks it; another unticks it.
			const second = page.locator('li[data-step="open-channel"]');
			await second.locator('.step-number').click();
			await expect(second.locator('input[data-step-check]')).toBeChecked();
			await expect(second.locator('.step-number')).toHaveText(stepNumber);
			await second.locator('.step-text').click({ position: { x: 5, y: 5 } });
			await expect(second.locator('input[data-step-check]')).not.toBeChecked();
		});
	});
}
