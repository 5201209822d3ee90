import { createHash } from 'node:crypto';
import { z } from 'astro/zod';

/**
 * Where each string of a translation came from (`locales/<lang>/<procedure>.origin.json`):
 * the English text it was translated from, how it was translated, and a fingerprint of the
 * translation as recorded. Staleness follows from it: when the English text of a key is no
 * longer the one recorded, that string of the translation is stale, with nothing kept by hand.
 */
export const translationStates = ['machine', 'post-edited', 'human'] as const;
export type TranslationState = (typeof translationStates)[number];

export const originSchema = z.record(
	z.string(),
	z
		.object({
			/** The English text translated from; null when it was an older English text we do not have. */
			source: z.string().nullable(),
			state: z.enum(translationStates),
			/** The fingerprint of the translation when this was recorded: an edit since then shows. */
			hash: z.string().regex(/^[0-9a-f]{12}$/, 'a fingerprint of 12 hex digits'),
			/** The machine translation as imported: kept when a person edits the string (and a newer one offered). */
			machine: z.string().optional(),
		})
		.strict(),
);

export type Origin = z.infer<typeof originSchema>;
export type OriginEntry = Origin[string];

export const originFile = (code: string, procedure: string) => `locales/${code}/${procedure}.origin.json`;

/** A short fingerprint of a text. */
export const fingerprint = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);
