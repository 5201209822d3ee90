import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locales } from '../../src/i18n/locales';

export { locales };
export const procedurePath = (path: string) => `/${path}/amazon-api-key/`;
export const stepIds = ['log-in', 'open-channel', 'sign-in', 'generate-key', 'return-to-channel', 'add-the-key', 'paste-key', 'save-config', 'verify'];

const localeFile = (code: string, name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../locales', code, `${name}.json`), 'utf8')) as unknown;

export const glossary = (code: string) => localeFile(code, 'glossary') as Record<string, string>;

/** A language's site strings (`locales/<code>/site.json`). */
export const siteStrings = (code: string) => localeFile(code, 'site') as Record<string, unknown>;

/** How many `[!UICONTROL …]` the source document has (the German seed; all five have the same). */
export const uiLabelCountOfSource = (readFileSync(join(import.meta.dirname, '../fixtures/seeds/de.md'), 'utf8').match(/\[!UICONTROL /g) ?? []).length;
