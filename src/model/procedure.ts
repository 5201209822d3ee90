import { z } from 'astro/zod';
import { id } from './id';
import { readScreen, screenSchema, type Screen } from './screen';
import { madeOnce, madeOncePer } from './made-once';

/**
 * The step schema of a procedure page: its structure, never its words. Every text a reader sees
 * is named here by a key and lives in `locales/<lang>/<procedure>.json` under that key:
 *
 *   intro.<key>             a text of the page before its first section
 *   sections.<id>.heading   a section's heading;  sections.<id>.<key>  a text of the section
 *   steps.<id>.text         a step's instruction; steps.<id>.<key>     a text under the step
 *
 * Keys are unique within their scope (the intro, one section, one step). A figure's texts (its
 * alt text, caption and the words of a drawn screen, see screen.ts) are texts of its scope.
 */

export { id };
const imageFile = z.string().regex(/^[\w.-]+\.(png|jpe?g|gif|webp|svg)$/, 'an image file name such as screen.png');

export const calloutKinds = ['note', 'important', 'tip', 'caution', 'warning'] as const;
export type CalloutKind = (typeof calloutKinds)[number];

export interface Step {
	id: string;
	/** Ids the step had before a person renamed it: old links to them still land here. */
	formerly: string[];
	/** Glossary ids of every UI control the step's texts name, directly or inside a menu path. */
	controls: string[];
	menuPaths: string[];
	blocks: Block[];
}

export type ListItem = string | { item: string; blocks: Block[] };
/** A table cell: one text, or several blocks (lines split by `<br>`, a list). */
export type Cell = string | Block[];

/** A picture: an image file, or a screen drawn from the schema. `figure` is the key of its alt text. */
export type Figure = { figure: string; caption?: string | undefined; src: string; width?: number | undefined; zoomable: boolean } | { figure: string; caption?: string | undefined; screen: Screen };
export type DrawnFigure = Extract<Figure, { screen: Screen }>;

/** What a page, a section or a step holds, in reading order. A string is a paragraph's key. */
export type Block = string | Figure | { list: ListItem[]; ordered: boolean } | { callout: CalloutKind; blocks: Block[] } | { table: Cell[][] } | { steps: Step[] };

const imageFigure = z.object({ figure: id, caption: id.optional(), src: imageFile, width: z.number().int().positive().optional(), zoomable: z.boolean().default(false) }).strict();
const drawnFigure = z.object({ figure: id, caption: id.optional(), screen: screenSchema }).strict();

/**
 * A block is a text key, or an object whose first key says what it is. Parsed by that key (not
 * as a union), so a mistake inside a callout is reported there, not as "invalid input".
 */
const blockKinds: Record<string, () => z.ZodTypeAny> = {
	figure: madeOnce(() =>
		z.unknown().transform((value, ctx): Figure => {
			const has = (key: string) => typeof value === 'object' && value !== null && Object.hasOwn(value, key);
			if (has('src') && has('screen')) {
				ctx.addIssue({ code: 'custom', path: ['src'], message: 'a figure is an image (src) or a drawn screen (screen), not both', fatal: true });
				return z.NEVER;
			}
			if (!has('src') && !has('screen')) {
				ctx.addIssue({ code: 'custom', message: 'a figure needs src (an image file) or screen (a drawn screen)', fatal: true });
				return z.NEVER;
			}
			const result = (has('screen') ? drawnFigure : imageFigure).safeParse(value);
			if (!result.success) {
				for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message, fatal: true });
				return z.NEVER;
			}
			return result.data;
		}),
	),
	list: madeOnce(() => z.object({ list: z.array(listItemSchema).min(1), ordered: z.boolean().default(false) }).strict()),
	callout: madeOnce(() => z.object({ callout: z.enum(calloutKinds), blocks: z.array(blockSchema).min(1) }).strict()),
	table: madeOnce(() => z.object({ table: z.array(z.array(z.union([id, z.array(blockSchema).min(1)])).min(1)).min(2) }).strict()),
	steps: madeOnce(() => z.object({ steps: z.array(stepSchema).min(1) }).strict()),
};
const blockSchema: z.ZodType<Block, z.ZodTypeDef, unknown> = z.lazy(
	madeOnce(() =>
		z.unknown().transform((value, ctx): Block => {
			const kind = typeof value === 'object' && value !== null ? Object.keys(blockKinds).find((key) => Object.hasOwn(value, key)) : undefined;
			const schema = typeof value === 'string' ? id : kind ? blockKinds[kind]!() : undefined;
			if (!schema) {
				ctx.addIssue({ code: 'custom', message: `a block is a text key, or one of ${Object.keys(blockKinds).join(', ')}`, fatal: true });
				return z.NEVER;
			}
			const result = schema.safeParse(value);
			if (!result.success) {
				for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message, fatal: true });
				return z.NEVER;
			}
			return result.data as Block;
		}),
	),
);
const listItemSchema: z.ZodType<ListItem, z.ZodTypeDef, unknown> = z.lazy(madeOnce(() => z.union([id, z.object({ item: id, blocks: z.array(blockSchema) }).strict()])));
const stepSchema: z.ZodType<Step, z.ZodTypeDef, unknown> = z.lazy(
	madeOnce(() =>
		z
			.object({
				id,
				formerly: z.array(id).default([]),
				controls: z.array(id).default([]),
				menuPaths: z.array(id).default([]),
				blocks: z.array(blockSchema).default([]),
			})
			.strict(),
	),
);

