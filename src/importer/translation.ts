import { basename } from 'node:path';
import type { ProcedureEntry } from '../model/content';
import { resolveControl } from '../model/labels';
import { parseMarkup, walk } from '../model/markup';
import { controlsIn, textKeysOf, type Block, type Scope, type Step } from '../model/procedure';
import { fingerprint, type Origin } from '../model/origin';
import { shortCommit, stepsChangedSince } from '../model/staleness';
import { expectedKeys, procedureTextsFrom, textAt, type Glossary, type ProcedureTexts } from '../model/texts';
import { nextTitleMismatch } from '../translation/prose-checks';
import { convertInline, type InlineResolver } from './inline';
import { parsePage } from './markdown';
import { readPage, type PageBlock, type PageItem, type Sentence } from './page';
import { LineAccount, type Finding, type ImportReport } from './report';

export interface TranslationImportInput {
	markdown: string;
	file: string;
	locale: string;
	procedure: ProcedureEntry;
	/** The procedure's English texts: what each sentence is a translation of. */
	english: ProcedureTexts;
	englishGlossary: Glossary;
	/**
	 * The translation as it is now, and where its strings came from: a string a person edited
	 * (or wrote) for the English it still follows is kept; a translator's split of a garbled
	 * closing line too.
	 */
	existing?: ProcedureTexts | undefined;
	existingOrigin?: Origin | undefined;
}

