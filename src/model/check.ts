import { localeFile, proceduresDir, readContent, type Content, type ProcedureEntry } from './content';
import type { DataFile } from './data-file';
import { resolveControl } from './labels';
import { locales, sourceLocale, type Locale } from './locales';
import { parseMarkup, walk } from './markup';
import { throwOnErrors, type Problem } from './problems';
import { controlsIn, controlsOf, figureControlsOf, figuresOf, stepsOf, textKeysOf, type Scope } from './procedure';
import { readScreen } from './screen';
import { expectedKeys, textEntries, type Glossary, type SiteTexts } from './texts';
import { isEnglishOnly, uiControlsFile } from './ui-controls';

/** Longer than any sentence of a guide: most likely pasted by mistake (it would make the page huge). */
export const maxTextLength = 2_000;

export const pluralSuffix = /_(zero|one|two|few|many|other)$/;
export const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((match) => match[1]!));

/** Reports a problem at a key (`steps.paste-key.text`) of a file, with its line. */
export type Report = (key: string, kind: string, message: string, severity?: Problem['severity']) => void;

export function reporter(problems: Problem[], content: Content, file: string, locale?: string): Report {
	const data: DataFile | undefined = content.files.get(file);
	return (key, kind, message, severity = 'error') => problems.push({ severity, kind, file, ...(data && { line: data.lineOf(key === '' ? [] : key.split('.')) }), ...(locale && { locale }), ...(key && { key }), message });
}

