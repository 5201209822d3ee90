import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importEnglish } from '../../src/importer/english';
import { readContent } from '../../src/model/content';
import { stepsOf, textKeysOf, type Block, type Procedure } from '../../src/model/procedure';
import { copyOfProjectData, projectRoot, readJson } from '../helpers/project';
import { importedSampleGuide, importSamplePage, sampleFile, sampleGuideYaml } from '../helpers/sample-guide';

const guide = importedSampleGuide();
const procedureOf = (id: string) => guide.content.procedures.find((entry) => entry.id === id)!.data;
const textsOf = (id: string) => guide.content.words.en.procedures[id]!;
const roots: string[] = [];
afterAll(() => roots.forEach((root) => rmSync(root, { recursive: true, force: true })));

/** Every block of a list, nested ones too (not into steps). */
function* blocksIn(blocks: readonly Block[]): Generator<Block> {
	for (const block of blocks) {
		yield block;
		if (typeof block === 'string' || 'figure' in block || 'steps' in block) continue;
		if ('list' in block) for (const item of block.list) if (typeof item === 'object') yield* blocksIn(item.blocks);
		if ('callout' in block) yield* blocksIn(block.blocks);
		if ('table' in block) for (const row of block.table) for (const cell of row) if (typeof cell === 'object') yield* blocksIn(cell);
	}
}
const stepById = (procedure: Procedure, id: string) => stepsOf(procedure).find((step) => step.id === id)!;

