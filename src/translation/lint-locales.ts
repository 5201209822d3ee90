import { checkedContent, placeholders, pluralSuffix, reporter, type Report } from '../model/check';
import { localeFile, type Content, type ProcedureEntry } from '../model/content';
import { resolveControl } from '../model/labels';
import { locales, sourceLocale, type Locale } from '../model/locales';
import { parseMarkup, walk, type Inline } from '../model/markup';
import type { Problem } from '../model/problems';
import { controlsIn, scopeKey, stepsOf, textKeysOf, type Scope, type TextKey } from '../model/procedure';
import { textAt, textEntries, type SiteTexts } from '../model/texts';
import { stringStatuses } from '../model/translation-state';
import { formatDiff, wordDiff } from '../model/word-diff';
import { readTerms, type TermsOf } from './terms';
import { nextTitleMismatch, proseWarnings } from './prose-checks';

export interface LintResult {
	content: Content;
	/** Sorted by file and line. */
	problems: Problem[];
}

const cjk = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

const parsed = (text: string | undefined): Inline[] | undefined => {
	const result = text === undefined ? undefined : parseMarkup(text);
	return result?.ok ? result.nodes : undefined;
};
const count = (items: string[]) => items.reduce((counts, item) => counts.set(item, (counts.get(item) ?? 0) + 1), new Map<string, number>());
const plainText = (nodes: readonly Inline[]) => [...walk(nodes)].map((node) => (node.type === 'text' ? node.value : ' ')).join('');
const kinds = <T extends Inline['type']>(nodes: readonly Inline[], type: T) => [...walk(nodes)].filter((node): node is Extract<Inline, { type: T }> => node.type === type);

/** UI controls per scope: a translation names exactly the controls the schema lists, none typed by hand. */
function checkControls(content: Content, procedure: ProcedureEntry, locale: Locale, report: Report) {
	const texts = content.words[locale.code].procedures[procedure.id]!;
	const english = content.words[sourceLocale.code].glossary;
	const local = content.words[locale.code].glossary;
	const scopes: Scope[] = [{ kind: 'intro' }, ...procedure.data.sections.map((section) => ({ kind: 'section' as const, id: section.id })), ...stepsOf(procedure.data).map((step) => ({ kind: 'step' as const, id: step.id }))];
	// A figure's texts name what its picture shows, not what the step lists.
	const keysByScope = new Map<string, TextKey[]>();
	for (const key of textKeysOf(procedure.data)) if (!key.figure) keysByScope.set(scopeKey(key.scope), [...(keysByScope.get(scopeKey(key.scope)) ?? []), key]);
	for (const scope of scopes) {
		const listed = controlsIn(procedure.data, scope);
		const keys = keysByScope.get(scopeKey(scope)) ?? [];
		const named: { id: string; key: string }[] = [];
		const plain: { key: string; text: string }[] = [];
		for (const { key } of keys) {
			const nodes = parsed(textAt(texts, key));
			if (!nodes) continue;
			plain.push({ key, text: plainText(nodes) });
			for (const node of kinds(nodes, 'control')) {
				const resolved = resolveControl(node.label, listed, english);
				if (resolved.ok) named.push({ id: resolved.id, key });
			}
			for (const node of kinds(nodes, 'placeholder')) named.push(...(procedure.data.menuPaths[node.name] ?? []).map((id) => ({ id, key })));
		}
		if (plain.length === 0) continue;
		const where = scope.kind === 'intro' ? 'the intro' : `${scope.kind} "${scope.id}"`;
		const reportKey = scope.kind === 'intro' ? plain[0]!.key : `${scope.kind === 'step' ? 'steps' : 'sections'}.${scope.id}`;
		for (const control of listed.filter((id) => !named.some((name) => name.id === id))) {
			const label = [local[control], english[control]].find((candidate) => candidate && plain.some((text) => text.text.includes(candidate)));
			if (label) report(plain.find((text) => text.text.includes(label))!.key, 'typed-label', `UI label "${label}" typed out by hand: write [!UICONTROL ${english[control]}] so it follows the glossary and the Admin-language switch`);
			else report(reportKey, 'ui-controls', `does not name [!UICONTROL ${english[control] ?? control}], which the step schema lists for ${where} (dropped or renamed?)`);
		}
		for (const extra of named.filter((name, index) => !listed.includes(name.id) && named.findIndex((other) => other.id === name.id) === index)) {
			report(extra.key, 'ui-controls', `names [!UICONTROL ${english[extra.id]}], which the step schema does not list for ${where}`);
		}
	}
}

