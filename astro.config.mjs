// @ts-check
import mdx from '@astrojs/mdx';
import node from '@astrojs/node';
import { defineConfig } from 'astro/config';
import { locales, sourceLocale } from './src/model/locales.ts';
import { chunkUrl } from './src/integrations/chunk-url.ts';
import { serverBundle } from './src/integrations/server-bundle.ts';

// The annotation keeps TypeScript from narrowing the locale list to literal types.
export default defineConfig(
	/** @type {import('astro').AstroUserConfig} */ ({
		// The public address of the site, for canonical URLs, hreflang alternates and the sitemap.
		site: process.env.SITE_URL ?? 'http://localhost:4321',
		trailingSlash: 'always',
		build: {
			format: 'directory',
			// External files only: the server's Content-Security-Policy allows no inline style or script.
			inlineStylesheets: 'never',
		},
		// Astro's i18n routing, from our list of locales (src/i18n/locales.ts).
		i18n: {
			locales: locales.map(({ code, path }) => (code === path ? code : { path, codes: [code] })),
			defaultLocale: sourceLocale.code,
			routing: { prefixDefaultLocale: true, redirectToDefaultLocale: false },
		},
		// The key check route checks Origin and Sec-Fetch-Site itself (src/server/same-origin.ts), for
		// every content type. Astro's own check compares with a host it does not know here (no
		// allowedDomains) and would refuse form types from our own page with a plain-text 403 first.
		security: { checkOrigin: false },
		integrations: [mdx(), serverBundle()],
		// A handler with no server of its own, for hosts that mount it (README.md, "Beyond one
		// machine"); our server (src/server/main.ts) serves the files and the key check itself.
		adapter: node({ mode: 'middleware' }),
		vite: {
			// One stylesheet for the whole site (cached once) and no inlined scripts (CSP).
			build: { assetsInlineLimit: 0, cssCodeSplit: false },
			// Scripts that load later (the search) are imported by URL: see src/integrations/chunk-url.ts.
			plugins: [chunkUrl()],
		},
	}),
);
