import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonFile, type DataFile, type KeyPath } from './data-file';
import type { Problem } from './problems';
import { locales } from './locales';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** Locale code → namespace (`site`, `glossary`, a procedure id) → the parsed file. */
export type LocaleFiles = Record<string, Record<string, DataFile>>;

export const localesDir = 'locales';
export const baseNamespaces = ['site', 'glossary'] as const;

export const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

export const keyName = (path: KeyPath) => path.join('.');

// About the translation, not text to show: the source revision it follows and, for machine
// translations, Experience League's `workflow-type` and `ht-degree` (human-translated share).
const metadataKeys = new Set(['revision', 'workflowType', 'htDegree']);
export const isMetadata = (path: KeyPath) => path.length === 1 && metadataKeys.has(String(path[0]));

/** Every text of an object with its key path, metadata left out. */
export function* texts(value: Json, path: KeyPath = []): Generator<[KeyPath, string]> {
	if (typeof value === 'string' && !isMetadata(path)) yield [path, value];
	else if (isObject(value)) for (const [key, child] of Object.entries(value)) yield* texts(child, [...path, key]);
}

/** Reads `locales/<code>/<namespace>.json` for every locale; unreadable or invalid files become problems. */
export function readLocaleFiles(root: string, namespaces: readonly string[]): { files: LocaleFiles; problems: Problem[] } {
	const files: LocaleFiles = {};
	const problems: Problem[] = [];
	for (const locale of locales) {
		files[locale.code] = {};
		for (const namespace of namespaces) {
			const file = `${localesDir}/${locale.code}/${namespace}.json`;
			const path = join(root, file);
			if (!existsSync(path)) {
				problems.push({ severity: 'error', kind: 'file', file, locale: locale.code, message: 'the file is missing' });
				continue;
			}
			const result = parseJsonFile(file, readFileSync(path, 'utf8'));
			if (!result.ok) {
				problems.push(...result.problems.map((problem) => ({ ...problem, locale: locale.code })));
			} else if (!isObject(result.data.value)) {
				problems.push({ severity: 'error', kind: 'file', file, line: 1, locale: locale.code, message: 'the file must hold one JSON object' });
			} else {
				files[locale.code]![namespace] = result.data;
			}
		}
	}
	return { files, problems };
}

/** A reporter for one locale file: problems located by key path. */
export type Report = (path: KeyPath, kind: string, message: string, severity?: Problem['severity']) => void;

export function reporterFor(problems: Problem[], data: DataFile, locale: string): Report {
	return (path, kind, message, severity = 'error') =>
		problems.push({ severity, kind, file: data.file, line: data.lineOf(path), locale, key: keyName(path), message });
}
