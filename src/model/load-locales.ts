import { controlsOf, type Procedure } from './procedure';
import type { KeyPath } from './data-file';
import { throwOnErrors, type Problem } from './problems';
import { baseNamespaces, isMetadata, isObject, keyName, readLocaleFiles, reporterFor, texts, type JsonObject, type LocaleFiles, type Report } from './locale-files';
import { locales, sourceLocale } from './locales';
import { parseMarkup, walk } from './markup';

export interface ProcedureEntry {
	id: string;
	data: Procedure;
}

/** i18next resources: locale code → namespace (`site`, `glossary`, a procedure id) → texts. */
export type Resources = Record<string, Record<string, Record<string, unknown>>>;

type Extra = (path: KeyPath) => [Problem['severity'], string] | undefined;

/**
 * Checks that `target` has every key of `reference`, each a non-empty text. `extra` says how to
 * treat keys that the reference does not have (undefined: allowed).
 */
function compareKeys(reference: JsonObject, target: JsonObject, path: KeyPath, report: Report, extra: Extra) {
	for (const [key, referenceValue] of Object.entries(reference)) {
		const keyPath = [...path, key];
		const value = target[key];
		if (value === undefined) {
			report(keyPath, 'missing-key', 'missing');
		} else if (isObject(referenceValue)) {
			if (isObject(value)) compareKeys(referenceValue, value, keyPath, report, extra);
			else report(keyPath, 'not-text', 'must be an object of texts');
		} else if (typeof value !== 'string') {
			report(keyPath, 'not-text', 'must be a text in double quotes');
		} else if (value.trim() === '') {
			report(keyPath, 'empty', 'is empty');
		}
	}
	for (const key of Object.keys(target)) {
		const finding = key in reference ? undefined : extra([...path, key]);
		if (finding) report([...path, key], 'extra-key', finding[1], finding[0]);
	}
}

export const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** The plural forms (i18next key suffixes) a language needs for the counts a page shows (0–100). */
function pluralForms(code: string): string[] {
	const rules = new Intl.PluralRules(code);
	return [...new Set(Array.from({ length: 101 }, (_, count) => rules.select(count)))];
}

/**
 * The reference with each plural group (`status_one`, `status_other`) replaced by the forms the
 * target language needs: French has `one` and `other`, Chinese only `other`.
 */
function withPluralForms(reference: JsonObject, code: string): JsonObject {
	const result: JsonObject = {};
	for (const [key, value] of Object.entries(reference)) {
		if (isObject(value)) {
			result[key] = withPluralForms(value, code);
		} else if (pluralSuffix.test(key)) {
			const base = key.replace(pluralSuffix, '');
			for (const form of pluralForms(code)) result[`${base}_${form}`] = reference[`${base}_other`] ?? value;
		} else {
			result[key] = value;
		}
	}
	return result;
}

export const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((match) => match[1]!));

/** What the English procedure file must contain, derived from the step schema. */
function procedureShape(procedure: Procedure): JsonObject {
	const words = '…';
	const ids = (list: string[]) => Object.fromEntries(list.map((id) => [id, words]));
	const steps = Object.fromEntries(
		procedure.steps.map((step) => [
			step.id,
			{
				text: words,
				...(step.notes.length > 0 && { notes: ids(step.notes) }),
				...(step.branches.length > 0 && { branches: ids(step.branches) }),
				...(step.image && { image: words }),
			},
		]),
	);
	return {
		revision: words,
		title: words,
		description: words,
		section: { heading: words, lead: words },
		steps,
		...(procedure.next && { next: { icon: words, link: words } }),
	};
}

/** Keys: every language has the English keys (English those the step schema asks for). */
function checkKeys(value: JsonObject, namespace: string, isSource: boolean, code: string, source: JsonObject | undefined, procedure: ProcedureEntry | undefined, report: Report) {
	if (isSource && procedure) {
		compareKeys(procedureShape(procedure.data), value, [], report, (path) => (path[0] === 'steps' ? ['warning', 'not in the step schema: it is never shown'] : undefined));
	} else if (isSource) {
		compareKeys(withPluralForms(value, code), value, [], report, () => undefined);
	} else if (source) {
		compareKeys(withPluralForms(source, code), value, [], report, (path) =>
			isMetadata(path) || pluralSuffix.test(String(path[path.length - 1]))
				? undefined
				: namespace === 'glossary'
					? ['error', `unknown UI control id: locales/${sourceLocale.code}/glossary.json has no such control`]
					: ['warning', `not in locales/${sourceLocale.code}/${namespace}.json: it is never shown`],
		);
	}
}

/** Site strings: i18next interpolation only. A placeholder the English text lacks gets no value. */
function checkSitePlaceholders(value: JsonObject, source: JsonObject, report: Report) {
	const sourceTexts = new Map([...texts(source)].map(([path, text]) => [keyName(path), text]));
	for (const [path, text] of texts(value)) {
		const sourceText = sourceTexts.get(keyName(path)) ?? sourceTexts.get(keyName(path).replace(pluralSuffix, '_other')) ?? '';
		const allowed = placeholders(sourceText);
		for (const name of placeholders(text)) {
			if (!allowed.has(name)) report(path, 'placeholder', `unknown placeholder {{${name}}}: the English text has ${[...allowed].map((n) => `{{${n}}}`).join(', ') || 'none'}`);
		}
	}
}

