/**
 * Folds (global.css) open on wide screens by CSS (::details-content). Browsers without it get
 * them opened here on a wide screen, once, as the page loads; the reader may fold them again.
 */
export function openFoldsWithoutCss(): void {
	if (CSS.supports('selector(::details-content)')) return;
	for (const fold of document.querySelectorAll<HTMLDetailsElement>('details.fold')) {
		if (matchMedia(`(min-width: ${fold.dataset.openFrom})`).matches) fold.open = true;
	}
}
