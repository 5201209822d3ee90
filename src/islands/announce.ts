/** Says `text` to screen readers through the page's polite live region (Procedure.astro). */
export function announce(text: string): void {
	const region = document.querySelector('[data-announcer]');
	if (!region) return;
	// Clear first, so the same message twice in a row is announced twice.
	region.textContent = '';
	requestAnimationFrame(() => {
		region.textContent = text;
	});
}
