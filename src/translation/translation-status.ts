import { lastChangeOf } from '../model/last-change';
import type { Problem } from '../model/problems';
import { lintLocales, type LintResult } from './lint-locales';
import { pluralSuffix } from '../model/check';
import type { Content } from '../model/content';
import { expectedKeys, type SiteTexts } from '../model/texts';
import { isEnglishOnly } from '../model/ui-controls';
import { locales, sourceLocale, type Locale } from '../model/locales';
import { stringStatuses } from '../model/translation-state';
import { wordDiff, type DiffPart } from '../model/word-diff';

export interface LanguageStatus {
	locale: Locale;
	/** Texts present (plural forms counted once) out of the texts the English files have. */
	translated: number;
	total: number;
	/** The revision of the English page each procedure's translation follows (Experience League's source-git-commit). */
	revisions: { procedureId: string; revision: string }[];
	/** Strings whose English changed since they were translated, with what changed (no diff: the earlier English is not known). */
	stale: { procedureId: string; key: string; diff: DiffPart[] | undefined; english: string }[];
	/** Procedure strings by how they were translated. */
	states: { machine: number; postEdited: number; human: number };
	/** Date (YYYY-MM-DD) of the last commit that touched the language's files, or of their last edit. */
	lastChange?: string;
	findings: Problem[];
}

const siteKeys = (texts: SiteTexts, prefix = ''): string[] =>
	Object.entries(texts).flatMap(([key, value]) => (typeof value === 'string' ? (value.trim() ? [`${prefix}${key}`.replace(pluralSuffix, '')] : []) : siteKeys(value, `${prefix}${key}.`)));

/** How many of the texts the English files have are translated in a language (plural forms counted once, the English again not counted). */
function translatedCount(content: Content, locale: Locale): { translated: number; total: number } {
	const english = content.words[sourceLocale.code];
	const words = content.words[locale.code];
	const own = new Set(siteKeys(words.site));
	const site = [...new Set(siteKeys(english.site))];
	const labels = Object.keys(english.glossary).filter((id) => !isEnglishOnly(content.uiControls, id));
	let translated = site.filter((key) => own.has(key)).length + labels.filter((id) => Object.hasOwn(words.glossary, id) && words.glossary[id]!.trim()).length;
	let total = site.length + labels.length;
	for (const procedure of content.procedures) {
		const statuses = locale === sourceLocale ? expectedKeys(procedure.data).map(() => ({ untranslated: false })) : stringStatuses(content, procedure, locale);
		total += statuses.length;
		translated += statuses.filter((status) => !status.untranslated).length;
	}
	return { translated, total };
}

/** Per language: how much is translated, what is stale, machine translation, last change, findings. */
export function translationStatus(root: string, lint: LintResult = lintLocales(root)): LanguageStatus[] {
	return locales.map((locale) => {
		const status: LanguageStatus = {
			locale,
			...translatedCount(lint.content, locale),
			revisions: [],
			stale: [],
			states: { machine: 0, postEdited: 0, human: 0 },
			findings: lint.problems.filter((problem) => problem.locale === locale.code),
		};
		for (const procedure of lint.content.procedures) {
			const revision = lint.content.words[locale.code].procedures[procedure.id]?.revision;
			if (revision) status.revisions.push({ procedureId: procedure.id, revision });
			if (locale === sourceLocale) continue;
			for (const string of stringStatuses(lint.content, procedure, locale)) {
				if (string.stale) status.stale.push({ procedureId: procedure.id, key: string.key, english: string.stale.after, diff: string.stale.before === null ? undefined : wordDiff(string.stale.before, string.stale.after) });
				if (string.state === 'machine' && !string.edited) status.states.machine++;
				else if (string.state === 'post-edited' || (string.state === 'machine' && string.edited)) status.states.postEdited++;
				else if (string.state === 'human') status.states.human++;
			}
		}
		const changed = lastChangeOf(root, `locales/${locale.code}`);
		if (changed) status.lastChange = changed;
		return status;
	});
}
