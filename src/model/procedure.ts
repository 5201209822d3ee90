import { z } from 'astro/zod';

/** Ids of steps, links, menu paths, notes and branches: lower-case words joined by hyphens. */
const id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'use lower-case letters, digits and hyphens');

const step = z.object({
	id,
	/** Glossary ids of every UI control the step's texts name, directly or inside a menu path. */
	controls: z.array(id),
	menuPaths: z.array(id).default([]),
	notes: z.array(id).default([]),
	branches: z.array(id).default([]),
	/** File name of the step's screenshot, looked up in public/images/<procedure>/[<lang>/]. */
	image: z.string().regex(/^[\w.-]+\.(png|jpe?g|webp|svg)$/).optional(),
});

const link = z.object({
	url: z.string().url(),
	/** `experience-league`: the page exists in every language, chosen with `?lang=`. */
	localized: z.literal('experience-league').optional(),
	newTab: z.boolean().default(false),
});

const keyStatus = z.enum(['missing', 'invalid', 'expired']);

export const procedureSchema = z
	.object({
		revisions: z
			.array(z.object({ commit: z.string().regex(/^[0-9a-f]{40}$/), changedSteps: z.array(id).default([]) }))
			.min(1),
		links: z.record(id, link).default({}),
		next: id.optional(),
		menuPaths: z.record(id, z.array(id).min(1)).default({}),
		keyCheck: z
			.object({ confirms: id, recovery: z.record(keyStatus, z.array(id).min(1)) })
			.optional(),
		steps: z.array(step).min(1),
	})
	.superRefine((procedure, ctx) => {
		const stepIds = new Set<string>();
		procedure.steps.forEach((step, index) => {
			if (stepIds.has(step.id)) {
				ctx.addIssue({ code: 'custom', path: ['steps', index, 'id'], message: `duplicate step id "${step.id}"` });
			}
			stepIds.add(step.id);
			step.menuPaths.forEach((pathId, i) => {
				if (!(pathId in procedure.menuPaths)) {
					ctx.addIssue({ code: 'custom', path: ['steps', index, 'menuPaths', i], message: `unknown menu path "${pathId}"` });
				}
			});
		});
		const requireStep = (stepId: string, path: (string | number)[]) => {
			if (!stepIds.has(stepId)) ctx.addIssue({ code: 'custom', path, message: `unknown step "${stepId}"` });
		};
		procedure.revisions.forEach((revision, r) =>
			revision.changedSteps.forEach((stepId, i) => requireStep(stepId, ['revisions', r, 'changedSteps', i])),
		);
		if (procedure.keyCheck) {
			requireStep(procedure.keyCheck.confirms, ['keyCheck', 'confirms']);
			for (const [status, steps] of Object.entries(procedure.keyCheck.recovery)) {
				steps?.forEach((stepId, i) => requireStep(stepId, ['keyCheck', 'recovery', status, i]));
			}
		}
		if (procedure.next && !(procedure.next in procedure.links)) {
			ctx.addIssue({ code: 'custom', path: ['next'], message: `unknown link "${procedure.next}"` });
		}
	});

export type Procedure = z.infer<typeof procedureSchema>;
export type ProcedureStep = Procedure['steps'][number];

/** The revision of the source that the procedure's current structure and English text follow. */
export function currentRevision(procedure: Procedure): string {
	return procedure.revisions[procedure.revisions.length - 1]!.commit;
}

/** Every UI control id the procedure names, in its steps or in its menu paths. */
export function controlsOf(procedure: Procedure): string[] {
	return [...new Set([...procedure.steps.flatMap((step) => step.controls), ...Object.values(procedure.menuPaths).flat()])];
}
