import type { DataFile, KeyPath } from '../model/data-file';
import { DataError, type Problem } from '../model/problems';
import { readProcedures } from '../model/read-procedures';
import { namespacesOf, placeholders, pluralSuffix, validateLocaleFiles, type ProcedureEntry } from '../model/load-locales';
import { keyName, readLocaleFiles, reporterFor, texts, type Json, type JsonObject, type LocaleFiles, type Report } from '../model/locale-files';
import { locales, sourceLocale } from '../model/locales';
import { parseMarkup, walk, type Inline } from '../model/markup';
import { nextTitleMismatch, proseWarnings } from './prose-checks';
import { shortCommit, staleSteps } from '../model/staleness';

export interface LintResult {
	procedures: ProcedureEntry[];
	files: LocaleFiles;
	/** Sorted by file and line. */
	problems: Problem[];
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const parsed = (text: string): Inline[] | undefined => {
	const result = parseMarkup(text);
	return result.ok ? result.nodes : undefined;
};
const count = (items: string[]) => items.reduce((counts, item) => counts.set(item, (counts.get(item) ?? 0) + 1), new Map<string, number>());
const plainText = (nodes: readonly Inline[]) => [...walk(nodes)].map((node) => (node.type === 'text' ? node.value : ' ')).join('');

/** A text's texts by key, from a value that may be missing or malformed. */
const textsOf = (value: Json | undefined) => new Map(value === undefined ? [] : [...texts(value)].map(([path, text]) => [keyName(path), { path, text }]));

interface Labels {
	/** English label → control id. */
	byEnglish: ReadonlyMap<string, string>;
	english: Readonly<Record<string, string>>;
	local: Readonly<Record<string, string>>;
}

/** UI controls, product names, menu paths and links of one procedure file, step by step and key by key. */
function checkProcedureFile(data: DataFile, english: DataFile | undefined, procedure: ProcedureEntry, labels: Labels, code: string, report: Report) {
	const value = data.value as JsonObject;
	const englishTexts = textsOf(english?.value as Json | undefined);
	const isSource = code === sourceLocale.code;

	for (const step of procedure.data.steps) {
		const named: { id: string; path: KeyPath }[] = [];
		const plain: { path: KeyPath; text: string }[] = [];
		for (const [path, text] of texts(((value.steps as JsonObject | undefined)?.[step.id] ?? {}) as Json, ['steps', step.id])) {
			if (path[2] === 'image') continue;
			const nodes = parsed(text);
			if (!nodes) continue;
			plain.push({ path, text: plainText(nodes) });
			for (const node of walk(nodes)) {
				if (node.type === 'control' && labels.byEnglish.has(node.label)) named.push({ id: labels.byEnglish.get(node.label)!, path });
				if (node.type === 'placeholder') named.push(...(procedure.data.menuPaths[node.name] ?? []).map((id) => ({ id, path })));
			}
		}
		for (const control of step.controls.filter((id) => !named.some((name) => name.id === id))) {
			const label = [labels.local[control], labels.english[control]].find((candidate) => candidate && plain.some((text) => text.text.includes(candidate)));
			const where = label ? plain.find((text) => text.text.includes(label))!.path : ['steps', step.id];
			if (label) report(where, 'typed-label', `UI label "${label}" typed out by hand: write [!UICONTROL ${labels.english[control]}] so it follows the glossary and the Admin-language switch`);
			else report(where, 'ui-controls', `does not name [!UICONTROL ${labels.english[control] ?? control}], which the step schema lists for step "${step.id}" (dropped or renamed?)`);
		}
		for (const extra of named.filter((name, index) => !step.controls.includes(name.id) && named.findIndex((other) => other.id === name.id) === index)) {
			report(extra.path, 'ui-controls', `names [!UICONTROL ${labels.english[extra.id]}], which the step schema does not list for step "${step.id}"`);
		}
	}

	for (const [path, text] of texts(value)) {
		const nodes = parsed(text);
		if (!nodes) continue;
		for (const warning of proseWarnings(text, nodes)) report(path, warning.kind, warning.message, 'warning');
		nodes.forEach((node, index) => {
			if (node.type !== 'emphasis' || !node.children.some((child) => child.type === 'control')) return;
			const before = nodes[index - 1];
			const after = nodes[index + 1];
			const gluedToCjk = (before?.type === 'text' && cjk.test(before.value.slice(-1))) || (after?.type === 'text' && cjk.test(after.value[0] ?? ''));
			report(path, 'markup', `emphasis around a UI label${gluedToCjk ? ', glued to CJK text (Markdown would not render it)' : ''}: remove the _; the label gets its style from the marker`);
		});
		const source = englishTexts.get(keyName(path));
		const sourceNodes = source && !isSource ? parsed(source.text) : undefined;
		if (!sourceNodes) continue;
		const names = (list: readonly Inline[]) => [...walk(list)].flatMap((node) => (node.type === 'name' ? [node.value] : []));
		const ours = count(names(nodes));
		for (const [name, times] of count(names(sourceNodes))) {
			if ((ours.get(name) ?? 0) < times) report(path, 'product-name', `[!DNL ${name}] is missing (the English text has it ${times}×); product names are never translated`);
		}
		for (const name of ours.keys()) {
			if (!names(sourceNodes).includes(name)) report(path, 'product-name', `[!DNL ${name}] is not in the English text: product names are never translated`);
		}
		const menus = (list: readonly Inline[]) => [...walk(list)].flatMap((node) => (node.type === 'placeholder' ? [node.name] : []));
		for (const name of menus(sourceNodes).filter((menu) => !menus(nodes).includes(menu))) report(path, 'placeholder', `{{${name}}} is missing: the English text has it`);
		for (const name of menus(nodes).filter((menu) => !menus(sourceNodes).includes(menu))) report(path, 'placeholder', `{{${name}}} is not in the English text`);
		const linksOf = (list: readonly Inline[]) => [...walk(list)].flatMap((node) => (node.type === 'link' ? [node.target] : []));
		for (const target of linksOf(sourceNodes).filter((link) => !linksOf(nodes).includes(link))) report(path, 'link', `the link (${target}) of the English text is missing`, 'warning');
	}

	const next = value.next as JsonObject | undefined;
	if (procedure.data.next && typeof next?.link === 'string' && value.intro && typeof value.intro === 'object') {
		const mismatch = nextTitleMismatch(value.intro as JsonObject, next.link, procedure.data.next, code);
		if (mismatch) report(['next', 'link'], 'next-title', mismatch, 'warning');
	}

	const revision = value.revision;
	if (typeof revision !== 'string') return;
	for (const stale of staleSteps(procedure.data, revision)) {
		report(['steps', stale.stepId], 'stale', `may be out of date: the source changed this step in ${shortCommit(stale.changedIn)}, after ${shortCommit(revision)} which ${isSource ? 'the English text' : 'this translation'} follows`, 'warning');
	}
}

/** Site strings whose translation dropped a placeholder: its value would not be shown. */
function checkSitePlaceholders(data: DataFile, english: DataFile, report: Report) {
	const englishTexts = textsOf(english.value as Json);
	for (const [path, text] of texts(data.value as Json)) {
		const source = englishTexts.get(keyName(path)) ?? englishTexts.get(keyName(path).replace(pluralSuffix, '_other'));
		for (const name of placeholders(source?.text ?? '')) {
			if (!placeholders(text).has(name)) report(path, 'placeholder', `{{${name}}} is missing: the English text has it`, 'warning');
		}
	}
}

/**
 * Everything a translator should know about the locale files: the build's checks (missing keys,
 * markup that would not render, unknown markers) plus UI controls per step, labels typed by
 * hand, product names, placeholders, links and stale steps.
 */
export function lintLocales(root: string): LintResult {
	let procedures: ProcedureEntry[];
	try {
		procedures = readProcedures(root);
	} catch (error) {
		if (error instanceof DataError) return { procedures: [], files: {}, problems: error.problems };
		throw error;
	}
	const { files, problems } = readLocaleFiles(root, namespacesOf(procedures));
	problems.push(...validateLocaleFiles(files, procedures));
	const english = files[sourceLocale.code] ?? {};
	const englishGlossary = (english.glossary?.value ?? {}) as Record<string, string>;
	for (const locale of locales) {
		const localeFiles = files[locale.code] ?? {};
		const labels: Labels = {
			byEnglish: new Map(Object.entries(englishGlossary).map(([id, label]) => [label, id])),
			english: englishGlossary,
			local: (localeFiles.glossary?.value ?? englishGlossary) as Record<string, string>,
		};
		for (const procedure of procedures) {
			const data = localeFiles[procedure.id];
			if (data) checkProcedureFile(data, english[procedure.id], procedure, labels, locale.code, reporterFor(problems, data, locale.code));
		}
		if (localeFiles.site && english.site && locale !== sourceLocale) checkSitePlaceholders(localeFiles.site, english.site, reporterFor(problems, localeFiles.site, locale.code));
	}
	problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
	return { procedures, files, problems };
}
