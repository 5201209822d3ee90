import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { zodProblems } from '../model/content';
import { readDataFile } from '../model/data-file';
import { locales, sourceLocale, type LocaleCode } from '../model/locales';
import type { Problem } from '../model/problems';
import { englishTermsSchema, termsFile, termsSchema, type EnglishTerms, type Terms } from '../model/terms';

export interface TermsOf {
	english: EnglishTerms;
	local: Terms;
}

/** Each language's termbase with the English names of its terms; problems of the files go to `problems`. */
export function readTerms(root: string, problems: Problem[]): Partial<Record<LocaleCode, TermsOf>> {
	const read = <T>(code: string, schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: import('astro/zod').ZodError } }): T | undefined => {
		const file = termsFile(code);
		if (!existsSync(join(root, file))) return undefined;
		const parsed = readDataFile(root, file);
		if (!parsed.ok) return void problems.push(...parsed.problems.map((problem) => ({ ...problem, locale: code })));
		const result = schema.safeParse(parsed.data.value);
		if (!result.success) return void problems.push(...zodProblems(result.error, parsed.data, code));
		return result.data;
	};
	const english = read(sourceLocale.code, englishTermsSchema) ?? {};
	const termbase: Partial<Record<LocaleCode, TermsOf>> = {};
	for (const locale of locales.filter((candidate) => candidate !== sourceLocale)) {
		const local = read(locale.code, termsSchema);
		if (!local) continue;
		for (const id of Object.keys(local).filter((candidate) => !Object.hasOwn(english, candidate))) {
			problems.push({ severity: 'error', kind: 'term', file: termsFile(locale.code), locale: locale.code, key: id, message: `"${id}" is not in ${termsFile(sourceLocale.code)}: name the thing there first` });
		}
		termbase[locale.code] = { english, local };
	}
	return termbase;
}
