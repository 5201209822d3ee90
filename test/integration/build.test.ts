import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { locales } from '../../src/model/locales';
import { build, copyOfProject, edit, lineOf } from '../helpers/project';

const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

// A broken locale file must fail `astro build` with its file and line, and ship no page.
describe('astro build with a broken locale file', () => {
	it('exits non-zero, names file, line, locale and key, and writes no page', () => {
		const root = copyOfProject();
		roots.push(root);
		const file = 'locales/de/amazon-api-key.json';
		edit(root, file, 'Feld [!UICONTROL Production Api key] ein.', 'Feld [!UICONTROL Production API Key] ein.');

		const result = build(root);
		const output = result.stdout + result.stderr;
		expect(result.status, output).not.toBe(0);
		expect(output).toContain(`${file}:${lineOf(root, file, 'Production API Key')} error [de] steps.paste-key.text: unknown UI control [!UICONTROL Production API Key]`);
		expect(existsSync(join(root, 'dist/client/de/amazon-api-key/index.html'))).toBe(false);
	}, 120_000);
});

describe('a second procedure', () => {
	it('needs only its content file and its locale files', () => {
		const root = copyOfProject();
		roots.push(root);
		cpSync(join(root, 'content/procedures/amazon-api-key.yaml'), join(root, 'content/procedures/second-procedure.yaml'));
		for (const locale of locales) {
			const file = `locales/${locale.code}/second-procedure.json`;
			cpSync(join(root, `locales/${locale.code}/amazon-api-key.json`), join(root, file));
			edit(root, file, /"title": "/, '"title": "Second: ');
		}
		const result = build(root);
		expect(result.status, result.stdout + result.stderr).toBe(0);
		for (const locale of locales) {
			const page = readFileSync(join(root, `dist/client/${locale.path}/second-procedure/index.html`), 'utf8');
			expect(page).toMatch(/<h1[^>]*>Second: /);
			const list = readFileSync(join(root, `dist/client/${locale.path}/index.html`), 'utf8');
			expect(list).toContain(`href="/${locale.path}/amazon-api-key/"`);
			expect(list).toContain(`href="/${locale.path}/second-procedure/"`);
		}
	}, 120_000);
});
