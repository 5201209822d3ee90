import { z } from 'astro/zod';
import { id } from './id';
import { madeOnce } from './made-once';

/**
 * A drawn screen: what a figure shows where the source had a screenshot. Its structure only,
 * like the rest of the step schema: every label is a UI control's (its glossary id, so the
 * picture shows the label in the reader's language or in English, as the Admin-language choice
 * says) or words of the procedure (`{ text: <key> }`, a text of the figure's step in the locale
 * file). One renderer draws every screen; a new figure is data.
 *
 *   kind      admin: the Commerce Admin (grey sidebar, page header); site: a web site (top bar)
 *   sidebar   the Admin's menus: the named ones are open, a number n stands for n menus not named
 *   title     the page title;  actions: the buttons of the page header (Save Config)
 *   nav       the panel left of the page (the configuration's sections), its groups
 *   elements  the page, top to bottom
 *   acts      what the step acts on, by name (a control's id, or the text key a field shows):
 *             outlined and marked; several are numbered in that order
 */

type Path = (string | number)[];

/** A UI control's label (glossary id), or words of the procedure (a text key). */
export type Label = string | { text: string };
/** A named item (a UI control), or a number n for n items the figure does not name (blank bars). */
export type Item = string | number;
export interface NavGroup {
	group: string;
	items: Item[];
}
export interface Button {
	button: string;
	primary: boolean;
}

export type Element =
	/** Words on the screen that are not a UI control (a sample key, a typed description). */
	| { text: string }
	/** Lines of text the figure does not spell out, drawn as blank bars. */
	| { lines: number }
	| { heading: Label }
	| Button
	/** A form row: its label (`null`: one the figure does not name) and what the field holds. */
	| { field: string | null; value?: Label | undefined; select: boolean; secret: boolean }
	| { checkbox: string; checked: boolean }
	| { tabs: Item[] }
	/** A collapsible section of a form, open unless `collapsed`. */
	| { section: Label; collapsed: boolean; elements: Element[] }
	/** A prompt or dialog: a box with a title. */
	| { dialog: Label; elements: Element[] }
	/** Elements side by side (one under the other on a narrow screen). */
	| { row: Element[] }
	/** Rows of a list or grid, each a list of cells. */
	| { table: Element[][] };

export const screenKinds = ['admin', 'site'] as const;

export interface Screen {
	kind: (typeof screenKinds)[number];
	sidebar?: Item[] | undefined;
	title?: Label | undefined;
	actions: Button[];
	nav?: (number | NavGroup)[] | undefined;
	elements: Element[];
	acts: string[];
}

const labelMessage = 'a UI control’s glossary id, or { text: <text key> } for words that are not a UI control';
const wordsLabel = z.object({ text: id }).strict();
const label: z.ZodType<Label, z.ZodTypeDef, unknown> = z.unknown().transform((value, ctx): Label => {
	const result = typeof value === 'string' ? id.safeParse(value) : wordsLabel.safeParse(value);
	if (result.success) return result.data;
	ctx.addIssue({ code: 'custom', message: typeof value === 'string' || (typeof value === 'object' && value !== null && 'text' in value) ? result.error.issues[0]!.message : labelMessage, fatal: true });
	return z.NEVER;
});
const blanks = z.number({ invalid_type_error: 'a glossary id, or a number of items the figure does not name' }).int().min(1).max(20);
const items = z.array(z.union([id, blanks], { errorMap: () => ({ message: 'a glossary id, or a number of items the figure does not name' }) })).min(1);
const button = z.object({ button: id, primary: z.boolean().default(false) }).strict();

/** Parses an object by the first key it has of `kinds`, so a mistake is reported where it is, not as "invalid input". */
function byKind<T>(kinds: Record<string, () => z.ZodTypeAny>, what: string): z.ZodType<T, z.ZodTypeDef, unknown> {
	return z.unknown().transform((value, ctx): T => {
		const kind = typeof value === 'object' && value !== null ? Object.keys(kinds).find((key) => Object.hasOwn(value, key)) : undefined;
		if (!kind) {
			ctx.addIssue({ code: 'custom', message: `${what} is one of ${Object.keys(kinds).join(', ')}`, fatal: true });
			return z.NEVER;
		}
		const result = kinds[kind]!().safeParse(value);
		if (!result.success) {
			for (const issue of result.error.issues) ctx.addIssue({ ...issue, code: 'custom', message: issue.message, fatal: true });
			return z.NEVER;
		}
		return result.data as T;
	});
}

