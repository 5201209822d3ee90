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

// One formatter per language: making one costs more than formatting with it, and every page has a date.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A YYYY-MM-DD date as the language writes it ("23. November 2025", "2025年11月23日"). */
export function formatDate(date: string, locale: Locale): string {
	let formatter = formatters.get(locale.code);
	if (!formatter) formatters.set(locale.code, (formatter = new Intl.DateTimeFormat(locale.code, { dateStyle: 'long', timeZone: 'UTC' })));
	return formatter.format(new Date(`${date}T00:00:00Z`));
}
