import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium } from '@playwright/test';
import lighthouse, { desktopConfig } from 'lighthouse';
import { locales } from '../model/locales';
import { startSiteProcess } from './site-process';

export const categories = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof categories)[number];
const presets = ['mobile', 'desktop'] as const;

export interface LighthouseScores {
	path: string;
	/** Lighthouse's version, which its scoring depends on. */
	version: string;
	/** Lighthouse's mobile preset (a mid-range phone on slow 4G, simulated) or its desktop one. */
	preset: (typeof presets)[number];
	/** 0–100 per category; null when Lighthouse could not score it. */
	scores: Record<Category, number | null>;
}

/** A port nothing listens on now, for Chromium's remote debugging (Lighthouse drives Chromium through it). */
function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer().listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() => (address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port'))));
		});
	});
}

/**
 * Runs Lighthouse on each page of the built site of project `root`, served by our server, with
 * the mobile and the desktop preset, in Debian's Chromium (or CHROMIUM_PATH). Undefined when
 * there is no Chromium.
 */
export async function measureLighthouse(root: string, paths: string[]): Promise<LighthouseScores[] | undefined> {
	const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	if (!existsSync(executablePath)) return undefined;
	const site = await startSiteProcess(root);
	const port = await freePort();
	const browser = await chromium.launch({ executablePath, args: ['--headless=new', '--no-sandbox', '--disable-gpu', `--remote-debugging-port=${port}`] });
	try {
		const measured: LighthouseScores[] = [];
		for (const path of paths) {
			for (const preset of presets) {
				const result = await lighthouse(site.origin + path, { port, logLevel: 'error', onlyCategories: [...categories] }, preset === 'desktop' ? desktopConfig : undefined);
				if (!result) throw new Error(`Lighthouse returned nothing for ${path}`);
				const score = (category: Category) => {
					const value = result.lhr.categories[category]?.score;
					return typeof value === 'number' ? Math.round(value * 100) : null;
				};
				measured.push({ path, version: result.lhr.lighthouseVersion, preset, scores: { performance: score('performance'), accessibility: score('accessibility'), 'best-practices': score('best-practices'), seo: score('seo') } });
			}
		}
		return measured;
	} finally {
		await browser.close();
		site.stop();
	}
}

/** The bench's Lighthouse section: every language's procedure page, printed as a table and returned. */
export async function lighthouseSection(root: string): Promise<{ lighthouse: LighthouseScores[] | null }> {
	const measured = await measureLighthouse(
		root,
		locales.map((locale) => `/${locale.path}/amazon-api-key/`),
	);
	if (!measured) {
		console.log('\nLighthouse: not measured (no Chromium; set CHROMIUM_PATH)');
		return { lighthouse: null };
	}
	const column = Math.max(...measured.map((entry) => entry.path.length));
	console.log(`\nLighthouse ${measured[0]?.version} (scores 0–100; mobile: simulated slow 4G and a mid-range phone's CPU)\n`);
	console.log(`${'page'.padEnd(column)}  ${'preset'.padEnd(7)}  ${categories.map((category) => category.padStart(14)).join('  ')}`);
	for (const { path, preset, scores } of measured) console.log(`${path.padEnd(column)}  ${preset.padEnd(7)}  ${categories.map((category) => String(scores[category] ?? '–').padStart(14)).join('  ')}`);
	return { lighthouse: measured };
}
