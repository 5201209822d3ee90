import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { controlsOf, type Procedure } from '../schemas/procedure';
import { parseJsonFile, type DataFile, type KeyPath } from '../utils/data-file';
import { throwOnErrors, type Problem } from '../utils/problems';
import { locales, sourceLocale } from './locales';
import { parseMarkup, walk } from './markup';

export interface ProcedureEntry {
	id: string;
	data: Procedure;
}

/** i18next resources: locale code → namespace (`site`, `glossary`, a procedure id) → texts. */
export type Resources = Record<string, Record<string, Record<string, unknown>>>;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: unknown): value is JsonObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

export const localesDir = 'locales';

/** Reads `locales/<code>/<namespace>.json` for every locale; unreadable or invalid files become problems. */
export function readLocaleFiles(root: string, namespaces: readonly string[]) {
	const files: Record<string, Record<string, DataFile>> = {};
	const problems: Problem[] = [];
	for (const locale of locales) {
		files[locale.code] = {};
		for (const namespace of namespaces) {
			const file = `${localesDir}/${locale.code}/${namespace}.json`;
			const path = join(root, file);
			if (!existsSync(path)) {
				problems.push({ severity: 'error', file, locale: locale.code, message: 'the file is missing' });
				continue;
			}
			const result = parseJsonFile(file, readFileSync(path, 'utf8'));
			if (!result.ok) {
				problems.push(...result.problems.map((problem) => ({ ...problem, locale: locale.code })));
			} else if (!isObject(result.data.value)) {
				problems.push({ severity: 'error', file, line: 1, locale: locale.code, message: 'the file must hold one JSON object' });
			} else {
				files[locale.code]![namespace] = result.data;
			}
		}
	}
	return { files, problems };
}

const keyName = (path: KeyPath) => path.join('.');

type Report = (path: KeyPath, message: string, severity?: Problem['severity']) => void;

/**
 * Checks that `target` has every key of `reference`, each a non-empty text. `extra` says how to
 * treat keys that the reference does not have (undefined: allowed).
 */
