/**
 * The step being read: the last step or section heading at or above a line just below the
 * sticky header (where a link to a step puts its heading). Not the #step in the address, which
 * is where the reader arrived, maybe long ago.
 */
function currentStep(): string {
	const line = (document.querySelector('.site-header')?.getBoundingClientRect().bottom ?? 0) + 48;
	let current = '';
	// Sections' and steps' headings, in page order (not the fixed outline's, beside them).
	for (const heading of document.querySelectorAll<HTMLElement>('step-progress > [id]:is(h2, h3), .step-title')) {
		if (heading.getBoundingClientRect().top > line) break;
		current = `#${heading.id}`;
	}
	return current;
}

/** The picker closes like a menu: on Escape (back to its button), a click elsewhere, or Tab out of it. */
function closeWhenLeft(picker: HTMLDetailsElement): void {
	const summary = picker.querySelector('summary')!;
	picker.addEventListener('keydown', (event) => {
		if (event.key !== 'Escape' || !picker.open) return;
		picker.open = false;
		summary.focus();
	});
	picker.addEventListener('focusout', (event) => {
		const next = event.relatedTarget as Node | null;
		if (next && !picker.contains(next)) picker.open = false;
	});
	document.addEventListener('click', (event) => {
		if (!picker.contains(event.target as Node)) picker.open = false;
	});
}

/** Language links keep the step being read; the picker closes when left. */
export function enableLanguagePicker(): void {
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-link]')) {
		const update = () => {
			link.hash = currentStep();
		};
		// Before a click, a middle click or the context menu ("copy link") reads the href.
		for (const type of ['click', 'auxclick', 'contextmenu']) link.addEventListener(type, update);
	}
	const picker = document.querySelector<HTMLDetailsElement>('details.language-picker');
	if (picker) closeWhenLeft(picker);
}
