import type { Content, ProcedureEntry } from '../model/content';
import { guidePageUrl } from '../model/guide';
import { madeOncePer } from '../model/made-once';
import { resolveControl } from '../model/labels';
import { localeByCode, sourceLocale, type Locale } from '../model/locales';
import { parseMarkup, type Inline } from '../model/markup';
import { controlsIn, controlsOf, figureControlsOf, scopeKey, type Block, type CalloutKind, type Figure, type Procedure, type Scope, type Step } from '../model/procedure';
import { readScreen } from '../model/screen';
import { stringStatuses, type StringStatus } from '../model/translation-state';
import { wordDiff, type DiffPart } from '../model/word-diff';
import { textAt, type ProcedureTexts } from '../model/texts';
import { isEnglishOnly } from '../model/ui-controls';
import { buildScreenView, type ScreenView } from './screen-view';
import { createTextContext, findImage, procedureOfPage, toPlainText, type TextContext, type UiLabelText } from './text-context';
import { localePath } from './urls';

/** A text ready to render; `lang` is set when it is shown in English because it is not translated yet. */
export interface TextView {
	nodes: Inline[];
	lang?: string;
}

export type BlockView =
	| { type: 'paragraph'; text: TextView }
	/**
	 * A drawn `screen`, or an image: `src` is undefined while we have no image file (the page says
	 * so and shows the description).
	 */
	| { type: 'figure'; alt: TextView; caption?: TextView; screen?: ScreenView; src: string | undefined; width: number | undefined; zoomable: boolean }
	| { type: 'list'; ordered: boolean; items: { text: TextView; blocks: BlockView[] }[] }
	| { type: 'callout'; kind: CalloutKind; blocks: BlockView[] }
	/** The first row is the header; each cell is a list of blocks. */
	| { type: 'table'; rows: BlockView[][][] }
	/** `first`: the page's first list of steps, where the progress panel goes. */
	| { type: 'steps'; steps: StepView[]; first: boolean };

export interface StepView {
	id: string;
	/** Its number in its own list of steps (each procedure on a page counts from 1). */
	number: number;
	text: TextView;
	/** The instruction as plain text, for labels and titles. */
	title: string;
	blocks: BlockView[];
	/** Ids the step had before: old links still land on it. */
	formerly: string[];
	/** The English changed since the step was translated: what changed, text by text (empty: nothing). */
	stale: StaleText[];
	/** Some of the step's text is still the machine's translation, not reviewed by a person. */
	machine: boolean;
}

/** A stale text of a step: how its English changed (undefined: the earlier English is not known). */
export interface StaleText {
	key: string;
	diff: DiffPart[] | undefined;
}

export interface SectionView {
	id: string;
	level: 2 | 3;
	heading: TextView;
	blocks: BlockView[];
}

export interface ProcedureView {
	id: string;
	locale: Locale;
	/** The procedure in English, the source, where stale and machine-translated text points to. */
	englishPath: string;
	title: string;
	description: string;
	intro: BlockView[];
	sections: SectionView[];
	/** Every step of the page in reading order. */
	steps: StepView[];
	next?: { href: string; link: TextView };
	/** The procedure whose next page this one is. */
	previous?: { href: string; title: string };
	/** The Experience League page the procedure follows, in the reader's language. */
	original?: string;
	/** How many of the page's texts are still the machine's translation: the page says so at the top, each such step on itself. */
	machineTexts: number;
	/** No translation of this procedure in the reader's language yet: the whole page is English. */
	untranslated: boolean;
	/** The live key check: the step it confirms, and the steps to go back to for each failed status (in step order). */
	keyCheck?: { confirms: StepView; recovery: Partial<Record<KeyProblem, StepView[]>> };
	/** Whether any UI label differs from the English Admin's, i.e. whether the Admin-language switch matters. */
	hasLocalizedLabels: boolean;
	/** The UI labels that differ from the English Admin's (the search shows the variant the reader chose). */
	localizedLabels: UiLabelText[];
	context: TextContext;
}

type KeyProblem = keyof NonNullable<Procedure['keyCheck']>['recovery'];

/** The procedure's texts in a language, with the English ones for keys it does not have yet. */
function textSource(content: Content, procedure: ProcedureEntry, locale: Locale) {
	const local: ProcedureTexts | undefined = content.words[locale.code].procedures[procedure.id];
	const english = content.words[sourceLocale.code].procedures[procedure.id]!;
	return (key: string): { text: string; lang?: string } => {
		const own = local && textAt(local, key);
		if (own !== undefined) return { text: own };
		const text = textAt(english, key);
		if (text === undefined) throw new Error(`No English text for ${procedure.id} ${key}: the locale files were not checked`);
		return locale === sourceLocale ? { text } : { text, lang: sourceLocale.code };
	};
}

