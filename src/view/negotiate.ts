import { locales, sourceLocale, type Locale } from '../model/locales';

// Subtags that name or imply Simplified script (zh-Hans, zh-CN, zh-SG, zh-MY, zh-Hans-CN…):
// our zh-TW text is Traditional. An explicit Hant wins (zh-Hant-CN is Traditional).
const simplifiedSubtags = ['hans', 'cn', 'sg', 'my'];

function isSimplifiedChinese(tag: string): boolean {
	const [primary, ...subtags] = tag.trim().toLowerCase().split('-');
	return primary === 'zh' && !subtags.includes('hant') && subtags.some((subtag) => simplifiedSubtags.includes(subtag));
}

/** The locale that serves one language tag (`de-AT` → de, `zh-Hant-HK` → zh-TW), if any. */
export function matchLocale(tag: string): Locale | undefined {
	const lower = tag.trim().toLowerCase();
	const exact = locales.find((locale) => locale.code.toLowerCase() === lower);
	if (exact) return exact;
	if (isSimplifiedChinese(lower)) return undefined;
	const primary = lower.split('-')[0];
	return locales.find((locale) => locale.code.toLowerCase().split('-')[0] === primary);
}

/**
 * The best locale for languages in order of preference (e.g. `navigator.languages`).
 *
 * A bare `zh` names no script. Alone it gets zh-TW: a reader who only says "Chinese" can read
 * Traditional, which serves them better than English. But browsers set up for Simplified
 * Chinese send it next to a Simplified tag (Chrome: `zh-CN,zh;q=0.9`); there it means
 * Simplified too, and Traditional is not what the reader asked for, so it is passed over and
 * the next language they named (or English) is taken.
 */
export function pickLocale(preferred: readonly string[]): Locale {
	const simplifiedReader = preferred.some(isSimplifiedChinese);
	for (const tag of preferred) {
		if (simplifiedReader && tag.trim().toLowerCase() === 'zh') continue;
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
