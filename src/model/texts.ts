import { z } from 'astro/zod';
import { madeOnce } from './made-once';
import { id, textKeysOf, type Procedure } from './procedure';

/**
 * The words: what `locales/<lang>/*.json` hold, as typed data. A file is parsed through these
 * schemas once; everything after works with the result, never with raw JSON.
 */

const text = z.string({ invalid_type_error: 'must be a text in double quotes' });
const textsById = z.record(text, { invalid_type_error: 'must be an object of texts' });

/** `locales/<lang>/<procedure>.json`: the procedure's texts by key (see procedure.ts for the keys). */
export const procedureTextsSchema = z
	.object({
		/** The revision of the English page the text follows (Experience League's `source-git-commit`), a fact kept as imported. */
		revision: z.string().optional(),
		title: text,
		description: text,
		intro: textsById.optional(),
		sections: z.record(textsById, { invalid_type_error: 'must be an object of sections' }).optional(),
		steps: z.record(textsById, { invalid_type_error: 'must be an object of steps' }).optional(),
		next: z.object({ icon: text, link: text }).strict().optional(),
	})
	.strict();

export type ProcedureTexts = z.infer<typeof procedureTextsSchema>;

/** `locales/<lang>/glossary.json`: UI control id → the label the product shows in that language. */
export const glossarySchema = z.record(id, text);
export type Glossary = z.infer<typeof glossarySchema>;

/** `locales/<lang>/site.json`: the site's own strings, nested by topic, for i18next. */
export type SiteTexts = { [key: string]: string | SiteTexts };
export const siteTextsSchema: z.ZodType<SiteTexts> = z.lazy(madeOnce(() => z.record(z.union([text, siteTextsSchema]))));

/** Fields about a translation, not text to show. */
export const metadataKeys = ['revision'] as const;

/** Every key a procedure's locale file must have, in the order the English file lists them. */
export function expectedKeys(procedure: Procedure): string[] {
	return ['title', 'description', ...textKeysOf(procedure).map((key) => key.key), ...(procedure.next ? ['next.icon', 'next.link'] : [])];
}

/** The text under a key such as `steps.paste-key.text`, if the file has it (own properties only). */
export function textAt(texts: ProcedureTexts, key: string): string | undefined {
	const parts = key.split('.');
	let value: unknown = texts;
	for (const part of parts) {
		if (typeof value !== 'object' || value === null || !Object.hasOwn(value, part)) return undefined;
		value = (value as Record<string, unknown>)[part];
	}
	return typeof value === 'string' ? value : undefined;
}

/** Every text of a procedure file with its key, metadata left out. */
export function textEntries(texts: ProcedureTexts): [string, string][] {
	const entries: [string, string][] = [
		['title', texts.title],
		['description', texts.description],
	];
	for (const [name, value] of Object.entries(texts.intro ?? {})) entries.push([`intro.${name}`, value]);
	for (const group of ['sections', 'steps'] as const) {
		for (const [scope, values] of Object.entries(texts[group] ?? {})) for (const [name, value] of Object.entries(values)) entries.push([`${group}.${scope}.${name}`, value]);
	}
	if (texts.next) entries.push(['next.icon', texts.next.icon], ['next.link', texts.next.link]);
	return entries;
}

/** Builds a procedure file from texts by key, in the order of `keys` (metadata first). */
export function procedureTextsFrom(metadata: Partial<Record<(typeof metadataKeys)[number], string>>, values: ReadonlyMap<string, string>, keys: readonly string[]): ProcedureTexts {
	const data: Record<string, unknown> = {};
	for (const field of metadataKeys) if (metadata[field] !== undefined) data[field] = metadata[field];
	for (const key of keys) {
		const value = values.get(key);
		if (value === undefined) continue;
		const parts = key.split('.');
		let target = data;
		for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>;
		target[parts[parts.length - 1]!] = value;
	}
	return procedureTextsSchema.parse(data);
}