/** Characters that only show up on a page as stray text: HTML, entities, invisible spaces. */
function plainTextProblems(text: string): string[] {
	const problems: string[] = [];
	const entity = text.match(/&(#x?[0-9a-f]+|[a-z]+);/i);
	if (entity) problems.push(`HTML entity ${entity[0]} would show as text: type the character itself`);
	if (/<\/?[a-z][^>]*>/i.test(text)) problems.push('HTML tags are not allowed: they would show as text');
	if (text.includes('\u200b')) problems.push('zero-width space (U+200B): remove it');
	return problems;
}

/** The plural forms (i18next key suffixes) a language needs for the counts a page shows (0–100). */
function pluralForms(code: string): string[] {
	const rules = new Intl.PluralRules(code);
	return [...new Set(Array.from({ length: 101 }, (_, count) => rules.select(count)))];
}

/** Flattens site strings to `a.b.c` keys; with `code`, each plural group becomes that language's forms. */
function siteKeys(texts: SiteTexts, code?: string, prefix = ''): Map<string, string> {
	const keys = new Map<string, string>();
	for (const [key, value] of Object.entries(texts)) {
		const name = `${prefix}${key}`;
		if (typeof value !== 'string') for (const [nested, text] of siteKeys(value, code, `${name}.`)) keys.set(nested, text);
		else if (code && pluralSuffix.test(key)) for (const form of pluralForms(code)) keys.set(name.replace(pluralSuffix, `_${form}`), value);
		else keys.set(name, value);
	}
	return keys;
}

/** Site strings: the English keys in the language's plural forms, i18next placeholders only, no markup. */
function checkSite(content: Content, locale: Locale, problems: Problem[]) {
	const report = reporter(problems, content, localeFile(locale.code, 'site'), locale.code);
	const english = siteKeys(content.words[sourceLocale.code].site, sourceLocale.code);
	const reference = siteKeys(content.words[sourceLocale.code].site, locale.code);
	const own = siteKeys(content.words[locale.code].site);
	for (const key of reference.keys()) if (!own.has(key)) report(key, 'missing-key', 'missing');
	for (const [key, text] of own) {
		if (!reference.has(key)) {
			report(key, 'extra-key', `not in locales/${sourceLocale.code}/site.json: it is never shown`, pluralSuffix.test(key) ? 'error' : 'warning');
			continue;
		}
		if (text.trim() === '') report(key, 'empty', 'is empty');
		const allowed = placeholders(english.get(key) ?? english.get(key.replace(pluralSuffix, '_other')) ?? '');
		for (const name of placeholders(text)) {
			if (!allowed.has(name)) report(key, 'placeholder', `unknown placeholder {{${name}}}: the English text has ${[...allowed].map((n) => `{{${n}}}`).join(', ') || 'none'}`);
		}
		if (text.includes('$t(')) report(key, 'nesting', 'i18next nesting "$t(…)" is not allowed in site texts: write the words themselves');
		for (const message of plainTextProblems(text)) report(key, 'markup', message);
		if (text.length > maxTextLength) report(key, 'length', `${text.length} characters: longer than any text should be (${maxTextLength})`, 'warning');
	}
}

/** Glossaries: a label for every control in English, nothing unknown elsewhere, labels as plain text. */
function checkGlossary(content: Content, locale: Locale, problems: Problem[]) {
	const file = localeFile(locale.code, 'glossary');
	const report = reporter(problems, content, file, locale.code);
	const english = content.words[sourceLocale.code].glossary;
	const glossary: Glossary = content.words[locale.code].glossary;
	const { uiControls } = content;
	for (const [id, label] of Object.entries(glossary)) {
		if (label.trim() === '') report(id, 'empty', 'is empty');
		for (const message of plainTextProblems(label)) report(id, 'markup', message);
		if (/[[\]{}]|\[!|\*\*|_/.test(label)) report(id, 'markup', `a label is plain text: "${label}" has markup characters`);
		if (locale === sourceLocale) {
			if (!Object.hasOwn(uiControls.controls, id)) report(id, 'glossary', `"${id}" is not in ${uiControlsFile}: say where the control lives (Commerce Admin, …)`);
			const twin = Object.entries(english).find(([other, text]) => other !== id && text === label && uiControls.controls[other] === uiControls.controls[id]);
			if (twin) report(id, 'glossary', `the English label "${label}" is used by "${twin[0]}" too, in the same place: two controls of one screen need labels that tell them apart`);
		} else if (!Object.hasOwn(english, id)) {
			report(id, 'glossary', `unknown UI control id: locales/${sourceLocale.code}/glossary.json has no such control`);
		} else if (isEnglishOnly(uiControls, id)) {
			report(id, 'glossary', `"${id}" lives on the ${uiControls.places[uiControls.controls[id]!]!.name}, which is English only: remove it (the English label is shown)`);
		}
	}
	if (locale === sourceLocale) {
		for (const id of Object.keys(uiControls.controls)) if (!Object.hasOwn(english, id)) report('', 'glossary', `no label for the UI control "${id}" (listed in ${uiControlsFile})`);
		return;
	}
	const used = new Set(content.procedures.flatMap((procedure) => [...controlsOf(procedure.data), ...figureControlsOf(procedure.data).map((control) => control.id)]));
	for (const id of Object.keys(english)) {
		if (!Object.hasOwn(glossary, id) && !isEnglishOnly(uiControls, id) && used.has(id)) {
			report('', 'missing-label', `no label for "${id}" (${english[id]}): the page shows the English label until a translator adds it`, 'warning');
		}
	}
}

/** The structure's references to other data: controls, guides. */
function checkProcedureStructure(content: Content, procedure: ProcedureEntry, problems: Problem[]) {
	const file = `${proceduresDir}/${procedure.id}.yaml`;
	const data = content.files.get(file);
	const report = (path: (string | number)[], message: string) => problems.push({ severity: 'error', kind: 'unknown-control', file, ...(data && { line: data.lineOf(path) }), key: path.join('.'), message });
	const english = content.words[sourceLocale.code].glossary;
	for (const control of controlsOf(procedure.data)) {
		if (!Object.hasOwn(english, control)) report([], `unknown UI control id "${control}": locales/${sourceLocale.code}/glossary.json has no label for it`);
	}
	const { source } = procedure.data;
	if (source && !Object.hasOwn(content.guides, source.guide)) report(['source', 'guide'], `unknown guide "${source.guide}": add content/guides/${source.guide}.yaml`);
	checkScreens(content, procedure, report);
}

/** A drawn screen shows controls the glossary has, all of one place (Commerce Admin and Seller Central share labels). */
function checkScreens(content: Content, procedure: ProcedureEntry, report: (path: (string | number)[], message: string) => void) {
	const english = content.words[sourceLocale.code].glossary;
	const { places, controls } = content.uiControls;
	for (const { figure, path } of figuresOf(procedure.data)) {
		if (!('screen' in figure)) continue;
		const shown = readScreen(figure.screen).controls.map((control) => ({ ...control, path: [...path, 'screen', ...control.path] }));
		for (const control of shown) {
			if (!Object.hasOwn(english, control.id)) report(control.path, `unknown UI control id "${control.id}": locales/${sourceLocale.code}/glossary.json has no label for it`);
		}
		const first = shown.find((control) => controls[control.id]);
		const other = first && shown.find((control) => controls[control.id] && controls[control.id] !== controls[first.id]);
		if (first && other) {
			const place = (id: string) => places[controls[id]!]?.name ?? controls[id];
			report(other.path, `a screen shows one place: "${first.id}" lives in ${place(first.id)}, "${other.id}" in ${place(other.id)} (see ${uiControlsFile})`);
		}
	}
}

function scopeOfKey(key: string): Scope | undefined {
	const [group, id] = key.split('.');
	if (group === 'intro') return { kind: 'intro' };
	if (group === 'sections' && id) return { kind: 'section', id };
	if (group === 'steps' && id) return { kind: 'step', id };
	return undefined;
}

/** A procedure's texts in one language: every key the schema asks for, and markup that names what the procedure has. */
function checkProcedureTexts(content: Content, procedure: ProcedureEntry, locale: Locale, problems: Problem[]) {
	const texts = content.words[locale.code].procedures[procedure.id];
	if (!texts) return;
	const file = localeFile(locale.code, procedure.id);
	const report = reporter(problems, content, file, locale.code);
	const { data } = procedure;
	const isSource = locale === sourceLocale;
	const english = content.words[sourceLocale.code].glossary;

	const expected = new Set(expectedKeys(data));
	const entries = textEntries(texts);
	const present = new Set(entries.map(([key]) => key));
	for (const key of expected) {
		if (present.has(key)) continue;
		if (isSource) report(key, 'missing-key', 'missing');
		else report(key, 'untranslated', 'not translated yet: the page shows the English text', 'warning');
	}
	const stepIds = new Set(stepsOf(data).map((step) => step.id));
	for (const [key] of entries) {
		if (expected.has(key)) continue;
		const scope = scopeOfKey(key);
		report(key, 'extra-key', scope?.kind === 'step' && !stepIds.has(scope.id) ? `the step schema has no step "${scope.id}"` : 'not in the step schema: no text has this key');
	}

	const steps = stepsOf(data);
	const figureTexts = new Map(textKeysOf(data).flatMap((textKey) => (textKey.figure ? [[textKey.key, textKey.figure] as const] : [])));
	const known = (names: object, wrap: (name: string) => string) => Object.keys(names).map(wrap).join(', ') || 'none';
	for (const [key, text] of entries) {
		if (!expected.has(key)) continue;
		if (text.trim() === '') report(key, 'empty', 'is empty');
		if (text.length > maxTextLength) report(key, 'length', `${text.length} characters: longer than any text of a guide should be (${maxTextLength})`, 'warning');
		const parsed = parseMarkup(text);
		if (!parsed.ok) {
			for (const error of parsed.errors) report(key, 'markup', `${error.message} (at character ${error.offset + 1})`);
			continue;
		}
		const scope = scopeOfKey(key);
		const step = scope?.kind === 'step' ? steps.find((candidate) => candidate.id === scope.id) : undefined;
		const listed = [...(scope ? controlsIn(data, scope) : []), ...(figureTexts.get(key) ?? [])];
		for (const node of walk(parsed.nodes)) {
			if (node.type === 'control') {
				const resolved = resolveControl(node.label, listed, english);
				if (!resolved.ok) report(key, 'unknown-control', resolved.message);
			} else if (node.type === 'placeholder') {
				if (!Object.hasOwn(data.menuPaths, node.name)) report(key, 'menu-path', `unknown menu path {{${node.name}}}: the procedure has ${known(data.menuPaths, (name) => `{{${name}}}`)}`);
				else if (step && !step.menuPaths.includes(node.name)) report(key, 'menu-path', `menu path {{${node.name}}} does not belong to step "${step.id}"`);
			} else if (node.type === 'link' && !Object.hasOwn(data.links, node.target)) {
				report(key, 'link', `unknown link (${node.target}): the procedure has ${known(data.links, (name) => `(${name})`)}`);
			} else if (node.type === 'icon' && !Object.hasOwn(data.icons, node.icon)) {
				report(key, 'icon', `unknown icon (${node.icon}): the procedure has ${known(data.icons, (name) => `(${name})`)}`);
			}
		}
	}
}

/** The checks a build cannot do without: anything that would render wrong or not at all. */
export function checkContent(content: Content): Problem[] {
	const problems: Problem[] = [];
	for (const procedure of content.procedures) checkProcedureStructure(content, procedure, problems);
	for (const locale of locales) {
		checkSite(content, locale, problems);
		checkGlossary(content, locale, problems);
		for (const procedure of content.procedures) checkProcedureTexts(content, procedure, locale, problems);
	}
	return problems;
}

/** Everything the site is built from, read and checked: the content and every problem found. */
export function checkedContent(root: string): { content: Content; problems: Problem[] } {
	const { content, problems } = readContent(root);
	problems.push(...checkContent(content));
	return { content, problems };
}

/** Reads and checks everything the site is built from; throws a DataError listing every problem with file and line. */
export function loadContent(root: string): Content {
	return loadChecked(root).content;
}

/** As loadContent, with the warnings the check found (there are no errors: they throw). */
export function loadChecked(root: string): { content: Content; problems: Problem[] } {
	const checked = checkedContent(root);
	throwOnErrors(checked.problems);
	return checked;
}
