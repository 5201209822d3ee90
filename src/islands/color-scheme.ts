/** Also read by public/color-scheme.js, which applies the choice before the page is drawn. */
const storageKey = 'walkthroughs:color-scheme';

/** The header's color-scheme picker: light, dark or the system's, remembered for every page. */
export function enableColorSchemePicker(): void {
	const picker = document.querySelector<HTMLElement>('[data-scheme-picker]');
	const select = picker?.querySelector('select');
	if (!picker || !select) return;
	const root = document.documentElement;
	select.value = root.dataset.scheme ?? 'system';
	select.addEventListener('change', () => {
		if (select.value === 'system') delete root.dataset.scheme;
		else root.dataset.scheme = select.value;
		try {
			localStorage.setItem(storageKey, select.value);
		} catch {
			// Storage blocked: the choice lasts until the page is left.
		}
	});
	picker.hidden = false;
}
