import { pickLocale } from '../i18n/negotiate';
import { localePath } from '../utils/urls';

/** On a static host nobody reads Accept-Language: the browser's language list decides, English otherwise. */
export function goToPreferredLanguage(): void {
	location.replace(localePath(pickLocale(navigator.languages)) + location.hash);
}
