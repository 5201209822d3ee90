import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkup, type Inline } from '../model/markup';
import { localeByCode, sourceLocale, type Locale } from '../model/locales';
import type { ProcedureEntry } from '../model/load-locales';
import { staleSteps } from '../model/staleness';
import { controlsOf, type Procedure } from '../model/procedure';
import type { Translator } from './translator';
import { createTextContext, toPlainText, type TextContext } from './text-context';
import { localePath } from './urls';

export interface StepView {
	id: string;
	number: number;
	text: Inline[];
	/** The instruction as plain text, for labels and titles. */
	title: string;
	notes: Inline[][];
	branches: Inline[][];
	/** `src` is undefined while the screenshot does not exist. */
	image?: { alt: string; src: string | undefined };
	/** The step changed in the source after the revision this translation follows. */
	stale: boolean;
}

export interface ProcedureView {
	id: string;
	locale: Locale;
	/** The procedure in English, the source, where stale and machine-translated text points to. */
	englishPath: string;
	title: string;
	description: string;
	intro: Inline[][];
	section: { heading: Inline[]; lead: Inline[] };
	steps: StepView[];
	next?: { href: string; icon: string; link: Inline[] };
	/** Machine-translated text (Experience League's `workflow-type` with `mt`): the page says so. */
	machineTranslated: boolean;
	/** The live key check: the step it confirms, and the steps to go back to for each failed status. */
	keyCheck?: { confirms: StepView; recovery: Partial<Record<KeyProblem, StepView[]>> };
	/** Whether any UI label differs from the English Admin's, i.e. whether the Admin-language switch matters. */
	hasLocalizedLabels: boolean;
	context: TextContext;
}

type KeyProblem = keyof NonNullable<Procedure['keyCheck']>['recovery'];

function parse(text: string): Inline[] {
	const result = parseMarkup(text);
	if (!result.ok) throw new Error(`Unchecked markup error in "${text}": ${result.errors[0]!.message}`);
	return result.nodes;
}

/** `/images/<procedure>/<lang>/<file>` if a localized image exists, else `/images/<procedure>/<file>`, else none. */
export function findImage(procedureId: string, locale: Locale, file: string, publicDir = join(process.cwd(), 'public')): string | undefined {
	const found = [`images/${procedureId}/${locale.path}/${file}`, `images/${procedureId}/${file}`].find((path) =>
		existsSync(join(publicDir, path)),
	);
	return found && `/${found}`;
}

/** Everything a procedure page shows in one language, with the markup parsed. */
export function buildProcedureView(procedure: ProcedureEntry, localeCode: string, translators: (code: string) => Translator): ProcedureView {
	const locale = localeByCode(localeCode);
	if (!locale) throw new Error(`Unknown locale ${localeCode}`);
	const translator = translators(locale.code);
	const text = (key: string) => parse(translator.text(procedure.id, key));
	const plain = (key: string) => toPlainText(text(key), context);
	const { data } = procedure;
	const english = translators(sourceLocale.code);
	const context = createTextContext(procedure, locale, translator, english);
	const stale = new Set(staleSteps(data, translator.meta(procedure.id, 'revision') ?? '').map((step) => step.stepId));
	const steps: StepView[] = data.steps.map((step, index) => ({
		id: step.id,
		number: index + 1,
		text: text(`steps.${step.id}.text`),
		title: plain(`steps.${step.id}.text`),
		notes: step.notes.map((note) => text(`steps.${step.id}.notes.${note}`)),
		branches: step.branches.map((branch) => text(`steps.${step.id}.branches.${branch}`)),
		...(step.image && {
			image: { alt: plain(`steps.${step.id}.image`), src: findImage(procedure.id, locale, step.image) },
		}),
		stale: stale.has(step.id),
	}));
	// The schema has checked that every step id named here exists.
	const stepView = (id: string) => steps.find((step) => step.id === id)!;

	return {
		id: procedure.id,
		locale,
		englishPath: localePath(sourceLocale, procedure.id),
		title: plain('title'),
		description: plain('description'),
		intro: translator.keys(procedure.id, 'intro').map((key) => text(`intro.${key}`)),
		section: { heading: text('section.heading'), lead: text('section.lead') },
		steps,
		...(data.keyCheck && {
			keyCheck: {
				confirms: stepView(data.keyCheck.confirms),
				recovery: Object.fromEntries(Object.entries(data.keyCheck.recovery).map(([status, ids]) => [status, ids?.map(stepView) ?? []])),
			},
		}),
		...(data.next && {
			next: { href: context.link(data.next).href, icon: plain('next.icon'), link: text('next.link') },
		}),
		machineTranslated: translator.meta(procedure.id, 'workflowType')?.includes('mt') ?? false,
		hasLocalizedLabels: controlsOf(data).some((id) => translator.label(id) !== english.label(id)),
		context,
	};
}
