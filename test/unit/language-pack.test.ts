import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/model/check';
import { localeByCode } from '../../src/model/locales';
import { compareWithPack, readLanguagePack } from '../../src/translation/language-pack';
import { copyOfProjectData, edit, projectRoot, readJson } from '../helpers/project';

const content = loadContent(projectRoot);
const pack = (name: string) => readLanguagePack(readFileSync(join(projectRoot, 'test/fixtures/language-packs', name), 'utf8'));
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

describe('a Magento language pack against the glossary', () => {
	it('reads the "source","translation","module","Module_Name" rows, quotes and commas included', () => {
		const { rows, problems } = pack('de_DE.csv');
		expect(problems).toEqual([]);
		expect(rows[0]).toEqual({ source: 'Admin', translation: 'Administrator', module: 'Magento_Backend', line: 1 });
		expect(rows.find((row) => row.source.startsWith('Quote'))).toMatchObject({ source: 'Quote "with" comma, here', translation: 'Zitat "mit" Komma, hier' });
	});

	it('German: the glossary agrees with the pack where the Admin translates; where it differs the report says both', () => {
		const findings = compareWithPack(content, localeByCode('de')!, pack('de_DE.csv').rows);
		const byId = Object.fromEntries(findings.map((finding) => [finding.id, finding]));
		expect(byId['save-config']).toEqual({ kind: 'same', id: 'save-config', label: 'Konfiguration speichern' });
		expect(byId.stores).toMatchObject({ kind: 'same', label: 'Shops' });
		// Two modules translate "Sign in"; ours is one of them.
		expect(byId['sign-in']).toMatchObject({ kind: 'same', label: 'Anmelden' });
		expect(byId['email-address']).toEqual({ kind: 'differs', id: 'email-address', english: 'Email Address', ours: 'Email Address', pack: [{ translation: 'E-Mail-Adresse', module: 'Magento_Customer' }] });
		// The extension's labels are in no pack: the Admin shows them in English.
		expect(byId.channels).toMatchObject({ kind: 'not-in-pack', ours: 'Channels' });
		// Labels of the English-only account site and of Amazon Seller Central are not the pack's to say.
		expect(byId.copy).toBeUndefined();
		expect(byId['amazon-seller-central-sign-in']).toBeUndefined();
	});

	it('npm run i18n:glossary proposes what the glossary lacks, and --write adds it without changing a translator’s label', () => {
		const root = copyOfProjectData();
		roots.push(root);
		edit(root, 'locales/fr/glossary.json', /\n\s*"stores": "[^"]*",/, '');
		edit(root, 'locales/fr/glossary.json', '"Sauvegarder la configuration"', '"Enregistrer la configuration"');
		const run = (...args: string[]) =>
			spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/i18n-glossary.ts'), join(projectRoot, 'test/fixtures/language-packs/fr_FR.csv'), '--lang', 'fr', ...args], { cwd: root, encoding: 'utf8' });
		const report = run();
		expect(report.stdout).toContain('stores: not in the glossary; the pack shows "Magasins" for "Stores" (Magento_Store)');
		expect(report.stdout).toContain('save-config: the glossary says "Enregistrer la configuration"; the pack shows "Sauvegarder la configuration" (Magento_Config) for "Save Config"');
		run('--write');
		const glossary = readJson(root, 'locales/fr/glossary.json');
		expect(glossary.stores).toBe('Magasins');
		expect(glossary['save-config']).toBe('Enregistrer la configuration');
	});
});
