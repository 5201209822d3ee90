import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { currentRevision, stepsOf, textKeysOf, type Step } from '../../src/model/procedure';
import { readProcedures } from '../../src/model/content';
import { DataError } from '../../src/model/problems';
import { copyOfProjectData, edit, lineOf, projectRoot } from '../helpers/project';

const procedureFile = 'content/procedures/amazon-api-key.yaml';

describe('the step schema of "Add or verify Amazon API key"', () => {
	const [procedure] = readProcedures(projectRoot);

	it('has the nine stable step ids, in order', () => {
		expect(procedure!.id).toBe('amazon-api-key');
		expect(stepsOf(procedure!.data).map((step) => step.id)).toEqual(['log-in', 'open-channel', 'sign-in', 'generate-key', 'return-to-channel', 'add-the-key', 'paste-key', 'save-config', 'verify']);
	});

	it('says which step the live key check confirms and where each failure sends the reader', () => {
		expect(procedure!.data.keyCheck).toEqual({
			confirms: 'verify',
			recovery: { missing: ['generate-key', 'paste-key', 'save-config'], invalid: ['generate-key', 'paste-key', 'save-config'], expired: ['generate-key', 'paste-key', 'save-config'] },
		});
	});

	it('records the two source revisions and what the newer one changed', () => {
		expect(procedure!.data.revisions.map((revision) => revision.commit.slice(0, 7))).toEqual(['2c753ec', '7fff4c4']);
		expect(currentRevision(procedure!.data)).toBe('7fff4c463551089fb64f2d5bf7bf23f272ce4663');
		expect(procedure!.data.revisions[1]!.changedSteps).toEqual(['log-in', 'generate-key']);
	});

	it('puts images on steps 2, 4 and 8, a list on step 3 and menu paths on steps 2, 6 and 9', () => {
		const numbered = (has: (step: Step) => boolean) => stepsOf(procedure!.data).flatMap((step, index) => (has(step) ? [index + 1] : []));
		expect(numbered((step) => step.blocks.some((block) => typeof block === 'object' && 'figure' in block))).toEqual([2, 4, 8]);
		expect(numbered((step) => step.blocks.some((block) => typeof block === 'object' && 'list' in block))).toEqual([3]);
		expect(numbered((step) => step.menuPaths.length > 0)).toEqual([2, 6, 9]);
		expect(procedure!.data.menuPaths.channel).toEqual(['marketing', 'channels', 'amazon-sales-channel']);
	});

	it('names every text by a key within its intro, section or step', () => {
		expect(textKeysOf(procedure!.data).map((key) => key.key)).toEqual([
			'intro.checked',
			'intro.update',
			'sections.get-and-add-key.heading',
			'sections.get-and-add-key.lead',
			'steps.log-in.text',
			'steps.open-channel.text',
			'steps.open-channel.first-visit',
			'steps.open-channel.screen',
			'steps.open-channel.image',
			'steps.sign-in.text',
			'steps.sign-in.new-tab',
			'steps.sign-in.signed-in',
			'steps.sign-in.not-signed-in',
			'steps.sign-in.no-account',
			'steps.generate-key.text',
			'steps.generate-key.create-key',
			'steps.generate-key.screen',
			'steps.generate-key.image',
			'steps.generate-key.key-name',
			'steps.generate-key.sample-key',
			'steps.return-to-channel.text',
			'steps.add-the-key.text',
			'steps.add-the-key.manual-path',
			'steps.paste-key.text',
			'steps.save-config.text',
			'steps.save-config.screen',
			'steps.save-config.image',
			'steps.verify.text',
			'steps.verify.revisit',
			'steps.verify.prompted-again',
		]);
	});
});

describe('a broken step schema is reported with its file and line', () => {
	let root: string;
	afterEach(() => rmSync(root, { recursive: true, force: true }));

	function errorsOf(scratch: string) {
		try {
			readProcedures(scratch);
		} catch (error) {
			if (error instanceof DataError) return error.problems;
			throw error;
		}
		throw new Error('readProcedures accepted a broken schema');
	}

	it.each([
		// [name, from, to, message, the line reported: its text and which occurrence]
		['a duplicate step id', '          - id: verify', '          - id: log-in', 'duplicate id "log-in": already the id of a step', '          - id: log-in', 2],
		['a step id that is a section id', '          - id: verify', '          - id: get-and-add-key', 'duplicate id "get-and-add-key": already the id of section 1', '          - id: get-and-add-key', 1],
		['a retired step id used again', 'next: store-integration', 'next: store-integration\nretiredIds: [paste-key]', '"paste-key" is a retired step id', '          - id: paste-key', 1],
		['a duplicate text key', 'blocks: [revisit, prompted-again]', 'blocks: [revisit, revisit]', 'duplicate text key "revisit" in steps.verify', 'blocks: [revisit, revisit]', 1],
		['steps inside a step', 'blocks: [manual-path]', 'blocks: [manual-path, { steps: [{ id: inner }] }]', 'steps stand at the top of the intro or of a section', 'blocks: [manual-path, { steps', 1],
		['a table with rows of different lengths', 'blocks: [manual-path]', 'blocks: [{ table: [[a, b], [c]] }]', 'every row of a table needs the same number of cells', 'blocks: [{ table', 1],
		['an unknown callout kind', 'blocks: [manual-path]', 'blocks: [{ callout: hint, blocks: [manual-path] }]', "Invalid enum value. Expected 'note' | 'important' | 'tip' | 'caution' | 'warning', received 'hint'", 'blocks: [{ callout', 1],
		['a step id that is not a slug', '          - id: paste-key', '          - id: Paste Key', 'use lower-case letters, digits and hyphens', '          - id: Paste Key', 1],
		['an unknown menu path', 'menuPaths: [configuration]', 'menuPaths: [config]', 'unknown menu path "config"', 'menuPaths: [config]', 1],
		['a key-check step that does not exist', 'confirms: verify', 'confirms: check', 'unknown step "check"', 'confirms: check', 1],
	] as const)('%s', (_name, from, to, message, needle, occurrence) => {
		root = copyOfProjectData();
		edit(root, procedureFile, from, to);
		const line = lineOf(root, procedureFile, needle, occurrence);
		expect(errorsOf(root)).toContainEqual(expect.objectContaining({ file: procedureFile, line, message: expect.stringContaining(message) }));
	});

	it('invalid YAML', () => {
		root = copyOfProjectData();
		edit(root, procedureFile, 'blocks: [manual-path]', 'blocks: [manual-path');
		expect(errorsOf(root)[0]).toMatchObject({ file: procedureFile, message: expect.stringContaining('invalid YAML') });
	});
});