/**
 * A checked text of the procedure, parsed, with each UI label resolved to its control in `scope`
 * (a figure's texts may also name the controls its screen shows: `shown`).
 */
export function parseText(content: Content, procedure: ProcedureEntry, text: string, scope: Scope, shown: readonly string[] = []): Inline[] {
	const englishGlossary = content.words[sourceLocale.code].glossary;
	const listed = [...controlsIn(procedure.data, scope), ...shown];
	const resolve = (nodes: Inline[]): Inline[] =>
		nodes.map((node) => {
			if (node.type === 'control') {
				const resolved = resolveControl(node.label, listed, englishGlossary);
				if (!resolved.ok) throw new Error(`${procedure.id}: ${resolved.message} (the locale files were not checked)`);
				return { ...node, id: resolved.id };
			}
			return node.type === 'emphasis' || node.type === 'link' ? { ...node, children: resolve(node.children) } : node;
		});
	const parsed = parseMarkup(text);
	if (!parsed.ok) throw new Error(`Unchecked markup error in ${procedure.id} "${text}": ${parsed.errors[0]!.message}`);
	return resolve(parsed.nodes);
}

/** Everything a procedure page shows in one language, with the markup parsed and each UI label resolved. */
export function buildProcedureView(content: Content, procedure: ProcedureEntry, localeCode: string): ProcedureView {
	const locale = localeByCode(localeCode);
	if (!locale) throw new Error(`Unknown locale ${localeCode}`);
	const { data } = procedure;
	const source = textSource(content, procedure, locale);
	const context = createTextContext(content, procedure, locale);

	const text = (key: string, scope: Scope, shown?: readonly string[]): TextView => {
		const { text: raw, lang } = source(key);
		return { nodes: parseText(content, procedure, raw, scope, shown), ...(lang && { lang }) };
	};
	const figure = (block: Figure, scope: Scope): BlockView => {
		const shown = 'screen' in block ? readScreen(block.screen).controls.map((control) => control.id) : [];
		const words = (name: string) => text(`${scopeKey(scope)}.${name}`, scope, shown);
		const described = { type: 'figure' as const, alt: words(block.figure), ...(block.caption && { caption: words(block.caption) }) };
		if ('screen' in block) return { ...described, screen: buildScreenView(block.screen, context.label, words), src: undefined, width: undefined, zoomable: false };
		return { ...described, src: findImage(procedure.id, locale, block.src), width: block.width, zoomable: block.zoomable };
	};
	const plain = (view: TextView) => toPlainText(view.nodes, context);

	const local = content.words[locale.code].procedures[procedure.id];
	const statuses: StringStatus[] = locale === sourceLocale ? [] : stringStatuses(content, procedure, locale);
	const ofStep = (id: string) => statuses.filter((status) => status.key.startsWith(`steps.${id}.`));
	const allSteps: StepView[] = [];
	let firstSteps = true;

	const blocks = (list: readonly Block[], scope: Scope): BlockView[] =>
		list.map((block): BlockView => {
			const at = (name: string) => text(`${scopeKey(scope)}.${name}`, scope);
			if (typeof block === 'string') return { type: 'paragraph', text: at(block) };
			if ('figure' in block) return figure(block, scope);
			if ('list' in block) {
				return {
					type: 'list',
					ordered: block.ordered,
					items: block.list.map((item) => (typeof item === 'string' ? { text: at(item), blocks: [] } : { text: at(item.item), blocks: blocks(item.blocks, scope) })),
				};
			}
			if ('callout' in block) return { type: 'callout', kind: block.callout, blocks: blocks(block.blocks, scope) };
			if ('table' in block) return { type: 'table', rows: block.table.map((row) => row.map((cell) => (typeof cell === 'string' ? [{ type: 'paragraph', text: at(cell) }] : blocks(cell, scope)))) };
			const first = firstSteps;
			firstSteps = false;
			return { type: 'steps', first, steps: block.steps.map((step, index) => stepView(step, index + 1)) };
		});
	const stepView = (step: Step, number: number): StepView => {
		const scope: Scope = { kind: 'step', id: step.id };
		const instruction = text(`steps.${step.id}.text`, scope);
		const own = ofStep(step.id);
		const view: StepView = {
			id: step.id,
			number,
			text: instruction,
			title: plain(instruction),
			blocks: [],
			formerly: step.formerly,
			stale: own.flatMap((status) => (status.stale ? [{ key: status.key, diff: status.stale.before === null ? undefined : wordDiff(status.stale.before, status.stale.after) }] : [])),
			machine: own.some((status) => status.state === 'machine' && !status.edited),
		};
		allSteps.push(view);
		view.blocks = blocks(step.blocks, scope);
		return view;
	};

	const intro = blocks(data.intro, { kind: 'intro' });
	const sections = data.sections.map((section): SectionView => {
		const scope: Scope = { kind: 'section', id: section.id };
		return { id: section.id, level: section.level, heading: text(`sections.${section.id}.heading`, scope), blocks: blocks(section.blocks, scope) };
	});
	const stepById = (id: string) => allSteps.find((step) => step.id === id)!;
	const previous = previousOf(content).get(procedure);
	const plainText = (key: string) => plain(text(key, { kind: 'intro' }));
	const nextLink = data.next ? context.link(data.next) : undefined;
	const guide = data.source && content.guides[data.source.guide];
	// A failed check sends the reader back through its steps in the order they are done.
	const inStepOrder = (ids: readonly string[]) => allSteps.filter((step) => ids.includes(step.id));
	// Labels the page shows, in steps and in figures, that the Admin translates in this language.
	const localizedLabels = [...new Set([...controlsOf(data), ...figureControlsOf(data).map((control) => control.id)])]
		.filter((id) => !isEnglishOnly(content.uiControls, id))
		.map(context.label)
		.filter((label) => label.local !== label.en);

	return {
		id: procedure.id,
		locale,
		englishPath: localePath(sourceLocale, procedure.id),
		title: plainText('title'),
		description: plainText('description'),
		intro,
		sections,
		steps: allSteps,
		...(data.keyCheck && {
			keyCheck: {
				confirms: stepById(data.keyCheck.confirms),
				recovery: Object.fromEntries(Object.entries(data.keyCheck.recovery).map(([status, ids]) => [status, inStepOrder(ids ?? [])])),
			},
		}),
		...(nextLink && { next: { href: nextLink.href, link: text('next.link', { kind: 'intro' }) } }),
		...(previous && { previous: { href: localePath(locale, previous.id), title: titleOf(content, previous, locale) } }),
		...(guide && data.source && { original: guidePageUrl(guide, data.source.file, locale.exlLang) }),
		machineTexts: statuses.filter((status) => status.state === 'machine' && !status.edited).length,
		untranslated: locale !== sourceLocale && !local,
		hasLocalizedLabels: localizedLabels.length > 0,
		localizedLabels,
		context,
	};
}

