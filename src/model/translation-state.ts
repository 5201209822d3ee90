import type { Content, ProcedureEntry } from './content';
import type { Locale } from './locales';
import { fingerprint, type TranslationState } from './origin';
import { expectedKeys, textAt } from './texts';

/** What a translator needs to know about one string of a procedure in one language. */
export interface StringStatus {
	key: string;
	english: string;
	/** The translation, if there is one. */
	text: string | undefined;
	state: TranslationState | undefined;
	/** The English changed since the string was translated: the English then (null: not known) and now. */
	stale: { before: string | null; after: string } | undefined;
	/** The translation changed since its origin was recorded (npm run i18n:confirm records it). */
	edited: boolean;
	/** Not translated: missing, or the same words as the English. */
	untranslated: boolean;
	/** The string has no record of what it was translated from. */
	unrecorded: boolean;
}

/**
 * The words of a text that a translation should change: what is left without UI labels, menu
 * paths, product names, code, link and icon targets, punctuation and case.
 */
export function translatableWords(text: string): string {
	return text
		.replace(/\[!(UICONTROL|DNL) [^\]]*\]/g, ' ')
		.replace(/\{\{[^}]*\}\}|`[^`]*`|\]\([^)]*\)/g, ' ')
		.replace(/[^\p{L}\p{N}]+/gu, ' ')
		.trim()
		.toLowerCase();
}

/** A translation that is the English text again (a step left in English). */
export function isUntranslated(text: string, english: string): boolean {
	const words = translatableWords(english);
	return words !== '' && translatableWords(text) === words;
}

/** Every string of a procedure in a language: its state, whether it is stale, edited or untranslated. */
export function stringStatuses(content: Content, procedure: ProcedureEntry, locale: Locale): StringStatus[] {
	const english = content.words.en.procedures[procedure.id];
	const texts = content.words[locale.code].procedures[procedure.id];
	const origin = content.words[locale.code].origins[procedure.id] ?? {};
	return expectedKeys(procedure.data).flatMap((key) => {
		const source = english && textAt(english, key);
		if (source === undefined) return [];
		const text = texts && textAt(texts, key);
		const record = Object.hasOwn(origin, key) ? origin[key] : undefined;
		const edited = record !== undefined && text !== undefined && fingerprint(text) !== record.hash;
		const stale = record && !edited && record.source !== source ? { before: record.source, after: source } : undefined;
		return [{ key, english: source, text, state: record?.state, stale, edited, untranslated: text === undefined || isUntranslated(text, source), unrecorded: text !== undefined && !record }];
	});
}
