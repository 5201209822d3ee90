import { z } from 'astro/zod';
import { id } from './procedure';

/**
 * A small termbase per language (`locales/<lang>/terms.json`), next to the glossary of UI
 * labels: the one word a language uses for a thing in running text (the Admin, the API key, the
 * channel's name), and the variants it must not use. The English file names the things.
 */
export const englishTermsSchema = z.record(id, z.string().min(1));
export const termsSchema = z.record(
	id,
	z
		.object({
			use: z.string().min(1),
			/** Variants found in texts and refused: each must not be part of `use`. */
			avoid: z.array(z.string().min(1)).default([]),
		})
		.strict()
		.superRefine((term, ctx) => {
			for (const [i, variant] of term.avoid.entries()) {
				if (term.use.toLowerCase().includes(variant.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['avoid', i], message: `"${variant}" is part of the term "${term.use}" itself` });
			}
		}),
);

export type EnglishTerms = z.infer<typeof englishTermsSchema>;
export type Terms = z.infer<typeof termsSchema>;

export const termsFile = (code: string) => `locales/${code}/terms.json`;
