import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { locales } from '../../src/i18n/locales';

export { locales };
export const procedurePath = (path: string) => `/${path}/amazon-api-key/`;
export const stepIds = ['log-in', 'open-channel', 'sign-in', 'generate-key', 'return-to-channel', 'add-the-key', 'paste-key', 'save-config', 'verify'];

export function glossary(code: string): Record<string, string> {
	return JSON.parse(readFileSync(join(import.meta.dirname, '../../locales', code, 'glossary.json'), 'utf8')) as Record<string, string>;
}

/** How many `[!UICONTROL …]` the source document has (the German seed; all five have the same). */
export const uiLabelCountOfSource = (readFileSync(join(import.meta.dirname, '../fixtures/seeds/de.md'), 'utf8').match(/\[!UICONTROL /g) ?? []).length;