const section = z
	.object({
		/** Also the heading's anchor (Experience League's `{#id}` where the page has one). */
		id,
		level: z.union([z.literal(2), z.literal(3)]).default(2),
		/** UI controls the section's own texts name (a step lists its own). */
		controls: z.array(id).default([]),
		blocks: z.array(blockSchema).default([]),
	})
	.strict();

/** A link to the web, or to another page of the same Experience League guide. */
const link = z.union([
	z.object({ url: z.string().url(), newTab: z.boolean().default(false) }).strict(),
	z.object({ page: z.string().regex(/^[\w.-]+\.md$/, 'a page of the guide, e.g. store-integration.md'), anchor: id.optional() }).strict(),
]);

const keyStatus = z.enum(['missing', 'invalid', 'expired']);

/** The live key check of a procedure: the step a valid key confirms, the steps to go back to otherwise. */
export const keyCheckSchema = z.object({ confirms: id, recovery: z.record(keyStatus, z.array(id).min(1)) }).strict();
export type KeyCheck = z.infer<typeof keyCheckSchema>;

export const procedureSchema = z
	.object({
		/** The Experience League page this procedure follows. */
		source: z
			.object({
				guide: id,
				file: z.string().regex(/^[\w.-]+\.md$/),
				exlId: z.string().uuid(),
				/** `own`: the English text is ours, not imported; the importer will not overwrite it. */
				english: z.enum(['imported', 'own']).default('imported'),
			})
			.strict()
			.optional(),
		revisions: z.array(z.object({ commit: z.string().regex(/^[0-9a-f]{40}$/), changedSteps: z.array(id).default([]) }).strict()).default([]),
		/** Step ids that were removed from the page: never given to a new step. */
		retiredIds: z.array(id).default([]),
		links: z.record(id, link).default({}),
		/** Inline icons named in the texts as `![alt](icon-id)`. */
		icons: z.record(id, imageFile).default({}),
		next: id.optional(),
		menuPaths: z.record(id, z.array(id).min(1)).default({}),
		keyCheck: keyCheckSchema.optional(),
		/** Blocks before the first section (some pages have their steps here). */
		intro: z.array(blockSchema).default([]),
		/** UI controls the intro's texts name. */
		introControls: z.array(id).default([]),
		sections: z.array(section).default([]),
	})
	.strict()
	.superRefine((procedure, ctx) => {
		const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
		const anchors = new Map<string, string>();
		const claim = (anchor: string, what: string, path: (string | number)[]) => {
			const other = anchors.get(anchor);
			if (other) issue(path, `duplicate id "${anchor}": already the id of ${other}`);
			else anchors.set(anchor, what);
		};
		procedure.sections.forEach((section, index) => claim(section.id, `section ${index + 1}`, ['sections', index, 'id']));
		for (const { step, path, nested } of stepsWithPaths(procedure)) {
			if (nested) issue(path, 'steps stand at the top of the intro or of a section; a numbered list inside a step is a list with `ordered: true`');
			claim(step.id, `a step`, [...path, 'id']);
			step.formerly.forEach((old, i) => claim(old, `a step's former id`, [...path, 'formerly', i]));
			if (procedure.retiredIds.includes(step.id)) issue([...path, 'id'], `"${step.id}" is a retired step id: links to the removed step must not land on another one`);
			step.menuPaths.forEach((pathId, i) => {
				if (!(pathId in procedure.menuPaths)) issue([...path, 'menuPaths', i], `unknown menu path "${pathId}"`);
			});
		}
		if (stepsOf(procedure).length === 0) issue(['sections'], 'a procedure needs at least one numbered step (a `steps` block)');
		const keys = new Set<string>();
		for (const { key, path } of textKeysWithPaths(procedure)) {
			if (keys.has(key.key)) issue(path, `duplicate text key "${key.name}" in ${scopeKey(key.scope)}`);
			keys.add(key.key);
		}
		for (const { block, path } of visitBlocks(procedure)) {
			if (typeof block === 'object' && 'table' in block && block.table.some((row) => row.length !== block.table[0]!.length)) {
				issue(path, 'every row of a table needs the same number of cells');
			}
		}
		const requireStep = (stepId: string, path: (string | number)[]) => {
			if (!anchors.has(stepId) || anchors.get(stepId) !== 'a step') issue(path, `unknown step "${stepId}"`);
		};
		procedure.revisions.forEach((revision, r) => revision.changedSteps.forEach((stepId, i) => requireStep(stepId, ['revisions', r, 'changedSteps', i])));
		if (procedure.keyCheck) {
			requireStep(procedure.keyCheck.confirms, ['keyCheck', 'confirms']);
			for (const [status, steps] of Object.entries(procedure.keyCheck.recovery)) {
				steps?.forEach((stepId, i) => requireStep(stepId, ['keyCheck', 'recovery', status, i]));
			}
		}
		if (procedure.next && !Object.hasOwn(procedure.links, procedure.next)) issue(['next'], `unknown link "${procedure.next}"`);
		for (const [linkId, target] of Object.entries(procedure.links)) {
			if ('page' in target && !procedure.source) issue(['links', linkId], 'a link to a page of the guide needs the procedure’s `source` (which guide it belongs to)');
		}
	});

