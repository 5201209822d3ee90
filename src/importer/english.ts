import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { ProcedureEntry } from '../model/content';
import { parseMarkup, walk } from '../model/markup';
import { procedureSchema, stepsOf, textKeysOf, type Block, type CalloutKind, type Cell, type DrawnFigure, type Link, type ListItem, type Procedure, type Scope, type Section, type Step } from '../model/procedure';
import { readScreen } from '../model/screen';
import { expectedKeys, procedureTextsFrom, textAt, type Glossary, type ProcedureTexts } from '../model/texts';
import type { UiControls } from '../model/ui-controls';
import { convertPage, textsOf, type Converted, type Item, type Text } from './convert';
import { claim, matchEarlier, slugify, stepIdFrom } from './ids';
import type { InlineResolver } from './inline';
import { parsePage } from './markdown';
import { hasSteps, readPage } from './page';
import { LineAccount, type Finding, type ImportReport } from './report';

export interface EnglishImportInput {
	markdown: string;
	/** Where the page is (for the report, and to see which pages of the guide lie next to it). */
	file: string;
	/** The procedure's id: the earlier import's, or new. */
	id: string;
	guide: string;
	/** The git commit of the page, when known: recorded as the procedure's newest revision. */
	revision?: string | undefined;
	/** The procedure as an earlier import made it, and its English texts: ids and keys are kept. */
	earlier?: { procedure: ProcedureEntry; texts: ProcedureTexts } | undefined;
	glossary: Glossary;
	uiControls: UiControls;
	/** Pages of the guide a link may name without a warning: ours, and those the guide lists. */
	knownPages: ReadonlySet<string>;
}

export interface EnglishImport {
	/** Undefined when the page cannot be imported (the report's errors say why). */
	procedure: Procedure | undefined;
	texts: ProcedureTexts | undefined;
	/** UI controls the page names that the glossary does not have yet: id, English label, where they live. */
	newControls: { id: string; label: string; place: string }[];
	report: ImportReport;
	/** Whether the page holds a procedure at all. */
	isProcedure: boolean;
}

const defaultPlace = 'commerce-admin';
const uiNouns = /^\s*(page|tab|button|field|section|menu|modal|dialog|panel|sidebar|option|list|column|checkbox|link|icon|window|grid|view|card|area|box|filter|settings?)\b/i;
const actsOn = /\b(click|choose|select|open|expand|tap|press)\s+(the\s+)?$/i;
const titleCase = (words: string) => words.split(/\s+/).every((word) => /^[\p{Lu}\d]/u.test(word) || /^(a|an|the|of|to|and|or|for|in|on|by|with)$/.test(word));

/** What a reader sees of a text, for ids and for spotting where a step is. */
const plainOf = (markup: string) => {
	const parsed = parseMarkup(markup);
	if (!parsed.ok) return markup;
	return [...walk(parsed.nodes)].map((node) => ('value' in node ? node.value : node.type === 'control' || node.type === 'badge' ? node.label : node.type === 'icon' ? node.alt : '')).join('');
};
const sameScope = (a: Scope, b: Scope) => a.kind === b.kind && (a.kind === 'intro' || (b.kind !== 'intro' && a.id === b.id));
const scopeKey = (scope: Scope) => (scope.kind === 'intro' ? 'intro' : `${scope.kind === 'section' ? 'sections' : 'steps'}.${scope.id}`);

/**
 * An English Experience League page in, a procedure out: its step schema (content/procedures)
 * and its English texts (locales/en). Ids come from the page (a step's action or control, a
 * heading's `{#anchor}`) and stay those of an earlier import wherever the text is the same or
 * reworded. New UI controls are listed for the glossary, each placed where it lives.
 */