describe('importing an English page makes its step schema and English texts', () => {
	it('listing-rule: steps with no ## before them, ids from each step’s action or control', () => {
		const procedure = procedureOf('listing-rule');
		expect(procedure.sections).toEqual([]);
		expect(stepsOf(procedure).map((step) => step.id)).toEqual(['open-amazon-sales-channel', 'view-store', 'listing-rules', 'conditions', 'change-condition-click-edit', 'preview-changes', 'save-and-apply']);
		expect(procedure.source).toEqual({ guide: 'sample-guide', file: 'listing-rule.md', exlId: 'd86120a6-864c-41fc-835b-0a5e15f1d51e', english: 'imported' });
	});

	it('listing-rule: an image between two lists of steps goes with the step before it; the numbering goes on', () => {
		const step = stepById(procedureOf('listing-rule'), 'conditions');
		expect(step.blocks[1]).toEqual({ figure: 'conditions-listing-rule', src: 'listing-rule-conditions.png', width: 600, zoomable: true });
		expect(guide.results['listing-rule']!.report.findings).toContainEqual(expect.objectContaining({ line: 32, kind: 'structure', severity: 'warning' }));
	});

	it('listing-rule: an option list keeps each option’s paragraph under it; a note stays inside its step', () => {
		const procedure = procedureOf('listing-rule');
		expect(stepById(procedure, 'conditions').blocks[0]).toEqual({
			list: [
				{ item: 'all-products', blocks: ['every-enabled-product'] },
				{ item: 'products-matching-conditions', blocks: ['product-listed-meets'] },
			],
			ordered: false,
		});
		expect(stepById(procedure, 'listing-rules').blocks).toEqual([{ callout: 'note', blocks: ['note-saving-new-rule'] }]);
	});

	it('listing-rule: a menu path without markers, a label only in emphasis, an inline icon, links to pages of the guide', () => {
		const procedure = procedureOf('listing-rule');
		const texts = textsOf('listing-rule');
		expect(texts.steps!['open-amazon-sales-channel']!.text).toBe('In the [!DNL Commerce] Admin, go to {{amazon-sales-channel}}.');
		expect(procedure.menuPaths['amazon-sales-channel']).toEqual(['marketing', 'channels', 'amazon-sales-channel']);
		expect(texts.steps!['preview-changes']!.text).toBe('Click [!UICONTROL Preview Changes] and check the products shown on the [!UICONTROL Listing Preview] page.');
		expect(texts.steps!['change-condition-click-edit']!.text).toContain('click the Edit (![Edit icon](icon-edit)) icon');
		expect(procedure.icons).toEqual({ 'icon-edit': 'icon-edit.png' });
		expect(procedure.links).toEqual({ 'pricing-overview': { page: 'pricing-overview.md' }, 'store-settings-order-settings': { page: 'store-settings.md', anchor: 'order-settings' } });
		expect(guide.results['listing-rule']!.report.findings).toContainEqual(expect.objectContaining({ line: 10, kind: 'link', message: expect.stringContaining('pricing-overview.md') }));
	});

	it('listing-rule: what comes after the steps is kept, in order (a paragraph, a tip)', () => {
		expect(procedureOf('listing-rule').intro.slice(2)).toEqual(['once-rule-saved', { callout: 'tip', blocks: ['tip-begin-narrow-rule'] }]);
	});

	it('store-settings: three procedures, each in its ## section named by its anchor, and a ### section', () => {
		const procedure = procedureOf('store-settings');
		expect(procedure.sections.map((section) => [section.id, section.level])).toEqual([
			['listing-settings', 2],
			['order-settings', 2],
			['orders-imported-before-change', 3],
			['store-integration-settings', 2],
		]);
		// Steps of the same action on one page get their section's name in front.
		expect(stepsOf(procedure).map((step) => step.id)).toContain('order-settings-save-config');
		expect(procedure.intro).toEqual(['every-amazon-store', { callout: 'important', blocks: ['important-changed-setting-takes'] }]);
	});

	it('store-settings: a section with no lead paragraph and one with two; a numbered list inside a step', () => {
		const procedure = procedureOf('store-settings');
		expect(procedure.sections[0]!.blocks.filter((block) => typeof block === 'string')).toEqual([]);
		expect(procedure.sections[1]!.blocks.slice(0, 2)).toEqual(['order-settings-control', 'table-lists-fields']);
		expect(stepById(procedure, 'expand-listing-settings').blocks).toEqual([{ list: ['product-listing-actions', 'new-product-listings'], ordered: true }]);
	});

	it('store-settings: a table whose cells hold <br> lines and a <ul> list, and a badge', () => {
		const procedure = procedureOf('store-settings');
		const table = [...blocksIn(procedure.sections[1]!.blocks)].find((block) => typeof block === 'object' && 'table' in block) as { table: unknown[][] };
		expect(table.table).toHaveLength(5);
		expect(table.table[2]![2]).toEqual(['cell-3-3-applies-new-orders', 'cell-3-3-imported-orders-keep']);
		expect(table.table[3]![2]).toEqual([{ list: ['cell-4-3-guest-customer-account', 'cell-4-3-create-one-account'], ordered: false }]);
		expect(textsOf('store-settings').sections!['order-settings']!['table-lists-fields']).toContain('[!BADGE Beta]{type=Informative tooltip="Available in version 4.5 and later"}');
		expect(procedure.links['amazon-seller-central']).toEqual({ url: 'https://sellercentral.amazon.com/', newTab: true });
	});

	it('connect-seller-account: the same label for two controls, each placed where the page says the reader is', () => {
		const procedure = procedureOf('connect-seller-account');
		expect(stepById(procedure, 'sign-in').controls).toEqual(['sign-in']);
		const sellerSignIn = stepsOf(procedure).find((step) => step.controls.includes('amazon-seller-central-sign-in'))!;
		expect(sellerSignIn.id).toBe('authorize-sign-in');
		expect(guide.content.uiControls.controls['amazon-seller-central-sign-in']).toBe('amazon-seller-central');
		expect(guide.content.words.en.glossary['amazon-seller-central-sign-in']).toBe('Sign in');
		// Back in the Commerce Admin after the Amazon steps.
		expect(guide.content.uiControls.controls['store-settings']).toBe('commerce-admin');
		expect(procedure.next).toBe('store-settings');
		expect(textsOf('connect-seller-account').next).toEqual({ icon: 'Next icon', link: 'Continue to store settings' });
	});

	it('a page that is not a procedure is said to be one and not imported', () => {
		const result = importEnglish({
			markdown: readFileSync(join(projectRoot, sampleFile('en', 'pricing-notes')), 'utf8'),
			file: sampleFile('en', 'pricing-notes'),
			id: 'pricing-notes',
			guide: 'sample-guide',
			glossary: guide.content.words.en.glossary,
			uiControls: guide.content.uiControls,
			knownPages: new Set(),
		});
		expect(result.isProcedure).toBe(false);
		expect(result.procedure).toBeUndefined();
		expect(result.report.findings).toEqual([expect.objectContaining({ kind: 'not-a-procedure' })]);
	});

	it.each(['listing-rule', 'store-settings', 'connect-seller-account'])('%s: every line of the page is accounted for; every text key came from a line', (page) => {
		const lines = readFileSync(join(projectRoot, sampleFile('en', page)), 'utf8').split('\n');
		const { report } = guide.results[page]!;
		expect(report.findings.filter((finding) => finding.severity === 'error')).toEqual([]);
		report.lines.forEach((fate, index) => {
			if (lines[index]!.trim() === '') expect(['blank', 'front-matter']).toContain(fate.kind);
			else expect(fate.kind, `line ${index + 1}: ${lines[index]}`).not.toBe('blank');
		});
		const reported = new Set(report.lines.flatMap((fate) => (fate.kind === 'text' ? fate.keys.flatMap((key) => key.split(', ')) : [])));
		for (const key of textKeysOf(procedureOf(page))) expect(reported.has(key.key), key.key).toBe(true);
	});
});