const elements = () => z.array(element);
const elementKinds: Record<string, () => z.ZodTypeAny> = {
	text: () => wordsLabel,
	lines: madeOnce(() => z.object({ lines: z.number().int().min(1).max(6) }).strict()),
	heading: madeOnce(() => z.object({ heading: label }).strict()),
	button: () => button,
	field: madeOnce(() => z.object({ field: id.nullable(), value: label.optional(), select: z.boolean().default(false), secret: z.boolean().default(false) }).strict()),
	checkbox: madeOnce(() => z.object({ checkbox: id, checked: z.boolean().default(false) }).strict()),
	tabs: madeOnce(() => z.object({ tabs: items }).strict()),
	section: madeOnce(() => z.object({ section: label, collapsed: z.boolean().default(false), elements: elements().min(1) }).strict()),
	dialog: madeOnce(() => z.object({ dialog: label, elements: elements().min(1) }).strict()),
	row: madeOnce(() => z.object({ row: elements().min(2) }).strict()),
	table: madeOnce(() => z.object({ table: z.array(elements().min(1)).min(1) }).strict()),
};
const element: z.ZodType<Element, z.ZodTypeDef, unknown> = z.lazy(madeOnce(() => byKind<Element>(elementKinds, 'an element of a screen')));
const navGroup = z.union([blanks, z.object({ group: id, items }).strict()], { errorMap: () => ({ message: 'a group ({ group: <glossary id>, items: [...] }), or a number of groups the figure does not name' }) });

export const screenSchema: z.ZodType<Screen, z.ZodTypeDef, unknown> = z
	.object({
		kind: z.enum(screenKinds),
		sidebar: items.optional(),
		title: label.optional(),
		actions: z.array(button).default([]),
		nav: z.array(navGroup).min(1).optional(),
		elements: z.array(element).default([]),
		acts: z.union([id, z.array(id).min(1)]).transform((acts) => (typeof acts === 'string' ? [acts] : acts)),
	})
	.strict()
	.superRefine((screen, ctx) => {
		if (screen.sidebar && screen.kind !== 'admin') ctx.addIssue({ code: 'custom', path: ['sidebar'], message: 'only the Commerce Admin has a sidebar (kind: admin)' });
		const { named } = readScreen(screen);
		screen.acts.forEach((name, i) => {
			const found = named.filter((part) => part.name === name);
			if (found.length === 0) ctx.addIssue({ code: 'custom', path: ['acts', i], message: `"${name}" is not on the screen: acts names a button, field, checkbox, tab, menu or section it has` });
			else if (found.length > 1) ctx.addIssue({ code: 'custom', path: ['acts', i], message: `"${name}" is on the screen ${found.length} times: acts cannot tell which one the step acts on` });
			if (screen.acts.indexOf(name) !== i) ctx.addIssue({ code: 'custom', path: ['acts', i], message: `"${name}" is named twice in acts` });
		});
	});

/** What a screen names, each with its path in the screen (for messages with a line). */
export interface ScreenParts {
	/** The UI controls it shows. */
	controls: { id: string; path: Path }[];
	/** The text keys of the words it shows, each once, in reading order. */
	texts: { key: string; path: Path }[];
	/** What `acts` may name: buttons, fields, checkboxes, tabs, menus, groups, sections, dialogs. */
	named: { name: string; path: Path }[];
}

/** The controls, texts and named parts of a screen, in reading order. */
export function readScreen(screen: Screen): ScreenParts {
	const parts: ScreenParts = { controls: [], texts: [], named: [] };
	const addLabel = (value: Label, path: Path) => {
		if (typeof value === 'string') parts.controls.push({ id: value, path });
		else if (!parts.texts.some((text) => text.key === value.text)) parts.texts.push({ key: value.text, path: [...path, 'text'] });
	};
	const nameOf = (value: Label) => (typeof value === 'string' ? value : value.text);
	const addNamed = (value: Label, path: Path) => {
		addLabel(value, path);
		parts.named.push({ name: nameOf(value), path });
	};
	const addItems = (list: readonly Item[], path: Path) => list.forEach((item, i) => typeof item === 'string' && addNamed(item, [...path, i]));
	const visit = (list: readonly Element[], path: Path) =>
		list.forEach((element, index) => {
			const at = [...path, index];
			if ('text' in element) addLabel({ text: element.text }, at);
			else if ('heading' in element) addLabel(element.heading, [...at, 'heading']);
			else if ('button' in element) addNamed(element.button, [...at, 'button']);
			else if ('checkbox' in element) addNamed(element.checkbox, [...at, 'checkbox']);
			else if ('field' in element) {
				if (element.field !== null) addNamed(element.field, [...at, 'field']);
				if (element.value !== undefined) {
					if (element.field === null) addNamed(element.value, [...at, 'value']);
					else addLabel(element.value, [...at, 'value']);
				}
			} else if ('tabs' in element) addItems(element.tabs, [...at, 'tabs']);
			else if ('section' in element) {
				addNamed(element.section, [...at, 'section']);
				visit(element.elements, [...at, 'elements']);
			} else if ('dialog' in element) {
				addNamed(element.dialog, [...at, 'dialog']);
				visit(element.elements, [...at, 'elements']);
			} else if ('row' in element) visit(element.row, [...at, 'row']);
			else if ('table' in element) element.table.forEach((row, r) => visit(row, [...at, 'table', r]));
		});
	if (screen.sidebar) addItems(screen.sidebar, ['sidebar']);
	if (screen.title !== undefined) addLabel(screen.title, ['title']);
	screen.actions.forEach((action, i) => addNamed(action.button, ['actions', i, 'button']));
	screen.nav?.forEach((group, g) => {
		if (typeof group === 'number') return;
		addNamed(group.group, ['nav', g, 'group']);
		addItems(group.items, ['nav', g, 'items']);
	});
	visit(screen.elements, ['elements']);
	return parts;
}