function compareKeys(reference: JsonObject, target: JsonObject, path: KeyPath, report: Report, extra: (path: KeyPath) => [Problem['severity'], string] | undefined) {
	for (const [key, referenceValue] of Object.entries(reference)) {
		const keyPath = [...path, key];
		const value = target[key];
		if (value === undefined) {
			report(keyPath, 'missing');
		} else if (isObject(referenceValue)) {
			if (isObject(value)) compareKeys(referenceValue, value, keyPath, report, extra);
			else report(keyPath, 'must be an object of texts');
		} else if (typeof value !== 'string') {
			report(keyPath, 'must be a text in double quotes');
		} else if (value.trim() === '') {
			report(keyPath, 'is empty');
		}
	}
	for (const key of Object.keys(target)) {
		const finding = key in reference ? undefined : extra([...path, key]);
		if (finding) report([...path, key], finding[1], finding[0]);
	}
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

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

/** Every text of an object with its key path. */
function* texts(value: Json, path: KeyPath = []): Generator<[KeyPath, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (isObject(value)) for (const [key, child] of Object.entries(value)) yield* texts(child, [...path, key]);
}

const placeholders = (text: string) => new Set([...text.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((match) => match[1]!));

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

// About the translation, not text to show: the source revision it follows and, for machine
// translations, Experience League's `workflow-type` and `ht-degree` (human-translated share).
const metadataKeys = new Set(['revision', 'workflowType', 'htDegree']);
const isMetadata = (path: KeyPath) => path.length === 1 && metadataKeys.has(String(path[0]));

export function validateLocaleFiles(files: Record<string, Record<string, DataFile>>, procedures: readonly ProcedureEntry[]): Problem[] {
	const problems: Problem[] = [];
	const source = files[sourceLocale.code] ?? {};
	const sourceGlossary = source.glossary?.value as JsonObject | undefined;
	const labelToControl = new Map<string, string>();
	for (const [id, label] of Object.entries(sourceGlossary ?? {})) {
		if (typeof label === 'string') labelToControl.set(label, id);
	}

	for (const locale of locales) {
		for (const [namespace, data] of Object.entries(files[locale.code] ?? {})) {
			const report = (path: KeyPath, message: string, severity: Problem['severity'] = 'error') =>
				problems.push({ severity, file: data.file, line: data.lineOf(path), locale: locale.code, key: keyName(path), message });
			const value = data.value as JsonObject;
			const procedure = procedures.find((entry) => entry.id === namespace);

			// The English file is the reference for every other language; its own reference is the step schema.
			if (locale === sourceLocale) {
				if (procedure) {
					compareKeys(procedureShape(procedure.data), value, [], report, (path) =>
						path[0] === 'steps' ? ['warning', 'not in the step schema: it is never shown'] : undefined,
					);
				} else {
					compareKeys(withPluralForms(value, locale.code), value, [], report, () => undefined);
				}
			} else if (source[namespace]) {
				compareKeys(withPluralForms(source[namespace].value as JsonObject, locale.code), value, [], report, (path) =>
					isMetadata(path) || pluralSuffix.test(String(path[path.length - 1]))
						? undefined
						: namespace === 'glossary'
						? ['error', `unknown UI control id: locales/${sourceLocale.code}/glossary.json has no such control`]
						: ['warning', `not in locales/${sourceLocale.code}/${namespace}.json: it is never shown`],
				);
			}

			if (namespace === 'glossary') {
				for (const [id, label] of Object.entries(value)) {
					if (typeof label !== 'string') continue;
					if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) report([id], 'a UI control id uses lower-case letters, digits and hyphens');
					if (locale === sourceLocale && labelToControl.get(label) !== id) report([id], `the English label "${label}" is used by another UI control too`);
				}
				continue;
			}

			if (procedure) {
				const revision = value.revision;
				if (typeof revision === 'string' && !procedure.data.revisions.some((r) => r.commit === revision)) {
					report(['revision'], `"${revision}" is not a revision listed in content/procedures/${procedure.id}.yaml`);
				}
			}

			if (!procedure) {
				// Site strings: i18next interpolation only. A placeholder the English text lacks gets no value.
				const sourceValue = (source[namespace]?.value ?? {}) as Json;
				const sourceTexts = new Map([...texts(sourceValue)].map(([path, text]) => [keyName(path), text]));
				for (const [path, text] of texts(value)) {
					const sourceText = sourceTexts.get(keyName(path)) ?? sourceTexts.get(keyName(path).replace(pluralSuffix, '_other'));
					const allowed = placeholders(sourceText ?? '');
					for (const name of placeholders(text)) {
						if (!allowed.has(name)) report(path, `unknown placeholder {{${name}}}: the English text has ${[...allowed].map((n) => `{{${n}}}`).join(', ') || 'none'}`);
					}
				}
				continue;
			}

			for (const [path, text] of texts(value)) {
				if (isMetadata(path)) continue;
				const parsed = parseMarkup(text);
				if (!parsed.ok) {
					for (const error of parsed.errors) report(path, `${error.message} (at character ${error.offset + 1})`);
					continue;
				}
				const step = path[0] === 'steps' ? procedure?.data.steps.find((s) => s.id === path[1]) : undefined;
				for (const node of walk(parsed.nodes)) {
					if (node.type === 'control' && !labelToControl.has(node.label)) {
						report(path, `unknown UI control [!UICONTROL ${node.label}]: the label must be one of locales/${sourceLocale.code}/glossary.json`);
					}
					if (node.type === 'placeholder' && !procedure?.data.menuPaths[node.name]) {
						report(path, `unknown menu path {{${node.name}}}${procedure ? `: the procedure has ${Object.keys(procedure.data.menuPaths).map((name) => `{{${name}}}`).join(', ') || 'none'}` : ''}`);
					} else if (node.type === 'placeholder' && step && !step.menuPaths.includes(node.name)) {
						report(path, `menu path {{${node.name}}} does not belong to step "${step.id}"`);
					}
					if (node.type === 'link' && !procedure?.data.links[node.target]) {
						report(path, `unknown link (${node.target})${procedure ? `: the procedure has ${Object.keys(procedure.data.links).map((name) => `(${name})`).join(', ') || 'none'}` : ''}`);
					}
				}
			}
		}
	}

	// Every UI control the schema names must be in the English glossary (the others are compared with it).
	const englishGlossary = (source.glossary?.value ?? {}) as JsonObject;
	for (const { id, data } of procedures) {
		for (const control of controlsOf(data)) {
			if (source.glossary && !(control in englishGlossary)) {
				problems.push({
					severity: 'error',
					file: `content/procedures/${id}.yaml`,
					key: control,
					message: `unknown UI control id "${control}": locales/${sourceLocale.code}/glossary.json has no label for it`,
				});
			}
		}
	}
	return problems;
}

export const baseNamespaces = ['site', 'glossary'] as const;

/** Reads and checks every locale file; throws a DataError that lists every broken file, key and line. */
export function loadLocales(root: string, procedures: readonly ProcedureEntry[]): Resources {
	const namespaces = [...baseNamespaces, ...procedures.map((procedure) => procedure.id)];
	const { files, problems } = readLocaleFiles(root, namespaces);
	problems.push(...validateLocaleFiles(files, procedures));
	throwOnErrors(problems);
	return Object.fromEntries(
		Object.entries(files).map(([code, byNamespace]) => [
			code,
			Object.fromEntries(Object.entries(byNamespace).map(([namespace, data]) => [namespace, data.value as Record<string, unknown>])),
		]),
	);
}
