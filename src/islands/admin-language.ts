import { readStored, writeStored } from './storage';

/** Also read by the search (search-dialog.ts), which shows the labels the reader chose. */
export const adminLanguageKey = 'walkthroughs:admin-language';

/** Restores the reader's "my Admin is in …" choice and remembers changes (per Admin language, not per page). */
export function rememberAdminLanguage(): void {
	const radios = document.querySelectorAll<HTMLInputElement>('input[name="admin-language"]');
	const stored = readStored(adminLanguageKey);
	for (const radio of radios) {
		if (radio.value === stored) radio.checked = true;
		radio.addEventListener('change', () => writeStored(adminLanguageKey, radio.value));
	}
}
