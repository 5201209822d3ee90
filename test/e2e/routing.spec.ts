import { expect, test } from '@playwright/test';
import { locales, procedurePath } from './helpers';

test('the server sends / to the language of Accept-Language', async ({ request }) => {
	for (const [header, path] of [
		['de-AT,de;q=0.9,en;q=0.5', '/de/'],
		['zh-HK,zh;q=0.8', '/zh-tw/'],
		['ja,pt-BR;q=0.8', '/en/'],
		['fr-CA', '/fr/'],
	] as const) {
		const response = await request.get('/', { headers: { 'Accept-Language': header }, maxRedirects: 0 });
		expect(response.status(), header).toBe(302);
		expect(response.headers()['location'], header).toBe(path);
		expect(response.headers()['vary']).toBe('Accept-Language');
	}
});

test('without Accept-Language, / lists every language for people and crawlers', async ({ request }) => {
	const response = await request.get('/', { headers: { 'Accept-Language': '' }, maxRedirects: 0 });
	expect(response.status()).toBe(200);
	const html = await response.text();
	for (const locale of locales) expect(html).toMatch(new RegExp(`<a href="/${locale.path}/" hreflang="${locale.code}"[^>]*>${locale.name}</a>`));
});

test.describe('on a static host', () => {
	test.use({ locale: 'nl-BE' });

	test('/ picks the language from the browser (navigator.languages)', async ({ page }) => {
		// Drop the header as a static host would ignore it: only the script can choose.
		await page.route('**/*', (route) => route.continue({ headers: { ...route.request().headers(), 'accept-language': '' } }));
		await page.goto('/');
		await expect(page).toHaveURL(/\/nl\/$/);
	});
});

test('each language lists its procedures with their descriptions', async ({ page }) => {
	await page.goto('/fr/');
	const link = page.getByRole('link', { name: 'Ajout ou vérification de la clé API Amazon' });
	await expect(link).toHaveAttribute('href', procedurePath('fr'));
	await expect(page.getByText('Une clé API Amazon validée dans votre configuration Commerce relie vos magasins')).toBeVisible();
});

test('an unknown address gets the 404 page of its language', async ({ page }) => {
	const response = await page.goto('/de/gibt-es-nicht/');
	expect(response?.status()).toBe(404);
	await expect(page.locator('html')).toHaveAttribute('lang', 'de');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seite nicht gefunden');
	await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
});

test('an unknown address outside any language gets the reader’s 404, or all languages', async ({ request }) => {
	const italian = await request.get('/no-such-page/', { headers: { 'Accept-Language': 'it' } });
	expect(italian.status()).toBe(404);
	expect(await italian.text()).toContain('Pagina non trovata');
	const unknown = await request.get('/no-such-page/', { headers: { 'Accept-Language': '' } });
	expect(unknown.status()).toBe(404);
	const html = await unknown.text();
	for (const title of ['Page not found', '找不到網頁', 'Seite nicht gefunden', 'Pagina non trovata', 'Page introuvable', 'Pagina niet gevonden']) expect(html).toContain(title);
});

test('the sitemap lists every page in every language with its alternates', async ({ request }) => {
	const xml = await (await request.get('/sitemap.xml')).text();
	// The list of guides and the two procedures, in every language.
	expect(xml.match(/<url>/g)).toHaveLength(locales.length * 3);
	expect(xml).toContain('<xhtml:link rel="alternate" hreflang="zh-TW" href="http://localhost:4321/zh-tw/amazon-api-key/"/>');
});

test('every response carries the security headers', async ({ request }) => {
	for (const path of ['/', procedurePath('de'), '/nope/', '/sitemap.xml']) {
		const headers = (await request.get(path, { maxRedirects: 0 })).headers();
		expect(headers['content-security-policy'], path).toContain("script-src 'self'");
		expect(headers['x-content-type-options'], path).toBe('nosniff');
		expect(headers['referrer-policy'], path).toBe('strict-origin-when-cross-origin');
	}
});
