import { z } from 'astro/zod';
import { id } from './procedure';

/**
 * Where each UI control lives (`content/ui-controls.yaml`). A control is named in texts by its
 * English label; two controls may share a label only if they live in different places, and a
 * step's `controls` then says which one it means. Labels are in `locales/<lang>/glossary.json`.
 */
export const uiControlsSchema = z
	.object({
		places: z.record(
			id,
			z
				.object({
					name: z.string().min(1),
					/** The place has no other language (the Commerce account site): its labels stay English everywhere. */
					englishOnly: z.boolean().default(false),
				})
				.strict(),
		),
		controls: z.record(id, id),
	})
	.strict()
	.superRefine((data, ctx) => {
		for (const [control, place] of Object.entries(data.controls)) {
			if (!Object.hasOwn(data.places, place)) ctx.addIssue({ code: 'custom', path: ['controls', control], message: `unknown place "${place}"` });
		}
	});

export type UiControls = z.infer<typeof uiControlsSchema>;

export const uiControlsFile = 'content/ui-controls.yaml';

/** Whether a control's label is the English one in every language. */
export const isEnglishOnly = (controls: UiControls, controlId: string) => controls.places[controls.controls[controlId] ?? '']?.englishOnly ?? false;