/** Procedure texts: markup that renders, and markers that name things the procedure has. */
function checkProcedureTexts(value: JsonObject, procedure: ProcedureEntry, labelToControl: ReadonlyMap<string, string>, report: Report) {
	const { data } = procedure;
	if (typeof value.revision === 'string' && !data.revisions.some((revision) => revision.commit === value.revision)) {
		report(['revision'], 'revision', `"${value.revision}" is not a revision listed in content/procedures/${procedure.id}.yaml`);
	}
	const known = (names: object) => Object.keys(names).join(', ') || 'none';
	for (const [path, text] of texts(value)) {
		const parsed = parseMarkup(text);
		if (!parsed.ok) {
			for (const error of parsed.errors) report(path, 'markup', `${error.message} (at character ${error.offset + 1})`);
			continue;
		}
		const step = path[0] === 'steps' ? data.steps.find((candidate) => candidate.id === path[1]) : undefined;
		for (const node of walk(parsed.nodes)) {
			if (node.type === 'control' && !labelToControl.has(node.label)) {
				report(path, 'unknown-control', `unknown UI control [!UICONTROL ${node.label}]: the label must be one of locales/${sourceLocale.code}/glossary.json`);
			}
			if (node.type === 'placeholder' && !data.menuPaths[node.name]) {
				report(path, 'menu-path', `unknown menu path {{${node.name}}}: the procedure has ${known(data.menuPaths).replace(/[\w-]+/g, '{{$&}}')}`);
			} else if (node.type === 'placeholder' && step && !step.menuPaths.includes(node.name)) {
				report(path, 'menu-path', `menu path {{${node.name}}} does not belong to step "${step.id}"`);
			}
			if (node.type === 'link' && !data.links[node.target]) {
				report(path, 'link', `unknown link (${node.target}): the procedure has ${known(data.links).replace(/[\w-]+/g, '($&)')}`);
			}
		}
	}
}

/** The checks a build cannot do without: anything that would render wrong or not at all. */
export function validateLocaleFiles(files: LocaleFiles, procedures: readonly ProcedureEntry[]): Problem[] {
	const problems: Problem[] = [];
	const source = files[sourceLocale.code] ?? {};
	const englishGlossary = (source.glossary?.value ?? {}) as JsonObject;
	const labelToControl = new Map(Object.entries(englishGlossary).flatMap(([id, label]) => (typeof label === 'string' ? [[label, id] as const] : [])));

	for (const locale of locales) {
		for (const [namespace, data] of Object.entries(files[locale.code] ?? {})) {
			const report = reporterFor(problems, data, locale.code);
			const value = data.value as JsonObject;
			const procedure = procedures.find((entry) => entry.id === namespace);
			const isSource = locale === sourceLocale;
			const sourceValue = source[namespace]?.value as JsonObject | undefined;
			checkKeys(value, namespace, isSource, locale.code, sourceValue, procedure, report);
			if (namespace === 'glossary') {
				for (const [id, label] of Object.entries(value)) {
					if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) report([id], 'glossary', 'a UI control id uses lower-case letters, digits and hyphens');
					if (isSource && typeof label === 'string' && labelToControl.get(label) !== id) report([id], 'glossary', `the English label "${label}" is used by another UI control too`);
				}
			} else if (procedure) {
				checkProcedureTexts(value, procedure, labelToControl, report);
			} else if (sourceValue) {
				checkSitePlaceholders(value, sourceValue, report);
			}
		}
	}

	// Every UI control the schema names needs an English label (the other glossaries are compared with it).
	if (source.glossary) {
		for (const { id, data } of procedures) {
			for (const control of controlsOf(data).filter((candidate) => !(candidate in englishGlossary))) {
				problems.push({
					severity: 'error',
					kind: 'unknown-control',
					file: `content/procedures/${id}.yaml`,
					key: control,
					message: `unknown UI control id "${control}": locales/${sourceLocale.code}/glossary.json has no label for it`,
				});
			}
		}
	}
	return problems;
}

export const namespacesOf = (procedures: readonly ProcedureEntry[]) => [...baseNamespaces, ...procedures.map((procedure) => procedure.id)];

/** Reads and checks every locale file; throws a DataError that lists every broken file, key and line. */
export function loadLocales(root: string, procedures: readonly ProcedureEntry[]): Resources {
	const { files, problems } = readLocaleFiles(root, namespacesOf(procedures));
	problems.push(...validateLocaleFiles(files, procedures));
	throwOnErrors(problems);
	return Object.fromEntries(
		Object.entries(files).map(([code, byNamespace]) => [code, Object.fromEntries(Object.entries(byNamespace).map(([namespace, data]) => [namespace, data.value as Record<string, unknown>]))]),
	);
}

