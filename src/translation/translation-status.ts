import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../model/problems';
import { lintLocales, type LintResult } from './lint-locales';
import { pluralSuffix } from '../model/check';
import type { Content } from '../model/content';
import { expectedKeys, textAt, type SiteTexts } from '../model/texts';
import { isEnglishOnly } from '../model/ui-controls';
import { locales, sourceLocale, type Locale } from '../model/locales';
import { staleSteps, type StaleStep } from '../model/staleness';

export interface LanguageStatus {
	locale: Locale;
	/** Texts present (plural forms counted once) out of the texts the English files have. */
	translated: number;
	total: number;
	/** The source revision of each procedure's text. */
	revisions: { procedureId: string; revision: string }[];
	stale: (StaleStep & { procedureId: string; revision: string })[];
	/** Experience League's workflow type and human-translated share, when machine translation was used. */
	machineTranslation?: { workflowType: string; htDegree: string };
	/** Date (YYYY-MM-DD) of the last commit that touched the language's files, or of their last edit. */
	lastChange?: string;
	findings: Problem[];
}

const siteKeys = (texts: SiteTexts, prefix = ''): string[] =>
	Object.entries(texts).flatMap(([key, value]) => (typeof value === 'string' ? (value.trim() ? [`${prefix}${key}`.replace(pluralSuffix, '')] : []) : siteKeys(value, `${prefix}${key}.`)));

/** How many of the texts the English files have are there in a language (plural forms counted once). */
function translatedCount(content: Content, locale: Locale): { translated: number; total: number } {
	const english = content.words[sourceLocale.code];
	const words = content.words[locale.code];
	const own = new Set(siteKeys(words.site));
	const site = [...new Set(siteKeys(english.site))];
	const labels = Object.keys(english.glossary).filter((id) => !isEnglishOnly(content.uiControls, id));
	let translated = site.filter((key) => own.has(key)).length + labels.filter((id) => Object.hasOwn(words.glossary, id) && words.glossary[id]!.trim()).length;
	let total = site.length + labels.length;
	for (const procedure of content.procedures) {
		const keys = expectedKeys(procedure.data);
		const texts = words.procedures[procedure.id];
		total += keys.length;
		if (texts) translated += keys.filter((key) => textAt(texts, key)?.trim()).length;
	}
	return { translated, total };
}

function lastChange(root: string, dir: string): string | undefined {
	try {
		return execFileSync('git', ['log', '-1', '--format=%cs', '--', dir], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || undefined;
	} catch {
		// Not a git checkout: the date the folder was last written.
		return statSync(join(root, dir)).mtime.toISOString().slice(0, 10);
	}
}

/** Per language: how much is translated, what is stale, machine translation, last change, findings. */
export function translationStatus(root: string, lint: LintResult = lintLocales(root)): LanguageStatus[] {
	return locales.map((locale) => {
		const status: LanguageStatus = { locale, ...translatedCount(lint.content, locale), revisions: [], stale: [], findings: lint.problems.filter((problem) => problem.locale === locale.code) };
		for (const procedure of lint.content.procedures) {
			const texts = lint.content.words[locale.code].procedures[procedure.id];
			if (texts?.revision === undefined) continue;
			const { revision } = texts;
			status.revisions.push({ procedureId: procedure.id, revision });
			status.stale.push(...staleSteps(procedure.data, revision).map((stale) => ({ ...stale, procedureId: procedure.id, revision })));
			if (texts.workflowType?.includes('mt')) status.machineTranslation = { workflowType: texts.workflowType, htDegree: texts.htDegree ?? '?' };
		}
		const changed = lastChange(root, `locales/${locale.code}`);
		if (changed) status.lastChange = changed;
		return status;
	});
}