/** Each text against its English source: product names, menu paths, links; and markup habits. */
function checkAgainstEnglish(content: Content, procedure: ProcedureEntry, locale: Locale, report: Report) {
	const texts = content.words[locale.code].procedures[procedure.id]!;
	const englishTexts = content.words[sourceLocale.code].procedures[procedure.id];
	const isSource = locale === sourceLocale;
	for (const [key, text] of textEntries(texts)) {
		const nodes = parsed(text);
		if (!nodes) continue;
		for (const warning of proseWarnings(text, nodes)) report(key, warning.kind, warning.message, 'warning');
		nodes.forEach((node, index) => {
			if (node.type !== 'emphasis' || !node.children.some((child) => child.type === 'control')) return;
			const before = nodes[index - 1];
			const after = nodes[index + 1];
			const gluedToCjk = (before?.type === 'text' && cjk.test(before.value.slice(-1))) || (after?.type === 'text' && cjk.test(after.value[0] ?? ''));
			report(key, 'markup', `emphasis around a UI label${gluedToCjk ? ', glued to CJK text (Markdown would not render it)' : ''}: remove the _; the label gets its style from the marker`);
		});
		const source = isSource || !englishTexts ? undefined : parsed(textAt(englishTexts, key));
		if (!source) continue;
		const names = (list: readonly Inline[]) => kinds(list, 'name').map((node) => node.value);
		const ours = count(names(nodes));
		for (const [name, times] of count(names(source))) {
			if ((ours.get(name) ?? 0) < times) report(key, 'product-name', `[!DNL ${name}] is missing (the English text has it ${times}×); product names are never translated`);
		}
		for (const name of ours.keys()) if (!names(source).includes(name)) report(key, 'product-name', `[!DNL ${name}] is not in the English text: product names are never translated`);
		const menus = (list: readonly Inline[]) => kinds(list, 'placeholder').map((node) => node.name);
		for (const name of menus(source).filter((menu) => !menus(nodes).includes(menu))) report(key, 'placeholder', `{{${name}}} is missing: the English text has it`);
		for (const name of menus(nodes).filter((menu) => !menus(source).includes(menu))) report(key, 'placeholder', `{{${name}}} is not in the English text`);
		const links = (list: readonly Inline[]) => kinds(list, 'link').map((node) => node.target);
		for (const target of links(source).filter((link) => !links(nodes).includes(link))) report(key, 'link', `the link (${target}) of the English text is missing`, 'warning');
		const icons = (list: readonly Inline[]) => kinds(list, 'icon').map((node) => node.icon);
		for (const icon of icons(source).filter((id) => !icons(nodes).includes(id))) report(key, 'icon', `the icon (${icon}) of the English text is missing`);
	}
	const { next } = procedure.data;
	if (next && texts.next) {
		const mismatch = nextTitleMismatch(texts, texts.next.link, next, locale.code);
		if (mismatch) report('next.link', 'next-title', mismatch, 'warning');
	}
}

/** Where each translated string stands against the English now: stale (with what changed), edited, left in English. */
function checkStrings(content: Content, procedure: ProcedureEntry, locale: Locale, report: Report) {
	const command = `npm run i18n:confirm -- --lang ${locale.code}`;
	for (const status of stringStatuses(content, procedure, locale)) {
		if (status.stale) {
			const change =
				status.stale.before === null
					? `translated from an older English text (not kept); the English now: "${status.stale.after}"`
					: `the English changed since this was translated: ${formatDiff(wordDiff(status.stale.before, status.stale.after))}`;
			report(status.key, 'stale', `${change}. Update the translation, or confirm it still fits with ${command} ${status.key}`, 'warning');
		}
		if (status.edited) report(status.key, 'edited', `edited since its origin was recorded: record it with ${command} ${status.key}`, 'warning');
		if (status.text !== undefined && status.untranslated) report(status.key, 'untranslated', 'the same words as the English: not translated yet', 'warning');
		if (status.unrecorded) report(status.key, 'unrecorded', `no record of the English it was translated from, so a change of the English cannot be seen: record it with ${command} ${status.key}`, 'warning');
	}
}

