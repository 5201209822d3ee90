import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { locales } from '../../src/model/locales';

export { locales };
export const procedurePath = (path: string) => `/${path}/amazon-api-key/`;
export const stepIds = ['log-in', 'open-channel', 'sign-in', 'generate-key', 'return-to-channel', 'add-the-key', 'paste-key', 'save-config', 'verify'];

const localeFile = (code: string, name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../locales', code, `${name}.json`), 'utf8')) as unknown;

/** The labels a page in a language shows: its glossary, English where it has none (English-only places). */
export const glossary = (code: string) => ({ ...(localeFile('en', 'glossary') as Record<string, string>), ...(localeFile(code, 'glossary') as Record<string, string>) });

/** A language's site strings (`locales/<code>/site.json`), so tests expect exactly what translators wrote. */
export const siteStrings = (code: string) => localeFile(code, 'site') as Record<string, Record<string, string>>;

/** How many `[!UICONTROL …]` the source document has (the German seed; all five have the same). */
export const uiLabelCountOfSource = (readFileSync(join(import.meta.dirname, '../fixtures/seeds/de.md'), 'utf8').match(/\[!UICONTROL /g) ?? []).length;

/** The port Playwright's server listens on (E2E_PORT), and the demo store it asks, on the next port. */
export const e2ePort = Number(process.env.E2E_PORT ?? 4399);
export const demoStore = {
	url: `http://127.0.0.1:${e2ePort + 1}`,
	/** The demo store's state file, for the tests alone (npm run demo-store writes the same format). */
	file: join(tmpdir(), `walkthroughs-e2e-demo-store-${e2ePort}.json`),
};