export type Procedure = z.infer<typeof procedureSchema>;
export type Section = Procedure['sections'][number];
export type Link = Procedure['links'][string];

/** Where a text or a step sits: the intro, a section or a step. */
export type Scope = { kind: 'intro' } | { kind: 'section'; id: string } | { kind: 'step'; id: string };

type Path = (string | number)[];

interface Visit {
	block: Block;
	path: Path;
	scope: Scope;
	/** Whether the block stands at the top of the intro or of a section (where steps may stand). */
	topLevel: boolean;
}

/** Every block of the page, nested ones too, in reading order, with its path in the schema and its scope. */
function visitBlocks(procedure: Procedure): Visit[] {
	const visits: Visit[] = [];
	const visit = (blocks: readonly Block[], path: Path, scope: Scope, topLevel: boolean) => {
		for (const [index, block] of blocks.entries()) {
			const at = [...path, index];
			visits.push({ block, path: at, scope, topLevel });
			if (typeof block === 'string' || 'figure' in block) continue;
			if ('list' in block) block.list.forEach((item, i) => typeof item === 'object' && visit(item.blocks, [...at, 'list', i, 'blocks'], scope, false));
			else if ('callout' in block) visit(block.blocks, [...at, 'blocks'], scope, false);
			else if ('table' in block) block.table.forEach((row, r) => row.forEach((cell, c) => typeof cell === 'object' && visit(cell, [...at, 'table', r, c], scope, false)));
			else block.steps.forEach((step, i) => visit(step.blocks, [...at, 'steps', i, 'blocks'], { kind: 'step', id: step.id }, false));
		}
	};
	visit(procedure.intro, ['intro'], { kind: 'intro' }, true);
	procedure.sections.forEach((section, i) => visit(section.blocks, ['sections', i, 'blocks'], { kind: 'section', id: section.id }, true));
	return visits;
}

// What a procedure's walk finds, found once per parsed procedure: checks, views and the search
// ask for the same steps and keys many times.
const stepsWithPaths = madeOncePer((procedure: Procedure): readonly { step: Step; path: Path; nested: boolean }[] =>
	visitBlocks(procedure).flatMap(({ block, path, topLevel }) => (typeof block === 'object' && 'steps' in block ? block.steps.map((step, i) => ({ step, path: [...path, 'steps', i], nested: !topLevel })) : [])),
);

/** The steps of the page in reading order, across all its sections. */
export function stepsOf(procedure: Procedure): Step[] {
	return stepsWithPaths(procedure).map(({ step }) => step);
}

/** `intro`, `sections.<id>` or `steps.<id>`: where the scope's texts are in a locale file. */
export const scopeKey = (scope: Scope) => (scope.kind === 'intro' ? 'intro' : `${scope.kind === 'section' ? 'sections' : 'steps'}.${scope.id}`);

export interface TextKey {
	/** The key within its scope, e.g. `first-visit`. */
	name: string;
	scope: Scope;
	/** The full key in a locale file, e.g. `steps.open-channel.first-visit`. */
	key: string;
	/** What the text is: a checker reads a heading differently from a table cell. `screen`: words drawn in a figure. */
	role: 'heading' | 'instruction' | 'paragraph' | 'item' | 'cell' | 'alt' | 'caption' | 'screen';
	/** For a figure's texts: the UI controls its screen shows, which these texts may name besides the scope's. */
	figure?: string[];
}

