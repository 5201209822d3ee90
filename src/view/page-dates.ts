import type { Locale } from '../model/locales';
import { sourceLocale } from '../model/locales';
import { lastChangeOf } from '../model/last-change';

/**
 * When a procedure's text in a language last changed: its locale file's last commit, or the
 * English file's where the language has none yet (the page then shows the English text).
 */
export function procedureUpdated(root: string, procedureId: string, locale: Locale): string | undefined {
	return lastChangeOf(root, `locales/${locale.code}/${procedureId}.json`) ?? lastChangeOf(root, `locales/${sourceLocale.code}/${procedureId}.json`);
}

/** A YYYY-MM-DD date as the language writes it ("23. November 2025", "2025年11月23日"). */
export const formatDate = (date: string, locale: Locale) => new Intl.DateTimeFormat(locale.code, { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