export interface TranslationImport {
	/** Undefined when an error means the file would be half imported. */
	texts: ProcedureTexts | undefined;
	/** Where each string came from (locales/<lang>/<procedure>.origin.json). */
	origin: Origin | undefined;
	report: ImportReport;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const scopeKey = (scope: Scope) => (scope.kind === 'intro' ? 'intro' : `${scope.kind === 'section' ? 'sections' : 'steps'}.${scope.id}`);
const describe = (block: Block | PageBlock) =>
	typeof block === 'string'
		? 'paragraph'
		: 'type' in block
			? block.type === 'list' && block.ordered
				? 'numbered list'
				: block.type
			: Object.keys(block)[0] === 'list' && 'ordered' in block && block.ordered
				? 'numbered list'
				: (Object.keys(block)[0] ?? '');
const lineOfBlock = (block: PageBlock) => (block.type === 'paragraph' ? block.sentence.from : block.from);
const endOfBlock = (block: PageBlock) => (block.type === 'paragraph' ? block.sentence.to : block.to);

/**
 * A translated Experience League page in, a locale file out. The page is matched to the step
 * schema block by block (the structure is the English page's), each sentence is converted to
 * our markup, and the defects machine translation adds are repaired where that is mechanical
 * (labels translated inside menu paths, text pushed out of a link) and refused where not (a
 * step added, markup residue). Nothing is written when anything is refused.
 */
export function importTranslation(input: TranslationImportInput): TranslationImport {
	const { procedure } = input;
	const parsed = parsePage(input.markdown);
	const findings: Finding[] = [...parsed.findings];
	const report = (severity: Finding['severity'], kind: string, line: number, message: string, key?: string) => findings.push({ severity, kind, line, message, ...(key && { key }) });
	const account = new LineAccount(parsed.lines);
	const page = readPage(parsed, account, findings);
	const values = new Map<string, string>();
	const keyLines = new Map<string, number>();
	const schema = procedure.data;
	const { frontMatter } = page;

	const lineOf = (field: string) => parsed.lines.findIndex((line) => line.startsWith(`${field}:`)) + 1 || 1;
	const exlId = frontMatter['exl-id'];
	if (schema.source && exlId !== schema.source.exlId) {
		const finding: Finding = {
			severity: 'error',
			kind: 'exl-id',
			line: lineOf('exl-id'),
			message: `this page (exl-id ${exlId ?? 'missing'}) is not a translation of ${procedure.id} (exl-id ${schema.source.exlId}): import it into the procedure of that page`,
		};
		return { texts: undefined, origin: undefined, report: { file: input.file, findings: [finding], lines: [] } };
	}
	const revision = frontMatter['source-git-commit'];
	if (revision && !schema.revisions.some((candidate) => candidate.commit === revision)) {
		report('warning', 'revision', lineOf('source-git-commit'), `translated from revision ${revision.slice(0, 7)}, which content/procedures/${procedure.id}.yaml does not list: kept as the translation's revision`);
	}

	const englishLabels = (key: string) => {
		const parsedEnglish = parseMarkup(textAt(input.english, key) ?? '');
		return parsedEnglish.ok ? [...walk(parsedEnglish.nodes)] : [];
	};

	/** Converts one sentence as the translation of the English text under `key`. */
	const convert = (sentence: Sentence, key: string, scope: Scope) => {
		const english = englishLabels(key);
		const placeholders = english.flatMap((node) => (node.type === 'placeholder' ? [node.name] : []));
		const ownMarkers = new Set([...JSON.stringify(sentence.nodes).matchAll(/\[!UICONTROL ([^\]]+)\]/g)].map((match) => match[1]!));
		const missingLabels = english.flatMap((node) => (node.type === 'control' && !ownMarkers.has(node.label) ? [node.label] : []));
		let chain = 0;
		const resolver: InlineResolver = {
			link({ url }, line) {
				const file = url.match(/^(?:\.\/)?([\w.-]+\.md)(?:#([\w-]+))?$/);
				const id = Object.entries(schema.links).find(([, link]) => ('url' in link ? link.url === url : file !== null && link.page === file[1] && (link.anchor ?? '') === (file[2] ?? '')))?.[0];
				if (!id) report('error', 'unknown-link', line, `link to ${url}, which is not one of the step schema's links`, key);
				return id;
			},
			icon(src, line) {
				const id = Object.entries(schema.icons).find(([, file]) => file === basename(src))?.[0];
				if (!id) report('error', 'icon', line, `icon ${src} is not one of the step schema's icons`, key);
				return id;
			},
			menuPath(labels, marked, line) {
				const ids = labels.map((label) => resolveControl(label, controlsIn(schema, scope), input.englishGlossary));
				const found = ids.every((id) => id.ok) ? Object.entries(schema.menuPaths).find(([, path]) => path.length === ids.length && path.every((id, i) => ids[i]!.ok && id === (ids[i] as { id: string }).id))?.[0] : undefined;
				const position = chain++;
				if (found) {
					if (!marked) report('warning', 'menu-path', line, `menu path ${labels.join(' > ')} written without [!UICONTROL] markers (repaired)`, key);
					return found;
				}
				const english = placeholders[position];
				if (english && schema.menuPaths[english]?.length === labels.length) {
					report('warning', 'translated-label', line, `machine-translated labels in the menu path ${labels.join(' > ')}: replaced by the menu path of the English text, {{${english}}}`, key);
					return english;
				}
				report('error', 'menu-path', line, `menu path ${labels.join(' > ')} is not one of the step schema's menu paths`, key);
				return undefined;
			},
			label(words, _before, _after, line) {
				if (Object.values(input.englishGlossary).includes(words)) {
					report('warning', 'emphasis-label', line, `"${words}" in emphasis is a UI label: made [!UICONTROL ${words}]`, key);
					return words;
				}
				const meant = missingLabels.shift();
				if (!meant) return undefined;
				report('warning', 'translated-label', line, `"${words}" stands where the English text names [!UICONTROL ${meant}]: machine translation translated the label (repaired)`, key);
				return meant;
			},
		};
		const converted = convertInline(sentence.nodes, resolver, sentence.from, findings);
		for (const finding of findings) if (finding.line >= sentence.from && finding.line <= sentence.to && !finding.key) finding.key = key;
		values.set(key, converted.text);
		keyLines.set(key, sentence.from);
		account.text(sentence.from, sentence.to, key);
		return converted;
	};

	/** The labels each step names, to compare with the schema's list. */
	const named = new Map<string, { labels: string[]; line: number }>();
	const note = (scope: Scope, labels: string[], line: number) => {
		if (scope.kind !== 'step') return;
		const entry = named.get(scope.id) ?? { labels: [], line };
		entry.labels.push(...labels);
		named.set(scope.id, entry);
	};
	const text = (sentence: Sentence, name: string, scope: Scope) => {
		const converted = convert(sentence, `${scopeKey(scope)}.${name}`, scope);
		note(scope, [...converted.labels, ...converted.menuPaths.flatMap((path) => (schema.menuPaths[path] ?? []).map((id) => input.englishGlossary[id] ?? id))], sentence.from);
	};

	/** Blocks that could not be matched: their lines are accounted for by the error about them. */
	const refused = (blocks: readonly PageBlock[]) => {
		for (const block of blocks) account.markup(lineOfBlock(block), endOfBlock(block), 'not imported (see the error)');
	};

	/** Matches the page's blocks to the schema's, one by one: the same kinds in the same order. */
	const align = (schemaBlocks: readonly Block[], found: readonly PageBlock[], scope: Scope, where: string, line: number) => {
		// A drawn figure stands where the page has an image, or was added where the page has none.
		const drawn = (block: Block) => typeof block === 'object' && 'screen' in block;
		const added = schemaBlocks.filter(drawn).length;
		const expected = added > 0 && schemaBlocks.length - added === found.length ? schemaBlocks.filter((block) => !drawn(block)) : schemaBlocks;
		if (expected.length !== found.length) {
			report(
				'error',
				'structure',
				found[0] ? lineOfBlock(found[0]) : line,
				`${where} has ${found.length} blocks (${found.map(describe).join(', ') || 'none'}), the English ${expected.length} (${expected.map(describe).join(', ') || 'none'}): they cannot be matched`,
			);
			refused(found);
			return;
		}
		expected.forEach((block, index): void => {
			const page = found[index]!;
			const at = lineOfBlock(page);
			const mismatch = () => {
				report('error', 'structure', at, `${where}, block ${index + 1}: the English has a ${describe(block)}, the page a ${describe(page)}`);
				refused([page]);
			};
			if (typeof block === 'string') {
				if (page.type === 'paragraph') text(page.sentence, block, scope);
				else mismatch();
			} else if ('figure' in block) {
				if (page.type !== 'figure') return mismatch();
				if ('src' in block && basename(page.src) !== block.src) report('warning', 'image', at, `image ${page.src} is not ${block.src} of the step schema`);
				if (page.alt !== page.alt.trim()) report('warning', 'image-spacing', at, `spaces inside the image text [${page.alt}] (trimmed)`);
				// The image's text describes the screenshot: the caption of a screen drawn in its place.
				const key = 'screen' in block && block.caption ? block.caption : block.figure;
				text({ nodes: [{ type: 'text', value: page.alt }], from: page.from, to: page.to }, key, scope);
			} else if ('list' in block) {
				const items = page.type === 'list' ? page.items : page.type === 'steps' && block.ordered ? page.steps : undefined;
				if (!items) return mismatch();
				if (items.length !== block.list.length) {
					report('error', 'structure', at, `${where}: the list has ${items.length} items, the English ${block.list.length}`);
					return refused([page]);
				}
				block.list.forEach((item, i) => {
					const entry = items[i]!;
					text(entry, typeof item === 'string' ? item : item.item, scope);
					align(typeof item === 'string' ? [] : item.blocks, entry.blocks, scope, `${where}, list item ${i + 1}`, entry.from);
				});
			} else if ('callout' in block) {
				if (page.type !== 'callout') return mismatch();
				if (page.kind !== block.callout) report('error', 'structure', at, `${where}: a ${page.kind} where the English has a ${block.callout}`);
				align(block.blocks, page.blocks, scope, `${where}, ${block.callout}`, at);
			} else if ('table' in block) {
				if (page.type !== 'table') return mismatch();
				if (page.rows.length !== block.table.length || page.rows.some((row, r) => row.length !== block.table[r]!.length)) {
					report('error', 'structure', at, `${where}: the table has ${page.rows.length} rows of ${page.rows[0]?.length ?? 0} cells, the English ${block.table.length} of ${block.table[0]!.length}`);
					return refused([page]);
				}
				block.table.forEach((row, r) =>
					row.forEach((cell, c) => {
						const cellBlocks = page.rows[r]![c]!;
						if (typeof cell === 'string') {
							const only = cellBlocks[0];
							if (cellBlocks.length === 1 && only?.type === 'paragraph') text(only.sentence, cell, scope);
							else report('error', 'structure', at, `${where}: row ${r + 1}, cell ${c + 1} has ${cellBlocks.length} parts, the English one sentence`);
						} else align(cell, cellBlocks, scope, `${where}, row ${r + 1}, cell ${c + 1}`, at);
					}),
				);
			} else {
				const steps = page.type === 'steps' ? page.steps : page.type === 'list' && page.ordered ? page.items : undefined;
				if (!steps) return mismatch();
				if (steps.length !== block.steps.length) {
					report(
						'error',
						'structure',
						at,
						`${where}: the page has ${steps.length} numbered steps, the English ${block.steps.length}, so steps cannot be matched to their ids (steps at lines ${steps.map((step) => step.from).join(', ')}: did the translation make a sentence a step of its own?)`,
					);
					return refused([page]);
				}
				block.steps.forEach((step, i) => alignStep(step, steps[i]!));
			}
		});
	};
	const alignStep = (step: Step, item: PageItem) => {
		const scope: Scope = { kind: 'step', id: step.id };
		text(item, 'text', scope);
		align(step.blocks, item.blocks, scope, `step "${step.id}"`, item.from);
	};

	if (page.title) convert(page.title, 'title', { kind: 'intro' });
	else report('error', 'structure', 1, 'the page has no "# " title');
	if (frontMatter.description)
		values.set('description', convertInline([{ type: 'text', value: frontMatter.description }], { link: () => undefined, icon: () => undefined, menuPath: () => undefined, label: () => undefined }, 1, findings).text);
	align(schema.intro, page.intro, { kind: 'intro' }, 'the intro', page.title?.to ?? 1);
	if (page.sections.length !== schema.sections.length) {
		report('error', 'structure', page.sections[0]?.heading.from ?? 1, `the page has ${page.sections.length} sections (## or ### headings), the English ${schema.sections.length}`);
	} else {
		schema.sections.forEach((section, index) => {
			const found = page.sections[index]!;
			const scope: Scope = { kind: 'section', id: section.id };
			if (found.anchor && found.anchor !== section.id) report('warning', 'anchor', found.heading.from, `the heading's anchor {#${found.anchor}} is not the section's id "${section.id}" (the id is kept)`);
			text(found.heading, 'heading', scope);
			align(section.blocks, found.blocks, scope, `section "${section.id}"`, found.heading.from);
		});
	}
	for (const [stepId, { labels, line }] of named) {
		const step = [...walkSteps(schema)].find((candidate) => candidate.id === stepId)!;
		const ids = [...new Set(labels.map((label) => resolveControl(label, step.controls, input.englishGlossary)).flatMap((resolved) => (resolved.ok ? [resolved.id] : [])))];
		if (ids.length !== step.controls.length || !ids.every((id) => step.controls.includes(id))) {
			report('error', 'ui-controls', line, `step "${stepId}" names the UI controls ${ids.join(', ') || 'none'}; the step schema says ${step.controls.join(', ') || 'none'}`, `steps.${stepId}`);
		}
	}
	if (schema.next) importClosingLine(page, schema.next, input, values, report);
	else if (page.next) report('error', 'structure', page.next.line, 'a closing "next" line, but the step schema has no next page');
	if (page.next) account.text(page.next.line, page.next.line, 'next.icon, next.link');

	// Texts of figures that the page has no words for (a drawn screen's) stay as they are translated, with their origin.
	const keptFigureTexts = new Set<string>();
	for (const { key, figure } of textKeysOf(schema)) {
		const kept = figure && !values.has(key) && input.existing ? textAt(input.existing, key) : undefined;
		if (kept === undefined) continue;
		values.set(key, kept);
		keptFigureTexts.add(key);
	}

	// Each string's origin: the English it translates (unknown for steps the English changed since
	// the page's revision), and how. A person's string for the same English is not overwritten.
	const machine = /\bmt\b/.test(frontMatter['workflow-type'] ?? '');
	const changed = stepsChangedSince(schema, revision);
	const origin: Origin = {};
	for (const key of expectedKeys(schema)) {
		const imported = values.get(key);
		const english = textAt(input.english, key);
		if (imported === undefined || english === undefined) continue;
		const earlier = input.existingOrigin?.[key];
		if (keptFigureTexts.has(key)) {
			if (earlier) origin[key] = earlier;
			continue;
		}
		const current = input.existing && textAt(input.existing, key);
		if (machine && earlier && earlier.state !== 'machine' && earlier.source === english && current !== undefined) {
			values.set(key, current);
			origin[key] = { ...earlier, machine: imported };
			if (current !== imported) report('note', 'kept', keyLines.get(key) ?? 1, `kept the ${earlier.state} text for the unchanged English; the new machine translation is: "${imported}"`, key);
			continue;
		}
		const stepId = key.startsWith('steps.') ? key.split('.')[1]! : undefined;
		// A machine translation is kept beside the string, so it can be recovered after a person edits it.
		origin[key] = { source: stepId && changed.has(stepId) ? null : english, state: machine ? 'machine' : 'human', hash: fingerprint(imported), ...(machine && { machine: imported }) };
	}
	const stepLines = new Map([...named].map(([id, entry]) => [id, entry.line]));
	for (const stepId of changed) {
		if (!stepLines.has(stepId)) continue;
		report('warning', 'stale', stepLines.get(stepId)!, `translated from revision ${shortCommit(revision!)}; the English of this step changed since: its strings are stale until a translator updates them`, `steps.${stepId}`);
	}
	const texts = procedureTextsFrom(revision ? { revision } : {}, values, expectedKeys(schema));
	if (schema.next && texts.next) {
		const mismatch = nextTitleMismatch(texts, texts.next.link, schema.next, input.locale);
		if (mismatch) report('warning', 'next-title', page.next?.line ?? 1, `${mismatch} (not repaired: a translator must choose)`, 'next.link');
	}
	const lines = account.settle(findings);
	findings.sort((a, b) => a.line - b.line);
	const failed = findings.some((finding) => finding.severity === 'error');
	return { texts: failed ? undefined : texts, origin: failed ? undefined : origin, report: { file: input.file, findings, lines } };
}

function* walkSteps(procedure: ProcedureEntry['data']): Generator<Step> {
	for (const blocks of [procedure.intro, ...procedure.sections.map((section) => section.blocks)]) for (const block of blocks) if (typeof block === 'object' && 'steps' in block) yield* block.steps;
}

/**
 * The closing line: an icon and a link to the next page. Machine translation merged or split
 * their texts: text left after the link goes into it, a word glued to the link text
 * ("SuccessivaContinua") goes back to the icon, and a split a translator already made is kept.
 */
function importClosingLine(
	page: ReturnType<typeof readPage>,
	nextLink: string,
	input: TranslationImportInput,
	values: Map<string, string>,
	report: (severity: Finding['severity'], kind: string, line: number, message: string, key?: string) => void,
) {
	const closing = page.next;
	if (!closing) return report('error', 'structure', 1, 'expected a closing line "![icon](…) [link text](next page)"', 'next');
	const target = input.procedure.data.links[nextLink];
	const file = closing.link.url.match(/^(?:\.\/)?([\w.-]+\.md)/)?.[1];
	if (!target || !('page' in target ? target.page === file : target.url === closing.link.url)) {
		report('error', 'unknown-link', closing.line, `the closing link goes to ${closing.link.url}, not to the next page of the step schema`, 'next.link');
	}
	const plain = (nodes: PageItem['nodes']): string => nodes.map((node) => ('value' in node ? node.value : 'children' in node ? plain(node.children as PageItem['nodes']) : '')).join('');
	let icon = closing.icon.trim();
	let link = plain(closing.link.nodes).trim();
	const trailing = plain(closing.trailing).trim();
	if (trailing) {
		link = `${link} ${trailing}`;
		report('warning', 'garbled-closing', closing.line, `text after the closing link: "${trailing}" (moved into the link)`, 'next.link');
	}
	const glued = link.match(/^(\S*?\p{Ll})(\p{Lu}\S*)(.*)$/u);
	if (glued) {
		icon = `${icon} ${glued[1]}`;
		link = `${glued[2]}${glued[3]}`;
		report('warning', 'garbled-closing', closing.line, `"${glued[1]}${glued[2]}": the icon's text runs into the link text (split: icon "${icon}", link "${link}")`, 'next.link');
	}
	const existing = input.existing?.next;
	if (existing && existing.icon !== icon && squeeze(existing.icon + existing.link) === squeeze(icon + link)) {
		report('warning', 'garbled-closing', closing.line, `icon text "${icon}" and link text "${link}" run into each other (kept the existing split: "${existing.icon}" | "${existing.link}")`, 'next.icon');
		icon = existing.icon;
		link = existing.link;
	}
	values.set('next.icon', icon);
	values.set('next.link', link);
}