const textKeysWithPaths = madeOncePer((procedure: Procedure): readonly { key: TextKey; path: Path }[] => {
	const found: { key: TextKey; path: Path }[] = [];
	const add = (name: string, scope: Scope, role: TextKey['role'], path: Path, figure?: string[]) => found.push({ key: { name, scope, key: `${scopeKey(scope)}.${name}`, role, ...(figure && { figure }) }, path });
	const addFigure = (block: Figure, scope: Scope, at: Path) => {
		const parts = 'screen' in block ? readScreen(block.screen) : undefined;
		const shown = [...new Set(parts?.controls.map((control) => control.id))];
		add(block.figure, scope, 'alt', [...at, 'figure'], shown);
		if (block.caption) add(block.caption, scope, 'caption', [...at, 'caption'], shown);
		for (const text of parts?.texts ?? []) add(text.key, scope, 'screen', [...at, 'screen', ...text.path], shown);
	};
	const visit = (blocks: readonly Block[], path: Path, scope: Scope) => {
		for (const [index, block] of blocks.entries()) {
			const at = [...path, index];
			if (typeof block === 'string') add(block, scope, 'paragraph', at);
			else if ('figure' in block) addFigure(block, scope, at);
			else if ('list' in block) {
				block.list.forEach((item, i) => {
					add(typeof item === 'string' ? item : item.item, scope, 'item', [...at, 'list', i]);
					if (typeof item === 'object') visit(item.blocks, [...at, 'list', i, 'blocks'], scope);
				});
			} else if ('callout' in block) visit(block.blocks, [...at, 'blocks'], scope);
			else if ('table' in block) {
				block.table.forEach((row, r) => row.forEach((cell, c) => (typeof cell === 'string' ? add(cell, scope, 'cell', [...at, 'table', r, c]) : visit(cell, [...at, 'table', r, c], scope))));
			} else {
				block.steps.forEach((step, i) => {
					const stepScope: Scope = { kind: 'step', id: step.id };
					add('text', stepScope, 'instruction', [...at, 'steps', i, 'id']);
					visit(step.blocks, [...at, 'steps', i, 'blocks'], stepScope);
				});
			}
		}
	};
	visit(procedure.intro, ['intro'], { kind: 'intro' });
	procedure.sections.forEach((section, index) => {
		const scope: Scope = { kind: 'section', id: section.id };
		add('heading', scope, 'heading', ['sections', index, 'id']);
		visit(section.blocks, ['sections', index, 'blocks'], scope);
	});
	return found;
});

/**
 * Every text key of the procedure (besides title, description and the closing link), in reading
 * order grouped as a locale file holds them: the intro, each section (heading first), each step
 * (text first).
 */
export function textKeysOf(procedure: Procedure): TextKey[] {
	const rank = { intro: 0, section: 1, step: 2 };
	return textKeysWithPaths(procedure)
		.map(({ key }) => key)
		.sort((a, b) => rank[a.scope.kind] - rank[b.scope.kind]);
}

/** Every UI control id the procedure names, in its texts or in its menu paths. */
export function controlsOf(procedure: Procedure): string[] {
	return [...new Set([...procedure.introControls, ...procedure.sections.flatMap((section) => section.controls), ...stepsOf(procedure).flatMap((step) => step.controls), ...Object.values(procedure.menuPaths).flat()])];
}

/** Every figure of the procedure, with its scope and its path in the schema. */
export function figuresOf(procedure: Procedure): { figure: Figure; scope: Scope; path: Path }[] {
	return visitBlocks(procedure).flatMap(({ block, path, scope }) => (typeof block === 'object' && 'figure' in block ? [{ figure: block, scope, path }] : []));
}

/** Every UI control the procedure's drawn screens show, with its path in the schema. */
export function figureControlsOf(procedure: Procedure): { id: string; path: Path }[] {
	return figuresOf(procedure).flatMap(({ figure, path }) => ('screen' in figure ? readScreen(figure.screen).controls.map((control) => ({ id: control.id, path: [...path, 'screen', ...control.path] })) : []));
}

/** The controls a scope's texts may name, as the schema lists them. */
export function controlsIn(procedure: Procedure, scope: Scope): string[] {
	if (scope.kind === 'intro') return procedure.introControls;
	if (scope.kind === 'section') return procedure.sections.find((section) => section.id === scope.id)?.controls ?? [];
	return stepsOf(procedure).find((step) => step.id === scope.id)?.controls ?? [];
}

/** The revision of the source that the procedure's current structure and English text follow. */
export function currentRevision(procedure: Procedure): string | undefined {
	return procedure.revisions[procedure.revisions.length - 1]?.commit;
}
