import { pickLocale } from '../view/negotiate';

/**
 * Pages that only choose a language (`/`, `/go/…`) list one link per language, each with its
 * `hreflang`. On a static host nobody reads Accept-Language: the browser's languages choose the
 * link, English otherwise; without JavaScript the reader clicks one.
 */
export function followPreferredLanguageLink(): void {
	const code = pickLocale(navigator.languages).code;
	const link = document.querySelector<HTMLAnchorElement>(`a[data-language-choice][hreflang="${code}"]`);
	if (link) location.replace(link.href);
}
