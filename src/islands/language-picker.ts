/**
 * Language links keep the step the reader is on: the URL's #step, or else the step heading
 * nearest above the upper third of the window (the one being read).
 */
function currentStep(): string {
	if (location.hash) return location.hash;
	let current = '';
	for (const heading of document.querySelectorAll<HTMLElement>('[data-step] h3[id]')) {
		if (heading.getBoundingClientRect().top > innerHeight / 3) break;
		current = `#${heading.id}`;
	}
	return current;
}

export function keepStepOnLanguageLinks(): void {
	for (const link of document.querySelectorAll<HTMLAnchorElement>('a[data-language-link]')) {
		const update = () => {
			link.hash = currentStep();
		};
		// Before a click, a middle click or the context menu ("copy link") reads the href.
		for (const type of ['click', 'auxclick', 'contextmenu']) link.addEventListener(type, update);
	}
}