describe('importing a newer revision of the English page', () => {
	const root = copyOfProjectData();
	roots.push(root);
	writeFileSync(join(root, 'content/guides/sample-guide.yaml'), sampleGuideYaml);
	const first = importSamplePage(root, 'store-settings', undefined, '1111111111111111111111111111111111111111');
	const before = stepsOf(first.procedure!).map((step) => step.id);
	const original = readFileSync(join(projectRoot, sampleFile('en', 'store-settings')), 'utf8');
	const newer = original
		// reworded
		.replace('1. Click **[!UICONTROL Save Config]**.\n\n### Orders', '1. To keep the settings, click **[!UICONTROL Save Config]**.\n\n### Orders')
		// removed
		.replace('1. Set **[!UICONTROL Import Amazon Orders]** to `Enabled`.\n\n', '')
		// added
		.replace('1. Expand **[!UICONTROL Store Integration Settings]**.', '1. Expand **[!UICONTROL Store Integration Settings]**.\n\n1. Enter the **[!UICONTROL Seller ID]** of the account.');
	const second = importSamplePage(root, 'store-settings', newer, '2222222222222222222222222222222222222222');
	const after = stepsOf(second.procedure!).map((step) => step.id);

	it('keeps the ids of unchanged and reworded steps, gives new steps new ids, and retires removed ones', () => {
		expect(before).toContain('set-import-amazon-orders');
		expect(after).not.toContain('set-import-amazon-orders');
		expect(after).toEqual(before.filter((id) => id !== 'set-import-amazon-orders').flatMap((id) => (id === 'expand-store-integration-settings' ? [id, 'enter-seller-id'] : [id])));
		expect(second.procedure!.retiredIds).toEqual(['set-import-amazon-orders']);
		expect(second.report.findings).toContainEqual(expect.objectContaining({ kind: 'new-step', severity: 'note', message: 'a new step: "enter-seller-id"' }));
	});

	it('records the revision and which steps it changed', () => {
		expect(second.procedure!.revisions.map((revision) => revision.commit[0])).toEqual(['1', '2']);
		expect(second.procedure!.revisions[1]!.changedSteps).toEqual(['order-settings-save-config', 'enter-seller-id']);
	});

	it('never gives a retired id to a new step, and keeps a renamed id with its former one', () => {
		const file = join(root, 'content/procedures/store-settings.yaml');
		writeFileSync(file, readFileSync(file, 'utf8').replace('- id: view-store', '- id: open-store-settings-page\n            formerly: [view-store]'));
		const texts = join(root, 'locales/en/store-settings.json');
		writeFileSync(texts, readFileSync(texts, 'utf8').replace('"view-store": {', '"open-store-settings-page": {'));
		const third = importSamplePage(root, 'store-settings', original.replace('1. Set **[!UICONTROL Import Amazon Orders]** to `Enabled`.', '1. Set **[!UICONTROL Import Amazon Orders]** to `Enabled` again.'));
		const ids = stepsOf(third.procedure!).map((step) => step.id);
		expect(ids).toContain('open-store-settings-page');
		expect(stepsOf(third.procedure!).find((step) => step.id === 'open-store-settings-page')!.formerly).toEqual(['view-store']);
		// The removed step came back: it gets an id of its own, not the retired one.
		expect(ids).not.toContain('set-import-amazon-orders');
		expect(ids).toContain('set-import-amazon-orders-2');
	});
});

