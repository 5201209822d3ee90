import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../model/problems';
import { lintLocales, type LintResult } from './lint-locales';
import { pluralSuffix } from '../model/load-locales';
import { keyName, texts, type Json } from '../model/locale-files';
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

const textKeys = (value: unknown) => new Set([...texts(value as Json)].filter(([, text]) => text.trim() !== '').map(([path]) => keyName(path).replace(pluralSuffix, '')));

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
	const english = lint.files[sourceLocale.code] ?? {};
	return locales.map((locale) => {
		const files = lint.files[locale.code] ?? {};
		let translated = 0;
		let total = 0;
		for (const [namespace, source] of Object.entries(english)) {
			const expected = textKeys(source.value);
			const present = textKeys(files[namespace]?.value);
			total += expected.size;
			translated += [...expected].filter((key) => present.has(key)).length;
		}
		const status: LanguageStatus = { locale, translated, total, revisions: [], stale: [], findings: lint.problems.filter((problem) => problem.locale === locale.code) };
		for (const procedure of lint.procedures) {
			const value = files[procedure.id]?.value as Record<string, unknown> | undefined;
			if (typeof value?.revision !== 'string') continue;
			const revision = value.revision;
			status.revisions.push({ procedureId: procedure.id, revision });
			status.stale.push(...staleSteps(procedure.data, revision).map((stale) => ({ ...stale, procedureId: procedure.id, revision })));
			if (typeof value.workflowType === 'string' && value.workflowType.includes('mt')) {
				status.machineTranslation = { workflowType: value.workflowType, htDegree: typeof value.htDegree === 'string' ? value.htDegree : '?' };
			}
		}
		const changed = lastChange(root, `locales/${locale.code}`);
		if (changed) status.lastChange = changed;
		return status;
	});
}