export function importEnglish(input: EnglishImportInput): EnglishImport {
	const parsed = parsePage(input.markdown);
	const findings: Finding[] = [...parsed.findings];
	const report = (severity: Finding['severity'], kind: string, line: number, message: string) => findings.push({ severity, kind, line, message });
	const account = new LineAccount(parsed.lines);
	const page = readPage(parsed, account, findings);
	const newControls: EnglishImport['newControls'] = [];
	const done = (procedure?: Procedure, texts?: ProcedureTexts): EnglishImport => ({
		procedure,
		texts,
		newControls,
		report: { file: input.file, findings, lines: account.settle(findings) },
		isProcedure: hasSteps(page),
	});
	if (!hasSteps(page)) {
		// Not ours to import: said once, without accounting for lines nobody wanted.
		const finding: Finding = { severity: 'note', kind: 'not-a-procedure', line: page.title?.from ?? 1, message: 'not a procedure: the page has no numbered list of steps that names a UI control' };
		return { procedure: undefined, texts: undefined, newControls, report: { file: input.file, findings: [finding], lines: [] }, isProcedure: false };
	}
	const exlId = page.frontMatter['exl-id'];
	if (!exlId) report('error', 'front-matter', 1, 'the front matter has no exl-id: it is what ties the translations of the page to it');
	if (!page.title) report('error', 'structure', 1, 'the page has no "# " title');
	const earlier = input.earlier?.procedure.data;
	const earlierTexts = input.earlier?.texts;

	// Phase 1: every sentence in our markup. Links, icons and menu paths get ids as they turn up.
	const links: Record<string, Link> = {};
	const icons: Record<string, string> = {};
	const menuLabels: Record<string, string[]> = {};
	const linkIds = new Set(Object.keys(earlier?.links ?? {}));
	const sameLink = (a: Link, b: Link) => ('url' in a && 'url' in b ? a.url === b.url : 'page' in a && 'page' in b && a.page === b.page && a.anchor === b.anchor);
	const earlierLabels = (ids: readonly string[]) => ids.map((id) => input.glossary[id] ?? id);
	const resolver: InlineResolver = {
		link({ url, newTab, words }, line) {
			const pageLink = url.match(/^(?:\.\/)?([\w.-]+\.md)(?:#([\w-]+))?$/);
			let target: Link;
			if (pageLink) {
				target = { page: pageLink[1]!, ...(pageLink[2] && { anchor: pageLink[2] }) };
				if (!input.knownPages.has(pageLink[1]!) && !existsSync(join(dirname(input.file), pageLink[1]!))) {
					report('warning', 'link', line, `links to ${pageLink[1]}, which is neither next to this page nor in content/guides/${input.guide}.yaml: the link goes to Experience League, to an address that may not exist`);
				}
			} else if (/^https?:\/\//.test(url)) {
				target = { url, newTab };
			} else {
				report('error', 'link', line, `a link to ${url}: links go to a page of this guide (./page.md) or to a full https:// address`);
				return undefined;
			}
			const known = Object.entries({ ...earlier?.links, ...links }).find(([, link]) => sameLink(link, target))?.[0];
			const base = 'page' in target ? slugify(`${target.page.replace(/\.md$/, '')} ${target.anchor ?? ''}`, 6) : slugify(words, 3) || slugify(new URL(url).hostname, 3);
			const id = known ?? claim(base, linkIds, 'link');
			links[id] = target;
			return id;
		},
		icon(src) {
			const file = basename(src);
			const id = Object.entries({ ...earlier?.icons, ...icons }).find(([, known]) => known === file)?.[0] ?? slugify(file.replace(/\.\w+$/, ''), 4);
			icons[id] = file;
			return id;
		},
		menuPath(labels, marked, line) {
			if (!marked) report('warning', 'menu-path', line, `menu path ${labels.join(' > ')} written without [!UICONTROL] markers (repaired: its items are UI labels)`);
			const same = (path: readonly string[]) => path.length === labels.length && path.every((label, i) => label === labels[i]);
			const id =
				Object.entries(menuLabels).find(([, path]) => same(path))?.[0] ??
				Object.entries(earlier?.menuPaths ?? {}).find(([, path]) => same(earlierLabels(path)))?.[0] ??
				claim(slugify(labels[labels.length - 1]!, 4), new Set([...Object.keys(earlier?.menuPaths ?? {}), ...Object.keys(menuLabels)]), 'menu');
			menuLabels[id] = labels;
			return id;
		},
		label(words, before, after, line) {
			const known = Object.values(input.glossary).includes(words);
			if (!known && !(titleCase(words) && words.split(/\s+/).length <= 6 && (uiNouns.test(after) || actsOn.test(before)))) return undefined;
			report('warning', 'emphasis-label', line, `"${words}" in emphasis reads as a UI label: made [!UICONTROL ${words}]`);
			return words;
		},
	};
	const converted = convertPage(page, resolver, findings);

	// Phase 2: UI controls, where each step is (Commerce Admin, Amazon Seller Central…).
	const glossary: Glossary = { ...input.glossary };
	const places: Record<string, string> = { ...input.uiControls.controls };
	/**
	 * Where a sentence says the reader is: a place named after "on", "in", "at", "of" or "to"
	 * ("On the login page of Amazon Seller Central"), before its first UI label when `beforeLabel`
	 * (in "Enter the Email Address of your account in Amazon Seller Central" the field is not there).
	 */
	const mentionedPlace = (markup: string, beforeLabel: boolean) => {
		const text = beforeLabel ? plainOf(markup.split('[!UICONTROL ')[0]!) : plainOf(markup);
		let found: { place: string; at: number } | undefined;
		for (const [id, { name }] of Object.entries(input.uiControls.places)) {
			for (const match of text.matchAll(new RegExp(`\\b(on|in|at|of|to|into)\\s+(the\\s+)?((\\S+\\s+){0,3})?${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'gi'))) {
				if (!found || match.index > found.at) found = { place: id, at: match.index };
			}
		}
		return found?.place;
	};
	let place = defaultPlace;
	let preferred: readonly string[] = [];
	const controlFor = (label: string, explicit: boolean, line: number): string => {
		const known = Object.keys(glossary).filter((id) => glossary[id] === label);
		// A person may have said which control a step means (its `controls`): a new import keeps that.
		const kept = known.find((id) => preferred.includes(id));
		if (kept) return kept;
		const here = known.find((id) => places[id] === place);
		if (here) return here;
		if (known.length === 1 && !explicit) return known[0]!;
		if (known.length > 1 && !explicit) {
			report('warning', 'ui-controls', line, `[!UICONTROL ${label}] is the label of ${known.join(' and ')}; nothing says where this one is, so ${known[0]} was taken: check content/ui-controls.yaml`);
			return known[0]!;
		}
		const slug = slugify(label, 6);
		const id = claim(known.length > 0 || Object.hasOwn(glossary, slug) ? `${place}-${slug}` : slug, new Set(Object.keys(glossary)), 'control');
		glossary[id] = label;
		places[id] = place;
		newControls.push({ id, label, place });
		report('note', 'new-control', line, `new UI control [!UICONTROL ${label}] (${id}) in ${input.uiControls.places[place]?.name ?? place}: added to the English glossary; translators add its label`);
		return id;
	};
	/** The controls a scope's texts name, directly or in a menu path (a menu path's, the first time it is met). */
	const menuPaths: Record<string, string[]> = {};
	const controlsOf = (texts: Text[], explicit: boolean) => {
		const ids: string[] = [];
		for (const text of texts) {
			for (const label of text.labels) ids.push(controlFor(label, explicit, text.from));
			for (const path of text.menuPaths) ids.push(...(menuPaths[path] ??= menuLabels[path]!.map((label) => controlFor(label, explicit, text.from))));
		}
		return [...new Set(ids)];
	};

	// Phase 2: keys. Kept from the earlier import where the text matches, readable ones elsewhere.
	const values = new Map<string, string>();
	const put = (key: string, text: Text) => {
		values.set(key, text.text);
		account.text(text.from, text.to, key);
	};
	// Section ids first: a heading's {#anchor}, else the earlier import's section at that place, else its words.
	const sectionIds = new Set<string>();
	const sectionIdList = converted.sections.map((section, index) => {
		const earlierSection = earlier?.sections.find((candidate) => candidate.id === section.anchor) ?? earlier?.sections[index];
		if (section.anchor && !sectionIds.has(section.anchor)) return claim(section.anchor, sectionIds);
		if (earlierSection && !sectionIds.has(earlierSection.id)) return claim(earlierSection.id, sectionIds);
		return claim(slugify(plainOf(section.heading.text), 4), sectionIds, 'section');
	});
	const stepIds = new StepIds(earlier, earlierTexts, [...stepsOfPage(converted)], menuLabels, sectionIds, report);

	/** The keys of one scope's texts, chosen together so an earlier key goes to the text most like it; `reserved` are kept figures'. */
	const keysOf = (scope: Scope, texts: { text: Text; base: string }[], reserved: readonly string[]) => {
		const earlierKeys = earlier ? textKeysOf(earlier).filter((key) => sameScope(key.scope, scope) && key.name !== 'text' && key.name !== 'heading' && !reserved.includes(key.name)) : [];
		const matched = matchEarlier(
			earlierKeys.map((key) => ({ id: key.name, text: (earlierTexts && textAt(earlierTexts, key.key)) ?? '' })),
			texts.map((entry) => entry.text.text),
		);
		const taken = new Set<string>(['text', 'heading', ...reserved, ...matched.filter((id): id is string => id !== undefined)]);
		const keys = texts.map((entry, index) => matched[index] ?? claim(entry.base, taken));
		texts.forEach((entry, index) => put(`${scopeKey(scope)}.${keys[index]}`, entry.text));
		return keys;
	};

	/** The schema blocks of a scope; its steps each become a scope of their own. */
	const blocksOf = (list: Converted[], scope: Scope, section?: string, reserved: readonly string[] = []): Block[] => {
		const texts: { text: Text; base: string }[] = [];
		const wanted = (text: Text, base: string) => texts.push({ text, base }) - 1;
		const shape = (blocks: Converted[], prefix: string): Shape[] =>
			blocks.map((block): Shape => {
				switch (block.type) {
					case 'paragraph':
						return { paragraph: wanted(block.text, `${prefix}${slugify(plainOf(block.text.text), 3)}`) };
					case 'figure':
						return { figure: wanted(block.alt, slugify(plainOf(block.alt.text), 3) || 'figure'), src: basename(block.src), width: block.width, zoomable: block.zoomable };
					case 'list':
						return { list: block.items.map((entry) => ({ item: wanted(entry.text, `${prefix}${slugify(plainOf(entry.text.text), 3)}`), blocks: shape(entry.blocks, prefix) })), ordered: block.ordered };
					case 'callout':
						return { callout: block.kind, blocks: shape(block.blocks, `${block.kind}-`) };
					case 'table':
						return { table: block.rows.map((row, r) => row.map((cell, c) => (cell.length === 1 && cell[0]!.type === 'paragraph' ? wanted(cell[0]!.text, `cell-${r + 1}-${c + 1}`) : shape(cell, `cell-${r + 1}-${c + 1}-`)))) };
					case 'steps':
						return { steps: block.steps };
				}
			});
		const shapes = shape(list, '');
		const keys = keysOf(scope, texts, reserved);
		const toBlocks = (items: Shape[]): Block[] =>
			items.map((item): Block => {
				if ('paragraph' in item) return keys[item.paragraph]!;
				if ('figure' in item) return { figure: keys[item.figure]!, src: item.src, ...(item.width && { width: item.width }), zoomable: item.zoomable };
				if ('list' in item) return { list: item.list.map((entry): ListItem => (entry.blocks.length === 0 ? keys[entry.item]! : { item: keys[entry.item]!, blocks: toBlocks(entry.blocks) })), ordered: item.ordered };
				if ('callout' in item) return { callout: item.callout, blocks: toBlocks(item.blocks) };
				if ('table' in item) return { table: item.table.map((row) => row.map((cell): Cell => (typeof cell === 'number' ? keys[cell]! : toBlocks(cell)))) };
				return { steps: item.steps.map((step) => stepOf(step, section)) };
			});
		return toBlocks(shapes);
	};

	const stepOf = (entry: Item, section: string | undefined): Step => {
		const mentioned = mentionedPlace(entry.text.text, true);
		if (mentioned) place = mentioned;
		preferred = stepIds.earlierControls(entry);
		const inner = [...textsOf(entry.blocks)];
		const controls = controlsOf([entry.text, ...inner], mentioned !== undefined);
		const id = stepIds.idFor(entry, section);
		put(`steps.${id}.text`, entry.text);
		const blocks = withDrawnFigures(entry, { kind: 'step', id });
		// A note under the step may say where the reader is now ("back in the Commerce Admin").
		const after = inner
			.map((text) => mentionedPlace(text.text, false))
			.filter(Boolean)
			.pop();
		if (after) place = after;
		preferred = [];
		return { id, formerly: stepIds.formerly(id), controls, menuPaths: [...new Set([entry.text, ...inner].flatMap((text) => text.menuPaths))], blocks };
	};

	/**
	 * A step's blocks, with the figures a person drew in the earlier import's step: the page has no
	 * words for them, so they stay where they were, in place of the page's image if it has one there
	 * (its text becomes the figure's caption).
	 */
	const withDrawnFigures = (entry: Item, scope: Scope & { kind: 'step' }): Block[] => {
		const drawn = (stepIds.earlierStep(entry)?.blocks ?? []).flatMap((block, index) => (typeof block === 'object' && 'screen' in block ? [{ index, figure: block }] : []));
		const keyOf = (name: string) => `${scopeKey(scope)}.${name}`;
		const namesOf = (figure: DrawnFigure) => [figure.figure, ...(figure.caption ? [figure.caption] : []), ...readScreen(figure.screen).texts.map((text) => text.key)];
		const blocks = blocksOf(
			entry.blocks,
			scope,
			undefined,
			drawn.flatMap(({ figure }) => namesOf(figure)),
		);
		for (const { index, figure } of drawn) {
			const at = Math.min(index, blocks.length);
			const image = blocks[at];
			if (typeof image === 'object' && 'src' in image) {
				const words = values.get(keyOf(image.figure));
				values.delete(keyOf(image.figure));
				if (figure.caption && words !== undefined) values.set(keyOf(figure.caption), words);
				blocks.splice(at, 1, figure);
			} else blocks.splice(at, 0, figure);
			for (const name of namesOf(figure)) {
				const kept = earlierTexts && textAt(earlierTexts, keyOf(name));
				if (!values.has(keyOf(name)) && kept !== undefined) values.set(keyOf(name), kept);
			}
		}
		return blocks;
	};

	const introTexts = [...textsOf(converted.intro)];
	const intro = blocksOf(converted.intro, { kind: 'intro' });
	const introControls = controlsOf(introTexts, false);
	const sections: Section[] = converted.sections.map((section, index) => {
		const id = sectionIdList[index]!;
		put(`sections.${id}.heading`, section.heading);
		const own = [section.heading, ...textsOf(section.blocks)];
		const controls = controlsOf(own, false);
		return { id, level: section.level, controls, blocks: blocksOf(section.blocks, { kind: 'section', id }, id) };
	});
	if (converted.title) put('title', converted.title);
	values.set('description', page.frontMatter.description ?? '');
	if (!page.frontMatter.description) report('warning', 'front-matter', 1, 'the front matter has no description: the list of guides and search engines show it');
	let next: string | undefined;
	if (converted.next) {
		next = resolver.link({ url: converted.next.url, newTab: false, words: '' }, converted.next.line);
		values.set('next.icon', converted.next.icon);
		values.set('next.link', [converted.next.link.text, converted.next.trailing].filter(Boolean).join(' '));
		account.text(converted.next.line, converted.next.line, 'next.icon, next.link');
	}

	const steps = [...intro, ...sections.flatMap((section) => section.blocks)].flatMap((block) => (typeof block === 'object' && 'steps' in block ? block.steps : []));
	const stepIdsNow = new Set(steps.map((step) => step.id));
	// Steps a revision changed that the page no longer has are no longer anyone's concern.
	const revisions = (earlier?.revisions ?? []).map((revision) => ({ ...revision, changedSteps: revision.changedSteps.filter((id) => stepIdsNow.has(id)) }));
	if (input.revision && revisions[revisions.length - 1]?.commit !== input.revision) {
		const changed = earlier ? steps.filter((step) => (earlierTexts && textAt(earlierTexts, `steps.${step.id}.text`)) !== values.get(`steps.${step.id}.text`)).map((step) => step.id) : [];
		revisions.push({ commit: input.revision, changedSteps: changed });
	}
	const keyCheck = earlier?.keyCheck && stepIdsNow.has(earlier.keyCheck.confirms) ? earlier.keyCheck : undefined;
	const schema = procedureSchema.safeParse({
		source: { guide: input.guide, file: basename(input.file), exlId: exlId ?? '' },
		revisions,
		retiredIds: [
			...new Set([
				...(earlier?.retiredIds ?? []),
				...(earlier
					? stepsOf(earlier)
							.map((step) => step.id)
							.filter((id) => !stepIdsNow.has(id))
					: []),
			]),
		],
		links,
		icons,
		...(next && { next }),
		menuPaths,
		...(keyCheck && { keyCheck }),
		intro,
		introControls,
		sections,
	});
	if (!schema.success) {
		for (const issue of schema.error.issues) report('error', 'schema', 1, `the step schema made from the page is not valid at ${issue.path.join('.')}: ${issue.message}`);
		return done();
	}
	const revision = revisions[revisions.length - 1]?.commit;
	const texts = procedureTextsFrom(revision ? { revision } : {}, values, expectedKeys(schema.data));
	if (findings.some((finding) => finding.severity === 'error')) return done();
	return done(schema.data, texts);
}

/** A block before its keys are chosen: numbers say which text of the scope goes where. */
type Shape =
	| { paragraph: number }
	| { figure: number; src: string; width: number | undefined; zoomable: boolean }
	| { list: { item: number; blocks: Shape[] }[]; ordered: boolean }
	| { callout: CalloutKind; blocks: Shape[] }
	| { table: (number | Shape[])[][] }
	| { steps: Item[] };

function* stepsOfPage(page: ReturnType<typeof convertPage>): Generator<Item> {
	for (const blocks of [page.intro, ...page.sections.map((section) => section.blocks)]) {
		for (const block of blocks) if (block.type === 'steps') yield* block.steps;
	}
}

/** A sentence as words and controls (a menu path stands for its last item), for a step's id. */
function sentenceOf(markup: string, menuLabels: Readonly<Record<string, string[]>>): ({ word: string } | { control: string })[] {
	const parsed = parseMarkup(markup);
	if (!parsed.ok) return [];
	return [...walk(parsed.nodes)].flatMap((node): ({ word: string } | { control: string })[] => {
		if (node.type === 'control') return [{ control: node.label }];
		if (node.type === 'placeholder') return [{ control: menuLabels[node.name]?.at(-1) ?? node.name }];
		if (node.type === 'text' || node.type === 'name')
			return node.value
				.split(/[^\p{L}\p{N}]+/u)
				.filter(Boolean)
				.map((word) => ({ word }));
		return [];
	});
}

/** Step ids: kept from the earlier import where the step's text is the same or reworded, else made from the step. */
class StepIds {
	private readonly taken: Set<string>;
	private readonly kept = new Map<Item, string>();

	constructor(
		private readonly earlier: Procedure | undefined,
		earlierTexts: ProcedureTexts | undefined,
		steps: Item[],
		private readonly menuLabels: Readonly<Record<string, string[]>>,
		sectionIds: ReadonlySet<string>,
		private readonly report: (severity: Finding['severity'], kind: string, line: number, message: string) => void,
	) {
		const earlierSteps = earlier ? stepsOf(earlier) : [];
		this.taken = new Set([...(earlier?.retiredIds ?? []), ...earlierSteps.flatMap((step) => step.formerly), ...sectionIds]);
		const matched = matchEarlier(
			earlierSteps.map((step) => ({ id: step.id, text: plainOf((earlierTexts && textAt(earlierTexts, `steps.${step.id}.text`)) ?? '') })),
			steps.map((step) => plainOf(step.text.text)),
		);
		matched.forEach((id, index) => {
			if (!id) return;
			this.kept.set(steps[index]!, id);
			this.taken.add(id);
		});
	}

	idFor(step: Item, section: string | undefined): string {
		const kept = this.kept.get(step);
		if (kept) return kept;
		const base = stepIdFrom(sentenceOf(step.text.text, this.menuLabels)) || 'step';
		// "save-config" twice on one page: the second is "order-settings-save-config" (if that stays short).
		const prefixed = section ? `${section}-${base}` : base;
		const id = claim(this.taken.has(base) && prefixed.split('-').length <= 5 ? prefixed : base, this.taken);
		if (this.earlier) this.report('note', 'new-step', step.text.from, `a new step: "${id}"`);
		return id;
	}

	/** The earlier import's step, when this step continues it. */
	earlierStep(step: Item): Step | undefined {
		const id = this.kept.get(step);
		return id && this.earlier ? stepsOf(this.earlier).find((candidate) => candidate.id === id) : undefined;
	}

	/** The controls the earlier import's step listed, when this step continues it. */
	earlierControls(step: Item): string[] {
		const id = this.kept.get(step);
		return id && this.earlier ? (stepsOf(this.earlier).find((candidate) => candidate.id === id)?.controls ?? []) : [];
	}

	formerly(id: string): string[] {
		return this.earlier ? (stepsOf(this.earlier).find((step) => step.id === id)?.formerly ?? []) : [];
	}
}