describe('a figure drawn by hand', () => {
	const page = readFileSync(join(projectRoot, sampleFile('en', 'listing-rule')), 'utf8');
	const earlier = structuredClone(procedureOf('listing-rule'));
	const texts = structuredClone(textsOf('listing-rule'));
	const drawn = { figure: 'screen', caption: 'conditions-listing-rule', screen: { kind: 'admin' as const, actions: [], elements: [{ text: 'sample-rule' }, { button: 'save-and-apply', primary: true }], acts: ['save-and-apply'] } };
	stepById(earlier, 'conditions').blocks.splice(1, 1, drawn);
	texts.steps!.conditions!.screen = 'The conditions of a listing rule';
	texts.steps!.conditions!['sample-rule'] = 'Condition: price above 10';
	const again = importEnglish({
		markdown: page,
		file: sampleFile('en', 'listing-rule'),
		id: 'listing-rule',
		guide: 'sample-guide',
		earlier: { procedure: { id: 'listing-rule', data: earlier }, texts },
		glossary: guide.content.words.en.glossary,
		uiControls: guide.content.uiControls,
		knownPages: new Set(),
	});

	it('stays where the page has its image when the page is imported again; the image’s text is its caption', () => {
		expect(stepById(again.procedure!, 'conditions').blocks[1]).toEqual(drawn);
		expect(again.texts!.steps!.conditions).toEqual({ ...textsOf('listing-rule').steps!.conditions, screen: 'The conditions of a listing rule', 'sample-rule': 'Condition: price above 10' });
	});
});

describe('npm run import:page', () => {
	const run = (cwd: string, ...args: string[]) => spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/import-page.ts'), ...args], { cwd, encoding: 'utf8' });

	it('imports a folder: procedures written with their glossary entries, other pages skipped with the reason', () => {
		const root = copyOfProjectData();
		roots.push(root);
		writeFileSync(join(root, 'content/guides/sample-guide.yaml'), sampleGuideYaml);
		const result = run(root, join(projectRoot, 'test/fixtures/exl/sample-guide/en'), '--guide', 'sample-guide', '--revision', '1111111111111111111111111111111111111111');
		expect(result.status, result.stdout + result.stderr).toBe(0);
		expect(result.stdout).toContain('pricing-notes.md: skipped: not a procedure');
		expect(result.stdout).toMatch(/listing-rule\.md: wrote content\/procedures\/listing-rule\.yaml, locales\/en\/listing-rule\.json/);
		expect(result.stdout).toMatch(/^\s+12\s+repaired\s+steps\.open-amazon-sales-channel\.text$/m);
		const { content, problems } = readContent(root);
		expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
		expect(content.procedures.map((procedure) => procedure.id)).toEqual(['amazon-api-key', 'connect-seller-account', 'listing-rule', 'store-integration', 'store-settings']);
		expect(readJson(root, 'locales/en/glossary.json')['listing-preview']).toBe('Listing Preview');
	});

	it('does not overwrite a procedure whose English is our own wording', () => {
		const root = copyOfProjectData();
		roots.push(root);
		const page = join(root, 'page.md');
		writeFileSync(page, '---\ntitle: x\nexl-id: 2257b64d-309d-4efd-ba79-6e0cdeed63cb\n---\n\n# x\n\n1. Click **[!UICONTROL Save Config]**.\n1. Click **[!UICONTROL Save Config]**.\n');
		const before = readFileSync(join(root, 'content/procedures/amazon-api-key.yaml'), 'utf8');
		const result = run(root, page, '--guide', 'amazon-sales-channel');
		expect(result.stdout).toContain('not imported: the English text of amazon-api-key is our own wording');
		expect(readFileSync(join(root, 'content/procedures/amazon-api-key.yaml'), 'utf8')).toBe(before);
	});

	it('imports Store integration to exactly the committed schema and English file', () => {
		const root = copyOfProjectData();
		roots.push(root);
		const result = run(root, join(projectRoot, 'test/fixtures/exl/amazon-sales-channel/en/store-integration.md'), '--guide', 'amazon-sales-channel', '--revision', '3333333333333333333333333333333333333333');
		expect(result.status, result.stdout + result.stderr).toBe(0);
		for (const file of ['content/procedures/store-integration.yaml', 'locales/en/store-integration.json', 'locales/en/glossary.json', 'content/ui-controls.yaml']) {
			expect(readFileSync(join(root, file), 'utf8'), file).toBe(readFileSync(join(projectRoot, file), 'utf8'));
		}
	});
});
