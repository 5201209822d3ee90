import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { weighPages } from '../../src/cli/page-weight';

// The site Playwright serves was just built into dist/ (see playwright.config.ts).
test('every page loads at most 4 kB of JavaScript (gzip), all islands together, and no inline script', () => {
	const pages = weighPages(join(import.meta.dirname, '../../dist/client'));
	expect(pages.length).toBeGreaterThan(20);
	for (const page of pages) expect(page.js.gzip, page.path).toBeLessThanOrEqual(4 * 1024);
});
