import { locales, sourceLocale, type Locale } from '../model/locales';

// Chinese tags that name or imply Simplified script: our zh-TW text is Traditional.
const simplifiedChinese = /^zh-(hans|cn|sg|my)\b/i;

/** The locale that serves one language tag (`de-AT` → de, `zh-Hant-HK` → zh-TW), if any. */
export function matchLocale(tag: string): Locale | undefined {
	const lower = tag.trim().toLowerCase();
	const exact = locales.find((locale) => locale.code.toLowerCase() === lower);
	if (exact) return exact;
	if (simplifiedChinese.test(lower)) return undefined;
	const primary = lower.split('-')[0];
	return locales.find((locale) => locale.code.toLowerCase().split('-')[0] === primary);
}

/** The best locale for languages in order of preference (e.g. `navigator.languages`). */
export function pickLocale(preferred: readonly string[]): Locale {
	for (const tag of preferred) {
		const locale = matchLocale(tag);
		if (locale) return locale;
	}
	return sourceLocale;
}

/** Language tags of an Accept-Language header, most preferred first; `q=0` and `*` dropped. */
export function parseAcceptLanguage(header: string): string[] {
	return header
		.split(',')
		.map((part, index) => {
			const [tag = '', ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const quality = q ? Number(q.slice(2)) : 1;
			return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
		})
		.filter(({ tag, quality }) => tag !== '' && tag !== '*' && quality > 0)
		.sort((a, b) => b.quality - a.quality || a.index - b.index)
		.map(({ tag }) => tag);
}