/** A procedure's title in a language (English where it has no translation yet), as plain text. */
function titleOf(content: Content, procedure: ProcedureEntry, locale: Locale): string {
	const parsed = parseMarkup(textSource(content, procedure, locale)('title').text);
	if (!parsed.ok) throw new Error(`Unchecked markup error in ${procedure.id} title`);
	return toPlainText(parsed.nodes, createTextContext(content, procedure, locale));
}

/** The procedure we have for a procedure's "next" page, if its next page is one of ours. */
function nextProcedure(content: Content, procedure: ProcedureEntry): ProcedureEntry | undefined {
	const link = procedure.data.next ? procedure.data.links[procedure.data.next] : undefined;
	return link && 'page' in link && procedure.data.source ? procedureOfPage(content, procedure.data.source.guide, link.page) : undefined;
}

// Which procedure's next page each procedure is (the first, if several link to it), made once per content.
const previousOf = madeOncePer((content: Content) => {
	const index = new Map<ProcedureEntry, ProcedureEntry>();
	for (const other of content.procedures) {
		const next = nextProcedure(content, other);
		if (next && !index.has(next)) index.set(next, other);
	}
	return index;
});

/**
 * The procedures in reading order: each guide's sequence (first procedure, then its next,
 * and so on), the others after them by id.
 */
export function guideOrder(content: Content): ProcedureEntry[] {
	const nextOf = (procedure: ProcedureEntry) => nextProcedure(content, procedure);
	const hasPrevious = new Set(
		content.procedures
			.map(nextOf)
			.filter((next) => next !== undefined)
			.map((next) => next.id),
	);
	const ordered = new Set<ProcedureEntry>();
	for (const start of content.procedures.filter((procedure) => !hasPrevious.has(procedure.id))) {
		for (let at: ProcedureEntry | undefined = start; at && !ordered.has(at); at = nextOf(at)) ordered.add(at);
	}
	return [...ordered, ...content.procedures.filter((procedure) => !ordered.has(procedure))];
}
