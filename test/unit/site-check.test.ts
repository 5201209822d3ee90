import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkSite } from '../../src/cli/site-check';

const sites = join(import.meta.dirname, '../fixtures/sites');
const site = new URL('http://localhost:4321');

describe('the built site check', () => {
	it('passes a site of valid pages whose links, assets and anchors resolve, and skips compressed copies of pages', async () => {
		expect(await checkSite(join(sites, 'good'), site)).toEqual({ pages: 2, links: 7, problems: [] });
	});

	it('reports invalid HTML, a link to no page and an anchor the page does not have', async () => {
		const { pages, problems } = await checkSite(join(sites, 'broken'), site);
		expect(pages).toBe(1);
		expect(problems).toEqual([
			'index.html:11:5 no-implicit-close: Element <p> is implicitly closed by adjacent <div>',
			"index.html:11:45 close-order: Stray end tag '</p>'",
			'index.html: link to /gone/: no such page or file',
			'index.html: link to /#nowhere: the page has no element with id "nowhere"',
		]);
	});
});
