import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import Procedure from '../../src/components/Procedure.astro';
import { loadContent } from '../../src/model/check';
import { stepsOf } from '../../src/model/procedure';
import { buildProcedureView } from '../../src/view/procedure-view';
import { createTranslator } from '../../src/view/translator';
import { copyOfProjectData, projectRoot } from '../helpers/project';
import { render } from '../helpers/site';

const root = copyOfProjectData();
afterAll(() => rmSync(root, { recursive: true, force: true }));
const run = (...args: string[]) => spawnSync(join(projectRoot, 'node_modules/.bin/tsx'), [join(projectRoot, 'src/cli/rename-step.ts'), ...args], { cwd: root, encoding: 'utf8' });

describe('npm run rename-step', () => {
	const result = run('amazon-api-key', 'paste-key', 'paste-api-key');

	it('renames the step in the schema and in every language, and keeps the old id as a former one', () => {
		expect(result.status, result.stderr).toBe(0);
		const content = loadContent(root);
		const procedure = content.procedures.find((entry) => entry.id === 'amazon-api-key')!;
		const step = stepsOf(procedure.data).find((candidate) => candidate.id === 'paste-api-key')!;
		expect(step.formerly).toEqual(['paste-key']);
		expect(procedure.data.keyCheck!.recovery.invalid).toEqual(['generate-key', 'paste-api-key', 'save-config']);
		for (const code of ['en', 'de', 'zh-TW'] as const) expect(content.words[code].procedures['amazon-api-key']!.steps!['paste-api-key']!.text).toContain('[!UICONTROL Production Api key]');
		// The schema's comments are still there.
		expect(readFileSync(join(root, 'content/procedures/amazon-api-key.yaml'), 'utf8')).toContain('# Step ids are permanent');
	});

	it('keeps an anchor for the old id on the step, so old links land on it', async () => {
		const content = loadContent(root);
		const procedure = content.procedures.find((entry) => entry.id === 'amazon-api-key')!;
		const document = await render(Procedure, { view: buildProcedureView(content, procedure, 'it'), t: (await createTranslator(content))('it') });
		expect(document.querySelector('#paste-key')!.closest('li[data-step]')!.getAttribute('data-step')).toBe('paste-api-key');
	});

	it('refuses an id that a step had or has, and a step that does not exist', () => {
		expect(run('amazon-api-key', 'paste-api-key', 'verify').stderr).toContain('"verify" is or was the id of a step or section');
		expect(run('amazon-api-key', 'save-config', 'paste-key').stderr).toContain('"paste-key" is or was the id');
		expect(run('amazon-api-key', 'nope', 'other').stderr).toContain('amazon-api-key has no step "nope"');
	});
});