/** The termbase: one word per thing. A variant the language avoids is an error; a missing term a warning. */
function checkTerms(content: Content, procedure: ProcedureEntry, locale: Locale, terms: TermsOf, report: Report) {
	const texts = content.words[locale.code].procedures[procedure.id]!;
	const english = content.words[sourceLocale.code].procedures[procedure.id];
	const lower = (text: string) => text.toLocaleLowerCase(locale.code);
	const wordsOf = (text: string) => lower(translatableWordsWithCase(text));
	// Lower-cased once, not once per text.
	const entries = Object.entries(terms.local).map(([id, term]) => ({ id, term, use: lower(term.use), avoid: term.avoid.map((variant) => ({ variant, lower: lower(variant) })), english: terms.english[id] && lower(terms.english[id]) }));
	for (const [key, text] of textEntries(texts)) {
		const words = wordsOf(text);
		const source = english ? textAt(english, key) : undefined;
		const sourceWords = source && wordsOf(source);
		for (const { id, term, use, avoid, english: englishTerm } of entries) {
			for (const variant of avoid) if (words.includes(variant.lower)) report(key, 'term', `"${variant.variant}": the termbase (${id}) says "${term.use}"`);
			if (sourceWords && englishTerm && sourceWords.includes(englishTerm) && !words.includes(use)) {
				report(key, 'term', `the English says "${terms.english[id]}"; the termbase's word for it is "${term.use}"`, 'warning');
			}
		}
	}
}

/** A text without UI labels, menu paths, product names and code, as the termbase reads it. */
const translatableWordsWithCase = (text: string) => text.replace(/\[!(UICONTROL|DNL) [^\]]*\]/g, ' ').replace(/\{\{[^}]*\}\}|`[^`]*`|\]\([^)]*\)/g, ' ');

/** Site strings whose translation dropped a placeholder: its value would not be shown. */
function checkSitePlaceholders(site: SiteTexts, english: SiteTexts, report: Report) {
	const flat = (texts: SiteTexts, prefix = ''): [string, string][] => Object.entries(texts).flatMap(([key, value]) => (typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : flat(value, `${prefix}${key}.`)));
	const source = new Map(flat(english));
	for (const [key, text] of flat(site)) {
		const sourceText = source.get(key) ?? source.get(key.replace(pluralSuffix, '_other')) ?? '';
		for (const name of placeholders(sourceText)) if (!placeholders(text).has(name)) report(key, 'placeholder', `{{${name}}} is missing: the English text has it`, 'warning');
	}
}

/**
 * Everything a translator should know about the locale files: the build's checks (missing keys,
 * markup that would not render, unknown markers) plus UI controls per step, labels typed by
 * hand, product names, placeholders, links and stale steps.
 */
export function lintLocales(root: string, checked: LintResult = checkedContent(root)): LintResult {
	const { content } = checked;
	const problems = [...checked.problems];
	const termbase = readTerms(root, problems);
	for (const locale of locales) {
		for (const procedure of content.procedures) {
			if (!content.words[locale.code].procedures[procedure.id]) continue;
			const report = reporter(problems, content, localeFile(locale.code, procedure.id), locale.code);
			checkControls(content, procedure, locale, report);
			checkAgainstEnglish(content, procedure, locale, report);
			if (locale === sourceLocale) continue;
			checkStrings(content, procedure, locale, report);
			const terms = termbase[locale.code];
			if (terms) checkTerms(content, procedure, locale, terms, report);
		}
		if (locale !== sourceLocale) {
			checkSitePlaceholders(content.words[locale.code].site, content.words[sourceLocale.code].site, reporter(problems, content, localeFile(locale.code, 'site'), locale.code));
		}
	}
	problems.sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
	return { content, problems };
}
