import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ZodError } from 'astro/zod';
import { readDataFile, type DataFile, type KeyPath } from './data-file';
import { guideSchema, guidesDir, type Guide } from './guide';
import { locales, sourceLocale, type LocaleCode } from './locales';
import { throwOnErrors, type Problem } from './problems';
import { procedureSchema, type Procedure } from './procedure';
import { glossarySchema, procedureTextsSchema, siteTextsSchema, type Glossary, type ProcedureTexts, type SiteTexts } from './texts';
import { uiControlsFile, uiControlsSchema, type UiControls } from './ui-controls';
import { originFile, originSchema, type Origin } from './origin';

export interface ProcedureEntry {
	/** The file name in content/procedures/: the id in URLs and locale file names. */
	id: string;
	data: Procedure;
}

/** One language's words. A procedure without a file in this language is shown in English. */
export interface Words {
	site: SiteTexts;
	glossary: Glossary;
	procedures: Record<string, ProcedureTexts>;
	/** Where each string of a translated procedure came from (none for English). */
	origins: Record<string, Origin>;
}

/** Everything the site is built from, parsed and typed: the structure (content/) and the words (locales/). */
export interface Content {
	procedures: ProcedureEntry[];
	guides: Record<string, Guide>;
	uiControls: UiControls;
	words: Record<LocaleCode, Words>;
	/** Each data file as parsed, by path: says on which line a key is. */
	files: Map<string, DataFile>;
}

export const proceduresDir = 'content/procedures';
export const localesDir = 'locales';
export const localeFile = (code: string, name: string) => `${localesDir}/${code}/${name}.json`;

/** Zod's findings as problems located in the file. */
export function zodProblems(error: ZodError, data: DataFile, locale?: string): Problem[] {
	return error.issues.map((issue) => {
		const path = issue.path as KeyPath;
		const message =
			issue.code === 'unrecognized_keys'
				? `unknown key${issue.keys.length === 1 ? '' : 's'} ${issue.keys.map((key) => `"${key}"`).join(', ')}: ${locale ? 'the English file has no such text' : 'not part of the schema'}`
				: issue.code === 'invalid_type' && issue.received === 'undefined'
					? 'missing'
					: issue.message;
		const keyPath = issue.code === 'unrecognized_keys' ? [...path, issue.keys[0]!] : path;
		return {
			severity: 'error' as const,
			kind: issue.code === 'unrecognized_keys' ? 'extra-key' : issue.code === 'invalid_type' && issue.received === 'undefined' ? 'missing-key' : 'schema',
			file: data.file,
			line: data.lineOf(keyPath),
			...(locale && { locale }),
			key: keyPath.join('.'),
			message,
		};
	});
}

interface Reader {
	problems: Problem[];
	files: Map<string, DataFile>;
}

/** Reads, decodes and parses one file through its schema; every problem is collected. */
function readTyped<T>(root: string, file: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: ZodError } }, reader: Reader, locale?: string): T | undefined {
	if (!existsSync(join(root, file))) {
		reader.problems.push({ severity: 'error', kind: 'file', file, ...(locale && { locale }), message: 'the file is missing' });
		return undefined;
	}
	const parsed = readDataFile(root, file);
	if (!parsed.ok) {
		reader.problems.push(...parsed.problems.map((problem) => ({ ...problem, ...(locale && { locale }) })));
		return undefined;
	}
	reader.problems.push(...(parsed.warnings ?? []).map((problem) => ({ ...problem, ...(locale && { locale }) })));
	reader.files.set(file, parsed.data);
	const result = schema.safeParse(parsed.data.value);
	if (!result.success) {
		reader.problems.push(...zodProblems(result.error, parsed.data, locale));
		return undefined;
	}
	return result.data;
}

const yamlFiles = (root: string, dir: string) =>
	existsSync(join(root, dir))
		? readdirSync(join(root, dir))
				.filter((name) => name.endsWith('.yaml'))
				.sort()
		: [];

/** The procedures (content/procedures/*.yaml); `reader` collects what is wrong with them. */
function readProcedureFiles(root: string, reader: Reader): ProcedureEntry[] {
	return yamlFiles(root, proceduresDir).flatMap((name) => {
		const data = readTyped(root, `${proceduresDir}/${name}`, procedureSchema, reader);
		return data ? [{ id: name.replace(/\.yaml$/, ''), data }] : [];
	});
}

/**
 * Reads content/ and locales/: every file decoded as UTF-8, parsed and checked against its
 * schema. What cannot be read is left out and reported; nothing is guessed.
 */
export function readContent(root: string): { content: Content; problems: Problem[] } {
	const reader: Reader = { problems: [], files: new Map() };
	const entries = readProcedureFiles(root, reader);
	const guides = Object.fromEntries(
		yamlFiles(root, guidesDir).flatMap((name) => {
			const guide = readTyped(root, `${guidesDir}/${name}`, guideSchema, reader);
			return guide ? [[name.replace(/\.yaml$/, ''), guide] as const] : [];
		}),
	);
	const uiControls = readTyped(root, uiControlsFile, uiControlsSchema, reader) ?? { places: {}, controls: {} };
	const words = Object.fromEntries(
		locales.map((locale) => {
			const read = <T>(name: string, schema: Parameters<typeof readTyped<T>>[2]) => readTyped(root, localeFile(locale.code, name), schema, reader, locale.code);
			const texts: Record<string, ProcedureTexts> = {};
			const origins: Record<string, Origin> = {};
			for (const { id } of entries) {
				const file = localeFile(locale.code, id);
				if (locale !== sourceLocale && !existsSync(join(root, file))) {
					reader.problems.push({ severity: 'warning', kind: 'untranslated', file, locale: locale.code, message: `no translation of "${id}" yet: the page shows the English text` });
					continue;
				}
				const data = read(id, procedureTextsSchema);
				if (data) texts[id] = data;
				if (locale !== sourceLocale && existsSync(join(root, originFile(locale.code, id)))) {
					const origin = readTyped(root, originFile(locale.code, id), originSchema, reader, locale.code);
					if (origin) origins[id] = origin;
				}
			}
			return [locale.code, { site: read('site', siteTextsSchema) ?? {}, glossary: read('glossary', glossarySchema) ?? {}, procedures: texts, origins }];
		}),
	) as Record<LocaleCode, Words>;
	return { content: { procedures: entries, guides, uiControls, words, files: reader.files }, problems: reader.problems };
}

/** The procedures alone, for tools that need only the structure. Throws a DataError naming file and line. */
export function readProcedures(root: string): ProcedureEntry[] {
	const reader: Reader = { problems: [], files: new Map() };
	const entries = readProcedureFiles(root, reader);
	throwOnErrors(reader.problems);
	return entries;
}
