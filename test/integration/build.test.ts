import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { edit, lineOf, projectRoot } from '../helpers/project';

// A broken locale file must fail `astro build` with its file and line, and ship no page.
describe('astro build with a broken locale file', () => {
	const root = mkdtempSync(join(tmpdir(), 'walkthrough-build-'));
	afterAll(() => rmSync(root, { recursive: true, force: true }));

	it('exits non-zero, names file, line, locale and key, and writes no page', () => {
		for (const entry of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'content', 'locales', 'public']) {
			cpSync(join(projectRoot, entry), join(root, entry), { recursive: true });
		}
		symlinkSync(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
		const file = 'locales/de/amazon-api-key.json';
		edit(root, file, 'Kopierten Schlüssel einfügen für [!UICONTROL Production Api key].', 'Kopierten Schlüssel einfügen für [!UICONTROL Production API Key].');

		const build = spawnSync(join(projectRoot, 'node_modules/.bin/astro'), ['build'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
		const output = build.stdout + build.stderr;
		expect(build.status, output).not.toBe(0);
		expect(output).toContain(`${file}:${lineOf(root, file, 'Production API Key')} error [de] steps.paste-key.text: unknown UI control [!UICONTROL Production API Key]`);
		expect(existsSync(join(root, 'dist/client/de/amazon-api-key/index.html'))).toBe(false);
	}, 120_000);
});
